// Screens of the certificates feature, loaded on first visit (see renderer/app/router.tsx).
import { CertificatePrintRoute } from './print';
import { loadCertificateView } from './view';

export { CertificatesScreen as Certificates } from './CertificatesScreen';
export { SessionCertificatesScreen as SessionCertificates } from './SessionCertificatesScreen';
export { TemplateScreen as CertificateTemplate } from './TemplateScreen';
export { CertificateScreen as Certificate, MyCertificatesScreen as MyCertificates } from './CertificateScreen';
export { VerifyScreen as Verify } from './VerifyScreen';

/** The bare printable page (no app frame), which the desktop's PDF window loads. */
export function CertificatePrint() {
  return <CertificatePrintRoute loadView={loadCertificateView} />;
}
