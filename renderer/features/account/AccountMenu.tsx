import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { db, useLiveQuery } from '../../db';
import { useT } from '../../i18n';
import { useSession } from '../../state/session';
import { syncNow } from '../../sync/client';
import { useRoleText } from '../hubAdmin';
import { lock, readLock } from './lock';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import { SignOutDialog } from './SignOutDialog';
import './account.css';

/**
 * The account in the header: "Connect to hub" when this device is not signed in; otherwise who is
 * signed in (a coordinator with the site they run, or the whole organisation), the organisation
 * and hub, and Sync now, Lock, Sign out.
 */
export function AccountMenu() {
  const t = useT();
  const roleText = useRoleText();
  const { loaded, session } = useSession();
  const canLock = useLiveQuery(async () => Boolean(await readLock(db)), []);
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => root.current?.contains(e.target as Node) || setOpen(false);
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!loaded) return null;
  if (!session)
    return (
      <Link className="account-connect" to="/connect">
        {t('account.connectLink')}
      </Link>
    );
  const { account, organisation } = session;
  const name = account.name || account.email;
  return (
    <div className="account-menu" ref={root}>
      <button ref={button} type="button" aria-expanded={open} aria-controls={panelId} aria-label={t('account.menu', { name })} onClick={() => setOpen((o) => !o)}>
        <span dir="auto">{name}</span>
      </button>
      {open && (
        <div className="account-panel" id={panelId}>
          <p>
            <strong dir="auto">{t('account.signedInAs', { name })}</strong>
            <br />
            <span dir="ltr">{account.email}</span> · <span data-testid="account-role">{roleText(account.role, account.site)}</span>
          </p>
          <p dir="auto">{t('account.organisation', { name: organisation.name })}</p>
          <p className="muted" dir="auto">
            {t('account.hub', { hub: session.hubUrl })}
          </p>
          <div className="actions">
            <button type="button" className="primary" autoFocus onClick={() => syncNow()}>
              {t('sync.syncNow')}
            </button>
            {canLock && (
              <button
                type="button"
                onClick={() => {
                  setOpen(false);
                  void lock(db);
                }}
              >
                {t('account.lock')}
              </button>
            )}
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                setChangingPassword(true);
              }}
            >
              {t('account.password.open')}
            </button>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                setSigningOut(true);
              }}
            >
              {t('account.signOut')}
            </button>
          </div>
        </div>
      )}
      <SignOutDialog open={signingOut} onClose={() => setSigningOut(false)} />
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
    </div>
  );
}
