import { credentialProblemText, type CredentialOutcome } from '../../shared/credentials/errors';
import { credentialAttachmentName } from '../../shared/ipc/contract';
import type { IpcRequest } from '../../shared/ipc/contract';

/** What the PDF needs: the certificate to print, its credential, and the sheet size. */
export type CertificatePdfRequest = IpcRequest<'certificate:savePdf'>;

/** Options printToPDF gets (the subset of Electron's PrintToPDFOptions we set). */
export type PdfPrintOptions = {
  pageSize: 'A4' | 'Letter';
  printBackground: true;
  margins: { top: 0; bottom: 0; left: 0; right: 0 };
  preferCSSPageSize: false;
};

/** The part of a hidden BrowserWindow the PDF needs; a fake in the tests. */
export type PdfWindow = {
  loadURL(url: string): Promise<void>;
  readonly webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: PdfPrintOptions): Promise<Uint8Array>;
  };
  destroy(): void;
  isDestroyed(): boolean;
};

/** Everything the PDF maker depends on, injected so the tests need no Electron. */
export type CertificatePdfDeps = {
  /** Opens a hidden, sandboxed window (same security as the main window). */
  createWindow: () => PdfWindow;
  /** The app's entry page: `app://apogee/index.html`, or the dev server. */
  entryUrl: string;
  /** shared/credentials `attachCredential`. */
  attachCredential: (pdf: Uint8Array, credentialJson: string, fileName: string) => Promise<CredentialOutcome<Uint8Array>>;
  /** How long the page may take to draw before we give up. */
  timeoutMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
};

/** The print route of a certificate, as the renderer's router mounts it. */
export function certificatePrintUrl(entryUrl: string, certificateId: string): string {
  return `${entryUrl.replace(/#.*$/, '')}#/certificates/${encodeURIComponent(certificateId)}/print`;
}

// Read in the page: the print route sets data-ready to 'true' once fonts and QR codes are
// drawn, or to 'error' (with data-error saying why) when the certificate cannot be shown.
const readState = `(() => { const d = document.body ? document.body.dataset : {}; return { ready: d.ready ?? null, error: d.error ?? null }; })()`;

/**
 * Prints one certificate to PDF bytes, the way the desktop app saves it: a hidden window opens
 * the certificate's print route, we wait until the page says it is drawn, Chromium's print
 * pipeline makes a vector PDF (every script shaped as on screen), and the signed credential is
 * attached inside. The window is always closed, also on failure.
 */
export async function printCertificatePdf(request: CertificatePdfRequest, deps: CertificatePdfDeps): Promise<Uint8Array> {
  const timeoutMs = deps.timeoutMs ?? 20_000;
  const pollMs = deps.pollMs ?? 50;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = deps.now ?? Date.now;
  const window = deps.createWindow();
  try {
    const started = now();
    try {
      await window.loadURL(certificatePrintUrl(deps.entryUrl, request.certificateId));
    } catch (error) {
      throw new Error(`the certificate page did not open (${errorText(error)})`);
    }
    for (;;) {
      const state = (await window.webContents.executeJavaScript(readState)) as { ready: unknown; error: unknown } | null;
      if (state?.ready === 'true') break;
      if (state?.ready === 'error') {
        throw new Error(typeof state.error === 'string' && state.error !== '' ? state.error : 'the certificate page could not show this certificate');
      }
      if (now() - started >= timeoutMs) {
        throw new Error(
          `the certificate page was not ready after ${Math.round(timeoutMs / 1000)} s (fonts or QR codes not drawn); no PDF was made`,
        );
      }
      await sleep(pollMs);
    }
    const pdf = await window.webContents.printToPDF({
      pageSize: request.pageSize,
      printBackground: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      preferCSSPageSize: false,
    });
    const attached = await deps.attachCredential(
      new Uint8Array(pdf),
      request.credentialJson,
      credentialAttachmentName(request.fileName),
    );
    if (!attached.ok) throw new Error(`the credential could not be attached to the PDF: ${credentialProblemText(attached.error)}`);
    return attached.value;
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}

/** How the save flow reaches the user and the disk; the glue passes Electron's dialog and fs. */
export type SavePdfDeps = {
  print: (request: CertificatePdfRequest) => Promise<Uint8Array>;
  /** The save dialog: the chosen path, or null when the user cancelled. */
  chooseFile: (suggestedName: string) => Promise<string | null>;
  writeFile: (path: string, bytes: Uint8Array) => Promise<void>;
};

/**
 * Saves a certificate PDF where the user chooses. Printing starts while the dialog is open, so
 * the file is usually ready by the time a name is picked; cancelling saves nothing.
 */
export async function saveCertificatePdf(
  request: CertificatePdfRequest,
  deps: SavePdfDeps,
): Promise<{ saved: boolean; path?: string }> {
  const printing = deps.print(request);
  // A failure while the dialog is still open is reported after it closes, not as unhandled.
  void printing.catch(() => undefined);
  const chosen = await deps.chooseFile(request.fileName);
  if (chosen === null) return { saved: false };
  const bytes = await printing;
  const path = chosen.toLowerCase().endsWith('.pdf') ? chosen : `${chosen}.pdf`;
  await deps.writeFile(path, bytes);
  return { saved: true, path };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
