import { useMemo } from 'react';
import { useMutationForm } from '../../ui/useMutationForm';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { institutionInput, type InstitutionInput } from '../../../shared/domain/people';
import { db, useLiveQuery, useMutate } from '../../db';
import { useErrorText, useT } from '../../i18n';
import { SelectField, TextField } from '../../ui/fields';
import { errorPaths } from '../../ui/formErrors';
import { useCanEditPeople, useInstitutions } from './data';
import { usePeopleLabels } from './labels';
import { NotFound } from './NotFound';

/** Member institutions (SUPARCO, METU, the University of Cologne…): list, archive and restore. */
export function InstitutionsScreen() {
  const t = useT();
  const labels = usePeopleLabels();
  const errorText = useErrorText();
  const institutions = useInstitutions();
  const mutate = useMutate();
  const [showArchived, setShowArchived] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const canEdit = useCanEditPeople();
  if (!institutions) return null;
  const shown = institutions.filter((i) => showArchived || !i.archived);

  const toggleArchive = async (id: string, archived: boolean) => {
    const outcome = await mutate({ name: 'institution.archive', args: { id, archived } });
    setProblem(outcome.ok ? null : errorText(outcome.error));
  };

  return (
    <div>
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/people">{t('people.title')}</Link>
      </nav>
      <div className="screen-header">
        <h1>{t('people.institutions')}</h1>
        {canEdit && (
          <Link className="button primary" to="/institutions/new">
            {t('people.newInstitution')}
          </Link>
        )}
      </div>
      {problem && (
        <p className="notice-error" role="alert">
          {problem}
        </p>
      )}
      <label className="filter filter-check">
        <input
          type="checkbox"
          checked={showArchived}
          onChange={(e) => setShowArchived(e.target.checked)}
        />
        <span>{t('filter.archived')}</span>
      </label>
      {shown.length === 0 ? (
        <p className="muted">{t('people.noInstitutions')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">
            {t('people.institutionCount', { count: shown.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('people.field.institutionName')}</th>
              <th scope="col">{t('people.field.city')}</th>
              <th scope="col">{t('people.field.country')}</th>
              {canEdit && <th scope="col">{t('common.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((i) => (
              <tr key={i.id} className={i.archived ? 'archived' : undefined}>
                <td dir="auto">
                  {i.name}
                  {i.archived && <span className="badge">{t('common.archived')}</span>}
                </td>
                <td dir="auto">{i.city}</td>
                <td>{labels.country(i.country)}</td>
                {canEdit && (
                  <td>
                    <div className="actions">
                      <Link
                        className="button"
                        to={`/institutions/${i.id}/edit`}
                        aria-label={t('people.editInstitution', { name: i.name })}
                      >
                        {t('common.edit')}
                      </Link>
                      <button
                        type="button"
                        aria-label={t(
                          i.archived ? 'people.restoreInstitution' : 'people.archiveInstitution',
                          { name: i.name },
                        )}
                        onClick={() => void toggleArchive(i.id, !i.archived)}
                      >
                        {t(i.archived ? 'common.restore' : 'common.archive')}
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

type FormValues = InstitutionInput;

/** Create or edit an institution. */
export function InstitutionFormScreen({ mode }: { mode: 'new' | 'edit' }) {
  const { id } = useParams();
  const institution = useLiveQuery(
    async () => (id ? ((await db.institutions.get(id)) ?? null) : null),
    [id],
  );
  if (mode === 'edit' && institution === undefined) return null;
  if (mode === 'edit' && !institution) return <NotFound back="/institutions" />;
  return (
    <InstitutionForm
      key={id ?? 'new'}
      institutionId={mode === 'edit' ? id : undefined}
      initial={
        institution
          ? { name: institution.name, country: institution.country, city: institution.city }
          : { name: '', country: '', city: '' }
      }
    />
  );
}

function InstitutionForm({
  institutionId,
  initial,
}: {
  institutionId: string | undefined;
  initial: Required<FormValues>;
}) {
  const t = useT();
  const labels = usePeopleLabels();
  const navigate = useNavigate();
  const id = useMemo(() => institutionId ?? crypto.randomUUID(), [institutionId]);
  const { register, errors, isSubmitted, isSubmitting, err, guard, submit } = useMutationForm({
    schema: institutionInput,
    defaultValues: initial,
    toCall: (values) => ({
      name: institutionId ? 'institution.update' : 'institution.create',
      args: { ...values, id },
    }),
    onSaved: () => void navigate('/institutions'),
  });
  const label = {
    name: t('people.field.institutionName'),
    country: t('people.field.country'),
    city: t('people.field.city'),
  };
  const paths = errorPaths(errors);
  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="form-title">
      <h1 id="form-title">
        {t(institutionId ? 'people.editInstitutionTitle' : 'people.newInstitution')}
      </h1>
      {paths.length > 0 && isSubmitted && (
        <div className="error-summary" role="alert">
          {t('form.errorSummary', { count: paths.length })}
        </div>
      )}
      <div className="form-grid">
        <TextField
          className="span-2"
          dir="auto"
          label={label.name}
          error={err('name', label.name)}
          {...register('name')}
        />
        <TextField
          dir="auto"
          label={label.city}
          error={err('city', label.city)}
          {...register('city')}
        />
        <SelectField
          label={label.country}
          error={err('country', label.country)}
          options={[
            { value: '', label: t('field.choose') },
            ...labels.countryOptions(initial.country),
          ]}
          {...register('country')}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t(institutionId ? 'form.save' : 'people.createInstitution')}
        </button>
        <button type="button" onClick={() => void navigate(-1)}>
          {t('form.cancel')}
        </button>
      </div>
      {guard.dialog}
    </form>
  );
}
