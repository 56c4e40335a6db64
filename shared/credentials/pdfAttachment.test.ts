import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { attachCredential, extractCredential } from './pdfAttachment';
import { cloneJson } from './json';
import { issuedCertificate } from './testing';

async function tinyPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText('Certificate of completion', { x: 50, y: 780, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return pdf.save();
}

describe('PDF attachment', () => {
  it('attaches the credential inside the PDF and extracts the same credential again', async () => {
    const certificate = await issuedCertificate();
    const attached = await attachCredential(await tinyPdf(), certificate, 'IDSEA-certificate.json');
    expect(attached.ok).toBe(true);
    if (!attached.ok) return;
    const extracted = await extractCredential(attached.value);
    expect(extracted).toEqual({ ok: true, value: { fileName: 'IDSEA-certificate.json', credential: cloneJson(certificate) } });
    // Still a PDF with its page.
    expect((await PDFDocument.load(attached.value)).getPageCount()).toBe(1);
  });

  it('says so when a PDF carries no credential', async () => {
    expect(await extractCredential(await tinyPdf())).toEqual({ ok: false, error: { code: 'pdf-no-credential', params: {} } });
  });

  it('says so when the bytes are not a PDF, or a PDF is broken', async () => {
    expect(await extractCredential(Uint8Array.from([0x7b, 0x7d]))).toMatchObject({ error: { code: 'not-a-pdf' } });
    const broken = Uint8Array.from([...'%PDF-1.7\n garbage'].map((c) => c.charCodeAt(0)));
    const result = await extractCredential(broken);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error.code).toMatch(/^pdf-(unreadable|no-credential)$/);
  });

  it('says the attachment is unreadable when the attached .json is not a JSON object', async () => {
    const attached = await attachCredential(await tinyPdf(), 'not json at all', 'certificate.json');
    if (!attached.ok) throw new Error('attach failed');
    expect(await extractCredential(attached.value)).toMatchObject({ error: { code: 'pdf-credential-unreadable', params: { fileName: 'certificate.json' } } });
  });
});
