import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVerifyCli } from '../../scripts/lib/verifyCli.mjs';
import * as credentials from '../../shared/credentials/index';
import { nobleSigner } from '../../shared/credentials/signer';
import { deviceKey, deviceListUrl, issuedCertificate, rootKey } from '../../shared/credentials/testing';

// The command-line verifier, end to end: `node scripts/verify.mjs` bundles shared/credentials
// and answers with words and an exit code; the in-process runs cover the remaining cases fast.

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
const file = (name: string) => path.join(dir, name);

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/verify.mjs', ...args], { cwd: root, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function runInProcess(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runVerifyCli(args, { credentials, out: (t) => out.push(t), err: (t) => err.push(t), now: () => new Date('2026-06-01T12:00:00Z') });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'apogee-verify-test-'));
  const certificate = await issuedCertificate();
  const altered = structuredClone(certificate);
  altered.credentialSubject.creditsEarned = 400;
  const list = await credentials.issueStatusList({
    url: deviceListUrl,
    signer: nobleSigner(deviceKey.secretKey),
    validFrom: '2026-05-01T00:00:00Z',
    revoked: [42],
  });
  const pdf = await PDFDocument.create();
  pdf.addPage();
  const attached = await credentials.attachCredential(await pdf.save(), certificate);
  if (!attached.ok) throw new Error('attach');
  await Promise.all([
    writeFile(file('certificate.json'), JSON.stringify(certificate, null, 2)),
    writeFile(file('altered.json'), JSON.stringify(altered)),
    writeFile(file('broken.json'), '{"@context": ["https://www.w3.org/ns/credentials/v2"], "type": '),
    writeFile(file('certificate.pdf'), attached.value),
    writeFile(file('plain.pdf'), await pdf.save()),
    writeFile(file('kit.json'), JSON.stringify({ organisation: 'IDSEA', rootKeys: [rootKey.did] })),
    writeFile(file('kit-revoked.json'), JSON.stringify({
      organisation: 'IDSEA',
      rootKeys: [rootKey.did],
      statusLists: [list],
      revocations: { [certificate.id]: { date: '2026-04-30', reason: 'Issued to the wrong session' } },
    })),
    writeFile(file('qr.txt'), credentials.encodeQrPayload(certificate)),
  ]);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run verify', () => {
  it('exits 0 and says what was certified for a valid certificate and its organisation kit', async () => {
    const { code, stdout } = await runCli([file('certificate.json'), '--trust', file('kit.json'), '--now', '2026-06-01T12:00:00Z']);
    expect(code).toBe(0);
    expect(stdout).toContain('VALID');
    expect(stdout).toContain('CubeSat Design and Operations (CSD-101)');
    expect(stdout).toContain('Trusted organisation: IDSEA.');
  }, 60_000);

  it('exits non-zero for an altered certificate, and prints the result object with --json', async () => {
    const { code, stdout } = await runCli([file('altered.json'), '--trust', file('kit.json'), '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'altered' });
  }, 60_000);

  it('says clearly what is wrong with a broken file, without a stack trace', async () => {
    const { code, stdout, stderr } = await runCli([file('broken.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('MALFORMED');
    expect(stdout).toContain('This is not valid JSON');
    expect(`${stdout}${stderr}`).not.toMatch(/\bat .+:\d+:\d+/);
  }, 60_000);

  it('reads the credential inside a PDF and from QR text given on the command line', async () => {
    const pdf = await runInProcess([file('certificate.pdf'), '--trust', file('kit.json')]);
    expect(pdf.code).toBe(0);
    const qr = await runInProcess([credentials.encodeQrPayload(await issuedCertificate()), '--trust', file('kit.json')]);
    expect(qr.code).toBe(0);
    const qrFile = await runInProcess([file('qr.txt'), '--trust', file('kit.json')]);
    expect(qrFile.code).toBe(0);
  });

  it('says unknown issuer, signature intact, when no kit is given', async () => {
    const { code, stdout } = await runInProcess([file('certificate.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('UNKNOWN ISSUER');
    expect(stdout).toContain("The signature is intact, but the organisation's public key was not given");
    expect(stdout).toContain('--trust');
  });

  it('says revoked, with date and reason, as of the revocation list in the kit', async () => {
    const { code, stdout } = await runInProcess([file('certificate.json'), '--trust', file('kit-revoked.json')]);
    expect(code).toBe(1);
    expect(stdout).toContain('REVOKED');
    expect(stdout).toContain('Revoked on 2026-04-30: Issued to the wrong session');
    expect(stdout).toContain('Revocation checked against the list of 2026-05-01T00:00:00Z.');
  });

  it('says a PDF without a credential is malformed, and a missing file is a wrong command', async () => {
    const plain = await runInProcess([file('plain.pdf')]);
    expect(plain).toMatchObject({ code: 1 });
    expect(plain.stdout).toContain('This PDF has no credential attached');
    const missing = await runInProcess([file('missing.json')]);
    expect(missing).toMatchObject({ code: 2, stderr: `Cannot read ${file('missing.json')}: no such file.` });
    const wrong = await runInProcess(['--trust']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--trust needs a value.');
  });
});
