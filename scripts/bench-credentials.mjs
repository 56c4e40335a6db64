// `node scripts/bench-credentials.mjs`: how fast certificates are signed and verified, with the
// shared/credentials code bundled as the CLI runs it. Goals (issue 4): 1,000 issued ≤ 10 s,
// one verified ≤ 50 ms, the JCS proof alone ≤ 5 ms. Prints JSON with medians in milliseconds.
// Medians are of documents whose shape was seen before (shared/credentials/rdfTemplate.ts), as
// in an app that has issued or verified once; verifyCertificateColdMs is the very first one.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadCredentials } from './lib/verifyCli.mjs';

const c = await loadCredentials();
const root = c.generateKeyPair();
const device = c.generateKeyPair();
const endorsement = await c.endorseDevice({
  id: '0f8e4a52-6b1d-4c1e-9a37-2d5b8c3e7f10',
  organisationName: 'Institute for Data in Space Education and Applications',
  deviceDid: device.did,
  validFrom: '2026-01-05T08:00:00Z',
  rootSigner: c.nobleSigner(root.secretKey),
});
const signer = c.nobleSigner(device.secretKey);
const listUrl = c.statusListUrl('https://verify.idsea.example', c.keyCodeFor(device.did));
const input = (sequence) => ({
  organisationName: 'Institute for Data in Space Education and Applications',
  organisationUrl: 'https://idsea.example',
  issuerDid: device.did,
  endorsement,
  certificateId: `6d1f0c3a-2b4e-4f7a-9c1d-${String(sequence).padStart(12, '0')}`,
  serial: c.serialFor('IDSEA', c.keyCodeFor(device.did), sequence),
  title: 'Certificate of completion',
  course: {
    id: 'course-cubesat-101',
    code: 'CSD-101',
    title: 'CubeSat Design and Operations',
    description: 'Systems engineering of a 3U CubeSat: power, attitude control, communications and mission operations.',
    hours: 40,
    criteria: 'Attend at least 80% of class days and pass the final design review.',
  },
  traineeName: `Zoë Ngozi Adébáyọ̀ ${sequence}`,
  completion: 'Attended 19 of 20 class days; passed the final design review.',
  validFrom: '2026-03-20T10:00:00Z',
  status: c.statusListEntry(listUrl, sequence),
});

async function median(runs, fn) {
  c.clearCanonicalCache();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Number(times[Math.floor(times.length / 2)].toFixed(2));
}

const options = { trust: [root.did], now: '2026-06-01T12:00:00Z' };
// Warm up: the first canonicalisation processes the contexts (jsonld caches them per process).
const certificate = await c.issueCertificate(input(1), signer);
await c.verifyCertificate(certificate, options);

// Every measured document is a different certificate: canonical forms are cached by content
// (shared/credentials/dataIntegrity.ts), so repeating one document would measure the cache.
const certificates = [];
for (let i = 0; i < 30; i += 1) certificates.push(await c.issueCertificate(input(2000 + i), signer));
const only = (index) => (certificate) => ({ ...certificate, proof: certificate.proof[index] });
const rdfcOnly = certificates.map(only(0));
const jcsOnly = certificates.map(only(1));
let n = 3000;
const unsigned = () => c.buildCertificateCredential(input((n += 1)));
const results = {
  signOneRdfcAndJcsMs: await median(30, () => c.issueCertificate(input((n += 1)), signer)),
  signOneRdfcMs: await median(30, () => c.addProof(unsigned(), { cryptosuite: 'eddsa-rdfc-2022', signer, created: '2026-03-20T10:00:00Z' })),
  signOneJcsMs: await median(30, () => c.addProof(unsigned(), { cryptosuite: 'eddsa-jcs-2022', signer, created: '2026-03-20T10:00:00Z' })),
  verifyCertificateMs: await median(30, (i) => c.verifyCertificate(certificates[i], options)),
  verifyRdfcProofAloneMs: await median(30, (i) => c.verifyProofs(rdfcOnly[i])),
  verifyJcsProofAloneMs: await median(30, (i) => c.verifyProofs(jcsOnly[i])),
  verifyCertificateJcsOnlyMs: await median(30, (i) => c.verifyCertificate(jcsOnly[i], options)),
};
// The first verification in a fresh process: no template, no cached canonical form (JSON-LD
// expansion of the certificate, its endorsement and both proof configurations).
c.clearRdfTemplates();
c.clearCanonicalCache();
{
  const start = performance.now();
  await c.verifyCertificate(certificates[29], options);
  results.verifyCertificateColdMs = Number((performance.now() - start).toFixed(2));
}
// Wall time, and CPU time of this process: on a busy machine the wall time includes waiting for a core.
const start = performance.now();
const cpu = process.cpuUsage();
for (let i = 0; i < 1000; i += 1) await c.issueCertificate(input(100 + i), signer);
results.issue1000Ms = Math.round(performance.now() - start);
const used = process.cpuUsage(cpu);
results.issue1000CpuMs = Math.round((used.user + used.system) / 1000);
const qr = c.encodeQrPayload(certificate);
results.qrPayloadChars = qr.length;
results.credentialJsonBytes = Buffer.byteLength(JSON.stringify(certificate));
results.qrFitsVersion40L = qr.length <= c.qrAlphanumericCapacity;
results.templates = { ...c.templateStats };
results.loadAverage = os.loadavg()[0].toFixed(1);
results.cores = os.cpus().length;
console.log(JSON.stringify(results, null, 2));
