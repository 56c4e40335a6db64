import { useMemo } from 'react';
import { useMutationForm } from '../../ui/useMutationForm';
import { Controller } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import {
  personInput,
  type Institution,
  type Person,
  type PersonInput,
} from '../../../shared/domain/people';
import { useT } from '../../i18n';
import { CheckboxGroup, SelectField, TextArea, TextField } from '../../ui/fields';
// The form helpers live with the catalogue, the first feature with forms (see the report: they
// belong in renderer/ui once a second feature uses them).
import { errorPaths } from '../../ui/formErrors';
import { useInstitutions, usePerson } from './data';
import { usePeopleLabels } from './labels';
import { NotFound } from './NotFound';
import './people.css';

type Mode = 'new' | 'edit';
type FormValues = PersonInput;

const blankPerson: Required<FormValues> = {
  nativeName: '',
  latinName: '',
  preferredName: '',
  email: '',
  phone: '',
  country: '',
  institutionId: '',
  gender: '',
  dateOfBirth: '',
  roles: ['trainee'],
  languages: [],
  notes: '',
};

function editable(person: Person): Required<FormValues> {
  const { id: _id, archived: _a, createdAt: _c, updatedAt: _u, mergedInto: _m, ...input } = person;
  return input;
}

/** Create or edit a person. */
export function PersonFormScreen({ mode }: { mode: Mode }) {
  const { id } = useParams();
  const source = usePerson(mode === 'edit' ? id : undefined);
  const institutions = useInstitutions();
  if (!institutions || (mode === 'edit' && source === undefined)) return null;
  if (mode === 'edit' && !source) return <NotFound />;
  return (
    <PersonForm
      key={`${mode}-${id ?? 'new'}`}
      personId={mode === 'edit' ? id : undefined}
      initial={mode === 'edit' ? editable(source!.person) : blankPerson}
      institutions={institutions}
    />
  );
}

function PersonForm({
  personId,
  initial,
  institutions,
}: {
  personId: string | undefined;
  initial: Required<FormValues>;
  institutions: Institution[];
}) {
  const t = useT();
  const labels = usePeopleLabels();
  const navigate = useNavigate();
  const id = useMemo(() => personId ?? crypto.randomUUID(), [personId]);
  const { register, control, errors, isSubmitted, isSubmitting, err, guard, submit } =
    useMutationForm({
      schema: personInput,
      defaultValues: initial,
      toCall: (values) => ({
        name: personId ? 'person.update' : 'person.create',
        args: { ...values, id },
      }),
      onSaved: () => void navigate(`/people/${id}`, { state: { saved: true } }),
    });

  const summaryPaths = errorPaths(errors);
  const rootError = err('root', '');
  const label = {
    nativeName: t('people.field.nativeName'),
    latinName: t('people.field.latinName'),
    preferredName: t('people.field.preferredName'),
    email: t('people.field.email'),
    phone: t('people.field.phone'),
    country: t('people.field.country'),
    institutionId: t('people.field.institution'),
    gender: t('people.field.gender'),
    dateOfBirth: t('people.field.dateOfBirth'),
    roles: t('people.field.roles'),
    languages: t('people.field.languages'),
    notes: t('people.field.notes'),
  };
  const institutionOptions = [
    { value: '', label: t('people.noInstitution') },
    ...institutions
      .filter((i) => !i.archived || i.id === initial.institutionId)
      .map((i) => ({ value: i.id, label: i.name })),
  ];

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="form-title">
      <h1 id="form-title">{t(personId ? 'people.editTitle' : 'people.newTitle')}</h1>
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
          dir="auto"
          label={label.nativeName}
          hint={t('people.hint.nativeName')}
          error={err('nativeName', label.nativeName)}
          autoComplete="off"
          {...register('nativeName')}
        />
        <TextField
          label={label.latinName}
          hint={t('people.hint.latinName')}
          error={err('latinName', label.latinName)}
          autoComplete="off"
          {...register('latinName')}
        />
        <TextField
          dir="auto"
          label={label.preferredName}
          error={err('preferredName', label.preferredName)}
          autoComplete="off"
          {...register('preferredName')}
        />
        <TextField
          type="email"
          dir="ltr"
          label={label.email}
          error={err('email', label.email)}
          autoComplete="off"
          {...register('email')}
        />
        <TextField
          type="tel"
          dir="ltr"
          label={label.phone}
          error={err('phone', label.phone)}
          autoComplete="off"
          {...register('phone')}
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
        <SelectField
          label={label.institutionId}
          error={err('institutionId', label.institutionId)}
          options={institutionOptions}
          {...register('institutionId')}
        />
        <SelectField
          label={label.gender}
          error={err('gender', label.gender)}
          options={labels.genderOptions}
          {...register('gender')}
        />
        <TextField
          type="date"
          label={label.dateOfBirth}
          hint={t('people.hint.optional')}
          error={err('dateOfBirth', label.dateOfBirth)}
          {...register('dateOfBirth')}
        />
        <div />
        <Controller
          control={control}
          name="roles"
          render={({ field }) => (
            <div className="span-2">
              <CheckboxGroup
                name="roles"
                legend={label.roles}
                options={labels.roleOptions}
                value={field.value}
                onChange={field.onChange}
                error={
                  err('roles', label.roles) ??
                  firstItemError(errors.roles, (i) => err(`roles.${i}`, label.roles))
                }
              />
            </div>
          )}
        />
        <Controller
          control={control}
          name="languages"
          render={({ field }) => (
            <div className="span-2">
              <CheckboxGroup
                name="languages"
                legend={label.languages}
                options={labels.languageOptions}
                value={field.value ?? []}
                onChange={field.onChange}
                error={
                  err('languages', label.languages) ??
                  firstItemError(errors.languages, (i) => err(`languages.${i}`, label.languages))
                }
              />
            </div>
          )}
        />
        <TextArea
          className="span-2"
          dir="auto"
          label={label.notes}
          error={err('notes', label.notes)}
          {...register('notes')}
        />
      </div>
      {institutions.length === 0 && (
        <p className="field-hint">
          {t('people.noInstitutionsYet')}{' '}
          <Link to="/institutions/new">{t('people.newInstitution')}</Link>
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {t(personId ? 'form.save' : 'people.create')}
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
