/**
 * Turns the bytes of a file a coordinator picked into text, whatever the spreadsheet program
 * that wrote it: UTF-8 with or without a byte-order mark (LibreOffice, Google Sheets, Numbers,
 * Excel "CSV UTF-8"), UTF-16 with a BOM (Excel "Unicode text") or without one, and
 * windows-1252 (Excel "CSV" on Western-European Windows). Files that are not text at all (an
 * .xlsx, which is a ZIP, an old .xls, a picture, a PDF) are refused as `not-text`.
 *
 * Pure: TextDecoder only (it exists in the browser, Electron and Node).
 */

/** The encodings the import recognises. */
export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Why a file could not be read as text. */
export type DecodeProblem = 'empty' | 'not-text';

/** The text of a file (BOM removed), or why there is none. */
export type DecodeResult =
  | { ok: true; text: string; encoding: CsvEncoding; bom: boolean }
  | { ok: false; problem: DecodeProblem };

/** Signatures of binary formats a coordinator might pick by mistake (compared to the first bytes). */
const binarySignatures: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04], // ZIP: .xlsx, .ods, .docx, .zip
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE2: .xls, .doc
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x1f, 0x8b], // gzip
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x4d, 0x5a], // Windows executable
];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.length < signature.length) return false;
  return signature.every((b, i) => bytes[i] === b);
}

/**
 * Guesses UTF-16 without a BOM from where the zero bytes are: text in a CSV is mostly ASCII
 * (separators, digits, line breaks, Latin names), whose UTF-16 code units have a zero high byte.
 * Looks at the first 4 KiB.
 */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, 4096) & ~1;
  if (length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const units = length / 2;
  if (oddZeros >= units * 0.25 && evenZeros <= units * 0.05) return 'utf-16le';
  if (evenZeros >= units * 0.25 && oddZeros <= units * 0.05) return 'utf-16be';
  return null;
}

function decode(bytes: Uint8Array, encoding: CsvEncoding, fatal: boolean): string | null {
  try {
    // ignoreBOM: false (the default) removes a leading BOM of the encoding.
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** windows-1252 characters of bytes 0x80–0x9F (the five unassigned bytes keep their C1 code point). */
const cp1252High =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

/**
 * Decodes windows-1252 by table: Node's TextDecoder('windows-1252') decodes 0x80–0x9F as
 * ISO-8859-1 controls (so "–", "€", "œ", "’" would be lost in tests), unlike browsers.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 8192;
  for (let start = 0; start < bytes.length; start += chunk) {
    let part = '';
    const end = Math.min(bytes.length, start + chunk);
    for (let i = start; i < end; i++) {
      const byte = bytes[i]!;
      part += byte >= 0x80 && byte <= 0x9f ? cp1252High[byte - 0x80] : String.fromCharCode(byte);
    }
    parts.push(part);
  }
  return parts.join('');
}

/**
 * True when text has the control characters of a binary file: any NUL, or more than 1 % of
 * characters that are controls other than tab, line feed, carriage return and form feed.
 */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0001-\u0008\u000B\u000E-\u001F\u007F]/g)?.length ?? 0;
  return controls > Math.max(2, sample.length * 0.01);
}

/** Decodes the bytes of a CSV file; see the module comment for what is recognised. */
export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (binarySignatures.some((signature) => startsWith(bytes, signature)))
    return { ok: false, problem: 'not-text' };

  let encoding: CsvEncoding;
  let bom = false;
  let text: string | null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    [encoding, bom] = ['utf-8', true];
    text = decode(bytes, 'utf-8', false);
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    [encoding, bom] = ['utf-16le', true];
    text = decode(bytes, 'utf-16le', true);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    [encoding, bom] = ['utf-16be', true];
    text = decode(bytes, 'utf-16be', true);
  } else {
    const utf16 = guessUtf16(bytes);
    if (utf16) {
      encoding = utf16;
      text = decode(bytes, utf16, true);
    } else {
      encoding = 'utf-8';
      text = decode(bytes, 'utf-8', true);
      if (text === null) {
        // Not valid UTF-8: Excel on Windows writes the ANSI code page, windows-1252 in Western Europe.
        encoding = 'windows-1252';
        text = decodeWindows1252(bytes);
      }
    }
  }

  if (text === null || looksBinary(text)) return { ok: false, problem: 'not-text' };
  if (text.trim() === '') return { ok: false, problem: 'empty' };
  return { ok: true, text, encoding, bom };
}
