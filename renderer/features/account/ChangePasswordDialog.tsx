import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { db } from '../../db';
import { useT } from '../../i18n';
import { changePassword, PasswordChangeError } from '../../sync/session';
import { Dialog } from '../../ui/Dialog';
import { TextField } from '../../ui/fields';
import { saveLockSecret } from './lock';

/** The shortest password the hub accepts (server/accounts.ts minPasswordLength). */
const minLength = 10;

type Field = 'current' | 'password' | 'repeat';

/**
 * Choosing one's own password (the first one is the one-time password a coordinator handed over).
 * Needs the hub; afterwards the lock of this device opens with the new password too.
 */
export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const formId = useId();
  const [values, setValues] = useState<Record<Field, string>>({ current: '', password: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // Keyboard first: the first field with a problem takes the focus.
  useEffect(() => {
    form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  const close = () => {
    setValues({ current: '', password: '', repeat: '' });
    setErrors({});
    setProblem(null);
    setDone(false);
    onClose();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const found: Partial<Record<Field, string>> = {};
    if (!values.current) found.current = t('account.password.required');
    if (values.password.length < minLength) found.password = t('account.password.tooShort', { min: minLength });
    else if (values.password === values.current) found.password = t('account.password.same');
    if (!found.password && values.repeat !== values.password) found.repeat = t('account.password.mismatch');
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await changePassword(db, { current: values.current, password: values.password });
      await saveLockSecret(db, values.password);
      setDone(true);
    } catch (error) {
      if (!(error instanceof PasswordChangeError)) throw error;
      if (error.reason === 'wrong-password') setErrors({ current: t('account.password.wrong') });
      else if (error.reason === 'too-short') setErrors({ password: t('account.password.tooShort', { min: minLength }) });
      else if (error.reason === 'same') setErrors({ password: t('account.password.same') });
      else setProblem(t(`account.password.error.${error.reason}`, { message: error.message }));
    } finally {
      setBusy(false);
    }
  };
  const labels: Record<Field, string> = {
    current: t('account.password.current'),
    password: t('account.password.new'),
    repeat: t('account.password.repeat'),
  };
  return (
    <Dialog
      open={open}
      title={t('account.password.title')}
      onClose={close}
      actions={
        done ? (
          <button type="button" className="primary" onClick={close}>
            {t('account.password.close')}
          </button>
        ) : (
          <>
            <button type="button" onClick={close} disabled={busy}>
              {t('account.signOut.cancel')}
            </button>
            <button type="submit" form={formId} className="primary" disabled={busy}>
              {t(busy ? 'account.password.saving' : 'account.password.submit')}
            </button>
          </>
        )
      }
    >
      {done ? (
        <p role="status">{t('account.password.done')}</p>
      ) : (
        <form ref={form} id={formId} className="connect-form" noValidate onSubmit={(e) => void submit(e)}>
          <p>{t('account.password.intro')}</p>
          {(['current', 'password', 'repeat'] as const).map((field, index) => (
            <TextField
              key={field}
              name={field}
              type="password"
              label={labels[field]}
              hint={field === 'password' ? t('account.password.hint', { min: minLength }) : undefined}
              error={errors[field]}
              autoComplete={field === 'current' ? 'current-password' : 'new-password'}
              autoFocus={index === 0}
              dir="ltr"
              value={values[field]}
              onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
            />
          ))}
          {problem && (
            <p className="form-problem" role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
    </Dialog>
  );
}
