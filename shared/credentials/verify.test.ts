import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataIntegrityProof } from './dataIntegrity';
import { addProof, addProofs } from './dataIntegrity';
import { endorseDevice } from './endorsement';
import { cloneJson, type JsonObject } from './json';
import type { CertificateCredential } from './openBadge';
import { buildCertificateCredential, issueCertificate } from './openBadge';
import { encodeQrPayload } from './qr';
import { nobleSigner } from './signer';
import { issueStatusList } from './statusList';
import {
  certificateInputs,
  deviceKey,
  deviceListUrl,
  endorsementOf,
  foreignRootKey,
  issuedCertificate,
  rootKey,
  testKeyPair,
} from './testing';
import type { VerifyOptions } from './verify';
import { verifyCertificate } from './verify';

const now = '2026-06-01T12:00:00Z';
const trusted: VerifyOptions = { trust: [rootKey.did], now };
let certificate: CertificateCredential;

beforeAll(async () => {
  certificate = await issuedCertificate();
});

// Verification must never reach for the network: any fetch during these tests fails them.
beforeEach(() => {
  vi.stubGlobal('fetch', () => {
    throw new Error('network access during verification');
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function copy(): JsonObject {
  return cloneJson(certificate);
}

function subjectOf(doc: JsonObject): JsonObject {
  return doc.credentialSubject as JsonObject;
}

describe('verifyCertificate', () => {
  it('says valid, with what was certified, when an intact certificate is endorsed by a trusted root', async () => {
    const result = await verifyCertificate(certificate, trusted);
    expect(result.status).toBe('valid');
    expect(result.problems).toEqual([{ code: 'status-list-missing', params: { url: deviceListUrl } }]);
    expect(result.summary).toEqual({
      id: certificate.id,
      name: 'Zoë Ngozi Adébáyọ̀'.normalize('NFC'),
      course: 'CubeSat Design and Operations',
      courseCode: 'CSD-101',
      issuedOn: '2026-03-20T10:00:00Z',
      issuerName: 'Institute for Data in Space Education and Applications',
      serial: certificate.credentialSubject.licenseNumber,
      hours: 40,
    });
    expect(result.signedBy).toEqual({ issuerKey: deviceKey.did, rootKey: rootKey.did });
  });

  it('accepts the JSON text and the QR text of a certificate as well as the object', async () => {
    expect((await verifyCertificate(JSON.stringify(certificate), trusted)).status).toBe('valid');
    expect((await verifyCertificate(encodeQrPayload(certificate), trusted)).status).toBe('valid');
  });

  it('says altered when one character of the name changes', async () => {
    const doc = copy();
    const identifier = (subjectOf(doc).identifier as JsonObject[])[0]!;
    identifier.identityHash = (identifier.identityHash as string).replace('Zoë', 'Zoe');
    const result = await verifyCertificate(doc, trusted);
    expect(result.status).toBe('altered');
    expect(result.problems.map((p) => p.code)).toEqual(['signature-mismatch', 'signature-mismatch']);
    expect(result.summary?.name.startsWith('Zoe')).toBe(true);
  });

  it('says altered when the hours or the expiry change', async () => {
    const hours = copy();
    subjectOf(hours).creditsEarned = 400;
    expect((await verifyCertificate(hours, trusted)).status).toBe('altered');
    const expiry = copy();
    expiry.validUntil = '2099-01-01T00:00:00Z';
    expect((await verifyCertificate(expiry, trusted)).status).toBe('altered');
  });

  it('says altered when the proofs come from another certificate of the same key', async () => {
    const other = await issuedCertificate({ traineeName: 'Wei Zhang' }, { sequence: 43 });
    const doc = copy();
    doc.proof = cloneJson(other.proof);
    const result = await verifyCertificate(doc, trusted);
    expect(result.status).toBe('altered');
  });

  it('says altered when someone re-signs a changed certificate with a key of their own', async () => {
    const forger = testKeyPair('forger');
    const doc = copy();
    delete doc.proof;
    subjectOf(doc).creditsEarned = 400;
    const resigned = await addProofs(doc, { signer: nobleSigner(forger.secretKey), created: now });
    const result = await verifyCertificate(resigned, trusted);
    expect(result.status).toBe('altered');
    expect(result.problems[0]).toMatchObject({ code: 'proof-not-by-issuer', params: { signer: forger.did } });
  });

  it('says unknown issuer when a key of its own issues in its own name, keeping the real endorsement', async () => {
    const forger = testKeyPair('forger');
    const input = await certificateInputs({ issuerDid: forger.did });
    const forged = await issueCertificate(input, nobleSigner(forger.secretKey));
    const result = await verifyCertificate(forged, trusted);
    expect(result.status).toBe('unknown-issuer');
    expect(result.problems[0]?.code).toBe('endorsement-wrong-subject');
  });

  it('says unknown issuer when the endorsement was removed before signing', async () => {
    const input = await certificateInputs();
    const unsigned = buildCertificateCredential(input) as unknown as JsonObject;
    (unsigned.issuer as JsonObject).endorsement = [];
    const signed = await addProofs(unsigned, { signer: nobleSigner(deviceKey.secretKey), created: now });
    const result = await verifyCertificate(signed, trusted);
    expect(result.status).toBe('unknown-issuer');
    expect(result.problems).toEqual([{ code: 'no-endorsement', params: { issuer: deviceKey.did } }]);
  });

  it('says altered when the endorsement is removed from an issued certificate', async () => {
    const doc = copy();
    delete (doc.issuer as JsonObject).endorsement;
    expect((await verifyCertificate(doc, trusted)).status).toBe('altered');
  });

  it('says unknown issuer when the device was endorsed by a root the verifier does not trust', async () => {
    const foreign = await issuedCertificate({}, { root: foreignRootKey });
    const result = await verifyCertificate(foreign, trusted);
    expect(result.status).toBe('unknown-issuer');
    expect(result.problems).toEqual([{ code: 'endorsement-untrusted', params: { endorser: foreignRootKey.did } }]);
  });

  it('says unknown issuer, with the signature intact, when no organisation key is given', async () => {
    const result = await verifyCertificate(certificate, { trust: [], now });
    expect(result.status).toBe('unknown-issuer');
    expect(result.problems).toEqual([{ code: 'no-trusted-keys', params: {} }]);
  });

  it('says unknown issuer when the certificate was issued before the device was endorsed', async () => {
    const early = await issuedCertificate({ validFrom: '2025-12-01T00:00:00Z' });
    const result = await verifyCertificate(early, trusted);
    expect(result.status).toBe('unknown-issuer');
    expect(result.problems[0]?.code).toBe('endorsement-not-in-force');
  });

  it('keeps certificates of a retired key valid: the endorsement limit applies at issuing time', async () => {
    const limited = await endorseDevice({
      id: '3c2b1a09-8f7e-4d6c-9b5a-493827160514',
      organisationName: 'Institute for Data in Space Education and Applications',
      deviceDid: deviceKey.did,
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2026-04-01T00:00:00Z',
      rootSigner: nobleSigner(rootKey.secretKey),
    });
    const issued = await issuedCertificate({ endorsement: limited });
    expect((await verifyCertificate(issued, { ...trusted, now: '2030-01-01T00:00:00Z' })).status).toBe('valid');
  });

  it('says expired after validUntil, and not before', async () => {
    const expiring = await issuedCertificate({ validUntil: '2029-03-20T10:00:00Z' });
    expect((await verifyCertificate(expiring, trusted)).status).toBe('valid');
    const later = await verifyCertificate(expiring, { ...trusted, now: '2029-03-21T00:00:00Z' });
    expect(later.status).toBe('expired');
    expect(later.problems[0]).toEqual({ code: 'expired', params: { validUntil: '2029-03-20T10:00:00Z' } });
  });

  it('says revoked, as of the list, when its bit is set in the signed status list of its key', async () => {
    const signer = nobleSigner(deviceKey.secretKey);
    const list = await issueStatusList({ url: deviceListUrl, signer, validFrom: '2026-05-01T00:00:00Z', revoked: [7, 42] });
    const result = await verifyCertificate(certificate, {
      ...trusted,
      statusLists: [list],
      revocations: { '6d1f0c3a-2b4e-4f7a-9c1d-000000000042': { date: '2026-04-30', reason: 'Issued to the wrong session' } },
    });
    expect(result.status).toBe('revoked');
    expect(result.revocation).toEqual({ date: '2026-04-30', reason: 'Issued to the wrong session' });
    expect(result.statusListAsOf).toBe('2026-05-01T00:00:00Z');
  });

  it('says valid as of the latest list when an older list revoked nothing and a newer one neither', async () => {
    const signer = nobleSigner(deviceKey.secretKey);
    const older = await issueStatusList({ url: deviceListUrl, signer, validFrom: '2026-04-01T00:00:00Z', revoked: [] });
    const newer = await issueStatusList({ url: deviceListUrl, signer, validFrom: '2026-05-01T00:00:00Z', revoked: [41] });
    const result = await verifyCertificate(certificate, { ...trusted, statusLists: [older, newer] });
    expect(result).toMatchObject({ status: 'valid', problems: [], statusListAsOf: '2026-05-01T00:00:00Z' });
  });

  it('ignores a status list that was altered or signed by a stranger, and says so', async () => {
    const signer = nobleSigner(deviceKey.secretKey);
    const list = cloneJson(await issueStatusList({ url: deviceListUrl, signer, validFrom: '2026-05-01T00:00:00Z', revoked: [42] }));
    list.validFrom = '2026-05-02T00:00:00Z';
    const stranger = await issueStatusList({
      url: deviceListUrl,
      signer: nobleSigner(testKeyPair('stranger').secretKey),
      validFrom: '2026-05-01T00:00:00Z',
      revoked: [42],
    });
    const result = await verifyCertificate(certificate, { ...trusted, statusLists: [list, stranger] });
    expect(result.status).toBe('valid');
    expect(result.statusListAsOf).toBeUndefined();
    expect(result.problems.map((p) => p.code)).toEqual(['status-list-invalid', 'status-list-invalid']);
  });

  it('says revoked from the organisation’s own record when no list is at hand', async () => {
    const result = await verifyCertificate(certificate, {
      ...trusted,
      revocations: { [certificate.id]: { date: '2026-04-30', reason: 'Name misspelt' } },
    });
    expect(result).toMatchObject({ status: 'revoked', revocation: { date: '2026-04-30', reason: 'Name misspelt' } });
  });

  it.each([
    ['text that is not JSON', '{"@context": [', 'invalid-json'],
    ['a JSON array', '[1, 2, 3]', 'not-an-object'],
    ['a number', 42, 'not-an-object'],
    ['null', null, 'not-an-object'],
    ['a QR text that does not decompress', 'VC1:6BFOXN', 'qr-zlib'],
    ['a QR text cut mid-character', 'VC1:6BF%', 'qr-base45'],
    ['an empty object', {}, 'invalid-credential'],
  ])('says malformed for %s', async (_label, input, code) => {
    const result = await verifyCertificate(input, trusted);
    expect(result.status).toBe('malformed');
    expect(result.problems[0]?.code).toBe(code);
  });

  it('says malformed, naming the field, when a field has the wrong type', async () => {
    const doc = copy();
    doc.validFrom = 20260320;
    doc.issuer = 'did:key:z6Mk';
    const result = await verifyCertificate(doc, trusted);
    expect(result.status).toBe('malformed');
    expect(result.problems.map((p) => p.params.path)).toEqual(['issuer', 'validFrom']);
  });

  it('says malformed for an unknown context URL, without fetching it', async () => {
    const fetch = vi.fn(() => {
      throw new Error('network');
    });
    vi.stubGlobal('fetch', fetch);
    const doc = copy();
    doc['@context'] = [...(doc['@context'] as string[]), 'https://evil.example/context.json'];
    const result = await verifyCertificate(doc, trusted);
    expect(result.status).toBe('malformed');
    expect(result.problems).toContainEqual({ code: 'unknown-context', params: { url: 'https://evil.example/context.json' } });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('says altered when a property no context defines is added', async () => {
    const doc = copy();
    doc.note = 'Distinction';
    const result = await verifyCertificate(doc, trusted);
    expect(result.status).toBe('altered');
    expect(result.problems.map((p) => p.code)).toEqual(['undefined-term', 'signature-mismatch']);
  });

  it('says unknown issuer for a proof whose key is not a did:key', async () => {
    const doc = copy();
    const proofs = doc.proof as unknown as DataIntegrityProof[];
    for (const proof of proofs) proof.verificationMethod = 'did:web:idsea.example#key-1';
    const result = await verifyCertificate(doc, trusted);
    expect(result.status).toBe('unknown-issuer');
    expect(result.problems[0]?.code).toBe('unsupported-verification-method');
  });

  it('says malformed when the proofs were stripped', async () => {
    const doc = copy();
    delete doc.proof;
    expect((await verifyCertificate(doc, trusted)).problems).toEqual([{ code: 'no-proof', params: {} }]);
  });

  it('verifies a certificate whose single proof is the JCS one', async () => {
    const doc = copy();
    delete doc.proof;
    const jcsOnly = await addProof(doc, { cryptosuite: 'eddsa-jcs-2022', signer: nobleSigner(deviceKey.secretKey), created: now });
    expect((await verifyCertificate(jcsOnly, trusted)).status).toBe('valid');
    expect(await endorsementOf()).toBeDefined();
  });
});
