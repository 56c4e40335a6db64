import { describe, expect, it } from 'vitest';
import { keyCodeFor, parseSerial, serialFor } from './serial';
import { deviceKey, rootKey } from './testing';

describe('serial numbers', () => {
  it('read organisation, key code and six-digit sequence', () => {
    expect(serialFor('IDSEA', 'K7Q2', 42)).toBe('IDSEA-K7Q2-000042');
    expect(parseSerial(' idsea-k7q2-000042 ')).toEqual({ organisationCode: 'IDSEA', keyCode: 'K7Q2', sequence: 42 });
    expect(parseSerial('UNOOSA-2-K7Q2-000001')).toEqual({ organisationCode: 'UNOOSA-2', keyCode: 'K7Q2', sequence: 1 });
  });

  it('give each key its own stable four-character Crockford code', () => {
    const code = keyCodeFor(deviceKey.did);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(keyCodeFor(deviceKey.did)).toBe(code);
    expect(keyCodeFor(rootKey.did)).not.toBe(code);
  });

  it('refuse sequences beyond the revocation list and malformed parts', () => {
    expect(() => serialFor('IDSEA', 'K7Q2', 131_072)).toThrow();
    expect(() => serialFor('idsea', 'K7Q2', 1)).toThrow();
    expect(() => serialFor('IDSEA', 'K7QI', 1)).toThrow();
    expect(parseSerial('IDSEA-K7Q2-999999')).toBeUndefined();
  });
});
