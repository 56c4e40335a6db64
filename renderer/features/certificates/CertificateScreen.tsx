import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { revocationReasons } from '../../../shared/domain/certificates';
import { useLiveQuery, useMutate } from '../../db';
import { useErrorText, useFormatDay, useT } from '../../i18n';
import { isDesktop } from '../../platform/desktop';
import { useSettings } from '../../state/settings';
import { Dialog } from '../../ui/Dialog';
import { SelectField, TextArea } from '../../ui/fields';
import { NotFound } from '../catalogue';
import { useCertificate, useCertificates } from './data';
import { downloadJson } from './download';
import { CertificatePage, saveCertificatePdf, type CertificateView } from './print';
import { drawQrCode } from './print/qrSvg';
import { VerificationAnswer } from './VerifyScreen';
import { verifyCredential, type AppVerification } from './verifyInput';
import { loadCertificateView } from './view';
import './certificates.css';

/** A QR code drawn large, for a phone to scan off the screen. */
function BigQr({ text, label }: { text: string; label: string }) {
  const drawing = useMemo(() => drawQrCode(text, text.startsWith('VC1:') ? 'L' : 'M'), [text]);
  if (!drawing) return null;
  return (
    <svg className="big-qr" viewBox={`0 0 ${drawing.size} ${drawing.size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={drawing.size} height={drawing.size} fill="#fff" />
      <path d={drawing.path} fill="#000" />
    </svg>
  );
}

/** One certificate: how it looks, where it stands, downloads, QR, link and revocation. */
export function CertificateScreen() {
  const { id } = useParams();
  const t = useT();
  const formatDay = useFormatDay();
  const errorText = useErrorText();
  const mutate = useMutate();
  const { role, personId } = useSettings();
  const certificate = useCertificate(id);
  const view = useLiveQuery(async () => (id ? ((await loadCertificateView(id)) ?? null) : null), [id, certificate?.revokedAt]);
  const [verification, setVerification] = useState<AppVerification | null>(null);
  const [qr, setQr] = useState<'offline' | 'link' | null>(null);
  const [revoking, setRevoking] = useState(false);
  const [reason, setReason] = useState<(typeof revocationReasons)[number]>('issued-in-error');
  const [details, setDetails] = useState('');
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!certificate) return;
    let current = true;
    void verifyCredential(certificate.credential, 'json').then((result) => {
      if (current) setVerification(result);
    });
    return () => {
      current = false;
    };
  }, [certificate]);

  if (certificate === undefined || view === undefined) return <p className="loading">{t('common.loading')}</p>;
  // A trainee sees only their own certificates.
  if (!certificate || !view || (role === 'trainee' && certificate.personId !== personId)) return <NotFound />;

  const savePdf = async (v: CertificateView) => {
    setSaving(true);
    setMessage(null);
    const result = await saveCertificatePdf({ certificateId: certificate.id, view: v, credentialJson: JSON.stringify(certificate.credential) });
    setSaving(false);
    if (!result.ok) setMessage({ tone: 'error', text: t('certificatePrint.saveFailed', { reason: result.reason }) });
    else if (result.saved) setMessage({ tone: 'ok', text: t('certificates.detail.pdfSaved', { serial: certificate.serial }) });
  };
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(view.verifyUrl);
      setMessage({ tone: 'ok', text: t('certificates.detail.linkCopied') });
    } catch {
      setMessage({ tone: 'ok', text: view.verifyUrl });
    }
  };
  const revoke = async () => {
    const text = [t(`certificates.reason.${reason}`), details.trim()].filter(Boolean).join(': ');
    const outcome = await mutate({ name: 'certificate.revoke', args: { id: certificate.id, reason: text } });
    setRevoking(false);
    setMessage(outcome.ok ? { tone: 'ok', text: t('certificates.detail.revoked', { serial: certificate.serial }) } : { tone: 'error', text: errorText(outcome.error) });
  };

  return (
    <article className="detail certificate-detail" aria-labelledby="certificate-title">
      <nav className="breadcrumbs" aria-label={t('certificates.breadcrumbs')}>
        {role === 'trainee' ? <Link to="/my/certificates">{t('certificates.my.title')}</Link> : <Link to="/certificates">{t('certificates.title')}</Link>}
      </nav>
      <h1 id="certificate-title">
        <span className="serial">{certificate.serial}</span> — <span dir="auto">{certificate.name}</span>
      </h1>
      {certificate.revokedAt ? (
        <p className="notice-error" role="status">
          {t('certificates.detail.revokedBanner', { date: formatDay(certificate.revokedAt.slice(0, 10)), reason: certificate.revocationReason })}
        </p>
      ) : (
        <p className="muted">{t('certificates.detail.issued', { date: formatDay(certificate.issuedAt.slice(0, 10)) })}</p>
      )}
      <div className="actions certificate-actions">
        <button type="button" className="primary" onClick={() => void savePdf(view)} disabled={saving}>
          {t(saving ? 'certificates.detail.makingPdf' : 'certificates.detail.downloadPdf')}
        </button>
        <button type="button" onClick={() => downloadJson(certificate.credential, `${certificate.serial}.json`)}>
          {t('certificates.detail.downloadJson')}
        </button>
        <button type="button" onClick={() => setQr(view.qrPayload ? 'offline' : 'link')}>
          {t('certificates.detail.showQr')}
        </button>
        {view.verifyUrl && (
          <button type="button" onClick={() => void copyLink()}>
            {t('certificates.detail.copyLink')}
          </button>
        )}
        {/* The desktop refuses new windows; there, Download PDF prints through Chromium already. */}
        {!isDesktop() && (
          <Link to={`/certificates/${certificate.id}/print`} target="_blank" rel="noopener">
            {t('certificates.detail.print')}
          </Link>
        )}
        {role === 'coordinator' && !certificate.revokedAt && (
          <button type="button" className="danger" onClick={() => setRevoking(true)}>
            {t('certificates.detail.revoke')}
          </button>
        )}
      </div>
      <div className="status-area" role="status">
        {message && <p className={message.tone === 'ok' ? 'notice-ok' : 'notice-error'}>{message.text}</p>}
      </div>
      {verification && <VerificationAnswer result={{ ...verification, certificateId: undefined }} />}
      <section className="certificate-preview" aria-label={t('certificates.template.preview')}>
        <div className="certificate-scale">
          <CertificatePage view={view} />
        </div>
      </section>

      <Dialog
        open={qr !== null}
        title={t(qr === 'offline' ? 'certificates.detail.qrOffline' : 'certificates.detail.qrLink')}
        onClose={() => setQr(null)}
        actions={
          <>
            {view.qrPayload && (
              <button type="button" onClick={() => setQr(qr === 'offline' ? 'link' : 'offline')}>
                {t(qr === 'offline' ? 'certificates.detail.qrShowLink' : 'certificates.detail.qrShowOffline')}
              </button>
            )}
            <button type="button" onClick={() => setQr(null)}>
              {t('certificates.detail.close')}
            </button>
          </>
        }
      >
        {qr && <BigQr text={qr === 'offline' && view.qrPayload ? view.qrPayload : view.verifyUrl} label={t(qr === 'offline' ? 'certificates.detail.qrOffline' : 'certificates.detail.qrLink')} />}
        {qr === 'link' && <p className="serial">{view.verifyUrl}</p>}
      </Dialog>

      <Dialog
        open={revoking}
        title={t('certificates.revoke.title', { serial: certificate.serial })}
        onClose={() => setRevoking(false)}
        actions={
          <>
            <button type="button" className="danger" onClick={() => void revoke()}>
              {t('certificates.revoke.confirm')}
            </button>
            <button type="button" onClick={() => setRevoking(false)}>
              {t('certificates.revoke.keep')}
            </button>
          </>
        }
      >
        <p>{t('certificates.revoke.explain')}</p>
        <SelectField
          label={t('certificates.revoke.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value as (typeof revocationReasons)[number])}
          options={revocationReasons.map((r) => ({ value: r, label: t(`certificates.reason.${r}`) }))}
        />
        <TextArea label={t('certificates.revoke.details')} value={details} onChange={(e) => setDetails(e.target.value)} />
      </Dialog>
    </article>
  );
}

/** A trainee's own certificates, from what this device last synced. */
export function MyCertificatesScreen() {
  const t = useT();
  const formatDay = useFormatDay();
  const personId = useSettings((s) => s.personId);
  const certificates = useCertificates({ personId });
  if (!personId)
    return (
      <section className="empty-state">
        <h1>{t('certificates.my.title')}</h1>
        <p>{t('mycourses.choosePerson')}</p>
      </section>
    );
  if (!certificates) return <p className="loading">{t('common.loading')}</p>;
  return (
    <div>
      <h1>{t('certificates.my.title')}</h1>
      {certificates.length === 0 && <p className="muted">{t('certificates.my.none')}</p>}
      <ul className="cards">
        {certificates.map((c) => (
          <li key={c.id} className="card">
            <h2>
              <Link to={`/certificates/${c.id}`}>
                {c.courseCode} <bdi>{c.courseTitle}</bdi>
              </Link>
            </h2>
            <p className="serial">{c.serial}</p>
            <p className="muted">
              {c.revokedAt
                ? t('certificates.detail.revokedBanner', { date: formatDay(c.revokedAt.slice(0, 10)), reason: c.revocationReason })
                : t('certificates.detail.issued', { date: formatDay(c.issuedAt.slice(0, 10)) })}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
