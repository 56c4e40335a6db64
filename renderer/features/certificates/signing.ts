import { addYears, type Certificate, type CertificateTemplate, type Issuer } from '../../../shared/domain/certificates';
import type { Course, Session } from '../../../shared/domain/catalogue';
import { completionOf, type Completion } from '../../../shared/domain/completion';
import type { Enrolment } from '../../../shared/domain/enrolment';
import type { Person } from '../../../shared/domain/people';
import { localToday } from '../../../shared/domain/vocabulary';
import { didKeyFromPublicKey, verificationMethodOf } from '../../../shared/credentials/didKey';
import { endorseDevice, type EndorsementCredential } from '../../../shared/credentials/endorsement';
import { issueCertificate as signCertificate, type CertificateInput } from '../../../shared/credentials/openBadge';
import { keyCodeFor, serialFor } from '../../../shared/credentials/serial';
import { issueStatusList, statusListEntry, statusListUrl } from '../../../shared/credentials/statusList';
import type { MutationCall, MutationError } from '../../../shared/mutations';
import { db, runBatch, type MutationOutcome } from '../../db';
import { keyVault, type KeyVault } from './keyVault';

/**
 * Certificate signing on this device: setting up the organisation's keys, issuing (sign, then
 * record through `certificate.issue`), the revocation list and the verification kit. Signing
 * is a side effect done before the mutation; the mutation records the signed credential.
 */

/** What a coordinator enters to set up signing. */
export type SigningSetup = { organisationName: string; organisationCode: string; verifyUrl: string };

/** The time as a Data Integrity timestamp (whole seconds, UTC). */
export function nowStamp(date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The base address without a trailing slash (certificates link to `<base>/verify`). */
export function verifyBase(issuer: Pick<Issuer, 'verifyUrl'>): string {
  return issuer.verifyUrl.replace(/\/+$/, '');
}

/** The link printed on a certificate and carried by its QR code. */
export function verificationLink(issuer: Pick<Issuer, 'verifyUrl'>, serial: string): string {
  return `${verifyBase(issuer)}/verify?serial=${encodeURIComponent(serial)}`;
}

/**
 * Creates the organisation's root key and this device's issuing key (secrets in the vault),
 * has the root endorse the device key, and registers both public keys. Until the hub exists the
 * root lives on the first coordinator's device; the hub later endorses device keys itself
 * (see docs/decisions/0003-signing-keys.md).
 */
export async function setUpSigning(setup: SigningSetup, vault: KeyVault = keyVault()): Promise<MutationOutcome[]> {
  const rootId = crypto.randomUUID();
  const deviceId = crypto.randomUUID();
  const rootDid = didKeyFromPublicKey(await vault.create(rootId));
  const deviceDid = didKeyFromPublicKey(await vault.create(deviceId));
  const endorsement = await endorseDevice({
    id: crypto.randomUUID(),
    organisationName: setup.organisationName,
    deviceDid,
    validFrom: nowStamp(),
    rootSigner: vault.signer(rootId, verificationMethodOf(rootDid)),
  });
  const common = { name: setup.organisationName, organisationCode: setup.organisationCode, verifyUrl: setup.verifyUrl };
  return runBatch([
    { name: 'issuer.register', args: { id: rootId, kind: 'root', did: rootDid, keyCode: keyCodeFor(rootDid), ...common } },
    {
      name: 'issuer.register',
      args: { id: deviceId, kind: 'device', did: deviceDid, keyCode: keyCodeFor(deviceDid), rootId, endorsement, ...common },
    },
  ]);
}

/**
 * Replaces this device's signing key: a new key, endorsed by the organisation's root (which must
 * be on this device until the hub endorses keys), registered; the old key is retired. What the
 * old key signed stays valid: each certificate carries the endorsement in force when issued.
 */
export async function rotateDeviceKey(vault: KeyVault = keyVault()): Promise<MutationOutcome[]> {
  const current = await thisDevicesIssuer(vault);
  if (!current) throw new Error('signing-not-set-up');
  const root = await db.issuers.get(current.rootId);
  if (!root || !(await vault.has(root.id))) throw new Error('root-not-on-device');
  const deviceId = crypto.randomUUID();
  const deviceDid = didKeyFromPublicKey(await vault.create(deviceId));
  const endorsement = await endorseDevice({
    id: crypto.randomUUID(),
    organisationName: root.name,
    deviceDid,
    validFrom: nowStamp(),
    rootSigner: vault.signer(root.id, verificationMethodOf(root.did)),
  });
  return runBatch([
    {
      name: 'issuer.register',
      args: {
        id: deviceId,
        kind: 'device',
        did: deviceDid,
        keyCode: keyCodeFor(deviceDid),
        rootId: root.id,
        endorsement,
        name: root.name,
        organisationCode: root.organisationCode,
        verifyUrl: root.verifyUrl,
      },
    },
    { name: 'issuer.retire', args: { id: current.id } },
  ]);
}

/** The issuing key whose secret this device holds (the newest, when rotated), if any. */
export async function thisDevicesIssuer(vault: KeyVault = keyVault()): Promise<Issuer | undefined> {
  const issuers = (await db.issuers.toArray())
    .filter((issuer) => issuer.kind === 'device' && !issuer.retiredAt)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const issuer of issuers) if (await vault.has(issuer.id)) return issuer;
  return undefined;
}

/** How a course is completed, in words, as the certificate states its criteria. */
export function criteriaText(course: Course): string {
  const rule = course.completionRule;
  const parts = [`Attend at least ${rule.minAttendancePercent}% of the class days${rule.lateCounts === 'half' ? ' (a late day counts as half)' : ''}.`];
  const titles = rule.requiredAssessments.map((id) => course.assessments.find((a) => a.id === id)?.title ?? id);
  if (titles.length) parts.push(`Pass ${titles.join(', ')}.`);
  if (rule.note.trim()) parts.push(rule.note.trim());
  return parts.join(' ');
}

/** How this trainee completed, in words. */
export function completionText(course: Course, completion: Completion): string {
  const days = `Attended ${Math.round(completion.attendedPercent)}% of ${completion.counted} class days`;
  const passed = course.completionRule.requiredAssessments.map((id) => course.assessments.find((a) => a.id === id)?.title ?? id);
  return passed.length ? `${days}; passed ${passed.join(', ')}.` : `${days}.`;
}

/** The name a certificate carries: the name in the person's own script. */
export function certificateName(person: Pick<Person, 'nativeName' | 'latinName'>): string {
  return (person.nativeName || person.latinName).normalize('NFC');
}

type IssueContext = {
  issuer: Issuer;
  endorsement: EndorsementCredential;
  enrolment: Enrolment;
  person: Person;
  session: Session;
  course: Course;
  template: CertificateTemplate | undefined;
  completion: Completion;
};

/**
 * Reads what the certificates of these enrolments say, in one read transaction with one bulk
 * read per table (a chunk of 25 costs a handful of IndexedDB round trips, not 200).
 */
async function contextsFor(enrolmentIds: readonly string[]): Promise<Map<string, Omit<IssueContext, 'issuer' | 'endorsement'>>> {
  return db.transaction('r', [db.enrolments, db.people, db.sessions, db.courses, db.meetings, db.attendance, db.results, db.certificateTemplates], async () => {
    const enrolments = (await db.enrolments.bulkGet([...enrolmentIds])).filter((e) => e !== undefined);
    const ids = <T>(values: T[]) => [...new Set(values)];
    const [people, sessions, results] = await Promise.all([
      db.people.bulkGet(ids(enrolments.map((e) => e.personId))),
      db.sessions.bulkGet(ids(enrolments.map((e) => e.sessionId))),
      db.results.where('enrolmentId').anyOf(enrolments.map((e) => e.id)).toArray(),
    ]);
    const sessionList = sessions.filter((s) => s !== undefined);
    const courseIds = ids(sessionList.map((s) => s.courseId));
    const [courses, templates, meetings, marks] = await Promise.all([
      db.courses.bulkGet(courseIds),
      db.certificateTemplates.bulkGet(courseIds),
      db.meetings.where('sessionId').anyOf(sessionList.map((s) => s.id)).toArray(),
      db.attendance.where('personId').anyOf(ids(enrolments.map((e) => e.personId))).toArray(),
    ]);
    const byId = <T extends { id: string }>(rows: (T | undefined)[]) => new Map(rows.filter((r) => r !== undefined).map((r) => [r.id, r]));
    const personById = byId(people);
    const sessionById = byId(sessionList);
    const courseById = byId(courses);
    const templateById = byId(templates);
    const asOf = localToday();
    const contexts = new Map<string, Omit<IssueContext, 'issuer' | 'endorsement'>>();
    for (const enrolment of enrolments) {
      const person = personById.get(enrolment.personId);
      const session = sessionById.get(enrolment.sessionId);
      const course = session && courseById.get(session.courseId);
      if (!person || !session || !course) continue;
      const completion = completionOf({
        course,
        meetings: meetings.filter((m) => m.sessionId === session.id),
        marks: marks.filter((m) => m.personId === person.id && m.sessionId === session.id),
        results: results.filter((r) => r.enrolmentId === enrolment.id),
        asOf,
      });
      contexts.set(enrolment.id, { enrolment, person, session, course, template: templateById.get(course.id), completion });
    }
    return contexts;
  });
}

/** The plain values of one certificate (what gets signed). */
export function certificateInput(
  context: IssueContext,
  { certificateId, sequence, issuedAt }: { certificateId: string; sequence: number; issuedAt: string },
): CertificateInput {
  const { issuer, endorsement, person, course, template, completion } = context;
  const validityYears = template?.validityYears ?? 0;
  return {
    organisationName: issuer.name,
    issuerDid: issuer.did,
    endorsement,
    certificateId,
    serial: serialFor(issuer.organisationCode, issuer.keyCode, sequence),
    title: template?.title || course.title,
    course: {
      id: course.id,
      code: course.code,
      title: course.title,
      description: course.summary.trim() || course.title,
      hours: course.hours,
      criteria: criteriaText(course),
    },
    traineeName: certificateName(person),
    completion: completionText(course, completion),
    validFrom: issuedAt,
    ...(validityYears > 0 ? { validUntil: nowStamp(new Date(addYears(issuedAt, validityYears))) } : {}),
    status: statusListEntry(statusListUrl(verifyBase(issuer), issuer.keyCode), sequence),
  };
}

/** Progress of a bulk issue. */
export type IssueProgress = { done: number; total: number };
/** What a bulk issue did: issued certificate ids, refusals by enrolment, and whether it was stopped. */
export type IssueReport = {
  issued: string[];
  refused: { enrolmentId: string; error: MutationError }[];
  cancelled: boolean;
};

/** Certificates signed per batch of mutations: big enough to be quick, small enough to show progress. */
const issueChunk = 25;

/**
 * Issues certificates to these enrolments: signs each credential with this device's key, then
 * records the batch through `certificate.issue` (which checks readiness again). Cancelling
 * stops after the batch in progress; everything issued so far stays issued.
 */
export async function issueCertificates(
  enrolmentIds: readonly string[],
  { onProgress, signal, vault = keyVault() }: { onProgress?: (p: IssueProgress) => void; signal?: AbortSignal; vault?: KeyVault } = {},
): Promise<IssueReport> {
  const issuer = await thisDevicesIssuer(vault);
  if (!issuer?.endorsement) throw new Error('signing-not-set-up');
  // Once the hub has endorsed this key (at sync), certificates carry the organisation's own
  // endorsement, so a verifier needs only the organisation's key; until then, this device's root's.
  const endorsement = (issuer.hubEndorsement ?? issuer.endorsement) as unknown as EndorsementCredential;
  const signer = vault.signer(issuer.id, verificationMethodOf(issuer.did));
  const used = await db.certificates.where('issuerId').equals(issuer.id).toArray();
  let sequence = used.reduce((max, c) => Math.max(max, c.sequence + 1), 0);
  const report: IssueReport = { issued: [], refused: [], cancelled: false };
  onProgress?.({ done: 0, total: enrolmentIds.length });
  for (let start = 0; start < enrolmentIds.length; start += issueChunk) {
    if (signal?.aborted) {
      report.cancelled = true;
      break;
    }
    const calls: MutationCall[] = [];
    const forEnrolment: string[] = [];
    const chunk = enrolmentIds.slice(start, start + issueChunk);
    const contexts = await contextsFor(chunk);
    for (const enrolmentId of chunk) {
      const context = contexts.get(enrolmentId);
      if (!context) {
        report.refused.push({ enrolmentId, error: { code: 'not-found', params: {}, fields: [] } });
        continue;
      }
      const certificateId = crypto.randomUUID();
      const issuedAt = nowStamp();
      const input = certificateInput({ ...context, issuer, endorsement }, { certificateId, sequence, issuedAt });
      const credential = await signCertificate(input, signer, issuedAt);
      calls.push({
        name: 'certificate.issue',
        args: { id: certificateId, enrolmentId, issuerId: issuer.id, sequence, serial: input.serial, credential: credential },
      });
      forEnrolment.push(enrolmentId);
      sequence += 1;
    }
    const outcomes = calls.length ? await runBatch(calls) : [];
    outcomes.forEach((outcome, i) => {
      const call = calls[i]!;
      if (outcome.ok && call.name === 'certificate.issue') report.issued.push(call.args.id);
      else if (!outcome.ok) report.refused.push({ enrolmentId: forEnrolment[i]!, error: outcome.error });
    });
    onProgress?.({ done: Math.min(enrolmentIds.length, start + issueChunk), total: enrolmentIds.length });
  }
  return report;
}

/** Sequence numbers of this key's revoked certificates. */
function revokedSequences(certificates: readonly Certificate[]): number[] {
  return certificates.filter((c) => c.revokedAt).map((c) => c.sequence);
}

/**
 * Everything an independent verifier needs, in one file: the organisation's root keys, the
 * signed revocation lists of this device's keys, and the reasons for revocations. The command
 * line (`npm run verify -- --trust kit.json`) reads it.
 */
export async function verificationKit(vault: KeyVault = keyVault()) {
  const issuers = await db.issuers.toArray();
  const roots = issuers.filter((i) => i.kind === 'root');
  const certificates = await db.certificates.toArray();
  const statusLists = [];
  const asOf = nowStamp();
  for (const issuer of issuers.filter((i) => i.kind === 'device')) {
    if (!(await vault.has(issuer.id))) continue;
    statusLists.push(
      await issueStatusList({
        url: statusListUrl(verifyBase(issuer), issuer.keyCode),
        validFrom: asOf,
        revoked: revokedSequences(certificates.filter((c) => c.issuerId === issuer.id)),
        signer: vault.signer(issuer.id, verificationMethodOf(issuer.did)),
      }),
    );
  }
  const revocations = Object.fromEntries(
    certificates.filter((c) => c.revokedAt).map((c) => [`urn:uuid:${c.id}`, { date: c.revokedAt, reason: c.revocationReason }]),
  );
  return { organisation: roots[0]?.name ?? '', rootKeys: roots.map((r) => r.did), statusLists, revocations, asOf };
}
