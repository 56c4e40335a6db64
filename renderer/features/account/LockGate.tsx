import { useState, type FormEvent, type ReactNode } from 'react';
import { db, useLiveQuery } from '../../db';
import { useT } from '../../i18n';
import { useSession } from '../../state/session';
import { TextField } from '../../ui/fields';
import { readLock, unlock } from './lock';
import { SignOutDialog } from './SignOutDialog';
import './account.css';

/**
 * Shows the app, or the lock screen while this device is locked (in every window: the flag is in
 * the database). Nothing is shown until the flag is read, so a locked app never flashes open.
 */
export function LockGate({ children }: { children: ReactNode }) {
  const row = useLiveQuery(async () => (await readLock(db)) ?? null, []);
  const session = useSession((s) => s.session);
  if (row === undefined) return null;
  if (row?.locked && session) return <LockScreen email={session.account.email} />;
  return children;
}

function LockScreen({ email }: { email: string }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [checking, setChecking] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [forgot, setForgot] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecking(true);
    const ok = await unlock(db, password).finally(() => setChecking(false));
    setWrong(!ok);
    if (!ok) setPassword('');
  };
  return (
    <main className="lock-screen" id="main">
      <form className="connect-form" onSubmit={(e) => void submit(e)}>
        <h1>{t('account.locked.title')}</h1>
        <p>{t('account.locked.intro', { email })}</p>
        <TextField
          label={t('account.locked.password')}
          type="password"
          autoComplete="current-password"
          autoFocus
          value={password}
          error={wrong ? t('account.locked.wrong') : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="actions">
          <button type="submit" className="primary" disabled={checking || !password}>
            {t(checking ? 'account.locked.checking' : 'account.locked.unlock')}
          </button>
        </div>
        <button type="button" className="link-button" onClick={() => setForgot(true)}>
          {t('account.locked.forgot')}
        </button>
      </form>
      <SignOutDialog open={forgot} onClose={() => setForgot(false)} allowKeep={false} />
    </main>
  );
}
