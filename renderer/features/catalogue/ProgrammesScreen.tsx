import { useMemo } from 'react';
import { useMutationForm } from '../../ui/useMutationForm';
import { Link, useNavigate, useParams } from 'react-router';
import { programmeInput, type ProgrammeInput } from '../../../shared/domain/catalogue';
import { db, useLiveQuery, useMutate } from '../../db';
import { useT } from '../../i18n';
import { TextArea, TextField } from '../../ui/fields';
import { useProgrammes } from './data';
import { errorPaths } from '../../ui/formErrors';
import { NotFound } from './NotFound';
import { useCatalogueView } from './store';

/** The programmes (CubeSat Design, Scientist Training…) with their number of courses. */
export function ProgrammesScreen() {
  const t = useT();
  const programmes = useProgrammes();
  const counts = useLiveQuery(async () => {
    const byProgramme = new Map<string, number>();
    await db.courses.each((c) =>
      byProgramme.set(c.programmeId, (byProgramme.get(c.programmeId) ?? 0) + 1),
    );
    return byProgramme;
  }, []);
  const mutate = useMutate();
  const navigate = useNavigate();
  const setFilter = useCatalogueView((s) => s.setFilter);
  if (!programmes || !counts) return null;
  return (
    <div>
      <div className="screen-header">
        <h1>{t('nav.programmes')}</h1>
        <Link className="button primary" to="/programmes/new">
          {t('programme.newTitle')}
        </Link>
      </div>
      {programmes.length === 0 && <p className="muted">{t('programme.none')}</p>}
      <ul className="cards">
        {programmes.map((p) => (
          <li key={p.id} className={`card${p.archived ? ' archived' : ''}`}>
            <h2 dir="auto">{p.name}</h2>
            {p.archived && <span className="badge">{t('common.archived')}</span>}
            <p dir="auto">{p.description}</p>
            <p className="muted">{t('programme.courseCount', { count: counts.get(p.id) ?? 0 })}</p>
            <div className="actions">
              <button
                type="button"
                onClick={() => {
                  setFilter('programmeId', p.id);
                  void navigate('/');
                }}
              >
                {t('programme.showCourses')}
              </button>
              <Link className="button" to={`/courses/new?programme=${p.id}`}>
                {t('catalogue.newCourse')}
              </Link>
              <Link className="button" to={`/programmes/${p.id}/edit`}>
                {t('common.edit')}
              </Link>
              <button
                type="button"
                onClick={() =>
                  void mutate({
                    name: 'programme.archive',
                    args: { id: p.id, archived: !p.archived },
                  })
                }
              >
                {t(p.archived ? 'common.restore' : 'common.archive')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Create or edit a programme. */
export function ProgrammeFormScreen({ mode }: { mode: 'new' | 'edit' }) {
  const { id } = useParams();
  const programme = useLiveQuery(
    async () => (id ? ((await db.programmes.get(id)) ?? null) : null),
    [id],
  );
  if (mode === 'edit' && programme === undefined) return null;
  if (mode === 'edit' && !programme) return <NotFound />;
  return (
    <ProgrammeForm
      key={id ?? 'new'}
      programmeId={mode === 'edit' ? id : undefined}
      initial={
        programme
          ? { name: programme.name, description: programme.description }
          : { name: '', description: '' }
      }
    />
  );
}

function ProgrammeForm({
  programmeId,
  initial,
}: {
  programmeId: string | undefined;
  initial: ProgrammeInput;
}) {
  const t = useT();
  const navigate = useNavigate();
  const id = useMemo(() => programmeId ?? crypto.randomUUID(), [programmeId]);
  const { register, errors, isSubmitted, isSubmitting, err, guard, submit } = useMutationForm({
    schema: programmeInput,
    defaultValues: initial,
    toCall: (values) => ({
      name: programmeId ? 'programme.update' : 'programme.create',
      args: { ...values, id },
    }),
    onSaved: () => void navigate('/programmes'),
  });
  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="form-title">
      <h1 id="form-title">{t(programmeId ? 'programme.editTitle' : 'programme.newTitle')}</h1>
      {errorPaths(errors).length > 0 && isSubmitted && (
        <div className="error-summary" role="alert">
          {t('form.errorSummary', { count: errorPaths(errors).length })}
        </div>
      )}
      <TextField
        dir="auto"
        label={t('field.programme.name')}
        error={err('name', t('field.programme.name'))}
        {...register('name')}
      />
      <TextArea
        dir="auto"
        label={t('field.programme.description')}
        error={err('description', t('field.programme.description'))}
        {...register('description')}
      />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t(programmeId ? 'form.save' : 'programme.create')}
        </button>
        <button type="button" onClick={() => void navigate(-1)}>
          {t('form.cancel')}
        </button>
      </div>
      {guard.dialog}
    </form>
  );
}
