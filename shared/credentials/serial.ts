import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { CredentialError } from './errors';

/**
 * Serial numbers printed on certificates: `<organisation code>-<key code>-<sequence>`, e.g.
 * `IDSEA-K7Q2-000042`. Each issuing key counts its own sequence, so devices issuing offline never
 * need to agree on a counter; the key code tells their numbers apart. The sequence is also the
 * certificate's bit in its key's revocation list, hence at most 131,071.
 */

// Crockford base32: no I, L, O, U, so a serial read aloud or typed is not misread.
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const organisationCodePattern = /^[A-Z][A-Z0-9-]{1,11}$/;
const serialPattern = /^([A-Z][A-Z0-9-]{1,11})-([0-9A-HJKMNP-TV-Z]{4})-(\d{6})$/;

/** Largest sequence number: the last bit of a 131,072-bit status list. */
export const maxSequence = 131_071;

/** Four Crockford base32 characters of SHA-256(did): the first 20 bits of the hash. */
export function keyCodeFor(did: string): string {
  const hash = sha256(utf8ToBytes(did));
  const bits = ((hash[0] ?? 0) << 12) | ((hash[1] ?? 0) << 4) | ((hash[2] ?? 0) >> 4);
  let code = '';
  for (let shift = 15; shift >= 0; shift -= 5) code += crockford[(bits >> shift) & 31];
  return code;
}

/** The serial of a certificate: organisation code, key code, six-digit sequence. */
export function serialFor(organisationCode: string, keyCode: string, sequence: number): string {
  if (!organisationCodePattern.test(organisationCode)) {
    throw new CredentialError('invalid-input', { field: 'organisationCode', expected: 'must be 2 to 12 capital letters, digits or dashes' });
  }
  if (!/^[0-9A-HJKMNP-TV-Z]{4}$/.test(keyCode)) {
    throw new CredentialError('invalid-input', { field: 'keyCode', expected: 'must be 4 Crockford base32 characters' });
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > maxSequence) {
    throw new CredentialError('invalid-input', { field: 'sequence', expected: `must be a whole number from 0 to ${maxSequence}` });
  }
  return `${organisationCode}-${keyCode}-${String(sequence).padStart(6, '0')}`;
}

/** The parts of a serial, or undefined when the text is not one (typed serials are trimmed and upper-cased). */
export function parseSerial(text: string): { organisationCode: string; keyCode: string; sequence: number } | undefined {
  const match = serialPattern.exec(text.trim().toUpperCase());
  if (!match || match[1] === undefined || match[2] === undefined || match[3] === undefined) return undefined;
  const sequence = Number(match[3]);
  if (sequence > maxSequence) return undefined;
  return { organisationCode: match[1], keyCode: match[2], sequence };
}
