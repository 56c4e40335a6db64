import { describe, expect, it } from 'vitest';
import {
  decodeStatusList,
  emptyStatusBits,
  encodeStatusList,
  getStatusBit,
  setStatusBit,
  statusListEntry,
  statusListLength,
  statusListUrl,
} from './statusList';

describe('status lists', () => {
  it('encode 131,072 bits as multibase base64url GZIP and decode them back', () => {
    const bits = emptyStatusBits();
    expect(bits.length * 8).toBe(statusListLength);
    for (const index of [0, 7, 8, 42, statusListLength - 1]) setStatusBit(bits, index);
    const encoded = encodeStatusList(bits);
    expect(encoded.startsWith('u')).toBe(true);
    expect(encoded).not.toMatch(/[+/=]/);
    const decoded = decodeStatusList(encoded);
    expect(decoded.ok && decoded.value).toEqual(bits);
    if (!decoded.ok) return;
    expect([0, 7, 8, 42, statusListLength - 1].every((i) => getStatusBit(decoded.value, i))).toBe(true);
    expect(getStatusBit(decoded.value, 1)).toBe(false);
  });

  it('puts index 0 in the left-most bit of the first byte, as the specification says', () => {
    const bits = emptyStatusBits();
    setStatusBit(bits, 0);
    setStatusBit(bits, 9);
    expect([bits[0], bits[1]]).toEqual([0x80, 0x40]);
    setStatusBit(bits, 0, false);
    expect(bits[0]).toBe(0);
  });

  it('encodes an empty list in a few dozen characters and the same list always the same way', () => {
    expect(encodeStatusList(emptyStatusBits()).length).toBeLessThan(100);
    expect(encodeStatusList(emptyStatusBits())).toBe(encodeStatusList(emptyStatusBits()));
  });

  it('refuses lists that are not multibase, not GZIP, or too short', () => {
    expect(decodeStatusList('H4sIAAAA').ok).toBe(false);
    expect(decodeStatusList('uAAAA').ok).toBe(false);
    expect(decodeStatusList(encodeStatusList(new Uint8Array(16))).ok).toBe(false);
  });

  it('makes the entry of a certificate from its list URL and sequence number', () => {
    const url = statusListUrl('https://verify.idsea.example/', 'K7Q2');
    expect(statusListEntry(url, 42)).toEqual({
      id: 'https://verify.idsea.example/status/K7Q2#42',
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '42',
      statusListCredential: 'https://verify.idsea.example/status/K7Q2',
    });
    expect(() => statusListEntry(url, statusListLength)).toThrow();
  });
});
