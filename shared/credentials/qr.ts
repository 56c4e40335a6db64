import { strFromU8, strToU8, unzlibSync, zlibSync } from 'fflate';
import { decodeBase45, encodeBase45 } from './base45';
import { canonicalJson } from './dataIntegrity';
import type { CredentialOutcome } from './errors';
import { messageOf, problem } from './errors';
import type { JsonObject } from './json';
import { isJsonObject } from './json';

/**
 * The compact payload a certificate's QR code carries so a phone can verify it with no network:
 * `VC1:` + base45(zlib(JCS(credential))), as the EU Digital COVID Certificate does with CBOR.
 * JCS (RFC 8785) rather than plain JSON text so the payload of a credential is always the same
 * bytes. The whole text is in QR alphanumeric mode, so a version-40 code at error correction L
 * holds up to 4,296 characters.
 */

/** The prefix: payload kind and version (a new compression dictionary would be VC2:). */
export const qrPayloadPrefix = 'VC1:';
/** Alphanumeric capacity of a version-40 QR code at error correction L. */
export const qrAlphanumericCapacity = 4296;
// Anything longer cannot have come from one of our QR codes; the cap also bounds what a
// hostile text can make us inflate (zlib expands at most about 1,000 times).
const maxPayloadLength = 2 * qrAlphanumericCapacity;

/** The QR text of a credential. */
export function encodeQrPayload(credential: object): string {
  return qrPayloadPrefix + encodeBase45(zlibSync(strToU8(canonicalJson(credential)), { level: 9 }));
}

/** True when the Adler-32 at the end of a zlib stream is that of the inflated bytes. */
function adlerMatches(stream: Uint8Array, inflated: Uint8Array): boolean {
  if (stream.length < 6) return false;
  let a = 1;
  let b = 0;
  for (let i = 0; i < inflated.length; i += 1) {
    a = (a + (inflated[i] ?? 0)) % 65521;
    b = (b + a) % 65521;
  }
  const n = stream.length;
  const expected = (((stream[n - 4] ?? 0) << 24) | ((stream[n - 3] ?? 0) << 16) | ((stream[n - 2] ?? 0) << 8) | (stream[n - 1] ?? 0)) >>> 0;
  return ((b << 16) | a) >>> 0 === expected;
}

/**
 * The credential in a QR text, or what failed: the prefix, base45, zlib or JSON. Scanners and
 * clipboards may add line breaks around the text; they are dropped (spaces are not: a space is
 * a base45 character).
 */
export function decodeQrPayload(text: string): CredentialOutcome<JsonObject> {
  const trimmed = text.replace(/^[\s]+/, '').replace(/[\r\n\t]+$/, '');
  if (!trimmed.startsWith(qrPayloadPrefix)) return { ok: false, error: problem('qr-prefix') };
  if (trimmed.length > maxPayloadLength) return { ok: false, error: problem('qr-too-long', { length: trimmed.length }) };
  const decoded = decodeBase45(trimmed.slice(qrPayloadPrefix.length));
  if (!decoded.ok) {
    return { ok: false, error: problem('qr-base45', { position: decoded.position + qrPayloadPrefix.length + 1 }) };
  }
  let json: string;
  try {
    const inflated = unzlibSync(decoded.value);
    // fflate does not check the zlib trailer; a text cut short or altered may still inflate to
    // something, so the Adler-32 checksum is checked here.
    if (!adlerMatches(decoded.value, inflated)) return { ok: false, error: problem('qr-zlib', { message: 'checksum mismatch' }) };
    json = strFromU8(inflated);
  } catch (error) {
    return { ok: false, error: problem('qr-zlib', { message: messageOf(error) }) };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: problem('qr-json', { message: messageOf(error) }) };
  }
  if (!isJsonObject(value)) return { ok: false, error: problem('qr-json', { message: 'not a JSON object' }) };
  return { ok: true, value };
}
