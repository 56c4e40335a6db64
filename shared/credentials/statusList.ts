import { base64urlnopad } from '@scure/base';
import { gunzipSync, gzipSync } from 'fflate';
import { vcV2ContextUrl } from './contexts';
import type { Secured } from './dataIntegrity';
import { addProofs, dateTimeStampPattern } from './dataIntegrity';
import { didOf } from './didKey';
import type { CredentialOutcome } from './errors';
import { CredentialError, problem } from './errors';
import type { Signer } from './signer';

/**
 * W3C Bitstring Status List v1.0, for revocation: each issuing key publishes one list of
 * 131,072 bits, signed by that key; a certificate's bit is its sequence number on that key, and
 * a set bit means revoked. The list travels as GZIP, base64url without padding, multibase `u`.
 */

/** Bits in a list: the specification's minimum, which hides which entries are in use. */
export const statusListLength = 131_072;

/** A status list entry, as a certificate's `credentialStatus` carries it. */
export type BitstringStatusListEntry = {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: 'revocation';
  /** The bit's position, as a decimal text (the specification's form). */
  statusListIndex: string;
  /** The URL (id) of the status list credential. */
  statusListCredential: string;
};

/** The unsigned status list credential of one issuing key. */
export type BitstringStatusListCredential = {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'];
  issuer: string;
  validFrom: string;
  validUntil?: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: 'revocation';
    encodedList: string;
  };
};

/**
 * The URL (and id) of a key's status list: `<base>/status/<keyId>`. `base` is where the
 * organisation publishes verification material (the hub, later); `keyId` names the issuing key
 * (its key code).
 */
export function statusListUrl(base: string, keyId: string): string {
  return `${base.replace(/\/+$/, '')}/status/${encodeURIComponent(keyId)}`;
}

function checkIndex(index: number, length = statusListLength): void {
  if (!Number.isInteger(index) || index < 0 || index >= length) {
    throw new CredentialError('invalid-input', { field: 'index', expected: `must be a whole number from 0 to ${length - 1}` });
  }
}

/** The status entry for the certificate with this sequence number on this key's list. */
export function statusListEntry(listUrl: string, index: number): BitstringStatusListEntry {
  checkIndex(index);
  return {
    id: `${listUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}

/** A list with every bit clear (16 KiB). */
export function emptyStatusBits(): Uint8Array {
  return new Uint8Array(statusListLength / 8);
}

/** Sets (or clears) one bit. Index 0 is the left-most (most significant) bit of the first byte. */
export function setStatusBit(bits: Uint8Array, index: number, value = true): void {
  checkIndex(index, bits.length * 8);
  const mask = 0x80 >> index % 8;
  const byte = Math.floor(index / 8);
  bits[byte] = value ? (bits[byte] ?? 0) | mask : (bits[byte] ?? 0) & ~mask;
}

/** Reads one bit. */
export function getStatusBit(bits: Uint8Array, index: number): boolean {
  checkIndex(index, bits.length * 8);
  return ((bits[Math.floor(index / 8)] ?? 0) & (0x80 >> index % 8)) !== 0;
}

/** `u…`: GZIP, then base64url without padding, with the multibase prefix. */
export function encodeStatusList(bits: Uint8Array): string {
  // mtime 0: the same bits always give the same text, so an unchanged list signs the same.
  return `u${base64urlnopad.encode(gzipSync(bits, { mtime: 0 }))}`;
}

// Largest list we agree to inflate: 16 Mbit, far above any real list; the GZIP trailer's size is
// checked first so a small hostile text cannot make us allocate gigabytes.
const maxListBytes = 2 * 1024 * 1024;

/** The bits of an `encodedList`; at least 131,072 of them, as the specification requires. */
export function decodeStatusList(encoded: string): CredentialOutcome<Uint8Array> {
  const fail = (reason: string): CredentialOutcome<Uint8Array> => ({
    ok: false,
    error: problem('status-list-invalid', { url: '', reason }),
  });
  if (!encoded.startsWith('u')) return fail('the list is not multibase base64url (u…)');
  let compressed: Uint8Array;
  try {
    compressed = base64urlnopad.decode(encoded.slice(1));
  } catch {
    return fail('the list is not valid base64url');
  }
  if (compressed.length < 18) return fail('the list is not GZIP data');
  const n = compressed.length;
  const declared = ((compressed[n - 1] ?? 0) << 24) | ((compressed[n - 2] ?? 0) << 16) | ((compressed[n - 3] ?? 0) << 8) | (compressed[n - 4] ?? 0);
  if (declared >>> 0 > maxListBytes) return fail('the list is too large');
  let bits: Uint8Array;
  try {
    bits = gunzipSync(compressed);
  } catch {
    return fail('the list is not GZIP data');
  }
  if (bits.length < statusListLength / 8) return fail('the list is shorter than 131,072 bits');
  if (bits.length > maxListBytes) return fail('the list is too large');
  return { ok: true, value: bits };
}

/** What a status list credential says. */
export type StatusListInput = {
  /** The list's URL (statusListUrl). */
  url: string;
  /** The issuing key's DID (the list is signed by the key whose certificates it covers). */
  issuer: string;
  /** When this version of the list was made: verifiers report "as of" this date. */
  validFrom: string;
  validUntil?: string;
  /** Revoked entries (sequence numbers). */
  revoked: Iterable<number>;
};

/** The unsigned status list credential. */
export function buildStatusListCredential(input: StatusListInput): BitstringStatusListCredential {
  if (!dateTimeStampPattern.test(input.validFrom)) {
    throw new CredentialError('invalid-input', { field: 'validFrom', expected: 'must be a date and time with a zone' });
  }
  const bits = emptyStatusBits();
  for (const index of input.revoked) setStatusBit(bits, index);
  return {
    '@context': [vcV2ContextUrl],
    id: input.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer,
    validFrom: input.validFrom,
    ...(input.validUntil === undefined ? {} : { validUntil: input.validUntil }),
    credentialSubject: {
      id: `${input.url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeStatusList(bits),
    },
  };
}

/**
 * Builds and signs a key's status list (eddsa-rdfc-2022 then eddsa-jcs-2022), issued by the
 * signer's DID; `created` defaults to `validFrom`.
 */
export async function issueStatusList(
  input: Omit<StatusListInput, 'issuer'> & { signer: Signer; created?: string },
): Promise<Secured<BitstringStatusListCredential>> {
  const { signer, created, ...rest } = input;
  const unsigned = buildStatusListCredential({ ...rest, issuer: didOf(signer.verificationMethod) });
  return addProofs(unsigned, {
    signer,
    created: created ?? input.validFrom,
  });
}
