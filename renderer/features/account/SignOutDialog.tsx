import { useState } from 'react';
import { useNavigate } from 'react-router';
import { db, pendingChanges, useLiveQuery } from '../../db';
import { useT } from '../../i18n';
import { notifySignedOut } from '../../sync/client';
import { signOut } from '../../sync/session';
import { Dialog } from '../../ui/Dialog';
import { forgetLock } from './lock';

/**
 * Signing out asks whether to keep this account's data on the device (for the next sign-in) or
 * remove it, and warns when changes have not reached the hub (removing loses them). From the lock
 * screen only removing is offered: keeping would open the data without the password.
 */
export function SignOutDialog({ open, onClose, allowKeep = true }: { open: boolean; onClose: () => void; allowKeep?: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const pending = useLiveQuery(() => pendingChanges(), []) ?? 0;
  const [busy, setBusy] = useState(false);
  const leave = async (wipe: boolean) => {
    setBusy(true);
    try {
      await signOut(db, { wipe });
      if (!wipe) await forgetLock(db);
      notifySignedOut();
      onClose();
      void navigate('/');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      title={t('account.signOut.title')}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose} disabled={busy}>
            {t('account.signOut.cancel')}
          </button>
          {allowKeep && (
            <button type="button" onClick={() => void leave(false)} disabled={busy}>
              {t('account.signOut.keep')}
            </button>
          )}
          <button type="button" className="danger" onClick={() => void leave(true)} disabled={busy}>
            {t('account.signOut.wipe')}
          </button>
        </>
      }
    >
      <p>{t('account.signOut.body')}</p>
      {pending > 0 && (
        <p className="form-problem" role="alert">
          {t('account.signOut.pending', { count: pending })}
        </p>
      )}
    </Dialog>
  );
}
