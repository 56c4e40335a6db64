import { create, type QRCode } from 'qrcode';

/** Error correction: L packs the most data (the credential), M survives a scuffed print (the link). */
export type QrErrorCorrection = 'L' | 'M';

/** A QR code as one SVG path over a square of `size` modules, quiet zone included. */
export type QrDrawing = { size: number; path: string; version: number };

/** Light modules around the code, as the QR standard asks, so phones find its edges. */
const quietZone = 4;

/**
 * Draws a QR code as an SVG path (vector in the PDF, crisp at any zoom). Horizontal runs of dark
 * modules become one rectangle each, which keeps a version-40 code to a few thousand commands.
 * Returns null when the text does not fit in any QR code at that error correction level.
 */
export function drawQrCode(text: string, errorCorrectionLevel: QrErrorCorrection): QrDrawing | null {
  let code: QRCode;
  try {
    code = create(text, { errorCorrectionLevel });
  } catch {
    return null;
  }
  const { size, data } = code.modules;
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y * size + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && data[y * size + x]) x++;
      parts.push(`M${start + quietZone} ${y + quietZone}h${x - start}v1h${start - x}z`);
    }
  }
  return { size: size + 2 * quietZone, path: parts.join(''), version: code.version };
}

/** True when the text fits in one QR code at that level (the offline QR is left out otherwise). */
export function fitsInQrCode(text: string, errorCorrectionLevel: QrErrorCorrection = 'L'): boolean {
  return drawQrCode(text, errorCorrectionLevel) !== null;
}
