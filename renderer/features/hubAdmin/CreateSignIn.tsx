import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { displayName, type Person } from '../../../shared/domain/people';
import { useT } from '../../i18n';
import { accountRoleFor, createAccount, fetchAccounts, type CreatedAccount, type HubAccount, type HubProblem } from './api';
import { useCurrentRole, useHubSession } from './session';
import { useHubProblemText } from './problemText';
import './hubAdmin.css';

/**
 * On a person's page, for a coordinator signed in to a hub: gives the person their own sign-in
 * (instructor or trainee, from their roles) and shows the hub's one-time password once.
 */
export function CreateSignIn({ person }: { person: Pick<Person, 'id' | 'email' | 'roles' | 'nativeName' | 'latinName' | 'preferredName'> }) {
  const t = useT();
  const problemText = useHubProblemText();
  const actingRole = useCurrentRole();
  const { loading, session } = useHubSession();
  const [existing, setExisting] = useState<HubAccount | undefined>();
  const [created, setCreated] = useState<CreatedAccount | undefined>();
  const [problem, setProblem] = useState<HubProblem | undefined>();
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState<boolean | undefined>();
  const createdHeading = useRef<HTMLHeadingElement>(null);
  const isCoordinator = session?.account.role === 'coordinator';

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
  const role = accountRoleFor(person.roles);
  const roleText = (r: string) => t(`app.role.${r as 'trainee'}`);

  const create = async () => {
    if (!role) return;
    setBusy(true);
    setProblem(undefined);
    const answer = await createAccount(session, { email: person.email, role, personId: person.id, name });
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
  else if (existing) body = <p>{t('hubAdmin.signIn.has', { email: existing.email, role: roleText(existing.role) })}</p>;
  else if (!role) body = <p className="muted">{t('hubAdmin.signIn.noRole')}</p>;
  else if (!person.email)
    body = (
      <p>
        {t('hubAdmin.signIn.noEmail')} <Link to={`/people/${person.id}/edit`}>{t('hubAdmin.signIn.addEmail')}</Link>
      </p>
    );
  else
    body = (
      <>
        <p>{t('hubAdmin.signIn.explain', { name, role: roleText(role), email: person.email })}</p>
        <button type="button" disabled={busy} onClick={() => void create()}>
          {t(busy ? 'hubAdmin.signIn.creating' : 'hubAdmin.signIn.create')}
        </button>
      </>
    );

  return (
    <section aria-labelledby="sign-in-title" className="hub-sign-in">
      <h2 id="sign-in-title">{t('hubAdmin.signIn.title')}</h2>
      {body}
      {problem && (
        <p className="notice-error" role="alert">
          {problemText(problem, person.email)}
        </p>
      )}
    </section>
  );
}
