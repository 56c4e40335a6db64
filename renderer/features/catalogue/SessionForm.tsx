import { useMemo } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import {
  sessionInput,
  type Course,
  type Session,
  type SessionInput,
} from '../../../shared/domain/catalogue';
import { classDates, addDays } from '../../../shared/domain/schedule';
import { isIsoDate, localToday } from '../../../shared/domain/values';
import { useMutate } from '../../db';
import { useT } from '../../i18n';
import { useSite } from '../../state/session';
import { CheckboxGroup, SelectField, TextField } from '../../ui/fields';
import { sharedSchemaResolver } from '../../ui/formResolver';
import { ListInput } from '../../ui/ListInput';
import { useUnsavedChangesGuard } from '../../ui/UnsavedChangesGuard';
import { useCourse, useSession } from './data';
import { errorPaths, showRefusal, useFieldError } from '../../ui/formErrors';
import { useCatalogueLabels } from './labels';
import { NotFound } from './NotFound';

type Mode = 'new' | 'edit' | 'duplicate';
const resolver = sharedSchemaResolver(sessionInput);
const timeZones: readonly string[] = Intl.supportedValuesOf('timeZone');

function blankSession(course: Course, site = ''): SessionInput {
  const start = addDays(localToday(), 42);
  return {
    courseId: course.id,
    title: '',
    startDate: start,
    endDate: addDays(start, 11),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    mode: 'in-person',
    site: '',
    city: '',
    country: site,
    capacity: 24,
    instructors: [],
    enrolmentOpens: localToday(),
    enrolmentCloses: addDays(start, -7),
    status: 'draft',
    schedule: { weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '16:00' },
  };
}

function editable(session: Session): SessionInput {
  const { id: _id, archived: _a, createdAt: _c, updatedAt: _u, ...input } = session;
  return input;
}

/** Create, edit or duplicate a session (one run of a course). */
export function SessionFormScreen({ mode }: { mode: Mode }) {
  const params = useParams();
  const sessionData = useSession(mode === 'new' ? undefined : params.id);
  const courseId = mode === 'new' ? params.courseId : sessionData?.session.courseId;
  const courseData = useCourse(courseId);
  // A site coordinator's sessions are held in its country: new ones and copies start there.
  const site = useSite();
  if (mode !== 'new' && sessionData === undefined) return null;
  if (mode !== 'new' && sessionData === null) return <NotFound />;
  if (courseData === undefined) return null;
  if (!courseData) return <NotFound />;
  const initial =
    mode === 'new'
      ? blankSession(courseData.course, site)
      : mode === 'edit'
        ? editable(sessionData!.session)
        : { ...editable(sessionData!.session), status: 'draft' as const, ...(site ? { country: site } : {}) };
  return (
    <SessionForm
      key={`${mode}-${params.id ?? params.courseId}`}
      mode={mode}
      sessionId={mode === 'edit' ? params.id : undefined}
      course={courseData.course}
      initial={initial}
    />
  );
}

function SessionForm({
  mode,
  sessionId,
  course,
  initial,
}: {
  mode: Mode;
  sessionId: string | undefined;
  course: Course;
  initial: SessionInput;
}) {
  const t = useT();
  const labels = useCatalogueLabels();
  const site = useSite();
  const navigate = useNavigate();
  const mutate = useMutate();
  const form = useForm<SessionInput, unknown, SessionInput>({ defaultValues: initial, resolver });
  const { register, control, handleSubmit, formState, setError } = form;
  const { errors, isSubmitted, isDirty, isSubmitSuccessful, isSubmitting } = formState;
  const err = useFieldError(errors);
  const guard = useUnsavedChangesGuard(isDirty && !isSubmitSuccessful);
  const [startDate, endDate, weekdays] = useWatch({
    control,
    name: ['startDate', 'endDate', 'schedule.weekdays'],
  });
  const classDays = useMemo(
    () =>
      isIsoDate(startDate) && isIsoDate(endDate) && endDate >= startDate
        ? classDates(startDate, endDate, weekdays).length
        : 0,
    [startDate, endDate, weekdays],
  );
  const weekdayOptions = useMemo(() => {
    const fmt = new Intl.DateTimeFormat(document.documentElement.lang || 'en', {
      weekday: 'short',
      timeZone: 'UTC',
    });
    // 2024-01-01 was a Monday.
    return [1, 2, 3, 4, 5, 6, 7].map((d) => ({
      value: d,
      label: fmt.format(Date.UTC(2024, 0, d)),
    }));
  }, []);

  const onSubmit = async (values: SessionInput) => {
    const id = sessionId ?? crypto.randomUUID();
    const outcome = await mutate({
      name: mode === 'edit' ? 'session.update' : 'session.create',
      args: { ...values, id } as never,
    });
    if (!outcome.ok) {
      showRefusal(outcome.error, setError);
      throw new Error('refused');
    }
    guard.allowLeaving();
    void navigate(`/sessions/${id}`, { state: { saved: true } });
  };

  const summaryPaths = errorPaths(errors);
  const rootError = err('root', '');
  const title = t(
    mode === 'edit'
      ? 'session.editTitle'
      : mode === 'duplicate'
        ? 'session.duplicateTitle'
        : 'session.newTitle',
  );

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => void handleSubmit(onSubmit)(e).catch(() => undefined)}
      aria-labelledby="form-title"
    >
      <h1 id="form-title">
        {title}{' '}
        <span className="muted" dir="auto">
          — {course.code} {course.title}
        </span>
      </h1>
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
      <div className="form-grid">
        <TextField
          className="span-2"
          dir="auto"
          label={t('field.session.title')}
          hint={t('hint.session.title')}
          error={err('title', t('field.session.title'))}
          {...register('title')}
        />
        <TextField
          type="date"
          label={t('field.session.startDate')}
          error={err('startDate', t('field.session.startDate'))}
          {...register('startDate')}
        />
        <TextField
          type="date"
          label={t('field.session.endDate')}
          error={err('endDate', t('field.session.endDate'))}
          {...register('endDate')}
        />
        <div className="span-2">
          <Controller
            control={control}
            name="schedule.weekdays"
            render={({ field }) => (
              <CheckboxGroup
                name="weekdays"
                legend={t('field.session.weekdays')}
                options={weekdayOptions}
                value={field.value}
                onChange={(v) => field.onChange([...v].sort())}
                error={err('schedule.weekdays', t('field.session.weekdays'))}
              />
            )}
          />
        </div>
        <TextField
          type="time"
          label={t('field.session.startTime')}
          error={err('schedule.startTime', t('field.session.startTime'))}
          {...register('schedule.startTime')}
        />
        <TextField
          type="time"
          label={t('field.session.endTime')}
          error={err('schedule.endTime', t('field.session.endTime'))}
          {...register('schedule.endTime')}
        />
        <p className="span-2 schedule-preview" aria-live="polite">
          {t('session.classDaysPreview', { count: classDays })}
        </p>
        <TextField
          label={t('field.session.timeZone')}
          hint={t('hint.session.timeZone')}
          list="time-zones"
          error={err('timeZone', t('field.session.timeZone'))}
          {...register('timeZone')}
        />
        <datalist id="time-zones">
          {timeZones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <SelectField
          label={t('field.session.mode')}
          error={err('mode', t('field.session.mode'))}
          options={labels.modeOptions}
          {...register('mode')}
        />
        <TextField
          dir="auto"
          label={t('field.session.site')}
          hint={t('hint.session.site')}
          error={err('site', t('field.session.site'))}
          {...register('site')}
        />
        <TextField
          dir="auto"
          label={t('field.session.city')}
          error={err('city', t('field.session.city'))}
          {...register('city')}
        />
        <SelectField
          label={t('field.session.country')}
          error={err('country', t('field.session.country'))}
          hint={site ? t('field.session.countrySite', { country: labels.country(site) }) : undefined}
          options={
            site
              ? [...new Set([site, initial.country || site])].map((code) => ({ value: code, label: labels.country(code) }))
              : [{ value: '', label: t('field.choose') }, ...labels.countryOptions]
          }
          {...register('country')}
        />
        <TextField
          type="number"
          min={1}
          label={t('field.session.capacity')}
          error={err('capacity', t('field.session.capacity'))}
          {...register('capacity', { valueAsNumber: true })}
        />
        <TextField
          type="date"
          label={t('field.session.enrolmentOpens')}
          error={err('enrolmentOpens', t('field.session.enrolmentOpens'))}
          {...register('enrolmentOpens')}
        />
        <TextField
          type="date"
          label={t('field.session.enrolmentCloses')}
          error={err('enrolmentCloses', t('field.session.enrolmentCloses'))}
          {...register('enrolmentCloses')}
        />
        <SelectField
          label={t('field.session.status')}
          error={err('status', t('field.session.status'))}
          options={labels.statusOptions}
          {...register('status')}
        />
        <Controller
          control={control}
          name="instructors"
          render={({ field }) => (
            <ListInput
              separator="line"
              label={t('field.session.instructors')}
              hint={t('hint.session.instructors')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={err('instructors', t('field.session.instructors'))}
            />
          )}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t(mode === 'edit' ? 'form.save' : 'session.create')}
        </button>
        <button type="button" onClick={() => void navigate(-1)}>
          {t('form.cancel')}
        </button>
      </div>
      {guard.dialog}
    </form>
  );
}
