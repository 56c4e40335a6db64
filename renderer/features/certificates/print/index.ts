/**
 * The printable certificate and its PDF, for the certificates feature.
 *
 * Wiring (the lead's router and screens):
 * - Print route — mount at the top level of the router, outside `<Layout/>` (the page must
 *   print without the app header):
 *   `{ path: '/certificates/:id/print', lazy: async () => { const { CertificatePrintRoute } =
 *   await import('../features/certificates/print'); return { Component: () =>
 *   <CertificatePrintRoute loadView={loadCertificateView} /> }; } }` where
 *   `loadCertificateView(id): Promise<CertificateView | undefined>` reads the certificate, its
 *   template, course, session and issuer from Dexie (undefined when there is none) and fills
 *   the body with `fillTemplate`. Keep `loadCertificateView` stable (module-level function).
 *   The route sets `document.body.dataset.ready = 'true'` once fonts and QR codes are drawn
 *   (or `'error'` + `data-error`), which the desktop's hidden PDF window waits for.
 * - Preview on `#/certificates/:id`: `<CertificatePage view={view} />` (scale a wrapper with
 *   CSS transform if needed, never the page itself).
 * - Save PDF button: `const r = await saveCertificatePdf({ certificateId, view, credentialJson:
 *   JSON.stringify(certificate.credential) })`; `r.ok` false → show
 *   `t('certificatePrint.saveFailed', { reason: r.reason })`. Desktop: the main process prints
 *   the print route to a vector PDF and shows a save dialog. Browser: the page is rasterised
 *   off screen at 300 dpi and downloaded. Both attach the credential as `<serial>.json`.
 * - `qrPayload`: pass `encodeQrPayload(credential)` only when `fitsInQrCode(payload)`; the page
 *   also leaves out a payload that does not fit.
 */
export { CertificatePage, certificateDirection, labelLanguage } from './CertificatePage';
export { CertificatePrintRoute } from './CertificatePrintRoute';
export { fillTemplate, type FilledTemplate } from './fillTemplate';
export { certificatePrintMessages } from './messages';
export { fitsInQrCode } from './qrSvg';
export { renderCertificatePdf, type CertificatePdfOptions } from './renderCertificatePdf';
export {
  certificatePdfFileName,
  renderViewToPdf,
  saveCertificatePdf,
  type SaveCertificatePdfResult,
} from './saveCertificatePdf';
export type { CertificatePageSize, CertificateSignatory, CertificateView } from './types';
