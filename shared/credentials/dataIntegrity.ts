import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { base58 } from '@scure/base';
import canonicalize from 'canonicalize';
import jsonld from 'jsonld';
import { documentLoader } from './contexts';
import { parseDidKey } from './didKey';
import type { CredentialProblem } from './errors';
import { CredentialError, findCredentialError, messageOf, problem } from './errors';
import type { JsonObject, JsonValue } from './json';
import { isJsonObject } from './json';
import { templatedExpansion } from './rdfTemplate';
import type { Signer } from './signer';

/**
 * W3C Data Integrity proofs with the EdDSA cryptosuites of W3C vc-di-eddsa (Recommendation
 * 2025): `eddsa-rdfc-2022` (RDF Dataset Canonicalization, what Open Badges 3.0 requires) and
 * `eddsa-jcs-2022` (JSON Canonicalization, for small verifiers that have no JSON-LD). Both sign
 * SHA-256(canonical proof configuration) ‖ SHA-256(canonical document) with Ed25519 and write the
 * signature as multibase base58btc (`z…`). A document may carry several independent proofs (a
 * proof set): each one is computed over the document without any `proof`.
 */

/** The cryptosuites we sign and verify with. */
export const cryptosuites = ['eddsa-rdfc-2022', 'eddsa-jcs-2022'] as const;
/** One of the supported cryptosuites. */
export type Cryptosuite = (typeof cryptosuites)[number];

/** A Data Integrity proof as embedded in a secured document. */
export type DataIntegrityProof = {
  type: 'DataIntegrityProof';
  cryptosuite: Cryptosuite;
  created?: string;
  verificationMethod: string;
  proofPurpose: string;
  proofValue: string;
  /** eddsa-jcs-2022 proofs carry the document's contexts (the spec's proof configuration). */
  '@context'?: JsonValue;
};

/** A document with one proof or a proof set. */
export type Secured<T extends object> = Omit<T, 'proof'> & { proof: DataIntegrityProof | DataIntegrityProof[] };

/** How to add a proof. `created` is given (no clock in shared/): an XML Schema dateTime. */
export type AddProofOptions = {
  cryptosuite: Cryptosuite;
  signer: Signer;
  created: string;
  proofPurpose?: string;
};

/** What checking one proof found. */
export type ProofCheck = {
  /** Position of the proof in the proof set (0 for a single proof). */
  index: number;
  cryptosuite: string;
  verificationMethod: string;
  ok: boolean;
  /** Why it failed (absent when ok). */
  reason?: CredentialProblem;
};

/** An XML Schema dateTimeStamp (a date and time with a zone), as VC 2.0 requires. */
export const dateTimeStampPattern =
  /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d|[+-]14:00)$/;

// Canonical forms of documents seen lately, by their JCS text. JSON-LD expansion of the VC and
// Open Badges contexts costs tens of milliseconds per document, and the same small documents come
// back again and again: the proof configuration of every certificate a device signs in one
// batch, and the device's endorsement inside every certificate it issued. The loader is static,
// so a document's canonical form never changes; the cache is bounded and holds results only.
const canonicalCache = new Map<string, string>();
const canonicalCacheSize = 64;

// Results of pure functions that checking a proof repeats: parsing a did:key (decompressing its
// point) and Ed25519 verification of (signature, data, key). Every certificate a device issued
// carries the same endorsement, whose root signature would otherwise be checked again for each
// one. Bounded; the answers depend on their inputs alone.
const parsedDidKeys = new Map<string, ReturnType<typeof parseDidKey>>();
const checkedSignatures = new Map<string, boolean>();
const memoSize = 256;

// The shape templates' own cache and counters (benchmarks empty it to measure a first verification).
export { clearRdfTemplates, templateStats } from './rdfTemplate';

/**
 * Empties the cache of canonical forms, and the memo of did:keys and signature checks (for
 * benchmarks that must measure fresh documents).
 */
export function clearCanonicalCache(): void {
  canonicalCache.clear();
  parsedDidKeys.clear();
  checkedSignatures.clear();
}

const canonizeOptions = {
  algorithm: 'RDFC-1.0',
  format: 'application/n-quads',
  safe: true,
  base: null,
  documentLoader,
} as const;

/**
 * RDFC-1.0 canonical N-Quads of a JSON-LD document, in safe mode (any term no context defines is
 * an error rather than silently dropped — dropped data would be unsigned data) with the bundled
 * document loader. Throws a CredentialError (`unknown-context`, `undefined-term`, `json-ld`).
 *
 * Documents of a shape seen before skip JSON-LD expansion (./rdfTemplate.ts: the expanded form
 * of the shape with this document's texts put in); the answer is the same, byte for byte.
 */
export async function canonicalRdf(document: object): Promise<string> {
  const key = canonicalJson(document);
  const cached = canonicalCache.get(key);
  if (cached !== undefined) return cached;
  let nquads: string;
  try {
    const expanded = isJsonObject(document) ? await templatedExpansion(document) : undefined;
    nquads =
      expanded === undefined
        ? await jsonld.canonize(document, canonizeOptions)
        : await jsonld.canonize(expanded as object, { ...canonizeOptions, skipExpansion: true });
  } catch (error) {
    const { code, params } = canonicalizationProblem(error);
    throw new CredentialError(code, params);
  }
  if (canonicalCache.size >= canonicalCacheSize) {
    const oldest = canonicalCache.keys().next();
    if (!oldest.done) canonicalCache.delete(oldest.value);
  }
  canonicalCache.set(key, nquads);
  return nquads;
}

/** The problem behind a jsonld failure: our loader's refusal, an undefined term, or other. */
function canonicalizationProblem(error: unknown): CredentialProblem {
  const ours = findCredentialError(error);
  if (ours) return ours.problem;
  const details = (error as { details?: { event?: { code?: unknown; details?: { property?: unknown; type?: unknown } } } })
    .details;
  const event = details?.event;
  if (event?.code === 'invalid property' && typeof event.details?.property === 'string') {
    return problem('undefined-term', { term: event.details.property.slice(0, 100) });
  }
  if (event?.code === 'relative @type reference' && typeof event.details?.type === 'string') {
    return problem('undefined-term', { term: event.details.type.slice(0, 100) });
  }
  if (typeof event?.code === 'string') return problem('json-ld', { message: event.code });
  return problem('json-ld', { message: messageOf(error) });
}

/** RFC 8785 JSON Canonicalization Scheme text of a JSON value. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new CredentialError('json-ld', { message: 'nothing to canonicalize' });
  return text;
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(first.length + second.length);
  bytes.set(first);
  bytes.set(second, first.length);
  return bytes;
}

/** The document without its proofs: what every proof of a proof set signs. */
function withoutProof(document: JsonObject): JsonObject {
  const { proof: _proof, ...unsecured } = document;
  return unsecured;
}

function proofsOf(document: JsonObject): unknown[] {
  const { proof } = document;
  if (proof === undefined) return [];
  return Array.isArray(proof) ? proof : [proof];
}

/** Lazily canonicalised forms of one unsecured document, shared by the proofs of a proof set. */
class DocumentHashes {
  private rdf?: Promise<Uint8Array>;
  private jcs?: Uint8Array;

  constructor(private readonly unsecured: JsonObject) {}

  rdfHash(): Promise<Uint8Array> {
    this.rdf ??= canonicalRdf(this.unsecured).then((nquads) => sha256(utf8ToBytes(nquads)));
    return this.rdf;
  }

  jcsHash(context?: JsonValue): Uint8Array {
    // eddsa-jcs-2022 verifies the document under the proof's own @context (checked to be a
    // prefix of the document's), so a different context means a different hash.
    if (context !== undefined) return sha256(utf8ToBytes(canonicalJson({ ...this.unsecured, '@context': context })));
    this.jcs ??= sha256(utf8ToBytes(canonicalJson(this.unsecured)));
    return this.jcs;
  }
}

/** The bytes an EdDSA proof signs: hash of the proof configuration ‖ hash of the document. */
async function hashData(
  cryptosuite: Cryptosuite,
  proofConfig: JsonObject,
  hashes: DocumentHashes,
  jcsContext?: JsonValue,
): Promise<Uint8Array> {
  if (cryptosuite === 'eddsa-rdfc-2022') {
    const configHash = sha256(utf8ToBytes(await canonicalRdf(proofConfig)));
    return concat(configHash, await hashes.rdfHash());
  }
  return concat(sha256(utf8ToBytes(canonicalJson(proofConfig))), hashes.jcsHash(jcsContext));
}

/**
 * Adds a proof to a document (W3C vc-di-eddsa "Add Proof"). A document that already has a proof
 * gets a proof set (`proof` becomes an array); the new proof, like every proof of a set, covers
 * the document without any proof. Throws a CredentialError when the document cannot be
 * canonicalised (an unbundled context or an undefined term: a bug in what we issue).
 */
export async function addProof<T extends object>(document: T, options: AddProofOptions): Promise<Secured<T>> {
  const { cryptosuite, signer, created, proofPurpose = 'assertionMethod' } = options;
  if (!isJsonObject(document)) throw new CredentialError('not-an-object');
  if (!dateTimeStampPattern.test(created)) {
    throw new CredentialError('invalid-input', { field: 'created', expected: 'must be a date and time with a zone' });
  }
  const unsecured = withoutProof(document);
  const options_: JsonObject = {
    type: 'DataIntegrityProof',
    cryptosuite,
    created,
    verificationMethod: signer.verificationMethod,
    proofPurpose,
  };
  const context = unsecured['@context'];
  const proofConfig: JsonObject = context === undefined ? options_ : { ...options_, '@context': context };
  const data = await hashData(cryptosuite, proofConfig, new DocumentHashes(unsecured));
  const signature = await signer.sign(data);
  // The rdfc proof leaves @context out (the verifier takes the document's); the jcs proof keeps
  // it, as both cryptosuites' "Create Proof" algorithms and the W3C test vectors do.
  const proof = {
    ...(cryptosuite === 'eddsa-jcs-2022' ? proofConfig : options_),
    proofValue: `z${base58.encode(signature)}`,
  } as DataIntegrityProof;
  const existing = proofsOf(document) as DataIntegrityProof[];
  return { ...document, proof: existing.length === 0 ? proof : [...existing, proof] };
}

/** Adds one proof per cryptosuite, in order (by default eddsa-rdfc-2022 then eddsa-jcs-2022). */
export async function addProofs<T extends object>(
  document: T,
  options: Omit<AddProofOptions, 'cryptosuite'> & { cryptosuites?: readonly Cryptosuite[] },
): Promise<Secured<T>> {
  const { cryptosuites: suites = cryptosuites, ...rest } = options;
  let secured: object = document;
  for (const cryptosuite of suites) secured = await addProof(secured, { ...rest, cryptosuite });
  return secured as Secured<T>;
}

function invalidProof(index: number, path: string, expected: string): CredentialProblem {
  return problem('invalid-proof', { index, path, expected });
}

/** True when `prefix` (a context value) is the start of `context`, value by value. */
function contextStartsWith(context: JsonValue | undefined, prefix: JsonValue): boolean {
  const all = Array.isArray(context) ? context : context === undefined ? [] : [context];
  const start = Array.isArray(prefix) ? prefix : [prefix];
  return start.length <= all.length && start.every((value, i) => canonicalJson(value) === canonicalJson(all[i]));
}

function remember<V>(memo: Map<string, V>, key: string, value: V): V {
  if (memo.size >= memoSize) {
    const oldest = memo.keys().next();
    if (!oldest.done) memo.delete(oldest.value);
  }
  memo.set(key, value);
  return value;
}

function didKeyOf(verificationMethod: string): ReturnType<typeof parseDidKey> {
  return parsedDidKeys.get(verificationMethod) ?? remember(parsedDidKeys, verificationMethod, parseDidKey(verificationMethod));
}

function verifySignature(signature: Uint8Array, data: Uint8Array, publicKey: Uint8Array): boolean {
  const key = `${bytesToHex(signature)}.${bytesToHex(data)}.${bytesToHex(publicKey)}`;
  const known = checkedSignatures.get(key);
  if (known !== undefined) return known;
  let ok = false;
  try {
    // Strict RFC 8032 verification (not ZIP-215): one valid encoding per signature.
    ok = ed25519.verify(signature, data, publicKey, { zip215: false });
  } catch {
    ok = false;
  }
  return remember(checkedSignatures, key, ok);
}

/** Checks one proof. Never throws: every failure is a reason. */
async function checkProof(
  candidate: unknown,
  index: number,
  hashes: DocumentHashes,
  documentContext: JsonValue | undefined,
  expectedProofPurpose: string,
): Promise<ProofCheck> {
  const base = { index, cryptosuite: '', verificationMethod: '' };
  if (!isJsonObject(candidate)) return { ...base, ok: false, reason: invalidProof(index, 'proof', 'must be an object') };
  const { proofValue, ...proofOptions } = candidate;
  const { type, cryptosuite, verificationMethod, proofPurpose, created } = proofOptions;
  const fail = (reason: CredentialProblem): ProofCheck => ({
    index,
    cryptosuite: typeof cryptosuite === 'string' ? cryptosuite : '',
    verificationMethod: typeof verificationMethod === 'string' ? verificationMethod : '',
    ok: false,
    reason,
  });
  if (type !== 'DataIntegrityProof') return fail(invalidProof(index, 'proof.type', 'must be DataIntegrityProof'));
  if (typeof cryptosuite !== 'string') return fail(invalidProof(index, 'proof.cryptosuite', 'must be a text'));
  if (!(cryptosuites as readonly string[]).includes(cryptosuite)) {
    return fail(problem('unsupported-cryptosuite', { index, cryptosuite: cryptosuite.slice(0, 60) }));
  }
  const suite = cryptosuite as Cryptosuite;
  if (typeof verificationMethod !== 'string') {
    return fail(invalidProof(index, 'proof.verificationMethod', 'must be a did:key URL'));
  }
  if (proofPurpose !== expectedProofPurpose) {
    return fail(invalidProof(index, 'proof.proofPurpose', `must be ${expectedProofPurpose}`));
  }
  if (created !== undefined && (typeof created !== 'string' || !dateTimeStampPattern.test(created))) {
    return fail(invalidProof(index, 'proof.created', 'must be a date and time with a zone'));
  }
  if ('previousProof' in proofOptions) {
    return fail(invalidProof(index, 'proof.previousProof', 'is not supported (proof chains)'));
  }
  if (typeof proofValue !== 'string' || !proofValue.startsWith('z')) {
    return fail(invalidProof(index, 'proof.proofValue', 'must be a base58btc multibase text'));
  }
  let signature: Uint8Array;
  try {
    signature = base58.decode(proofValue.slice(1));
  } catch {
    return fail(invalidProof(index, 'proof.proofValue', 'must be a base58btc multibase text'));
  }
  if (signature.length !== 64) return fail(invalidProof(index, 'proof.proofValue', 'must hold a 64-byte signature'));
  if (!verificationMethod.startsWith('did:key:')) {
    return fail(problem('unsupported-verification-method', { index, verificationMethod: verificationMethod.slice(0, 120) }));
  }
  const key = didKeyOf(verificationMethod);
  // A did:key verification method must name the key's own fragment (did:key:z…#z…).
  if (!key.ok || !verificationMethod.includes('#')) {
    return fail(problem('invalid-did-key', { did: verificationMethod.slice(0, 120) }));
  }

  let data: Uint8Array;
  try {
    if (suite === 'eddsa-rdfc-2022') {
      // The proof configuration is the proof without its value, under the document's contexts
      // (replacing any @context the proof carries, as the rdfc "Verify Proof" algorithm says).
      const proofConfig: JsonObject = { ...proofOptions };
      delete proofConfig['@context'];
      if (documentContext !== undefined) proofConfig['@context'] = documentContext;
      data = await hashData(suite, proofConfig, hashes);
    } else {
      const proofContext = proofOptions['@context'];
      if (proofContext !== undefined && !contextStartsWith(documentContext, proofContext)) {
        return fail(invalidProof(index, 'proof.@context', "must be the start of the document's @context"));
      }
      data = await hashData(suite, proofOptions, hashes, proofContext);
    }
  } catch (error) {
    const known = findCredentialError(error);
    return fail(known ? known.problem : problem('json-ld', { message: messageOf(error) }));
  }

  const ok = verifySignature(signature, data, key.value.publicKey);
  return ok
    ? { index, cryptosuite: suite, verificationMethod, ok: true }
    : fail(problem('signature-mismatch', { index, cryptosuite: suite }));
}

/**
 * Checks every proof of a document (W3C vc-di-eddsa "Verify Proof"), one result per proof in
 * the order they appear; empty when there is no proof. Public keys come from the did:key in
 * each `verificationMethod`; nothing is resolved over a network. Never throws.
 */
export async function verifyProofs(
  document: unknown,
  options: { expectedProofPurpose?: string } = {},
): Promise<ProofCheck[]> {
  if (!isJsonObject(document)) return [];
  const { expectedProofPurpose = 'assertionMethod' } = options;
  const unsecured = withoutProof(document);
  const hashes = new DocumentHashes(unsecured);
  const checks: ProofCheck[] = [];
  let index = 0;
  for (const candidate of proofsOf(document)) {
    checks.push(await checkProof(candidate, index, hashes, unsecured['@context'], expectedProofPurpose));
    index += 1;
  }
  return checks;
}
