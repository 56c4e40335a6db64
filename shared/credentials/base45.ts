/**
 * Base45 (RFC 9285), the encoding the EU Digital COVID Certificate puts in QR codes: its 45
 * characters are exactly QR's alphanumeric mode, so a QR code holds 5.5 bits per character
 * instead of 8 per byte. Written here rather than taken from the `base45` package because that
 * one needs Node's Buffer (absent in the renderer) and decodes invalid text to garbage silently.
 */

const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const values = new Map([...alphabet].map((char, value) => [char, value]));

/** Base45 text of some bytes. */
export function encodeBase45(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
    for (let k = 0; k < 3; k += 1) {
      text += alphabet[n % 45];
      n = Math.floor(n / 45);
    }
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1] ?? 0;
    text += alphabet[n % 45] + (alphabet[Math.floor(n / 45)] ?? '');
  }
  return text;
}

/**
 * The bytes of a base45 text, or the position of the first character that makes it invalid
 * (a character outside the alphabet, a group worth more than its bytes can hold, or a length
 * that leaves one character alone).
 */
export function decodeBase45(text: string): { ok: true; value: Uint8Array } | { ok: false; position: number } {
  if (text.length % 3 === 1) return { ok: false, position: text.length - 1 };
  const bytes = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let out = 0;
  for (let i = 0; i < text.length; i += 3) {
    const group = text.slice(i, i + 3);
    let n = 0;
    let weight = 1;
    for (let k = 0; k < group.length; k += 1) {
      const value = values.get(group[k] ?? '');
      if (value === undefined) return { ok: false, position: i + k };
      n += value * weight;
      weight *= 45;
    }
    if (group.length === 3) {
      if (n > 0xffff) return { ok: false, position: i };
      bytes[out++] = n >> 8;
      bytes[out++] = n & 0xff;
    } else {
      if (n > 0xff) return { ok: false, position: i };
      bytes[out++] = n;
    }
  }
  return { ok: true, value: bytes };
}
