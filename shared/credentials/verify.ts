import { isBundledContext, vcV2ContextUrl } from './contexts';
import type { ProofCheck } from './dataIntegrity';
import { dateTimeStampPattern, verifyProofs } from './dataIntegrity';
import { didOf, parseDidKey } from './didKey';
import type { CredentialProblem, CredentialProblemCode } from './errors';
import { messageOf, problem } from './errors';
import type { JsonObject, JsonValue } from './json';
import { isJsonObject } from './json';
import { decodeQrPayload } from './qr';
import { decodeStatusList, getStatusBit } from './statusList';

/**
 * Verifying a certificate: the one answer the app, the command line and the hub give. Checks,
 * in order, and the first that fails decides the status:
 *   1. reading (malformed): JSON, the shape of a VC 2.0 credential, bundled contexts only;
 *   2. proofs (altered): every proof verifies and is made by the issuer's key;
 *   3. issuer (unknown-issuer): the issuer key is a trusted root, or carries an endorsement by
 *      one that was in force when the certificate was issued;
 *   4. validity window (expired, also for "not yet valid");
 *   5. revocation (revoked): the status list bit, or the organisation's own revocation record.
 * Steps 4 and 5 both run once 1–3 pass, so an expired certificate that was also revoked says so.
 * Never throws and never fetches: everything needed comes in the options.
 */

/** The verdict. */
export type VerificationStatus = 'valid' | 'altered' | 'revoked' | 'expired' | 'unknown-issuer' | 'malformed';

/** When and why a certificate was revoked. */
export type Revocation = { date: string; reason: string };

/** What a certificate says it certifies (trust it only when the status is valid). */
export type CertificateSummary = {
  /** The credential's id (urn:uuid:…). */
  id: string;
  /** The trainee's name. */
  name: string;
  course: string;
  courseCode: string;
  issuedOn: string;
  validUntil?: string;
  issuerName: string;
  serial: string;
  hours?: number;
};

/** What to verify against. */
export type VerifyOptions = {
  /** The organisation's root keys (did:key). Without them an intact certificate is unknown-issuer. */
  trust: readonly string[];
  /** Signed BitstringStatusListCredentials (the issuing keys' revocation lists). */
  statusLists?: readonly unknown[];
  /** The organisation's own revocation records, by certificate id (UUID or urn:uuid:). */
  revocations?: Readonly<Record<string, Revocation>>;
  /** The verifier's clock. */
  now: Date | string;
};

/** The answer. */
export type VerificationResult = {
  status: VerificationStatus;
  /** Everything found wrong, most serious first; may hold notes on a valid result (a revocation list that could not be used). */
  problems: CredentialProblem[];
  /** Present whenever the credential could be read, even when it failed: label it accordingly. */
  summary?: CertificateSummary;
  /** Present when the certificate is known to be revoked and the organisation's record says when and why. */
  revocation?: Revocation;
  /** The validFrom of the revocation list the answer is based on; absent when no list was used. */
  statusListAsOf?: string;
  /** The key that signed, and the root that endorsed it (when the issuer check passed). */
  signedBy?: { issuerKey: string; rootKey?: string };
};

// Clocks of devices issuing offline drift; a certificate dated a few minutes ahead is not forged.
const clockSkewMs = 5 * 60 * 1000;
// Real credentials are a few kilobytes; a much larger text is not one of ours.
const maxInputLength = 1024 * 1024;

const malformedCodes: ReadonlySet<CredentialProblemCode> = new Set<CredentialProblemCode>([
  'invalid-json',
  'not-an-object',
  'invalid-credential',
  'unknown-context',
  'json-ld',
  'undefined-term',
  'no-proof',
  'invalid-proof',
  'unsupported-cryptosuite',
  'invalid-did-key',
  'qr-prefix',
  'qr-too-long',
  'qr-base45',
  'qr-zlib',
  'qr-json',
]);

function result(status: VerificationStatus, problems: CredentialProblem[], extra: Partial<VerificationResult> = {}): VerificationResult {
  return { status, problems, ...extra };
}

/** Reads the input: a credential object, its JSON text, or a `VC1:` QR text. */
function readInput(input: unknown): { ok: true; value: JsonObject } | { ok: false; error: CredentialProblem } {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text.length > maxInputLength) {
      return { ok: false, error: problem('invalid-credential', { path: 'the text', expected: 'is far too long to be a certificate' }) };
    }
    if (text.startsWith('VC1:')) return decodeQrPayload(text);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return { ok: false, error: problem('invalid-json', { message: messageOf(error) }) };
    }
    return readInput(parsed);
  }
  if (!isJsonObject(input)) return { ok: false, error: problem('not-an-object') };
  return { ok: true, value: input };
}

const shapeProblem = (path: string, expected: string) => problem('invalid-credential', { path, expected });

function typesOf(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function idOf(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  return isJsonObject(value) && typeof value.id === 'string' ? value.id : undefined;
}

/** Every context URL anywhere in the document that we have not bundled. */
function unknownContexts(value: JsonValue, found: Set<string>, depth = 0): void {
  if (depth > 64) return;
  if (Array.isArray(value)) {
    for (const item of value) unknownContexts(item, found, depth + 1);
  } else if (isJsonObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '@context') {
        for (const context of Array.isArray(inner) ? inner : [inner]) {
          if (typeof context === 'string' && !isBundledContext(context)) found.add(context);
        }
      }
      unknownContexts(inner, found, depth + 1);
    }
  }
}

/** The problems of the credential's outer shape (what later steps rely on). */
function shapeProblems(doc: JsonObject): CredentialProblem[] {
  const problems: CredentialProblem[] = [];
  const context = doc['@context'];
  if (!Array.isArray(context) || context[0] !== vcV2ContextUrl) {
    problems.push(shapeProblem('@context', `must be a list starting with ${vcV2ContextUrl}`));
  }
  const unknown = new Set<string>();
  unknownContexts(doc, unknown);
  for (const url of unknown) problems.push(problem('unknown-context', { url: url.slice(0, 200) }));
  if (typeof doc.id !== 'string' || doc.id === '') problems.push(shapeProblem('id', 'must be the certificate id'));
  const types = typesOf(doc.type);
  if (!types.includes('VerifiableCredential') || !(types.includes('OpenBadgeCredential') || types.includes('AchievementCredential'))) {
    problems.push(shapeProblem('type', 'must include VerifiableCredential and OpenBadgeCredential'));
  }
  if (!isJsonObject(doc.issuer) || typeof doc.issuer.id !== 'string') {
    problems.push(shapeProblem('issuer', 'must be a profile with an id'));
  }
  if (typeof doc.validFrom !== 'string' || !dateTimeStampPattern.test(doc.validFrom)) {
    problems.push(shapeProblem('validFrom', 'must be a date and time with a zone'));
  }
  if (doc.validUntil !== undefined && (typeof doc.validUntil !== 'string' || !dateTimeStampPattern.test(doc.validUntil))) {
    problems.push(shapeProblem('validUntil', 'must be a date and time with a zone'));
  }
  if (!isJsonObject(doc.credentialSubject)) problems.push(shapeProblem('credentialSubject', 'must be an object'));
  if (doc.credentialStatus !== undefined && !isJsonObject(doc.credentialStatus)) {
    problems.push(shapeProblem('credentialStatus', 'must be one status entry'));
  }
  if (doc.proof === undefined) problems.push(problem('no-proof'));
  else if (!isJsonObject(doc.proof) && !(Array.isArray(doc.proof) && doc.proof.length > 0)) {
    problems.push(problem('invalid-proof', { index: 0, path: 'proof', expected: 'must be a proof or a list of proofs' }));
  }
  return problems;
}

function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** What the credential says it certifies, when it has the fields an Apogee certificate has. */
function summaryOf(doc: JsonObject): CertificateSummary | undefined {
  const subject = isJsonObject(doc.credentialSubject) ? doc.credentialSubject : {};
  const achievement = isJsonObject(subject.achievement) ? subject.achievement : {};
  const identifiers = Array.isArray(subject.identifier) ? subject.identifier : [subject.identifier];
  const nameEntry = identifiers.find((entry) => isJsonObject(entry) && entry.identityType === 'name' && entry.hashed === false);
  const name = isJsonObject(nameEntry) ? text(nameEntry.identityHash) : undefined;
  const issuerName = isJsonObject(doc.issuer) ? text(doc.issuer.name) : undefined;
  const id = text(doc.id);
  const course = text(achievement.name);
  const issuedOn = text(doc.validFrom);
  if (id === undefined || name === undefined || course === undefined || issuedOn === undefined || issuerName === undefined) return undefined;
  const validUntil = text(doc.validUntil);
  const hours = typeof subject.creditsEarned === 'number' ? subject.creditsEarned : undefined;
  return {
    id,
    name,
    course,
    courseCode: text(achievement.humanCode) ?? '',
    issuedOn,
    ...(validUntil === undefined ? {} : { validUntil }),
    issuerName,
    serial: text(subject.licenseNumber) ?? '',
    ...(hours === undefined ? {} : { hours }),
  };
}

/** Problems of a proof set, with each proof's signer checked against `signer`. */
function proofProblems(checks: readonly ProofCheck[], signer: string): CredentialProblem[] {
  const problems: CredentialProblem[] = [];
  for (const check of checks) {
    if (!check.ok) {
      if (check.reason) problems.push(check.reason);
    } else if (didOf(check.verificationMethod) !== signer) {
      problems.push(problem('proof-not-by-issuer', { index: check.index, signer: didOf(check.verificationMethod), issuer: signer }));
    }
  }
  return problems;
}

/** The verdict of the proof step: altered wins (evidence of a change), then malformed, then unknown-issuer. */
function proofVerdict(problems: readonly CredentialProblem[]): VerificationStatus | undefined {
  if (problems.some(({ code }) => code === 'signature-mismatch' || code === 'proof-not-by-issuer')) return 'altered';
  if (problems.some(({ code }) => malformedCodes.has(code))) return 'malformed';
  if (problems.length > 0) return 'unknown-issuer';
  return undefined;
}

function time(value: string): number {
  return Date.parse(value);
}

/** Checks the endorsements the issuer profile carries; the root key that vouches, or the problems. */
async function checkEndorsement(
  doc: JsonObject,
  issuerKey: string,
  trust: ReadonlySet<string>,
): Promise<{ rootKey: string } | { problems: CredentialProblem[] }> {
  const issuer = doc.issuer as JsonObject;
  const endorsements = Array.isArray(issuer.endorsement) ? issuer.endorsement : issuer.endorsement === undefined ? [] : [issuer.endorsement];
  const candidates = endorsements.filter(
    (item): item is JsonObject => isJsonObject(item) && typesOf(item.type).includes('EndorsementCredential'),
  );
  if (candidates.length === 0) return { problems: [problem('no-endorsement', { issuer: issuerKey })] };
  const issuedAt = time(doc.validFrom as string);
  const problems: CredentialProblem[] = [];
  for (const endorsement of candidates) {
    const endorser = idOf(endorsement.issuer);
    const subject = isJsonObject(endorsement.credentialSubject) ? text(endorsement.credentialSubject.id) : undefined;
    if (subject !== issuerKey) {
      problems.push(problem('endorsement-wrong-subject', { subject: subject ?? '(none)', issuer: issuerKey }));
      continue;
    }
    if (endorser === undefined || !trust.has(endorser)) {
      problems.push(problem('endorsement-untrusted', { endorser: endorser ?? '(none)' }));
      continue;
    }
    const checks = await verifyProofs(endorsement);
    const altered = checks.length === 0 ? [problem('no-proof')] : proofProblems(checks, endorser);
    if (altered.length > 0) {
      const first = altered[0];
      problems.push(problem('endorsement-altered', { reason: first ? first.code : 'no proof' }));
      continue;
    }
    const from = text(endorsement.validFrom);
    const until = text(endorsement.validUntil);
    const inForce =
      from !== undefined &&
      dateTimeStampPattern.test(from) &&
      time(from) <= issuedAt + clockSkewMs &&
      (until === undefined || (dateTimeStampPattern.test(until) && issuedAt <= time(until)));
    if (!inForce) {
      problems.push(problem('endorsement-not-in-force', { date: doc.validFrom as string }));
      continue;
    }
    return { rootKey: endorser };
  }
  return { problems };
}

type ListCheck = { ok: true; id: string; issuer: string; validFrom: string; bits: Uint8Array } | { ok: false; id: string; reason: string };

// Status lists are checked once per object: the app passes the same lists for every certificate.
const checkedLists = new WeakMap<object, Promise<ListCheck>>();

async function checkStatusList(list: unknown): Promise<ListCheck> {
  if (!isJsonObject(list)) return { ok: false, id: '', reason: 'not an object' };
  const id = text(list.id) ?? '';
  const fail = (reason: string): ListCheck => ({ ok: false, id, reason });
  if (!typesOf(list.type).includes('BitstringStatusListCredential')) return fail('not a BitstringStatusListCredential');
  const issuer = idOf(list.issuer);
  if (issuer === undefined) return fail('no issuer');
  const validFrom = text(list.validFrom);
  if (validFrom === undefined || !dateTimeStampPattern.test(validFrom)) return fail('no validFrom date');
  const subject = isJsonObject(list.credentialSubject) ? list.credentialSubject : undefined;
  if (!subject || subject.statusPurpose !== 'revocation' || typeof subject.encodedList !== 'string') {
    return fail('not a revocation list');
  }
  const checks = await verifyProofs(list);
  if (checks.length === 0) return fail('unsigned');
  const problems = proofProblems(checks, issuer);
  if (problems.length > 0) return fail(`signature: ${problems[0]?.code ?? ''}`);
  const bits = decodeStatusList(subject.encodedList);
  if (!bits.ok) return fail(String(bits.error.params.reason ?? 'unreadable list'));
  return { ok: true, id, issuer, validFrom, bits: bits.value };
}

function checkStatusListCached(list: unknown): Promise<ListCheck> {
  if (typeof list !== 'object' || list === null) return checkStatusList(list);
  let check = checkedLists.get(list);
  if (!check) {
    check = checkStatusList(list);
    checkedLists.set(list, check);
  }
  return check;
}

/** Revocation by the status list: the bit, the list's date, and notes on lists that could not be used. */
async function checkStatus(
  doc: JsonObject,
  issuerKey: string,
  trust: ReadonlySet<string>,
  lists: readonly unknown[],
): Promise<{ revoked: boolean; asOf?: string; problems: CredentialProblem[] }> {
  const entry = doc.credentialStatus;
  if (!isJsonObject(entry) || entry.statusPurpose !== 'revocation') return { revoked: false, problems: [] };
  const url = text(entry.statusListCredential) ?? '';
  const indexText = text(entry.statusListIndex);
  if (!typesOf(entry.type).includes('BitstringStatusListEntry') || url === '' || indexText === undefined || !/^\d{1,9}$/.test(indexText)) {
    return { revoked: false, problems: [problem('status-list-invalid', { url, reason: 'the certificate’s status entry is not well-formed' })] };
  }
  const index = Number(indexText);
  const problems: CredentialProblem[] = [];
  let best: Extract<ListCheck, { ok: true }> | undefined;
  for (const list of lists) {
    if (!isJsonObject(list) || list.id !== url) continue;
    const check = await checkStatusListCached(list);
    if (!check.ok) {
      problems.push(problem('status-list-invalid', { url, reason: check.reason }));
    } else if (check.issuer !== issuerKey && !trust.has(check.issuer)) {
      // Only the issuing key (or the organisation's root) may speak about its certificates.
      problems.push(problem('status-list-invalid', { url, reason: `signed by ${check.issuer}, not by the issuer` }));
    } else if (!best || time(check.validFrom) > time(best.validFrom)) {
      best = check;
    }
  }
  if (!best) {
    if (problems.length === 0) problems.push(problem('status-list-missing', { url }));
    return { revoked: false, problems };
  }
  if (index >= best.bits.length * 8) {
    return { revoked: false, asOf: best.validFrom, problems: [problem('status-index-out-of-range', { index, url })] };
  }
  return { revoked: getStatusBit(best.bits, index), asOf: best.validFrom, problems: [] };
}

function revocationRecord(id: string, revocations: Readonly<Record<string, Revocation>> | undefined): Revocation | undefined {
  if (!revocations) return undefined;
  const bare = id.startsWith('urn:uuid:') ? id.slice('urn:uuid:'.length) : id;
  const own = (key: string) => (Object.prototype.hasOwnProperty.call(revocations, key) ? revocations[key] : undefined);
  return own(id) ?? own(bare) ?? own(bare.toLowerCase());
}

/** Verifies a certificate: an object, its JSON text, or its `VC1:` QR text. See the module comment. */
export async function verifyCertificate(input: unknown, options: VerifyOptions): Promise<VerificationResult> {
  try {
    return await verify(input, options);
  } catch (error) {
    // Not expected: every step turns failures into problems. Still, an answer, not a crash.
    return result('malformed', [problem('json-ld', { message: messageOf(error) })]);
  }
}

async function verify(input: unknown, options: VerifyOptions): Promise<VerificationResult> {
  const read = readInput(input);
  if (!read.ok) return result('malformed', [read.error]);
  const doc = read.value;
  const shape = shapeProblems(doc);
  const summary = summaryOf(doc);
  const withSummary = summary ? { summary } : {};
  if (shape.length > 0) return result('malformed', shape, withSummary);

  // 2. Proofs, each by the issuer's own key.
  const issuerKey = idOf(doc.issuer) as string;
  const checks = await verifyProofs(doc);
  const proofs = proofProblems(checks, issuerKey);
  const proofStatus = proofVerdict(proofs);
  if (proofStatus) return result(proofStatus, proofs, withSummary);

  // 3. Issuer: a trusted root, or endorsed by one.
  const trust = new Set(options.trust.map(didOf).filter((did) => parseDidKey(did).ok));
  if (trust.size === 0) return result('unknown-issuer', [problem('no-trusted-keys')], withSummary);
  let rootKey: string | undefined;
  if (trust.has(issuerKey)) {
    rootKey = undefined;
  } else {
    const endorsement = await checkEndorsement(doc, issuerKey, trust);
    if ('problems' in endorsement) return result('unknown-issuer', endorsement.problems, withSummary);
    rootKey = endorsement.rootKey;
  }
  const signedBy = { signedBy: { issuerKey, ...(rootKey === undefined ? {} : { rootKey }) } };

  // 4. Validity window.
  const problems: CredentialProblem[] = [];
  const now = typeof options.now === 'string' ? Date.parse(options.now) : options.now.getTime();
  const validFrom = doc.validFrom as string;
  const validUntil = text(doc.validUntil);
  if (time(validFrom) > now + clockSkewMs) problems.push(problem('not-yet-valid', { validFrom }));
  if (validUntil !== undefined && time(validUntil) <= now) problems.push(problem('expired', { validUntil }));
  const outOfWindow = problems.length > 0;

  // 5. Revocation: the signed list, and the organisation's own records.
  const status = await checkStatus(doc, issuerKey, trust, options.statusLists ?? []);
  const record = revocationRecord(doc.id as string, options.revocations);
  const revoked = status.revoked || record !== undefined;
  if (revoked) problems.push(problem('revoked', record ? { date: record.date, reason: record.reason } : {}));
  const extra: Partial<VerificationResult> = {
    ...withSummary,
    ...signedBy,
    ...(record ? { revocation: record } : {}),
    ...(status.asOf === undefined ? {} : { statusListAsOf: status.asOf }),
  };
  const verdict: VerificationStatus = outOfWindow ? 'expired' : revoked ? 'revoked' : 'valid';
  return result(verdict, [...problems, ...status.problems], extra);
}
