import { useMemo } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { courseInput, type Course, type CourseInput } from '../../../shared/domain/catalogue';
import { db, useLiveQuery, useMutate } from '../../db';
import { useT } from '../../i18n';
import { CheckboxGroup, SelectField, TextArea, TextField } from '../../ui/fields';
import { sharedSchemaResolver } from '../../ui/formResolver';
import { ListInput } from '../../ui/ListInput';
import { useUnsavedChangesGuard } from '../../ui/UnsavedChangesGuard';
import { useCourse, useProgrammes } from './data';
import { errorPaths, showRefusal, useFieldError } from '../../ui/formErrors';
import { useCatalogueLabels } from './labels';
import { NotFound } from './NotFound';

type Mode = 'new' | 'edit' | 'duplicate';
const resolver = sharedSchemaResolver(courseInput);

function blankCourse(programmeId: string): CourseInput {
  return {
    programmeId,
    code: '',
    title: '',
    summary: '',
    level: 'introductory',
    languages: ['en'],
    hours: 20,
    modules: [],
    prerequisites: [],
    tags: [],
    completionRule: { minAttendancePercent: 80, note: '' },
  };
}

function editable(course: Course): CourseInput {
  const { id: _id, archived: _a, createdAt: _c, updatedAt: _u, ...input } = course;
  return input;
}

function duplicateCode(code: string): string {
  return `${code.slice(0, 17)}-2`;
}

/** Create, edit or duplicate a course. */
export function CourseFormScreen({ mode }: { mode: Mode }) {
  const { id } = useParams();
  const [search] = useSearchParams();
  const source = useCourse(mode === 'new' ? undefined : id);
  const programmes = useProgrammes();
  const courses = useLiveQuery(() => db.courses.orderBy('code').toArray(), []);
  if (!programmes || !courses || (mode !== 'new' && source === undefined)) return null;
  if (mode !== 'new' && !source) return <NotFound />;
  const initial =
    mode === 'new'
      ? blankCourse(search.get('programme') ?? programmes.find((p) => !p.archived)?.id ?? '')
      : mode === 'edit'
        ? editable(source!.course)
        : { ...editable(source!.course), code: duplicateCode(source!.course.code) };
  return (
    <CourseForm
      key={`${mode}-${id ?? 'new'}`}
      mode={mode}
      courseId={mode === 'edit' ? id! : undefined}
      initial={initial}
      programmes={programmes}
      courses={courses}
    />
  );
}

function CourseForm({
  mode,
  courseId,
  initial,
  programmes,
  courses,
}: {
  mode: Mode;
  courseId: string | undefined;
  initial: CourseInput;
  programmes: { id: string; name: string; archived: boolean }[];
  courses: Course[];
}) {
  const t = useT();
  const labels = useCatalogueLabels();
  const navigate = useNavigate();
  const mutate = useMutate();
  const form = useForm<CourseInput, unknown, CourseInput>({ defaultValues: initial, resolver });
  const { register, control, handleSubmit, formState, setError } = form;
  const modules = useFieldArray({ control, name: 'modules' });
  const { errors, isSubmitted, isDirty, isSubmitSuccessful, isSubmitting } = formState;
  const err = useFieldError(errors);
  const guard = useUnsavedChangesGuard(isDirty && !isSubmitSuccessful);
  const prerequisiteOptions = useMemo(
    () =>
      courses
        .filter((c) => c.id !== courseId && !c.archived)
        .map((c) => ({ value: c.id, label: `${c.code} — ${c.title}` })),
    [courses, courseId],
  );

  const onSubmit = async (values: CourseInput) => {
    const id = courseId ?? crypto.randomUUID();
    const outcome = await mutate({
      name: mode === 'edit' ? 'course.update' : 'course.create',
      args: { ...values, id } as never,
    });
    if (!outcome.ok) {
      showRefusal(outcome.error, setError);
      throw new Error('refused');
    }
    guard.allowLeaving();
    void navigate(`/courses/${id}`, { state: { saved: true } });
  };

  const title = t(
    mode === 'edit'
      ? 'course.editTitle'
      : mode === 'duplicate'
        ? 'course.duplicateTitle'
        : 'course.newTitle',
  );
  const summaryPaths = errorPaths(errors);
  const rootError = err('root', '');

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => void handleSubmit(onSubmit)(e).catch(() => undefined)}
      aria-labelledby="form-title"
    >
      <h1 id="form-title">{title}</h1>
      {summaryPaths.length > 0 && isSubmitted && (
        <div className="error-summary" role="alert">
          {t('form.errorSummary', { count: summaryPaths.length })}
        </div>
      )}
      {rootError && (
        <p className="notice-error" role="alert">
          {rootError}
        </p>
      )}
      {programmes.length === 0 && (
        <p className="notice">
          {t('course.needProgramme')} <Link to="/programmes/new">{t('programme.newTitle')}</Link>
        </p>
      )}
      <div className="form-grid">
        <SelectField
          label={t('field.course.programme')}
          error={err('programmeId', t('field.course.programme'))}
          options={[
            { value: '', label: t('field.choose') },
            ...programmes.filter((p) => !p.archived).map((p) => ({ value: p.id, label: p.name })),
          ]}
          {...register('programmeId')}
        />
        <TextField
          label={t('field.course.code')}
          hint={t('hint.course.code')}
          error={err('code', t('field.course.code'))}
          autoComplete="off"
          {...register('code')}
        />
        <TextField
          className="span-2"
          dir="auto"
          label={t('field.course.title')}
          error={err('title', t('field.course.title'))}
          {...register('title')}
        />
        <TextArea
          className="span-2"
          dir="auto"
          label={t('field.course.summary')}
          error={err('summary', t('field.course.summary'))}
          {...register('summary')}
        />
        <SelectField
          label={t('field.course.level')}
          error={err('level', t('field.course.level'))}
          options={labels.levelOptions}
          {...register('level')}
        />
        <TextField
          label={t('field.course.hours')}
          type="number"
          min={1}
          step="0.5"
          error={err('hours', t('field.course.hours'))}
          {...register('hours', { valueAsNumber: true })}
        />
        <div className="span-2">
          <Controller
            control={control}
            name="languages"
            render={({ field }) => (
              <CheckboxGroup
                name="languages"
                legend={t('field.course.languages')}
                options={labels.languageOptions}
                value={field.value}
                onChange={field.onChange}
                error={err('languages', t('field.course.languages'))}
              />
            )}
          />
        </div>
        <Controller
          control={control}
          name="tags"
          render={({ field }) => (
            <ListInput
              separator="comma"
              label={t('field.course.tags')}
              hint={t('hint.course.tags')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={
                err('tags', t('field.course.tags')) ??
                firstItemError(errors.tags, (i) => err(`tags.${i}`, t('field.course.tags')))
              }
            />
          )}
        />
        <TextField
          label={t('field.course.minAttendance')}
          hint={t('hint.course.minAttendance')}
          type="number"
          min={0}
          max={100}
          error={err('completionRule.minAttendancePercent', t('field.course.minAttendance'))}
          {...register('completionRule.minAttendancePercent', { valueAsNumber: true })}
        />
        <Controller
          control={control}
          name="prerequisites"
          render={({ field }) => (
            <fieldset className="span-2 prerequisites">
              <legend>{t('field.course.prerequisites')}</legend>
              <ul className="chips">
                {field.value.map((pid, index) => {
                  const c = courses.find((x) => x.id === pid);
                  return (
                    <li key={pid} className="chip">
                      {c ? `${c.code} — ${c.title}` : pid}
                      <button
                        type="button"
                        aria-label={t('course.removePrerequisite', { code: c?.code ?? pid })}
                        onClick={() => field.onChange(field.value.filter((_, i) => i !== index))}
                      >
                        ×
                      </button>
                    </li>
                  );
                })}
              </ul>
              <label className="inline-label">
                <span>{t('course.addPrerequisite')}</span>
                <select
                  value=""
                  onChange={(e) =>
                    e.target.value && field.onChange([...field.value, e.target.value])
                  }
                >
                  <option value="">{t('field.choose')}</option>
                  {prerequisiteOptions
                    .filter((o) => !field.value.includes(o.value))
                    .map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                </select>
              </label>
              {err('prerequisites', t('field.course.prerequisites')) && (
                <p className="field-error" role="alert">
                  {err('prerequisites', t('field.course.prerequisites'))}
                </p>
              )}
            </fieldset>
          )}
        />
        <fieldset className="span-2 modules">
          <legend>{t('field.course.modules')}</legend>
          {modules.fields.length === 0 && <p className="field-hint">{t('course.noModules')}</p>}
          {modules.fields.map((m, index) => (
            <div key={m.id} className="module-row">
              <TextField
                dir="auto"
                label={t('field.module.title', { n: index + 1 })}
                error={err(`modules.${index}.title`, t('field.module.title', { n: index + 1 }))}
                {...register(`modules.${index}.title`)}
              />
              <TextField
                type="number"
                min={0}
                step="0.5"
                label={t('field.module.hours', { n: index + 1 })}
                error={err(`modules.${index}.hours`, t('field.module.hours', { n: index + 1 }))}
                {...register(`modules.${index}.hours`, { valueAsNumber: true })}
              />
              <button type="button" className="link-button" onClick={() => modules.remove(index)}>
                {t('course.removeModule', { n: index + 1 })}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => modules.append({ title: '', hours: 2 })}>
            {t('course.addModule')}
          </button>
        </fieldset>
        <TextField
          className="span-2"
          label={t('field.course.completionNote')}
          error={err('completionRule.note', t('field.course.completionNote'))}
          {...register('completionRule.note')}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t(mode === 'edit' ? 'form.save' : 'course.create')}
        </button>
        <button type="button" onClick={() => void navigate(-1)}>
          {t('form.cancel')}
        </button>
      </div>
      {guard.dialog}
    </form>
  );
}

function firstItemError(
  errors: unknown,
  text: (index: number) => string | undefined,
): string | undefined {
  if (!Array.isArray(errors)) return undefined;
  const index = errors.findIndex(Boolean);
  return index >= 0 ? text(index) : undefined;
}
