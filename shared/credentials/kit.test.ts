import { describe, expect, it } from 'vitest';
import { describeVerification } from './describe';
import { parseVerificationKit } from './kit';
import { rootKey } from './testing';

describe('verification kit', () => {
  it('reads a kit with defaults for lists and revocations', () => {
    expect(parseVerificationKit({ organisation: 'IDSEA', rootKeys: [rootKey.did] })).toEqual({
      ok: true,
      value: { organisation: 'IDSEA', rootKeys: [rootKey.did], statusLists: [], revocations: {} },
    });
  });

  it('names the wrong field of a kit', () => {
    expect(parseVerificationKit({ organisation: 'IDSEA', rootKeys: ['did:web:idsea.example'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', params: { field: 'kit.rootKeys.0' } },
    });
  });
});

describe('describeVerification', () => {
  it('says an intact certificate of an unconfirmed issuer is intact but the organisation key was not given', () => {
    const lines = describeVerification({ status: 'unknown-issuer', problems: [{ code: 'no-trusted-keys', params: {} }] });
    expect(lines[0]).toMatch(/^UNKNOWN ISSUER/);
    expect(lines.join('\n')).toContain("The signature is intact, but the organisation's public key was not given");
  });
});
