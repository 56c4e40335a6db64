import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { displayName, type Person } from '../../../shared/domain/people';
import { partnerCountries } from '../../../shared/domain/vocabulary';
import { useT } from '../../i18n';
import { SelectField } from '../../ui/fields';
import { useCatalogueLabels } from '../catalogue';
import { accountRolesFor, createAccount, fetchAccounts, type AccountRole, type CreatedAccount, type HubAccount, type HubProblem } from './api';
import { useCurrentRole, useHubSession } from './session';
import { useHubProblemText } from './problemText';
import { useRoleText } from './roleText';
import './hubAdmin.css';

/** The value of "Runs" for the whole organisation (a country code otherwise; '' until chosen). */
const wholeOrganisation = 'organisation';

/**
 * On a person's page, for a coordinator signed in to a hub: gives the person their own sign-in
 * (coordinator, instructor or trainee, from their roles) and shows the hub's one-time password
 * once. A coordinator's sign-in runs the whole organisation or one country's sessions, chosen
 * here by a coordinator of the whole organisation (the hub lets only them create coordinators).
 */
export function CreateSignIn({ person }: { person: Pick<Person, 'id' | 'email' | 'roles' | 'nativeName' | 'latinName' | 'preferredName' | 'country'> }) {
  const t = useT();
  const problemText = useHubProblemText();
  const roleText = useRoleText();
  const labels = useCatalogueLabels();
  const actingRole = useCurrentRole();
  const { loading, session } = useHubSession();
  const [existing, setExisting] = useState<HubAccount | undefined>();
  const [created, setCreated] = useState<CreatedAccount | undefined>();
  const [problem, setProblem] = useState<HubProblem | undefined>();
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState<boolean | undefined>();
  const createdHeading = useRef<HTMLHeadingElement>(null);
  const isCoordinator = session?.account.role === 'coordinator';
  const viewerSite = (isCoordinator && session.account.site) || '';
  const choices = accountRolesFor(person.roles, !viewerSite);
  const [chosenRole, setChosenRole] = useState<AccountRole | undefined>();
  // A site coordinator's sign-in starts as the person's own country, when it is a partner site.
  const [runs, setRuns] = useState(() => ((partnerCountries as readonly string[]).includes(person.country) ? person.country : ''));
  const [runsError, setRunsError] = useState('');

  // Whether this person already has a sign-in (when the hub answers; offline the button still shows).
  useEffect(() => {
    if (!isCoordinator) return;
    let current = true;
    void fetchAccounts(session).then((answer) => {
      if (current && answer.ok) setExisting(answer.value.accounts.find((a) => a.personId === person.id));
    });
    return () => {
      current = false;
    };
  }, [isCoordinator, session, person.id]);

  useEffect(() => {
    if (created) createdHeading.current?.focus();
  }, [created]);

  if (loading || actingRole !== 'coordinator') return null;
  const name = displayName(person);
  const role = chosenRole && choices.includes(chosenRole) ? chosenRole : choices[0];

  const create = async () => {
    if (!role) return;
    if (role === 'coordinator' && !runs) {
      setRunsError(t('hubAdmin.signIn.runsRequired'));
      return;
    }
    setRunsError('');
    setBusy(true);
    setProblem(undefined);
    const site = role === 'coordinator' && runs !== wholeOrganisation ? runs : '';
    const answer = await createAccount(session, { email: person.email, role, personId: person.id, name, ...(role === 'coordinator' ? { site } : {}) });
    setBusy(false);
    if (answer.ok) setCreated(answer.value);
    else setProblem(answer.problem);
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.password);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  let body;
  if (!session) body = <p className="muted">{t('hubAdmin.signIn.notSignedIn')}</p>;
  else if (!isCoordinator) body = <p className="muted">{t('hubAdmin.signIn.notCoordinator')}</p>;
  else if (created)
    body = (
      <div className="notice-ok one-time-password" role="region" aria-labelledby="sign-in-created">
        <h3 id="sign-in-created" ref={createdHeading} tabIndex={-1}>
          {t('hubAdmin.signIn.created', { email: created.email })}
        </h3>
        <p>
          <span>{t('hubAdmin.signIn.passwordLabel')}: </span>
          <code className="password" data-testid="one-time-password">
            {created.password}
          </code>
        </p>
        <p>{t('hubAdmin.signIn.howToPass', { name, email: created.email })}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void copy()}>
            {t('hubAdmin.signIn.copy')}
          </button>
          <button type="button" onClick={() => setCreated(undefined)}>
            {t('hubAdmin.signIn.done')}
          </button>
          <span role="status">{copied === undefined ? '' : t(copied ? 'hubAdmin.signIn.copied' : 'hubAdmin.signIn.copyFailed')}</span>
        </div>
      </div>
    );
  else if (existing) body = <p>{t('hubAdmin.signIn.has', { email: existing.email, role: roleText(existing.role, existing.site) })}</p>;
  else if (!role)
    body = <p className="muted">{t(viewerSite && person.roles.includes('coordinator') ? 'hubAdmin.signIn.coordinatorsByOrganisation' : 'hubAdmin.signIn.noRole')}</p>;
  else if (!person.email)
    body = (
      <p>
        {t('hubAdmin.signIn.noEmail')} <Link to={`/people/${person.id}/edit`}>{t('hubAdmin.signIn.addEmail')}</Link>
      </p>
    );
  else {
    const site = runs === wholeOrganisation ? '' : runs;
    body = (
      <>
        {choices.length > 1 && (
          <SelectField
            label={t('hubAdmin.signIn.role')}
            value={role}
            onChange={(e) => setChosenRole(e.target.value as AccountRole)}
            options={choices.map((value) => ({ value, label: t(`app.role.${value}`) }))}
          />
        )}
        {role === 'coordinator' && (
          <SelectField
            label={t('hubAdmin.signIn.runs')}
            hint={t('hubAdmin.signIn.runsHint')}
            error={runsError || undefined}
            value={runs}
            onChange={(e) => {
              setRuns(e.target.value);
              setRunsError('');
            }}
            options={[
              { value: '', label: t('field.choose') },
              { value: wholeOrganisation, label: t('hubAdmin.signIn.wholeOrganisation') },
              ...labels.countryOptions,
            ]}
          />
        )}
        <p>
          {role === 'coordinator' && !runs
            ? t('hubAdmin.signIn.explainChooseSite', { name, email: person.email })
            : t('hubAdmin.signIn.explain', { name, role: roleText(role, site), email: person.email })}
        </p>
        <button type="button" disabled={busy} onClick={() => void create()}>
          {t(busy ? 'hubAdmin.signIn.creating' : 'hubAdmin.signIn.create')}
        </button>
      </>
    );
  }

  return (
    <section aria-labelledby="sign-in-title" className="hub-sign-in">
      <h2 id="sign-in-title">{t('hubAdmin.signIn.title')}</h2>
      {body}
      {problem && (
        <p className="notice-error" role="alert">
          {problemText(problem, person.email, viewerSite)}
        </p>
      )}
    </section>
  );
}
