import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useT } from '../../../i18n';
import { CertificatePage } from './CertificatePage';
import type { CertificateView } from './types';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; view: CertificateView }
  | { kind: 'missing'; id: string }
  | { kind: 'failed'; reason: string };

/**
 * Tells whoever prints the page (the desktop's hidden PDF window, a test) how drawing went:
 * `data-ready="true"` once fonts and QR codes are drawn, or `"error"` with `data-error` saying
 * why, so the desktop reports the reason at once instead of waiting for its timeout.
 */
function signal(ready: 'true' | 'error' | null, error?: string): void {
  const data = document.body.dataset;
  if (ready === null) delete data.ready;
  else data.ready = ready;
  if (error === undefined) delete data.error;
  else data.error = error;
}

/**
 * `#/certificates/:id/print`: the bare printable page (no app header). The lead's router
 * passes the loader that turns a certificate id into a CertificateView from the local database.
 */
export function CertificatePrintRoute({ loadView }: { loadView: (id: string) => Promise<CertificateView | undefined> }) {
  const { id = '' } = useParams();
  const t = useT();
  // The answer is kept with the id it is for, so a new id shows "preparing" until it loads.
  const [result, setResult] = useState<{ id: string; state: State } | null>(null);
  const state = useMemo<State>(() => (result?.id === id ? result.state : { kind: 'loading' }), [result, id]);

  useEffect(() => {
    let current = true;
    signal(null);
    loadView(id).then(
      (view) => {
        if (current) setResult({ id, state: view ? { kind: 'ready', view } : { kind: 'missing', id } });
      },
      (error: unknown) => {
        if (current) setResult({ id, state: { kind: 'failed', reason: error instanceof Error ? error.message : String(error) } });
      },
    );
    return () => {
      current = false;
      signal(null);
    };
  }, [id, loadView]);

  useEffect(() => {
    if (state.kind === 'missing') signal('error', t('certificatePrint.notFound', { id: state.id }));
    if (state.kind === 'failed') signal('error', t('certificatePrint.loadFailed', { reason: state.reason }));
    if (state.kind === 'ready') document.title = `${state.view.title} — ${state.view.traineeName}`;
  }, [state, t]);

  return (
    <div className="cert-print-root">
      {state.kind === 'ready' ? (
        <>
          {/* On screen only: the browser's print dialog gives the vector PDF (and paper). */}
          <button type="button" className="cert-print-button" onClick={() => window.print()}>
            {t('certificatePrint.print')}
          </button>
          <CertificatePage view={state.view} onReady={() => signal('true')} />
        </>
      ) : (
        <p className="cert-print-status" role={state.kind === 'loading' ? 'status' : 'alert'}>
          {state.kind === 'loading'
            ? t('certificatePrint.preparing')
            : state.kind === 'missing'
              ? t('certificatePrint.notFound', { id: state.id })
              : t('certificatePrint.loadFailed', { reason: state.reason })}
        </p>
      )}
    </div>
  );
}
