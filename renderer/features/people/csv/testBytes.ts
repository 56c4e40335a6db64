/** Byte builders for the CSV tests (no Node Buffer in renderer code). */

/** UTF-8 bytes, optionally after a BOM. */
export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  return bom ? Uint8Array.of(0xef, 0xbb, 0xbf, ...body) : body;
}

/** UTF-16 bytes in either byte order, optionally after a BOM. */
export function utf16(text: string, order: 'le' | 'be', bom = false): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    const [hi, lo] = [unit >> 8, unit & 0xff];
    bytes[2 * i] = order === 'le' ? lo : hi;
    bytes[2 * i + 1] = order === 'le' ? hi : lo;
  }
  return bytes;
}

/** Single-byte bytes for text whose characters are all below U+0100 (windows-1252 = Latin-1 there). */
export function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new Error(`not Latin-1: ${c}`);
    return code;
  });
}
