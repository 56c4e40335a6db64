import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { contentSecurityPolicy } from '../../electron/main/csp';
import { attachCredential, extractCredential } from '../../shared/credentials/pdfAttachment';
import { decodeQrPayload, encodeQrPayload } from '../../shared/credentials/qr';
import type { CertificateView } from '../../renderer/features/certificates/print/types';
import { credentialAttachmentName } from '../../shared/ipc/contract';
import { loadDemo, navLink } from './helpers';

// The printable certificate, made into a PDF by both routes and rendered back to pixels with
// poppler, as a verifier's PDF reader would show it:
// (a) Chromium's print pipeline (page.pdf is what the desktop's webContents.printToPDF runs),
//     then the credential attached in Node, as electron/main/certificatePdf.ts does;
// (b) the browser build's renderCertificatePdf (html-to-image at 300 dpi + pdf-lib), in the page.
// The page is drawn by a small harness (certificateHarness.ts) bundled here with esbuild and
// served on the app's origin with the app's CSP, so it needs neither the router nor a database.

const root = path.resolve(import.meta.dirname, '../..');
// Under Playwright's output folder (test-results/, or --output): the PDFs and PNGs stay there
// to look at after a run.
let outDir = '';
let harnessDir = '';

/** A credential of the size Apogee issues (two proofs, an endorsement): what the PDF carries. */
function credentialFor(name: string, serial: string): object {
  const did = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
  const proof = (cryptosuite: string) => ({
    type: 'DataIntegrityProof',
    cryptosuite,
    created: '2027-03-08T09:00:00Z',
    verificationMethod: `${did}#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK`,
    proofPurpose: 'assertionMethod',
    proofValue: 'z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKKiZDcxkTJkB5Me2Xr',
  });
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:5f0c1d2e-8a7b-4c3d-9e8f-0a1b2c3d4e5f',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Certificate of completion',
    issuer: {
      id: did,
      type: ['Profile'],
      name: 'International Space Education Academy',
      endorsement: [
        {
          '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
          id: 'urn:uuid:0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a',
          type: ['VerifiableCredential', 'EndorsementCredential'],
          issuer: { id: 'did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH', type: ['Profile'], name: 'ISEA' },
          validFrom: '2027-01-01T00:00:00Z',
          credentialSubject: {
            id: did,
            type: ['EndorsementSubject'],
            endorsementComment: 'Authorised to issue certificates for International Space Education Academy from 2027-01-01',
          },
          proof: proof('eddsa-rdfc-2022'),
        },
      ],
    },
    validFrom: '2027-03-08T09:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityHash: name.normalize('NFC'), identityType: 'name', hashed: false }],
      achievement: {
        id: 'urn:apogee:course:c-cubesat-101',
        type: ['Achievement'],
        name: 'CubeSat design and integration',
        description: 'Mission design, subsystems, integration and testing of a 1U CubeSat.',
        criteria: { narrative: 'Attend at least 80% of the meetings and pass the final review.' },
        achievementType: 'Course',
        humanCode: 'CSD-101',
        creditsAvailable: 40,
      },
      result: [{ type: ['Result'], status: 'Completed', value: 'Completed with attendance 95%' }],
      creditsEarned: 40,
      licenseNumber: serial,
    },
    credentialStatus: {
      id: 'https://verify.isea.example/status/K7Q2#42',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '42',
      statusListCredential: 'https://verify.isea.example/status/K7Q2',
    },
    proof: [proof('eddsa-rdfc-2022'), proof('eddsa-jcs-2022')],
  };
}

type Sample = { key: string; language: string; name: string; latin?: string; body: string; title: string; pageSize: 'A4' | 'Letter'; signatories?: number };

const samples: Sample[] = [
  { key: 'zh', language: 'zh-CN', name: '张伟华', latin: 'Zhang Weihua', title: '结业证书', body: '圆满完成立方星设计与集成课程的全部学习任务。', pageSize: 'A4' },
  { key: 'ar', language: 'ar', name: 'فاطمة الزهراء بن علي', latin: 'Fatima Al-Zahra Ben Ali', title: 'شهادة إتمام', body: 'أتمّت بنجاح دورة تصميم الأقمار الصناعية المكعبة ودمجها.', pageSize: 'A4' },
  { key: 'ur', language: 'ur', name: 'عائشہ صدیقی', latin: 'Ayesha Siddiqui', title: 'تکمیل کا سرٹیفکیٹ', body: 'نے کیوب سیٹ ڈیزائن کا کورس کامیابی سے مکمل کیا۔', pageSize: 'A4' },
  { key: 'th', language: 'th', name: 'สมชาย ใจดี', latin: 'Somchai Jaidee', title: 'Certificate of completion', body: 'has completed the course CubeSat design and integration.', pageSize: 'A4' },
  { key: 'ru', language: 'ru', name: 'Анастасия Кузнецова', title: 'Certificate of completion', body: 'has completed the course CubeSat design and integration.', pageSize: 'A4' },
  // A long body on the shorter Letter sheet, with four signatories: it must still fit on one page.
  {
    key: 'latin',
    language: 'en-US',
    name: 'Nguyễn Thị Hà Łukasiewicz-Ødegård',
    title: 'Certificate of completion',
    body: 'has completed the course CubeSat design and integration with distinction. '.repeat(1) +
      'The course covered mission design, orbital mechanics, power, attitude determination and control, on-board computing, communications, thermal control, structures, integration and environmental testing of a 1U CubeSat. '.repeat(4),
    pageSize: 'Letter',
    signatories: 4,
  },
  { key: 'am', language: 'am', name: 'ሰላም ተስፋዬ', latin: 'Selam Tesfaye', title: 'Certificate of completion', body: 'has completed the course CubeSat design and integration.', pageSize: 'A4' },
];

function viewFor(sample: Sample, index: number): { view: CertificateView; credentialJson: string } {
  const serial = `ISEA-K7Q2-0000${40 + index}`;
  const credential = credentialFor(sample.name, serial);
  return {
    credentialJson: JSON.stringify(credential),
    view: {
      serial,
      title: sample.title,
      body: sample.body,
      traineeName: sample.name,
      traineeNameLatin: sample.latin,
      courseTitle: sample.key === 'zh' ? '立方星设计与集成' : 'CubeSat design and integration',
      courseCode: 'CSD-101',
      hours: 40,
      sessionDates: { start: '2027-03-01', end: '2027-03-05' },
      place: sample.key === 'ar' ? 'الرباط' : 'Rabat',
      issuedOn: '2027-03-08',
      validUntil: '2030-03-08',
      organisationName: 'International Space Education Academy',
      signatories: [
        { name: 'Dr. Amina Haddad', title: 'Programme director' },
        { name: '李明', title: 'Lead instructor' },
        { name: 'Prof. Oleksandr Kovalenko', title: 'External examiner' },
        { name: 'Siriporn Wongsawat', title: 'Head of training, GISTDA' },
      ].slice(0, sample.signatories ?? 2),
      language: sample.language,
      pageSize: sample.pageSize,
      verifyUrl: `https://verify.isea.example/v/${serial}`,
      qrPayload: encodeQrPayload(credential),
    },
  };
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

test.beforeAll(async () => {
  outDir = path.join(test.info().project.outputDir, 'certificate-pdf');
  harnessDir = path.join(outDir, 'harness');
  mkdirSync(harnessDir, { recursive: true });
  await build({
    entryPoints: [path.join(root, 'test/e2e/certificateHarness.ts')],
    bundle: true,
    outdir: harnessDir,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    loader: { '.woff2': 'file', '.woff': 'file' },
    assetNames: 'assets/[name]-[hash]',
    define: { 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    logLevel: 'error',
  });
  writeFileSync(
    path.join(harnessDir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="certificateHarness.css"></head>' +
      '<body style="margin:0"><div id="root"></div><script type="module" src="certificateHarness.js"></script></body></html>',
  );
});

/** Opens the harness on the app's origin, with the app's Content Security Policy. */
async function openHarness(page: Page): Promise<void> {
  await page.route('**/certificate-harness/**', async (route) => {
    const file = path.join(harnessDir, new URL(route.request().url()).pathname.replace(/^\/certificate-harness\//, ''));
    await route.fulfill({
      body: readFileSync(file),
      headers: { 'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': contentSecurityPolicy },
    });
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto('./certificate-harness/index.html');
  await expect.poll(() => page.evaluate(() => typeof globalThis.certificateHarness)).toBe('object');
  expect(errors).toEqual([]);
}

/** A grey image as pdftoppm draws it (PGM, one byte per pixel). */
type Gray = { width: number; height: number; pixels: Uint8Array };

/** Renders page 1 of a PDF with poppler: a PNG to look at, and the pixels to check. */
function rasterise(pdfFile: string, dpi = 60): Gray {
  const base = pdfFile.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', pdfFile, base]);
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-singlefile', pdfFile, `${base}-gray`]);
  const pgm = readFileSync(`${base}-gray.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error(`pdftoppm wrote an unexpected image for ${pdfFile}`);
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: pgm.subarray(header[0].length, header[0].length + width * height) };
}

/** One sheet of the right size: A4 at 60 dpi is about 496 × 702 px, Letter 510 × 660. */
function expectSheet(image: Gray, pageSize: 'A4' | 'Letter'): void {
  const [width, height] = pageSize === 'A4' ? [496, 702] : [510, 660];
  expect(Math.abs(image.width - width), `width ${image.width}`).toBeLessThanOrEqual(1);
  expect(Math.abs(image.height - height), `height ${image.height}`).toBeLessThanOrEqual(1);
}

/** Share of dark pixels in a rectangle (fractions of the page): ink actually on the paper. */
function inkIn(image: Gray, box = { x: 0, y: 0, w: 1, h: 1 }): number {
  const x0 = Math.floor(box.x * image.width);
  const y0 = Math.floor(box.y * image.height);
  const x1 = Math.min(image.width, Math.ceil((box.x + box.w) * image.width));
  const y1 = Math.min(image.height, Math.ceil((box.y + box.h) * image.height));
  let dark = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (image.pixels[y * image.width + x]! < 128) dark++;
  return dark / Math.max(1, (x1 - x0) * (y1 - y0));
}

/**
 * The QR codes a phone would read off the printed page (zbar, on a 300 dpi rendering): the
 * verification link and, when it fitted, the whole credential.
 */
function scanQrCodes(pdfFile: string): string[] {
  const base = pdfFile.replace(/\.pdf$/, '-300');
  execFileSync('pdftoppm', ['-png', '-r', '300', '-singlefile', pdfFile, base]);
  const output = execFileSync('zbarimg', ['-q', '--raw', `${base}.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return output.split('\n').filter((line) => line !== '');
}

/** Checks that both QR codes scan: the link, and the offline payload decoding to the credential. */
function expectQrCodesScan(pdfFile: string, view: CertificateView, credentialJson: string): void {
  const codes = scanQrCodes(pdfFile);
  expect(codes, 'the verification link').toContain(view.verifyUrl);
  const payload = codes.find((code) => code.startsWith('VC1:'));
  expect(payload, 'the offline QR code').toBe(view.qrPayload);
  expect(decodeQrPayload(payload!)).toEqual({ ok: true, value: JSON.parse(credentialJson) as unknown });
}

/** Fonts embedded in a PDF (pdffonts), without the subset prefix. */
function embeddedFonts(pdfFile: string): string[] {
  return execFileSync('pdffonts', [pdfFile], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''))
    // Skia writes some faces (variable fonts, synthetic bold) as unnamed Type 3 fonts.
    .filter((name) => name !== '' && name !== '[none]');
}

/** Where the name is on the page, as fractions of the page, for checking its pixels. */
async function nameBox(page: Page) {
  return page.evaluate(() => {
    const sheet = document.querySelector('.cert-page')!.getBoundingClientRect();
    const name = document.querySelector('.cert-name')!.getBoundingClientRect();
    return { x: (name.left - sheet.left) / sheet.width, y: (name.top - sheet.top) / sheet.height, w: name.width / sheet.width, h: name.height / sheet.height };
  });
}

/** The bundled font the name's script must come from (Thai and Amharic have no bold face, so Skia writes the synthetic bold name as an unnamed Type 3 font: they are checked by text). */
/** Families whose faces must be inlined into the browser-build image for each sample. */
const embeddedFamilies: Record<string, string[]> = {
  zh: ['Noto Sans SC', 'Noto Sans'],
  ar: ['Noto Sans Arabic', 'Noto Sans'],
  ur: ['Noto Sans Arabic', 'Noto Sans'],
  latin: ['Noto Sans'],
};

const expectedFont: Record<string, RegExp | undefined> = {
  zh: /NotoSansSC/,
  ar: /NotoSansArabic/,
  ur: /NotoSansArabic/,
};

test.describe('certificate PDF', () => {
  test('prints every script with the bundled fonts through Chromium, with the credential attached inside', async ({ page }) => {
    mkdirSync(outDir, { recursive: true });
    await openHarness(page);
    const timings: Record<string, number> = {};
    for (const [index, sample] of samples.entries()) {
      const { view, credentialJson } = viewFor(sample, index);
      await page.evaluate((v) => globalThis.certificateHarness!.show(v), view);
      await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
      // Offline QR present: the credential fitted, and the page drew it; nothing ran off the sheet.
      await expect(page.locator('.cert-qr-offline svg')).toHaveCount(1);
      await expect(page.locator('.cert-page')).not.toHaveAttribute('data-overflow', 'true');

      const started = performance.now();
      const printed = await page.pdf({ format: sample.pageSize, printBackground: true, margin: { top: 0, bottom: 0, left: 0, right: 0 } });
      const fileName = `${view.serial}.pdf`;
      const attached = await attachCredential(new Uint8Array(printed), credentialJson, credentialAttachmentName(fileName));
      if (!attached.ok) throw new Error(`attach failed: ${attached.error.code}`);
      const pdf = attached.value;
      timings[sample.key] = Math.round(performance.now() - started);
      const file = path.join(outDir, `print-${sample.key}.pdf`);
      writeFileSync(file, pdf);

      const image = rasterise(file);
      expectSheet(image, sample.pageSize);
      expect(inkIn(image), `${sample.key}: ink on the page`).toBeGreaterThan(0.02);
      expect(inkIn(image, await nameBox(page)), `${sample.key}: the name is drawn`).toBeGreaterThan(0.04);
      // The name's script came from its bundled Noto font, and nothing fell back to a system font.
      const fonts = embeddedFonts(file);
      const expected = expectedFont[sample.key];
      if (expected) expect(fonts.some((font) => expected.test(font)), `${sample.key}: ${fonts.join(', ')}`).toBe(true);
      expect(fonts.filter((font) => !font.startsWith('NotoSans')), `${sample.key}: fonts`).toEqual([]);

      if (sample.key === 'ar' || sample.key === 'latin') expectQrCodesScan(file, view, credentialJson);

      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(view.serial);
      // Joined Arabic letters come out of pdftotext split into glyph runs; the other scripts read back exactly.
      if (!['ar', 'ur'].includes(sample.key)) expect(text.normalize('NFC'), sample.key).toContain(sample.name);

      expect(await extractCredential(pdf)).toEqual({
        ok: true,
        value: { fileName: `${view.serial}.json`, credential: JSON.parse(credentialJson) as unknown },
      });
    }
    console.log(`print route (page.pdf + attach), ms: ${JSON.stringify(timings)}`);
    writeFileSync(path.join(outDir, 'timings-print.json'), JSON.stringify(timings));
  });

  test('the browser build rasterises the same page with its fonts and attaches the credential', async ({ page }) => {
    mkdirSync(outDir, { recursive: true });
    await openHarness(page);
    const timings: Record<string, number> = {};
    for (const [index, sample] of samples.entries()) {
      if (!['zh', 'ar', 'ur', 'latin'].includes(sample.key)) continue;
      const { view, credentialJson } = viewFor(sample, index);
      await page.evaluate((v) => globalThis.certificateHarness!.show(v), view);
      const fileName = `${view.serial}.pdf`;
      const { base64, ms } = await page.evaluate(
        (args) => globalThis.certificateHarness!.browserPdf(args),
        { credentialJson, fileName },
      );
      const embedded = await page.evaluate(() => globalThis.certificateHarness!.embeddedFontFamilies());
      timings[sample.key] = Math.round(ms);
      const pdf = Buffer.from(base64, 'base64');
      const file = path.join(outDir, `browser-${sample.key}.pdf`);
      writeFileSync(file, pdf);

      const image = rasterise(file);
      expectSheet(image, sample.pageSize);
      expect(inkIn(image), `${sample.key}: ink on the page`).toBeGreaterThan(0.02);
      expect(inkIn(image, await nameBox(page)), `${sample.key}: the name is drawn`).toBeGreaterThan(0.04);
      // html-to-image draws inside an SVG image, which cannot see the page's web fonts: the
      // bundled face for the name's script must be inlined, or the name would come out in a
      // system fallback font (this machine has Droid Sans Fallback and Liberation Sans).
      expect(embedded, `${sample.key}: fonts inlined for html-to-image`).toEqual(expect.arrayContaining(embeddedFamilies[sample.key]!));
      // At 300 dpi the rasterised QR codes still scan.
      if (sample.key === 'zh') expectQrCodesScan(file, view, credentialJson);

      expect(await extractCredential(new Uint8Array(pdf))).toEqual({
        ok: true,
        value: { fileName: `${view.serial}.json`, credential: JSON.parse(credentialJson) as unknown },
      });
    }
    // Once the font subsets are fetched (the first PDF of a session), the next PDF is faster.
    const warm = viewFor(samples[0]!, 0);
    await page.evaluate((v) => globalThis.certificateHarness!.show(v), warm.view);
    const again = await page.evaluate((args) => globalThis.certificateHarness!.browserPdf(args), {
      credentialJson: warm.credentialJson,
      fileName: 'again.pdf',
    });
    timings[`${samples[0]!.key} again`] = Math.round(again.ms);
    console.log(`browser route (html-to-image + pdf-lib + attach), ms: ${JSON.stringify(timings)}`);
    writeFileSync(path.join(outDir, 'timings-browser.json'), JSON.stringify(timings));
  });

  test('the print route the desktop PDF window opens draws an issued certificate and says when it is ready', async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    mkdirSync(outDir, { recursive: true });
    await loadDemo(page);
    await navLink(page, 'Certificates').click();
    await page.getByLabel('Organisation name as printed on certificates').fill('International Deep Space Education Association');
    await page.getByLabel('Short code for serial numbers').fill('idsea');
    await page.getByLabel('Verification web address').fill('https://verify.idsea.example');
    await page.getByRole('button', { name: 'Set up signing' }).click();
    const option = page.getByLabel('Session').locator('option', { hasText: 'DST-101 Bangkok short course' });
    await page.getByLabel('Session').selectOption((await option.getAttribute('value')) ?? '');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('button', { name: /^Issue to all ready/ }).click();
    await expect(page.getByText(/certificates issued\./)).toBeVisible({ timeout: 60_000 });
    const row = page.getByRole('listitem').filter({ hasText: 'Maryam Iqbal' });
    const serial = (await row.getByRole('link').textContent())!.trim();
    await row.getByRole('link').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
    const credentialJson = readFileSync(await download.path(), 'utf8');
    const id = /#\/certificates\/([^/?]+)$/.exec(page.url())?.[1];
    expect(id, page.url()).toBeTruthy();

    // What electron/main/certificatePdf.ts does in its hidden window.
    const started = performance.now();
    await page.goto(`./#/certificates/${id}/print`);
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 });
    const drawn = performance.now();
    const printed = await page.pdf({ format: 'A4', printBackground: true, margin: { top: 0, bottom: 0, left: 0, right: 0 } });
    const attached = await attachCredential(new Uint8Array(printed), credentialJson, credentialAttachmentName(`${serial}.pdf`));
    if (!attached.ok) throw new Error(`attach failed: ${attached.error.code}`);
    console.log(`desktop route on the real print page: drawn ${Math.round(drawn - started)} ms, print + attach ${Math.round(performance.now() - drawn)} ms`);
    const file = path.join(outDir, 'route-maryam.pdf');
    writeFileSync(file, attached.value);
    await testInfo.attach('certificate.pdf', { path: file, contentType: 'application/pdf' });

    const image = rasterise(file);
    expectSheet(image, 'A4');
    expect(inkIn(image, await nameBox(page)), 'the name is drawn').toBeGreaterThan(0.04);
    expect(embeddedFonts(file).some((font) => font.includes('NotoSansArabic')), 'the Urdu name in Noto Sans Arabic').toBe(true);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain(serial);
    // The print button is for the screen only.
    await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
    expect(text).not.toContain('Print or save as PDF');
    const codes = scanQrCodes(file);
    expect(codes.some((code) => code.includes(serial) || code.startsWith('https://verify.idsea.example')), codes.join('\n')).toBe(true);
    const payload = codes.find((code) => code.startsWith('VC1:'));
    expect(payload, 'the whole credential fits in the offline QR code').toBeDefined();
    expect(decodeQrPayload(payload!)).toEqual({ ok: true, value: JSON.parse(credentialJson) as unknown });

    // A certificate this device does not have: the page says so, and the desktop reports it at once.
    await page.goto('./#/certificates/no-such-certificate/print');
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'error');
    await expect(page.locator('body')).toHaveAttribute('data-error', /no-such-certificate/);
  });
});
