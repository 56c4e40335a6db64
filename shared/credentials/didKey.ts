import { ed25519 } from '@noble/curves/ed25519.js';
import { base58 } from '@scure/base';
import type { CredentialOutcome } from './errors';
import { problem } from './errors';
import type { JsonObject } from './json';

/**
 * Ed25519 keys as `did:key` (W3C did:key method, multicodec ed25519-pub 0xed01, base58btc
 * multibase `z`): `did:key:z6Mk…`, whose one verification method is `did:key:z6Mk…#z6Mk…`.
 * A did:key carries the public key itself, so checking a signature never needs a network.
 */

const ed25519PublicPrefix = Uint8Array.of(0xed, 0x01);
const ed25519SecretPrefix = Uint8Array.of(0x80, 0x26);
// base58btc of 34 bytes (prefix + key) is 46–48 characters, always starting z6Mk.
const didKeyPattern = /^did:key:(z6Mk[1-9A-HJ-NP-Za-km-z]{40,50})(?:#(z6Mk[1-9A-HJ-NP-Za-km-z]{40,50}))?$/;

/** The JSON-LD context of Multikey verification method documents. */
export const multikeyContextUrl = 'https://w3id.org/security/multikey/v1';
/** The JSON-LD context of DID documents. */
export const didContextUrl = 'https://www.w3.org/ns/did/v1';

/** A parsed Ed25519 did:key. */
export type DidKey = {
  /** `did:key:z6Mk…` */
  did: string;
  /** `did:key:z6Mk…#z6Mk…`, the id of its single verification method. */
  verificationMethod: string;
  /** `z6Mk…` */
  publicKeyMultibase: string;
  /** The 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
};

function withPrefix(prefix: Uint8Array, key: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(prefix.length + key.length);
  bytes.set(prefix);
  bytes.set(key, prefix.length);
  return bytes;
}

/** `z6Mk…`: the multibase form of a 32-byte Ed25519 public key. */
export function publicKeyMultibase(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new RangeError('An Ed25519 public key has 32 bytes.');
  return `z${base58.encode(withPrefix(ed25519PublicPrefix, publicKey))}`;
}

/** `did:key:z6Mk…` for a 32-byte Ed25519 public key. */
export function didKeyFromPublicKey(publicKey: Uint8Array): string {
  return `did:key:${publicKeyMultibase(publicKey)}`;
}

/** `did:key:z6Mk…#z6Mk…`: the verification method of a did:key. */
export function verificationMethodOf(did: string): string {
  return `${did}#${did.slice('did:key:'.length)}`;
}

/** The DID part of a DID URL: `did:key:z6Mk…#z6Mk…` → `did:key:z6Mk…`. */
export function didOf(didUrl: string): string {
  const hash = didUrl.indexOf('#');
  return hash === -1 ? didUrl : didUrl.slice(0, hash);
}

function decodeMultibase(multibase: string, prefix: Uint8Array): Uint8Array | undefined {
  if (!multibase.startsWith('z')) return undefined;
  let bytes: Uint8Array;
  try {
    bytes = base58.decode(multibase.slice(1));
  } catch {
    return undefined;
  }
  if (bytes.length !== prefix.length + 32 || bytes[0] !== prefix[0] || bytes[1] !== prefix[1]) return undefined;
  return bytes.slice(prefix.length);
}

/** The public key in a `z6Mk…` multibase, checked to be a point on the curve. */
export function publicKeyFromMultibase(multibase: string): CredentialOutcome<Uint8Array> {
  const key = decodeMultibase(multibase, ed25519PublicPrefix);
  if (!key) return { ok: false, error: problem('invalid-key', { reason: 'not an ed25519-pub multibase' }) };
  try {
    // Strict RFC 8032 decoding (not ZIP-215): one encoding per key.
    ed25519.Point.fromBytes(key, false);
  } catch {
    return { ok: false, error: problem('invalid-key', { reason: 'not a point on the curve' }) };
  }
  return { ok: true, value: key };
}

/**
 * Parses `did:key:z6Mk…` or its verification method `did:key:z6Mk…#z6Mk…` (the fragment must
 * repeat the key, as the did:key method defines). Anything else is `invalid-did-key`.
 */
export function parseDidKey(didOrUrl: string): CredentialOutcome<DidKey> {
  const invalid = { ok: false as const, error: problem('invalid-did-key', { did: didOrUrl.slice(0, 120) }) };
  const match = didKeyPattern.exec(didOrUrl);
  const multibase = match?.[1];
  if (!match || multibase === undefined) return invalid;
  if (match[2] !== undefined && match[2] !== multibase) return invalid;
  const key = publicKeyFromMultibase(multibase);
  if (!key.ok) return invalid;
  const did = `did:key:${multibase}`;
  return {
    ok: true,
    value: { did, verificationMethod: verificationMethodOf(did), publicKeyMultibase: multibase, publicKey: key.value },
  };
}

/** `z3u2…`: the multibase form of a 32-byte Ed25519 secret key (multicodec ed25519-priv). */
export function secretKeyMultibase(secretKey: Uint8Array): string {
  if (secretKey.length !== 32) throw new RangeError('An Ed25519 secret key has 32 bytes.');
  return `z${base58.encode(withPrefix(ed25519SecretPrefix, secretKey))}`;
}

/** The 32-byte secret key in a `z3u2…` multibase (as in the W3C test vectors' key pair). */
export function secretKeyFromMultibase(multibase: string): CredentialOutcome<Uint8Array> {
  const key = decodeMultibase(multibase, ed25519SecretPrefix);
  if (!key) return { ok: false, error: problem('invalid-key', { reason: 'not an ed25519-priv multibase' }) };
  return { ok: true, value: key };
}

/**
 * The document a did:key URL dereferences to, built locally: the DID document for
 * `did:key:z…`, or the Multikey verification method for `did:key:z…#z…`. Undefined for anything
 * that is not a valid Ed25519 did:key. Verifiers that look keys up through a document loader
 * (the Digital Bazaar libraries) need these; our own verifier reads the key from the DID itself.
 */
export function didKeyDocument(url: string): JsonObject | undefined {
  const parsed = parseDidKey(url);
  if (!parsed.ok) return undefined;
  const { did, verificationMethod, publicKeyMultibase: multibase } = parsed.value;
  const method: JsonObject = {
    '@context': multikeyContextUrl,
    id: verificationMethod,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: multibase,
  };
  if (url.includes('#')) return method;
  const { '@context': _context, ...embedded } = method;
  return {
    '@context': [didContextUrl, multikeyContextUrl],
    id: did,
    verificationMethod: [embedded],
    authentication: [verificationMethod],
    assertionMethod: [verificationMethod],
    capabilityDelegation: [verificationMethod],
    capabilityInvocation: [verificationMethod],
  };
}
