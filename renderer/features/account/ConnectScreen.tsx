import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { landingOf } from '../../app/ActingAs';
import { db, pendingChanges, useLiveQuery } from '../../db';
import { useT } from '../../i18n';
import { useSession } from '../../state/session';
import { notifySignedIn, useSyncActivity } from '../../sync/client';
import { signIn, SignInError } from '../../sync/session';
import { readStatus } from '../../sync/state';
import { ProgressBar } from '../../ui/ProgressBar';
import { TextField } from '../../ui/fields';
import { saveLockSecret } from './lock';
import './account.css';

type Field = 'hub' | 'email' | 'password' | 'deviceName';

/** A name for this device on the hub's device list until the person types a better one. */
function defaultDeviceName(): string {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform || navigator.platform || '';
  return platform ? `Apogee · ${platform}` : 'Apogee';
}

/**
 * "Connect to hub": hub address, e-mail, password (and this device's name), then the first
 * download with its progress. Keyboard-first: the first empty field has focus, Enter signs in,
 * an error names the field or says what went wrong and how to fix it.
 */
export function ConnectScreen() {
  const t = useT();
  const navigate = useNavigate();
  const session = useSession((s) => s.session);
  const [values, setValues] = useState<Record<Field, string>>({ hub: '', email: '', password: '', deviceName: defaultDeviceName() });
  const [missing, setMissing] = useState<Field | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [downloadSince, setDownloadSince] = useState<string | null>(null);
  const pending = useLiveQuery(() => pendingChanges(), []) ?? 0;
  const form = useRef<HTMLFormElement>(null);

  // Served by a hub itself (the web app at the hub's address): that hub is the likely one.
  useEffect(() => {
    if (!/^https?:$/.test(location.protocol)) return;
    let current = true;
    void fetch(new URL('/health', location.origin), { signal: AbortSignal.timeout(5_000) })
      .then((r) => (r.ok ? (r.json() as Promise<{ ok?: boolean }>) : null))
      .then((body) => current && body?.ok === true && setValues((v) => (v.hub ? v : { ...v, hub: location.origin })))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);

  const labels: Record<Field, string> = {
    hub: t('account.connect.hub'),
    email: t('account.connect.email'),
    password: t('account.connect.password'),
    deviceName: t('account.connect.device'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const empty = (['hub', 'email', 'password'] as const).find((f) => !values[f].trim());
    setMissing(empty ?? null);
    if (empty) {
      form.current?.querySelector<HTMLInputElement>(`[name="${empty}"]`)?.focus();
      return;
    }
    setBusy(true);
    const since = new Date().toISOString();
    try {
      await signIn(db, { hub: values.hub, email: values.email.trim(), password: values.password, deviceName: values.deviceName.trim() });
      await saveLockSecret(db, values.password);
      setValues((v) => ({ ...v, password: '' }));
      setDownloadSince(since);
      notifySignedIn();
    } catch (error) {
      if (!(error instanceof SignInError)) throw error;
      setProblem(t(`account.error.${error.reason}`, { hub: values.hub.trim(), message: error.message }));
    } finally {
      setBusy(false);
    }
  };

  if (downloadSince) return <FirstDownload since={downloadSince} onDone={() => void navigate(landingOf[useSession.getState().session?.account.role ?? 'coordinator'])} />;

  return (
    <div className="connect">
      <h1>{t('account.connect.title')}</h1>
      {session ? (
        <p role="status">{t('account.connect.alreadySignedIn', { hub: session.hubUrl, email: session.account.email })}</p>
      ) : (
        <>
          <p>{t('account.connect.intro')}</p>
          <form ref={form} className="connect-form" onSubmit={(e) => void submit(e)} noValidate>
            {(['hub', 'email', 'password', 'deviceName'] as const).map((field, index) => (
              <TextField
                key={field}
                name={field}
                label={labels[field]}
                hint={field === 'hub' ? t('account.connect.hubHint') : field === 'deviceName' ? t('account.connect.deviceHint') : undefined}
                error={missing === field ? t('account.connect.required', { field: labels[field] }) : undefined}
                type={field === 'password' ? 'password' : field === 'email' ? 'email' : field === 'hub' ? 'url' : 'text'}
                inputMode={field === 'hub' ? 'url' : undefined}
                autoComplete={field === 'password' ? 'current-password' : field === 'email' ? 'username' : 'off'}
                spellCheck={false}
                autoFocus={index === 0}
                dir="ltr"
                value={values[field]}
                onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
              />
            ))}
            {pending > 0 && <p className="muted">{t('account.connect.pendingWarning', { count: pending })}</p>}
            {problem && (
              <p className="form-problem" role="alert">
                {problem}
              </p>
            )}
            <div className="actions">
              <button type="submit" className="primary" disabled={busy}>
                {t(busy ? 'account.connect.signingIn' : 'account.connect.submit')}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}

/** The first download after signing in, with progress; done when a sync succeeded since. */
function FirstDownload({ since, onDone }: { since: string; onDone: () => void }) {
  const t = useT();
  const { progress, scheduler } = useSyncActivity();
  const status = useLiveQuery(() => readStatus(db), []);
  const finished = Boolean(status?.lastSuccess && status.lastSuccess >= since);
  const stalled = !finished && (scheduler?.kind === 'waiting-to-retry' || scheduler?.kind === 'parked' || scheduler?.kind === 'offline');
  useEffect(() => {
    if (finished) onDone();
  }, [finished, onDone]);
  const pulling = progress?.phase === 'pull' && progress.total > 0 ? progress : null;
  return (
    <div className="connect">
      <h1>{t('account.connect.title')}</h1>
      {stalled ? (
        <>
          <p role="alert">{t('account.connect.downloadStalled', { message: status?.lastError || scheduler.kind })}</p>
          <button type="button" className="primary" autoFocus onClick={onDone}>
            {t('account.connect.continue')}
          </button>
        </>
      ) : (
        <>
          <p role="status">{pulling ? t('account.connect.downloadingCount', { done: pulling.done, total: pulling.total }) : t('account.connect.downloading')}</p>
          <ProgressBar value={pulling?.done ?? 0} max={pulling?.total || 1} label={t('account.connect.downloading')} />
        </>
      )}
    </div>
  );
}
