/**
 * What can go wrong with a credential, as codes with parameters (never prose), like the domain's
 * error codes in shared/errors.ts. The interface turns a code into text in the user's language;
 * `credentialProblemText` gives the English text for the command line, logs and the hub.
 */
export type CredentialProblemCode =
  // Reading the input
  | 'invalid-json'
  | 'not-an-object'
  | 'invalid-credential'
  | 'unknown-context'
  | 'json-ld'
  | 'undefined-term'
  // Proofs
  | 'no-proof'
  | 'invalid-proof'
  | 'unsupported-cryptosuite'
  | 'unsupported-verification-method'
  | 'invalid-did-key'
  | 'signature-mismatch'
  | 'proof-not-by-issuer'
  // Who issued it
  | 'no-trusted-keys'
  | 'no-endorsement'
  | 'endorsement-untrusted'
  | 'endorsement-altered'
  | 'endorsement-wrong-subject'
  | 'endorsement-not-in-force'
  // Validity and revocation
  | 'not-yet-valid'
  | 'expired'
  | 'revoked'
  | 'status-list-missing'
  | 'status-list-invalid'
  | 'status-index-out-of-range'
  // QR payloads
  | 'qr-prefix'
  | 'qr-too-long'
  | 'qr-base45'
  | 'qr-zlib'
  | 'qr-json'
  // PDF files
  | 'not-a-pdf'
  | 'pdf-unreadable'
  | 'pdf-encrypted'
  | 'pdf-no-credential'
  | 'pdf-credential-unreadable'
  // Keys, serials and building credentials (bugs in the caller, reported as codes all the same)
  | 'invalid-key'
  | 'invalid-input';

/** Parameters a problem carries (`{url}` for unknown-context, and so on). */
export type CredentialProblemParams = Record<string, string | number>;

/** One thing wrong with a credential (or with a file or QR text said to carry one). */
export type CredentialProblem = { code: CredentialProblemCode; params: CredentialProblemParams };

/** The answer of an operation that can fail on bad input: a value, or the problem. */
export type CredentialOutcome<T> = { ok: true; value: T } | { ok: false; error: CredentialProblem };

/** Builds a problem; `params` defaults to none. */
export function problem(code: CredentialProblemCode, params: CredentialProblemParams = {}): CredentialProblem {
  return { code, params };
}

/**
 * Thrown where a library makes us throw (the JSON-LD document loader) and for programming errors
 * on the issuing side (building a credential from invalid inputs). Verification never lets one
 * escape: it turns it into a problem.
 */
export class CredentialError extends Error {
  readonly code: CredentialProblemCode;
  readonly params: CredentialProblemParams;

  constructor(code: CredentialProblemCode, params: CredentialProblemParams = {}) {
    super(credentialProblemText({ code, params }));
    this.name = 'CredentialError';
    this.code = code;
    this.params = params;
  }

  /** The problem this error stands for. */
  get problem(): CredentialProblem {
    return { code: this.code, params: this.params };
  }
}

/** English text for each problem code; `{name}` placeholders are filled from the parameters. */
export const credentialProblemTexts: Record<CredentialProblemCode, string> = {
  'invalid-json': 'This is not valid JSON ({message}).',
  'not-an-object': 'This is not a credential: expected a JSON object.',
  'invalid-credential': 'This is not a well-formed certificate: {path} {expected}.',
  'unknown-context': 'The credential uses the JSON-LD context {url}, which this verifier does not know (it never downloads contexts).',
  'json-ld': 'The credential could not be read as linked data ({message}).',
  'undefined-term': 'The credential contains "{term}", which none of its contexts defines.',
  'no-proof': 'The credential carries no signature.',
  'invalid-proof': 'Signature {index} is not well-formed: {path} {expected}.',
  'unsupported-cryptosuite': 'Signature {index} uses the cryptosuite "{cryptosuite}", which this verifier does not support.',
  'unsupported-verification-method': 'Signature {index} names the key {verificationMethod}, which cannot be checked offline (only did:key keys can).',
  'invalid-did-key': 'The key {did} is not a valid Ed25519 did:key.',
  'signature-mismatch': 'Signature {index} ({cryptosuite}) does not match the content: the credential was changed after it was signed, or the signature belongs to another credential.',
  'proof-not-by-issuer': 'Signature {index} was made with the key {signer}, not with the key of the issuer named in the credential ({issuer}).',
  'no-trusted-keys': "The signature is intact, but the organisation's public key was not given, so who issued it cannot be confirmed.",
  'no-endorsement': "The signing key {issuer} carries no endorsement from the organisation's key.",
  'endorsement-untrusted': 'The signing key was endorsed by {endorser}, which is not a key of the organisation.',
  'endorsement-altered': "The organisation's endorsement of the signing key is not intact ({reason}).",
  'endorsement-wrong-subject': 'The endorsement is for the key {subject}, not for the key that signed ({issuer}).',
  'endorsement-not-in-force': 'The signing key was not endorsed on {date}, when the certificate was issued.',
  'not-yet-valid': 'The certificate is valid only from {validFrom}.',
  expired: 'The certificate expired on {validUntil}.',
  revoked: 'The certificate was revoked.',
  'status-list-missing': 'The revocation list {url} was not available, so revocation was not checked.',
  'status-list-invalid': 'The revocation list {url} could not be used ({reason}).',
  'status-index-out-of-range': 'The revocation entry {index} is outside the revocation list {url}.',
  'qr-prefix': 'This QR text does not start with "VC1:", so it is not an Apogee certificate payload.',
  'qr-too-long': 'This QR text is too long ({length} characters) to be a certificate payload.',
  'qr-base45': 'This QR text is not valid base45 at character {position}: it was cut or mistyped.',
  'qr-zlib': 'This QR text does not decompress ({message}): it was cut or altered.',
  'qr-json': 'This QR text decompresses but does not hold a credential ({message}).',
  'not-a-pdf': 'This file is not a PDF.',
  'pdf-unreadable': 'This PDF cannot be read ({message}).',
  'pdf-encrypted': 'This PDF is encrypted, so its attachments cannot be read.',
  'pdf-no-credential': 'This PDF has no credential attached (no embedded .json file).',
  'pdf-credential-unreadable': 'The credential attached to this PDF ({fileName}) cannot be read ({message}).',
  'invalid-key': 'This is not a valid Ed25519 key ({reason}).',
  'invalid-input': 'Invalid input: {field} {expected}.',
};

/** English text of a problem, its placeholders filled (missing ones left as they are). */
export function credentialProblemText({ code, params }: CredentialProblem): string {
  return credentialProblemTexts[code].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The problem carried by a thrown value, looking through the `cause` chains libraries wrap. */
export function findCredentialError(error: unknown): CredentialError | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (typeof current === 'object' && current !== null && !seen.has(current)) {
    if (current instanceof CredentialError) return current;
    seen.add(current);
    const record = current as { cause?: unknown; details?: { cause?: unknown } };
    current = record.details?.cause ?? record.cause;
  }
  return undefined;
}

/** A short message from anything thrown, for the `{message}` parameter of a problem. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message.slice(0, 200);
  return String(error).slice(0, 200);
}
