// The certificates part of the bench page (issue 4's budgets): issue 1,000 certificates through
// the app's own path (renderer/features/certificates/signing.ts issueCertificates: read the
// enrolment, sign eddsa-rdfc-2022 + eddsa-jcs-2022 with a non-extractable WebCrypto Ed25519 key,
// record through the certificate.issue mutation), verify them, and render one as a PDF the way
// the browser build does. bench/run.mjs calls benchCertificates through window.apogeeBench.
import Dexie from 'dexie';
import { clearCanonicalCache, verifyProofs } from '../../shared/credentials/dataIntegrity';
import { didOf, verificationMethodOf } from '../../shared/credentials/didKey';
import type { EndorsementCredential } from '../../shared/credentials/endorsement';
import { issueCertificate, type CertificateInput } from '../../shared/credentials/openBadge';
import { statusListEntry } from '../../shared/credentials/statusList';
import type { JsonObject } from '../../shared/credentials/json';
import { clearRdfTemplates, templateStats } from '../../shared/credentials/rdfTemplate';
import { verifyCertificate, type VerifyOptions } from '../../shared/credentials/verify';
import type { Actor, MutationCall } from '../../shared/mutations';
import { courseArgs, personArgs, programmeArgs, sessionArgs } from '../../shared/testing/factories';
import { db } from '../../renderer/db';
import { runMutations } from '../../renderer/db/mutate';
import { webCryptoVault } from '../../renderer/features/certificates/keyVault';
import {
  certificatePdfFileName,
  renderViewToPdf,
} from '../../renderer/features/certificates/print/saveCertificatePdf';
import {
  issueCertificates,
  setUpSigning,
  verificationKit,
} from '../../renderer/features/certificates/signing';
import { loadCertificateView } from '../../renderer/features/certificates/view';

const actor: Actor = { role: 'coordinator', deviceId: 'bench' };
const keysDatabase = 'apogee-bench-keys';
const prefix = 'bench-cert';
const sessionId = `${prefix}-session`;
/** Monday 9 to Friday 13 March 2026: five class days. */
const classDays = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13'];
const duringEnrolment = '2026-02-01T10:00:00.000Z';
const afterSession = '2026-03-14T10:00:00.000Z';
/** Names in the scripts the certificate prints, so that every certificate differs. */
const names = [
  'Zoë Ngozi Adébáyọ̀',
  '王海燕',
  'محمد عبد الله',
  'عائشہ صدیقی',
  'สมชาย ใจดี',
  'Анна Соколова',
  'አበበ ቢቂላ',
  'María José Núñez',
];

/** What the certificates part measured (times in ms). */
export type CertificatesBench = {
  trainees: number;
  signer: string;
  setupMs: number;
  issue: { ms: number; issued: number; refused: number; firstRefusal?: string };
  /** Signing alone (rdfc + jcs, same signer), the same number of certificates, no database. */
  signOnly: { ms: number; count: number };
  verify: { coldMs: number; samples: number[]; status: string };
  verifyJcs: { samples: number[] };
  verifyRdfc: { samples: number[] };
  pdf: { firstMs: number; samples: number[]; bytes: number };
  templates: typeof templateStats;
};

const progress = (text: string) => console.log(`bench-progress: certificates: ${text}`);

async function check(calls: MutationCall[], now: string): Promise<void> {
  const outcomes = await runMutations(db, calls, { actor, now: () => now, chunkSize: 2_000 });
  const refused = outcomes.find((o) => !o.ok);
  if (refused)
    throw new Error(
      `setting up the certificate bench was refused: ${JSON.stringify(refused).slice(0, 300)}`,
    );
}

/** A course, its one-week session and `trainees` trainees who attended every class day. */
async function prepare(trainees: number): Promise<string[]> {
  const personIds = Array.from({ length: trainees }, (_, i) => `${prefix}-p${i}`);
  await check(
    [
      {
        name: 'programme.create',
        args: programmeArgs({ id: `${prefix}-programme`, name: 'Bench: certificates' }),
      },
      {
        name: 'course.create',
        args: courseArgs({
          id: `${prefix}-course`,
          programmeId: `${prefix}-programme`,
          code: 'BENCH-CERT-101',
          title: 'CubeSat Design and Operations',
        }),
      },
      {
        name: 'session.create',
        args: sessionArgs({
          id: sessionId,
          courseId: `${prefix}-course`,
          startDate: classDays[0],
          endDate: classDays.at(-1),
          capacity: trainees,
        }),
      },
      ...personIds.map((id, i): MutationCall => ({
        name: 'person.create',
        args: personArgs({
          id,
          nativeName: `${names[i % names.length]} ${i}`,
          latinName: `Trainee ${i}`,
          email: `${id}@bench.example`,
        }),
      })),
      ...personIds.map((personId): MutationCall => ({
        name: 'enrolment.request',
        args: { id: `${prefix}-e-${personId}`, personId, sessionId },
      })),
    ],
    duringEnrolment,
  );
  await check(
    classDays.flatMap((day) =>
      personIds.map((personId): MutationCall => ({
        name: 'attendance.mark',
        args: { meetingId: `${sessionId}@${day}`, personId, status: 'present' },
      })),
    ),
    afterSession,
  );
  return personIds.map((personId) => `${prefix}-e-${personId}`);
}

/**
 * Sets up signing (a root and an endorsed device key in a WebCrypto vault of its own), issues
 * `trainees` certificates through issueCertificates, verifies `verifyRuns` of them (after
 * `warmUp` others), and renders `pdfRuns` PDFs. Expects the app database to hold no certificate
 * bench data yet (the bench starts from a deleted database).
 */
async function benchCertificates(
  options: { trainees?: number; verifyRuns?: number; warmUp?: number; pdfRuns?: number } = {},
): Promise<CertificatesBench> {
  const { trainees = 1_000, verifyRuns = 50, warmUp = 5, pdfRuns = 4 } = options;
  await Dexie.delete(keysDatabase);
  const vault = webCryptoVault(keysDatabase);

  const setupStart = performance.now();
  const enrolmentIds = await prepare(trainees);
  const signing = await setUpSigning(
    {
      organisationName: 'Institute for Data in Space Education and Applications',
      organisationCode: 'IDSEA',
      verifyUrl: 'https://verify.idsea.example',
    },
    vault,
  );
  if (!signing.every((o) => o.ok)) throw new Error('setting up signing was refused');
  const setupMs = performance.now() - setupStart;
  progress(`${trainees} trainees ready in ${Math.round(setupMs)} ms; issuing…`);

  const issueStart = performance.now();
  const report = await issueCertificates(enrolmentIds, { vault });
  const issueMs = performance.now() - issueStart;
  progress(`issued ${report.issued.length} in ${Math.round(issueMs)} ms; verifying…`);

  // Signing alone: the credential part of the issue path, without reads or the mutation.
  const device = (await db.issuers.toArray()).find((issuer) => issuer.kind === 'device');
  if (!device?.endorsement) throw new Error('no device key was registered');
  const signer = vault.signer(device.id, verificationMethodOf(device.did));
  const sample = (await db.certificates.toArray()).find((c) => c.sessionId === sessionId);
  if (!sample) throw new Error('no certificate was issued');
  const base = signInput(
    sample.credential as unknown as JsonObject,
    device.endorsement as unknown as EndorsementCredential,
  );
  const signStart = performance.now();
  for (let i = 0; i < trainees; i++) {
    await issueCertificate(
      {
        ...base,
        certificateId: crypto.randomUUID(),
        traineeName: `${names[i % names.length]} ${i}`,
        serial: `IDSEA-BNCH-${String(i).padStart(6, '0')}`,
        status: statusListEntry(base.status.statusListCredential, 50_000 + i),
      },
      signer,
    );
  }
  const signOnlyMs = performance.now() - signStart;
  progress(`signed ${trainees} more (no database) in ${Math.round(signOnlyMs)} ms`);

  const kit = await verificationKit(vault);
  const verifyOptions: VerifyOptions = {
    trust: kit.rootKeys,
    statusLists: kit.statusLists,
    revocations: kit.revocations,
    now: new Date(),
  };
  const certificates = (await db.certificates.toArray()).filter((c) => c.sessionId === sessionId);
  const credentials = certificates.map((c) => c.credential as unknown as JsonObject);
  if (credentials.length < warmUp + verifyRuns + 1)
    throw new Error(`only ${credentials.length} certificates were issued`);

  // Cold: what the first verification after opening the app costs (no template, no cached form).
  clearRdfTemplates();
  clearCanonicalCache();
  let start = performance.now();
  const first = await verifyCertificate(credentials[0], verifyOptions);
  const coldMs = performance.now() - start;
  if (first.status !== 'valid')
    throw new Error(`a freshly issued certificate verified as ${first.status}`);

  // Warm: each sample a different certificate (canonical forms are cached by content).
  const timed = async (
    fn: (credential: JsonObject) => Promise<unknown>,
    offset: number,
  ): Promise<number[]> => {
    for (const credential of credentials.slice(1, 1 + warmUp)) await fn(credential);
    const samples: number[] = [];
    for (const credential of credentials.slice(offset, offset + verifyRuns)) {
      const t0 = performance.now();
      await fn(credential);
      samples.push(performance.now() - t0);
    }
    return samples;
  };
  let status = 'valid';
  const verifySamples = await timed(async (credential) => {
    const answer = await verifyCertificate(credential, verifyOptions);
    if (answer.status !== 'valid') status = answer.status;
  }, 1 + warmUp);
  const proofAlone = (index: number) => (credential: JsonObject) => {
    const proofs = credential.proof as JsonObject[];
    return verifyProofs({ ...credential, proof: proofs[index] ?? null });
  };
  const jcsSamples = await timed(proofAlone(1), 1 + warmUp + verifyRuns);
  const rdfcSamples = await timed(proofAlone(0), 1 + warmUp + 2 * verifyRuns);
  progress(`verified; rendering ${pdfRuns} PDFs…`);

  const pdfSamples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < pdfRuns; i++) {
    const certificate = certificates[i];
    if (!certificate) break;
    start = performance.now();
    const view = await loadCertificateView(certificate.id);
    if (!view) throw new Error('the certificate view could not be read');
    const blob = await renderViewToPdf(view, {
      credentialJson: JSON.stringify(certificate.credential),
      fileName: certificatePdfFileName(view),
    });
    pdfSamples.push(performance.now() - start);
    bytes = blob.size;
  }
  const [pdfFirst = NaN, ...pdfWarm] = pdfSamples;

  return {
    trainees,
    signer: 'WebCrypto Ed25519, non-extractable (webCryptoVault)',
    setupMs,
    issue: {
      ms: issueMs,
      issued: report.issued.length,
      refused: report.refused.length,
      ...(report.refused[0]
        ? { firstRefusal: JSON.stringify(report.refused[0]).slice(0, 300) }
        : {}),
    },
    signOnly: { ms: signOnlyMs, count: trainees },
    verify: { coldMs, samples: verifySamples, status },
    verifyJcs: { samples: jcsSamples },
    verifyRdfc: { samples: rdfcSamples },
    pdf: { firstMs: pdfFirst, samples: pdfWarm, bytes },
    templates: { ...templateStats },
  };
}

/** The inputs of an issued certificate, read back from its credential (for signing alone). */
function signInput(credential: JsonObject, endorsement: EndorsementCredential): CertificateInput {
  const c = credential as unknown as {
    issuer: { id: string; name: string };
    name: string;
    validFrom: string;
    credentialSubject: {
      achievement: {
        id: string;
        humanCode: string;
        name: string;
        description: string;
        criteria: { narrative: string };
        creditsAvailable?: number;
      };
      result: { value: string }[];
    };
    credentialStatus: CertificateInput['status'];
  };
  const achievement = c.credentialSubject.achievement;
  return {
    organisationName: c.issuer.name,
    issuerDid: didOf(c.issuer.id),
    endorsement,
    certificateId: crypto.randomUUID(),
    serial: '',
    title: c.name,
    course: {
      id: decodeURIComponent(achievement.id.replace(/^urn:apogee:course:/, '')),
      code: achievement.humanCode,
      title: achievement.name,
      description: achievement.description,
      ...(achievement.creditsAvailable === undefined
        ? {}
        : { hours: achievement.creditsAvailable }),
      criteria: achievement.criteria.narrative,
    },
    traineeName: '',
    completion: c.credentialSubject.result[0]?.value ?? '',
    validFrom: c.validFrom,
    status: c.credentialStatus,
  };
}

export const certificatesApi = { benchCertificates };
