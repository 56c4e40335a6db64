import { describe, expect, it } from 'vitest';
import { canonicalRdf } from './dataIntegrity';
import { CredentialError } from './errors';
import { buildCertificateCredential } from './openBadge';
import { certificateInputs, endorsementOf, rootKey } from './testing';

describe('buildCertificateCredential', () => {
  it('stores a name typed with combining accents in composed form', async () => {
    const decomposed = 'Rene\u0301e Dupre\u0301';
    const credential = buildCertificateCredential(await certificateInputs({ traineeName: decomposed }));
    const name = credential.credentialSubject.identifier[0].identityHash;
    expect(name).toBe('Ren\u00e9e Dupr\u00e9');
    expect(name).toBe(decomposed.normalize('NFC'));
  });

  it('makes an OpenBadgeCredential with the course as achievement and the serial as license number', async () => {
    const credential = buildCertificateCredential(await certificateInputs());
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.id).toBe('urn:uuid:6d1f0c3a-2b4e-4f7a-9c1d-000000000042');
    expect(credential.credentialSubject.achievement).toMatchObject({
      id: 'urn:apogee:course:course-cubesat-101',
      achievementType: 'Course',
      humanCode: 'CSD-101',
      creditsAvailable: 40,
    });
    expect(credential.credentialSubject.licenseNumber).toMatch(/^IDSEA-[0-9A-Z]{4}-000042$/);
    expect(credential.issuer.endorsement).toHaveLength(1);
  });

  it('uses only terms the bundled contexts define, so safe-mode canonicalisation keeps every field', async () => {
    const credential = buildCertificateCredential(await certificateInputs({ validUntil: '2029-03-20T10:00:00Z' }));
    const nquads = await canonicalRdf(credential);
    const ob = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';
    for (const term of [
      'identifier', 'IdentityObject', 'identityHash', 'identityType', 'hashed', 'achievementType', 'humanCode',
      'creditsAvailable', 'creditsEarned', 'licenseNumber', 'EndorsementSubject', 'endorsementComment', 'endorsement',
      'Achievement', 'AchievementSubject', 'Result', 'Profile', 'status',
    ]) {
      expect(nquads, term).toContain(`<${ob}${term}>`);
    }
    expect(nquads).toContain('<https://www.w3.org/ns/credentials/status#BitstringStatusListEntry>');
    expect(nquads).toContain('<https://www.w3.org/2018/credentials#validUntil>');
    // The embedded endorsement's proof is part of what the certificate's own proof signs.
    expect(nquads).toContain(rootKey.verificationMethod);
  });

  it('refuses an empty name, a certificate id that is not a UUID and a date without a zone', async () => {
    const input = await certificateInputs();
    expect(() => buildCertificateCredential({ ...input, traineeName: ' ' })).toThrow(CredentialError);
    expect(() => buildCertificateCredential({ ...input, certificateId: '42' })).toThrow(CredentialError);
    expect(() => buildCertificateCredential({ ...input, validFrom: '2026-03-20' })).toThrow(CredentialError);
    expect(await endorsementOf()).toHaveProperty('proof');
  });
});
