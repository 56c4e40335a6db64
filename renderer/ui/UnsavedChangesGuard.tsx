import { useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';
import { useT } from '../i18n';
import { Dialog } from './Dialog';

/**
 * Warns before leaving a form with unsaved changes: in-app navigation asks in a dialog,
 * closing or reloading the window asks through the browser. Call `allowLeaving()` right
 * before navigating away after a successful save.
 */
export function useUnsavedChangesGuard(dirty: boolean) {
  const t = useT();
  const allowed = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !allowed.current && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!allowed.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const allowLeaving = useCallback(() => {
    allowed.current = true;
  }, []);

  const dialog = (
    <Dialog
      open={blocker.state === 'blocked'}
      title={t('unsaved.title')}
      onClose={() => blocker.reset?.()}
      actions={
        <>
          <button type="button" className="primary" autoFocus onClick={() => blocker.reset?.()}>
            {t('unsaved.stay')}
          </button>
          <button type="button" className="danger" onClick={() => blocker.proceed?.()}>
            {t('unsaved.leave')}
          </button>
        </>
      }
    >
      <p>{t('unsaved.body')}</p>
    </Dialog>
  );
  return { dialog, allowLeaving };
}
