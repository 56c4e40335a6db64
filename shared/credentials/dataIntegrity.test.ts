import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import keyPair from '../../test/vectors/w3c-vc-di-eddsa/keyPair.json';
import signedJcs from '../../test/vectors/w3c-vc-di-eddsa/signedJCS.json';
import signedRdfc from '../../test/vectors/w3c-vc-di-eddsa/signedRDFC.json';
import unsigned from '../../test/vectors/w3c-vc-di-eddsa/unsigned.json';
import type { DataIntegrityProof } from './dataIntegrity';
import { addProof, addProofs, canonicalRdf, verifyProofs } from './dataIntegrity';
import { secretKeyFromMultibase } from './didKey';
import { CredentialError } from './errors';
import { cloneJson } from './json';
import { nobleSigner } from './signer';
import { deviceKey, testKeyPair } from './testing';

const vectorSecret = secretKeyFromMultibase(keyPair.privateKeyMultibase);
if (!vectorSecret.ok) throw new Error('the vector key pair does not decode');
const vectorSigner = nobleSigner(vectorSecret.value);

// Verification must never reach for the network: any fetch during these tests fails them.
beforeEach(() => {
  vi.stubGlobal('fetch', () => {
    throw new Error('network access during credential processing');
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('W3C vc-di-eddsa test vectors', () => {
  it.each([
    ['eddsa-rdfc-2022', signedRdfc],
    ['eddsa-jcs-2022', signedJcs],
  ] as const)('re-signing unsigned.json with the published key gives the published %s proofValue', async (suite, signed) => {
    expect(vectorSigner.verificationMethod).toBe(signed.proof.verificationMethod);
    const secured = await addProof(unsigned, {
      cryptosuite: suite,
      signer: vectorSigner,
      created: signed.proof.created,
    });
    expect(secured.proof).toEqual(signed.proof);
  });

  it.each([
    ['eddsa-rdfc-2022', signedRdfc],
    ['eddsa-jcs-2022', signedJcs],
  ] as const)('verifies the published %s credential', async (suite, signed) => {
    expect(await verifyProofs(signed)).toEqual([
      { index: 0, cryptosuite: suite, verificationMethod: signed.proof.verificationMethod, ok: true },
    ]);
  });

  it.each([
    ['eddsa-rdfc-2022', signedRdfc],
    ['eddsa-jcs-2022', signedJcs],
  ] as const)('rejects the %s credential when one character of its content changes', async (_suite, signed) => {
    const changed = cloneJson(signed);
    changed.credentialSubject.alumniOf = 'The School of Examplez';
    const [check] = await verifyProofs(changed);
    expect(check?.ok).toBe(false);
    expect(check?.reason?.code).toBe('signature-mismatch');
  });

  it('rejects a published proof whose signature has one byte changed', async () => {
    const changed = cloneJson(signedRdfc);
    const value = changed.proof.proofValue;
    changed.proof.proofValue = value.slice(0, 20) + (value[20] === 'A' ? 'B' : 'A') + value.slice(21);
    const [check] = await verifyProofs(changed);
    expect(check?.reason?.code).toBe('signature-mismatch');
  });
});

describe('addProof', () => {
  it('makes a proof set whose proofs each verify over the document without proofs', async () => {
    const secured = await addProofs(unsigned, { signer: nobleSigner(deviceKey.secretKey), created: '2026-01-01T00:00:00Z' });
    expect(Array.isArray(secured.proof)).toBe(true);
    const proofs = secured.proof as DataIntegrityProof[];
    expect(proofs.map((proof) => proof.cryptosuite)).toEqual(['eddsa-rdfc-2022', 'eddsa-jcs-2022']);
    // The jcs proof carries the document's contexts; the rdfc proof does not.
    expect(proofs[1]?.['@context']).toEqual(unsigned['@context']);
    expect(proofs[0]?.['@context']).toBeUndefined();
    const checks = await verifyProofs(secured);
    expect(checks.map((check) => check.ok)).toEqual([true, true]);
  });

  it('refuses a document with a context it has not bundled, without fetching it', async () => {
    const document = { ...unsigned, '@context': [...unsigned['@context'], 'https://example.org/unknown-context/v1'] };
    await expect(addProof(document, { cryptosuite: 'eddsa-rdfc-2022', signer: vectorSigner, created: '2026-01-01T00:00:00Z' }))
      .rejects.toMatchObject({ code: 'unknown-context', params: { url: 'https://example.org/unknown-context/v1' } });
  });

  it('refuses a created time without a zone', async () => {
    await expect(addProof(unsigned, { cryptosuite: 'eddsa-jcs-2022', signer: vectorSigner, created: '2026-01-01 10:00' }))
      .rejects.toBeInstanceOf(CredentialError);
  });
});

describe('verifyProofs', () => {
  it('says a proof by a key other than the one named fails, when the proof names a different did:key', async () => {
    const other = testKeyPair('other');
    const changed = cloneJson(signedJcs);
    changed.proof.verificationMethod = other.verificationMethod;
    const [check] = await verifyProofs(changed);
    expect(check?.reason?.code).toBe('signature-mismatch');
  });

  it('does not resolve a verification method that is not a did:key', async () => {
    const changed = cloneJson(signedRdfc);
    changed.proof.verificationMethod = 'https://vc.example/issuers/5678#key-1';
    const [check] = await verifyProofs(changed);
    expect(check?.reason?.code).toBe('unsupported-verification-method');
  });

  it('names an unknown cryptosuite and a malformed proof instead of throwing', async () => {
    const changed = cloneJson(signedRdfc) as unknown as { proof: unknown[] };
    changed.proof = [{ ...signedRdfc.proof, cryptosuite: 'ecdsa-rdfc-2019' }, 'not a proof', { ...signedRdfc.proof, proofValue: 'x' }];
    const checks = await verifyProofs(changed);
    expect(checks.map((check) => check.reason?.code)).toEqual(['unsupported-cryptosuite', 'invalid-proof', 'invalid-proof']);
  });

  it('reports an undefined term instead of dropping it from what is checked', async () => {
    const document = { ...unsigned, '@context': ['https://www.w3.org/ns/credentials/v2'], alumniOf: 'x' };
    await expect(canonicalRdf(document)).rejects.toMatchObject({ code: 'undefined-term', params: { term: 'alumniOf' } });
  });
});
