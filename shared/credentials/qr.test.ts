import { describe, expect, it } from 'vitest';
import { decodeBase45, encodeBase45 } from './base45';
import { canonicalJson } from './dataIntegrity';
import { decodeQrPayload, encodeQrPayload, qrAlphanumericCapacity } from './qr';
import { issuedCertificate } from './testing';

describe('base45', () => {
  it('encodes the examples of RFC 9285', () => {
    const bytes = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    expect(encodeBase45(bytes('AB'))).toBe('BB8');
    expect(encodeBase45(bytes('Hello!!'))).toBe('%69 VD92EX0');
    expect(encodeBase45(bytes('base-45'))).toBe('UJCLQE7W581');
    const decoded = decodeBase45('QED8WEX0');
    expect(decoded.ok && String.fromCharCode(...decoded.value)).toBe('ietf!');
  });

  it('names the position of the first invalid character instead of decoding garbage', () => {
    expect(decodeBase45('GGW')).toEqual({ ok: false, position: 0 }); // 65,535 < value
    expect(decodeBase45('BBa')).toEqual({ ok: false, position: 2 });
    expect(decodeBase45('BB8B')).toEqual({ ok: false, position: 3 });
  });
});

describe('QR payload', () => {
  it('round-trips a signed certificate to the same JSON, and fits a version-40 QR code', async () => {
    const certificate = await issuedCertificate();
    const text = encodeQrPayload(certificate);
    expect(text.startsWith('VC1:')).toBe(true);
    expect(text).toMatch(/^VC1:[0-9A-Z $%*+\-./:]+$/);
    const decoded = decodeQrPayload(text);
    expect(decoded.ok && canonicalJson(decoded.value)).toBe(canonicalJson(certificate));
    // A certificate with its endorsement and two proofs: about 2,000 characters (scripts/bench-credentials.mjs reports it).
    expect(text.length).toBeLessThanOrEqual(qrAlphanumericCapacity);
  });

  it('keeps a scanned text that ends with a line break', async () => {
    const text = encodeQrPayload(await issuedCertificate());
    expect(decodeQrPayload(`${text}\r\n`).ok).toBe(true);
  });

  it('says which stage failed: prefix, base45, zlib or JSON', async () => {
    const text = encodeQrPayload(await issuedCertificate());
    expect(decodeQrPayload('HC1:6BF')).toMatchObject({ error: { code: 'qr-prefix' } });
    expect(decodeQrPayload(`${text.slice(0, 10)}a${text.slice(11)}`)).toMatchObject({ error: { code: 'qr-base45', params: { position: 11 } } });
    // Cut at a whole base45 group, so only zlib can notice.
    const cut = text.slice(0, 4 + 3 * Math.floor((text.length - 4) / 3) - 30);
    expect(decodeQrPayload(cut)).toMatchObject({ error: { code: 'qr-zlib' } });
    expect(decodeQrPayload(`VC1:${'A'.repeat(9000)}`)).toMatchObject({ error: { code: 'qr-too-long' } });
    // A valid zlib stream of something that is not a JSON object.
    expect(decodeQrPayload('VC1:' + encodeBase45(Uint8Array.of(0x78, 0x9c, 0x33, 0x34, 0x02, 0x00, 0x00, 0x96, 0x00, 0x64))))
      .toMatchObject({ error: { code: 'qr-json' } });
  });
});
