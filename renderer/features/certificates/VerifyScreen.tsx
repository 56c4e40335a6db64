import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CredentialProblem } from '../../../shared/credentials/errors';
import { useFormatDay, useT } from '../../i18n';
import { TextArea } from '../../ui/fields';
import { FilePicker } from '../../ui/FilePicker';
import { useProblemText } from './problemText';
import { verifyFile, verifyText, type AppVerification } from './verifyInput';
import './certificates.css';

/** The verdict and everything that backs it, in the reader's language. */
export function VerificationAnswer({ result }: { result: AppVerification }) {
  const t = useT();
  const formatDay = useFormatDay();
  const problemText = useProblemText();
  const { summary } = result;
  const confirmed = result.status === 'valid' || result.status === 'revoked' || result.status === 'expired';
  return (
    <section className={`verdict verdict-${result.status}`} aria-live="polite" aria-labelledby="verdict-title">
      <h2 id="verdict-title">{t(`certificates.verdict.${result.status}`)}</h2>
      <p>{t(`certificates.verdict.${result.status}.explain`)}</p>
      {result.notice && <p className="notice-error">{t(`certificates.verify.notice.${result.notice.code}`, { serial: result.notice.serial ?? '' })}</p>}
      {result.revocation && (
        <p className="revocation">
          {t('certificates.verify.revokedOn', { date: formatDay(result.revocation.date.slice(0, 10)), reason: result.revocation.reason })}
        </p>
      )}
      {summary && (
        <dl className="facts">
          <dt>{t('certificates.verify.name')}</dt>
          <dd>
            <bdi>{summary.name}</bdi>
          </dd>
          <dt>{t('certificates.verify.course')}</dt>
          <dd>
            {summary.courseCode} <bdi>{summary.course}</bdi>
          </dd>
          {summary.hours !== undefined && (
            <>
              <dt>{t('certificates.verify.hours')}</dt>
              <dd>{summary.hours}</dd>
            </>
          )}
          <dt>{t('certificates.verify.issuer')}</dt>
          <dd>
            <bdi>{summary.issuerName}</bdi>
          </dd>
          <dt>{t('certificates.verify.issuedOn')}</dt>
          <dd>{formatDay(summary.issuedOn.slice(0, 10))}</dd>
          {summary.validUntil && (
            <>
              <dt>{t('certificates.verify.validUntil')}</dt>
              <dd>{formatDay(summary.validUntil.slice(0, 10))}</dd>
            </>
          )}
          <dt>{t('certificates.verify.serial')}</dt>
          <dd>
            <span className="serial">{summary.serial}</span>
          </dd>
        </dl>
      )}
      {summary && !confirmed && <p className="muted">{t('certificates.verify.unconfirmed')}</p>}
      {result.status !== 'malformed' && result.status !== 'altered' && !result.notice && (
        <p className="muted">
          {result.statusListAsOf
            ? t('certificates.verify.listAsOf', { date: formatDay(result.statusListAsOf.slice(0, 10)) })
            : result.revocationsAsOf
              ? t('certificates.verify.recordsAsOf', { date: formatDay(result.revocationsAsOf.slice(0, 10)) })
              : t('certificates.verify.recordsNone')}
        </p>
      )}
      {result.problems.length > 0 && (
        <details open={!confirmed}>
          <summary>{t('certificates.verify.details', { count: result.problems.length })}</summary>
          <ul>
            {result.problems.map((p: CredentialProblem, i) => (
              <li key={i}>{problemText(p)}</li>
            ))}
          </ul>
        </details>
      )}
      {result.certificateId && <Link to={`/certificates/${result.certificateId}`}>{t('certificates.verify.openStored')}</Link>}
    </section>
  );
}

/** Verify a certificate offline: drop or open a file, paste QR text or JSON, or type a serial. */
export function VerifyScreen() {
  const t = useT();
  const [params] = useSearchParams();
  const [text, setText] = useState(params.get('serial') ?? '');
  const [result, setResult] = useState<AppVerification | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<AppVerification>) => {
    setBusy(true);
    setResult(null);
    try {
      setResult(await work());
    } finally {
      setBusy(false);
    }
  };
  const serialFromLink = params.get('serial');
  // A verification link (…/verify?serial=…) opened on this device answers at once.
  useEffect(() => {
    if (!serialFromLink) return;
    let current = true;
    void verifyText(serialFromLink).then((answer) => {
      if (current) setResult(answer);
    });
    return () => {
      current = false;
    };
  }, [serialFromLink]);

  return (
    <div className="verify-screen">
      <h1>{t('certificates.verify.title')}</h1>
      <p className="muted">{t('certificates.verify.intro')}</p>
      <FilePicker
        label={t('certificates.verify.chooseFile')}
        hint={t('certificates.verify.drop')}
        accept=".json,.pdf,application/json,application/pdf"
        onChoose={(file) => {
          if (file) void run(() => verifyFile(file));
        }}
      />
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(() => verifyText(text));
        }}
      >
        <TextArea
          label={t('certificates.verify.pasteLabel')}
          hint={t('certificates.verify.pasteHint')}
          value={text}
          dir="ltr"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void run(() => verifyText(text));
            }
          }}
        />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            {t(busy ? 'certificates.verify.checking' : 'certificates.verify.check')}
          </button>
        </div>
      </form>
      {result && <VerificationAnswer result={result} />}
    </div>
  );
}
