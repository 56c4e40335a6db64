import { strFromU8, strToU8 } from 'fflate';
import {
  AFRelationship,
  decodePDFRawStream,
  EncryptedPDFError,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';
import type { CredentialOutcome } from './errors';
import { messageOf, problem } from './errors';
import type { JsonObject } from './json';
import { isJsonObject } from './json';

/**
 * The credential travels inside its printable PDF as an embedded file (PDF "EmbeddedFiles", also
 * listed in the catalog's /AF as PDF/A-3 does), so the one file a trainee sends is both what a
 * person reads and what a verifier checks. pdf-lib is used only for this, never for text (it
 * cannot shape Arabic or Thai; Chromium prints the page).
 */

/** The name the credential is attached under, unless the caller gives one. */
export const defaultCredentialFileName = 'certificate-credential.json';

function isPdf(bytes: Uint8Array): boolean {
  // The header may follow some junk, but must start within the first 1,024 bytes.
  const head = strFromU8(bytes.subarray(0, 1024), true);
  return head.includes('%PDF-');
}

async function loadPdf(bytes: Uint8Array): Promise<CredentialOutcome<PDFDocument>> {
  if (!isPdf(bytes)) return { ok: false, error: problem('not-a-pdf') };
  try {
    // updateMetadata: false keeps the producer and dates Chromium wrote.
    return { ok: true, value: await PDFDocument.load(bytes, { updateMetadata: false }) };
  } catch (error) {
    if (error instanceof EncryptedPDFError) return { ok: false, error: problem('pdf-encrypted') };
    return { ok: false, error: problem('pdf-unreadable', { message: messageOf(error) }) };
  }
}

/**
 * Returns a copy of the PDF with the credential attached as `fileName` (application/json,
 * relationship "Data"). `credential` is the credential object, or its JSON text as saved.
 */
export async function attachCredential(
  pdfBytes: Uint8Array,
  credential: object | string,
  fileName: string = defaultCredentialFileName,
): Promise<CredentialOutcome<Uint8Array>> {
  const loaded = await loadPdf(pdfBytes);
  if (!loaded.ok) return loaded;
  const json = typeof credential === 'string' ? credential : JSON.stringify(credential, null, 2);
  try {
    await loaded.value.attach(strToU8(json), fileName, {
      mimeType: 'application/json',
      description: 'Verifiable credential (W3C VC 2.0 / Open Badges 3.0) of this certificate',
      afRelationship: AFRelationship.Data,
    });
    return { ok: true, value: await loaded.value.save({ useObjectStreams: false }) };
  } catch (error) {
    return { ok: false, error: problem('pdf-unreadable', { message: messageOf(error) }) };
  }
}

type EmbeddedFile = { name: string; spec: PDFDict };

function textOf(value: unknown): string | undefined {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
}

/** The files of a name tree (/Names pairs and /Kids), guarding against cycles and depth. */
function embeddedFiles(node: PDFDict, seen: Set<PDFDict>, depth = 0): EmbeddedFile[] {
  if (seen.has(node) || depth > 32) return [];
  seen.add(node);
  const files: EmbeddedFile[] = [];
  const names = node.lookup(PDFName.of('Names'));
  if (names instanceof PDFArray) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const spec = names.lookup(i + 1);
      const key = textOf(names.lookup(i));
      if (spec instanceof PDFDict) {
        const name = textOf(spec.lookup(PDFName.of('UF'))) ?? textOf(spec.lookup(PDFName.of('F'))) ?? key ?? '';
        files.push({ name, spec });
      }
    }
  }
  const kids = node.lookup(PDFName.of('Kids'));
  if (kids instanceof PDFArray) {
    for (let i = 0; i < kids.size(); i += 1) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) files.push(...embeddedFiles(kid, seen, depth + 1));
    }
  }
  return files;
}

/**
 * The credential attached to a PDF: the first embedded file whose name ends in `.json`, found by
 * walking the catalog's /Names /EmbeddedFiles tree. Says clearly when the bytes are not a PDF,
 * when the PDF has no such file, or when the file is not a JSON object.
 */
export async function extractCredential(
  pdfBytes: Uint8Array,
): Promise<CredentialOutcome<{ fileName: string; credential: JsonObject }>> {
  const loaded = await loadPdf(pdfBytes);
  if (!loaded.ok) return loaded;
  let file: EmbeddedFile | undefined;
  try {
    const names = loaded.value.catalog.lookup(PDFName.of('Names'));
    const tree = names instanceof PDFDict ? names.lookup(PDFName.of('EmbeddedFiles')) : undefined;
    const files = tree instanceof PDFDict ? embeddedFiles(tree, new Set()) : [];
    file = files.find(({ name }) => name.toLowerCase().endsWith('.json'));
  } catch (error) {
    return { ok: false, error: problem('pdf-unreadable', { message: messageOf(error) }) };
  }
  if (!file) return { ok: false, error: problem('pdf-no-credential') };
  const unreadable = (message: string) => ({
    ok: false as const,
    error: problem('pdf-credential-unreadable', { fileName: file.name, message }),
  });
  let json: string;
  try {
    const streams = file.spec.lookup(PDFName.of('EF'));
    const stream = streams instanceof PDFDict ? (streams.lookup(PDFName.of('UF')) ?? streams.lookup(PDFName.of('F'))) : undefined;
    if (!(stream instanceof PDFRawStream)) return unreadable('no file data');
    json = strFromU8(decodePDFRawStream(stream).decode());
  } catch (error) {
    return unreadable(messageOf(error));
  }
  let credential: unknown;
  try {
    credential = JSON.parse(json);
  } catch (error) {
    return unreadable(messageOf(error));
  }
  if (!isJsonObject(credential)) return unreadable('not a JSON object');
  return { ok: true, value: { fileName: file.name, credential } };
}
