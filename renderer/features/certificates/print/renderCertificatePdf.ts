import { toCanvas } from 'html-to-image';
import { PDFDocument, PageSizes } from 'pdf-lib';
import { credentialProblemText } from '../../../../shared/credentials/errors';
import { attachCredential } from '../../../../shared/credentials/pdfAttachment';
import { credentialAttachmentName } from '../../../../shared/ipc/contract';
import { fontEmbedCss } from './pageFonts';
import type { CertificatePageSize } from './types';

/** Options of the browser-build PDF. */
export type CertificatePdfOptions = {
  pageSize: CertificatePageSize;
  /** The signed credential, attached inside the PDF as `<fileName>.json`. */
  credentialJson: string;
  /** Name of the PDF file (`….pdf`); the attachment takes the same name with `.json`. */
  fileName: string;
  /** Document title shown by PDF readers. */
  title?: string;
};

/** Print resolution of the rasterised page: 300 dpi, where 1 CSS px is 1/96 inch. */
export const browserPdfDpi = 300;

/** Sheet sizes in PDF points (1/72 inch). */
const sheetPoints: Record<CertificatePageSize, readonly [number, number]> = {
  A4: PageSizes.A4,
  Letter: PageSizes.Letter,
};

/**
 * The browser build's PDF: Chromium lays out and shapes the page (every script, joined Arabic,
 * CJK) exactly as on screen, html-to-image rasterises it at 300 dpi with the bundled fonts
 * inlined, and pdf-lib puts the image on one A4/Letter sheet and attaches the credential. The
 * text is pixels, not selectable: "Print" (window.print) gives the vector version, and the
 * desktop app prints vector PDFs through Chromium's print pipeline.
 */
export async function renderCertificatePdf(element: HTMLElement, options: CertificatePdfOptions): Promise<Blob> {
  const canvas = await toCanvas(element, {
    pixelRatio: browserPdfDpi / 96,
    fontEmbedCSS: await fontEmbedCss(element),
    cacheBust: false,
    backgroundColor: '#ffffff',
    // The element may be shown scaled or offset on screen; the sheet is drawn at its true size.
    style: { transform: 'none', margin: '0', boxShadow: 'none' },
  });
  // JPEG keeps a 300 dpi page at a few hundred kilobytes and pdf-lib embeds it as is (a PNG
  // would be decoded and re-compressed in JavaScript, several times slower).
  const jpeg = await canvasBytes(canvas, 'image/jpeg', 0.92);

  const pdf = await PDFDocument.create();
  const [width, height] = sheetPoints[options.pageSize];
  const page = pdf.addPage([width, height]);
  const image = await pdf.embedJpg(jpeg);
  page.drawImage(image, { x: 0, y: 0, width, height });
  pdf.setTitle(options.title ?? options.fileName.replace(/\.pdf$/i, ''));
  pdf.setProducer('Apogee');
  pdf.setCreator('Apogee');
  const attached = await attachCredential(await pdf.save(), options.credentialJson, credentialAttachmentName(options.fileName));
  if (!attached.ok) throw new Error(`the credential could not be attached: ${credentialProblemText(attached.error)}`);
  return new Blob([attached.value as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
}

function canvasBytes(canvas: HTMLCanvasElement, type: string, quality: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => {
        if (blob === null) reject(new Error('the page could not be turned into an image (is it too large?)'));
        else blob.arrayBuffer().then((buffer) => resolve(new Uint8Array(buffer)), reject);
      },
      type,
      quality,
    );
  });
}
