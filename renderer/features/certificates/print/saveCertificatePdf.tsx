import { createRoot } from 'react-dom/client';
import { desktopBridge } from '../../../platform/desktop';
import { downloadBlob } from '../download';
import { CertificatePage } from './CertificatePage';
import { renderCertificatePdf } from './renderCertificatePdf';
import type { CertificateView } from './types';

/** How saving went: saved (with the path in the desktop app), cancelled, or failed and why. */
export type SaveCertificatePdfResult =
  | { ok: true; saved: boolean; path?: string }
  | { ok: false; reason: string };

/** A file name for a certificate PDF: the serial, which is unique and safe on every file system. */
export function certificatePdfFileName(view: Pick<CertificateView, 'serial'>): string {
  const safe = view.serial.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return `${safe === '' ? 'certificate' : safe}.pdf`;
}

/**
 * Draws a certificate off screen and turns it into the browser-build PDF (see
 * renderCertificatePdf). Off screen, not hidden: a `display: none` page would not lay out or
 * load its fonts.
 */
export async function renderViewToPdf(
  view: CertificateView,
  options: { credentialJson: string; fileName: string },
): Promise<Blob> {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;top:0;left:-10000px;pointer-events:none;';
  document.body.append(host);
  const root = createRoot(host);
  try {
    const page = await new Promise<HTMLDivElement>((resolve, reject) => {
      let element: HTMLDivElement | null = null;
      setTimeout(() => reject(new Error('the certificate was not drawn within 20 s (fonts did not load)')), 20_000);
      root.render(
        <CertificatePage
          view={view}
          pageRef={(node) => {
            element = node;
          }}
          onReady={() => {
            if (element) resolve(element);
          }}
        />,
      );
    });
    return await renderCertificatePdf(page, {
      pageSize: view.pageSize,
      credentialJson: options.credentialJson,
      fileName: options.fileName,
      title: `${view.title} — ${view.traineeName}`,
    });
  } finally {
    root.unmount();
    host.remove();
  }
}

/**
 * Saves a certificate as PDF with its credential attached, by the route the platform offers:
 * in the desktop app the main process prints the certificate's print route through Chromium
 * (vector text) and asks where to save; in a browser the page is rasterised at 300 dpi and
 * downloaded.
 */
export async function saveCertificatePdf(args: {
  certificateId: string;
  view: CertificateView;
  credentialJson: string;
  fileName?: string;
}): Promise<SaveCertificatePdfResult> {
  const fileName = args.fileName ?? certificatePdfFileName(args.view);
  const bridge = desktopBridge();
  try {
    if (bridge) {
      const result = await bridge.invoke('certificate:savePdf', {
        certificateId: args.certificateId,
        credentialJson: args.credentialJson,
        fileName,
        pageSize: args.view.pageSize,
      });
      return result.ok ? { ok: true, ...result.value } : { ok: false, reason: result.error.message };
    }
    const blob = await renderViewToPdf(args.view, { credentialJson: args.credentialJson, fileName });
    downloadBlob(blob, fileName);
    return { ok: true, saved: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
