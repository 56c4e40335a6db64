import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { createSignCryptosuite, createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { cryptosuite as rdfcCryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import multikeyContext from '@digitalbazaar/multikey-context';
import * as vc from '@digitalbazaar/vc';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundledContexts } from '../../shared/credentials/contexts';
import { didKeyDocument } from '../../shared/credentials/didKey';
import { cloneJson } from '../../shared/credentials/json';
import type { JsonObject } from '../../shared/credentials/json';
import type { CertificateCredential } from '../../shared/credentials/openBadge';
import { buildCertificateCredential } from '../../shared/credentials/openBadge';
import { certificateInputs, deviceKey, endorsementOf, issuedCertificate, rootKey } from '../../shared/credentials/testing';
import { verifyCertificate } from '../../shared/credentials/verify';

// An independent verifier: Digital Bazaar's VC libraries, with a document loader of its own that
// serves the same bundled contexts, the Multikey context from its own package, and did:key
// documents. Nothing here is Apogee's signing or verifying code.
function loader(url: string) {
  const document = multikeyContext.contexts.get(url) ?? bundledContexts.get(url) ?? (url.startsWith('did:key:') ? didKeyDocument(url) : undefined);
  if (document === undefined) return Promise.reject(new Error(`The independent verifier refused to fetch ${url}.`));
  return Promise.resolve({ contextUrl: null, documentUrl: url, document });
}

const suites = () => [new DataIntegrityProof({ cryptosuite: rdfcCryptosuite }), new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() })];

function independentlyVerify(credential: object) {
  return vc.verifyCredential({
    credential,
    suite: suites(),
    documentLoader: loader,
    // Revocation is Apogee's own check (tested elsewhere); the independent verifier checks proofs.
    checkStatus: () => Promise.resolve({ verified: true }),
    now: new Date('2026-06-01T12:00:00Z'),
  });
}

let certificate: CertificateCredential;

beforeAll(async () => {
  certificate = await issuedCertificate();
});
beforeEach(() => {
  vi.stubGlobal('fetch', () => {
    throw new Error('network access during verification');
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a certificate Apogee issues, checked by an independent verifier (@digitalbazaar/vc)', () => {
  it('verifies with both its proofs', async () => {
    const result = await independentlyVerify(certificate);
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
  });

  it('verifies with the rdfc proof alone and with the jcs proof alone', async () => {
    const [rdfc, jcs] = certificate.proof as [object, object];
    for (const proof of [rdfc, jcs]) {
      const result = await independentlyVerify({ ...certificate, proof });
      expect(result.verified).toBe(true);
    }
  });

  it('verifies the endorsement of the device key by the root key', async () => {
    const endorsement = await endorsementOf();
    const result = await vc.verifyCredential({ credential: endorsement, suite: suites(), documentLoader: loader, now: new Date('2026-06-01T12:00:00Z') });
    expect(result.verified).toBe(true);
    expect(endorsement.issuer.id).toBe(rootKey.did);
  });

  it('fails when one character of the name changes', async () => {
    const altered = cloneJson(certificate);
    altered.credentialSubject.identifier[0].identityHash = altered.credentialSubject.identifier[0].identityHash.replace('Zoë', 'Zoe');
    expect((await independentlyVerify(altered)).verified).toBe(false);
    const [rdfc] = altered.proof as [object];
    expect((await independentlyVerify({ ...altered, proof: rdfc })).verified).toBe(false);
  });
});

describe('a certificate signed by the independent library, checked by Apogee', () => {
  it('makes exactly the proofs Apogee makes, which Apogee verifies as valid', async () => {
    const key = await Ed25519Multikey.generate({ seed: deviceKey.secretKey, controller: deviceKey.did });
    expect(key.id).toBe(deviceKey.verificationMethod);
    // vc.issue adds its proof to the credential it is given, so the second call makes a proof set.
    const credential = buildCertificateCredential(await certificateInputs()) as unknown as JsonObject;
    let signed: Record<string, unknown> = credential;
    for (const cryptosuite of [rdfcCryptosuite, createSignCryptosuite()]) {
      const suite = new DataIntegrityProof({ cryptosuite, signer: key.signer(), date: '2026-03-20T10:00:00Z' });
      signed = await vc.issue({ credential, suite, documentLoader: loader, now: new Date('2026-03-20T10:00:00Z') });
    }
    // Ed25519 is deterministic: same key, same data, same signatures.
    expect(signed.proof).toEqual(certificate.proof);
    const result = await verifyCertificate(signed, { trust: [rootKey.did], now: '2026-06-01T12:00:00Z' });
    expect(result.status).toBe('valid');
  });
});

describe('bundled contexts', () => {
  it('hold the Multikey context exactly as @digitalbazaar/multikey-context publishes it', () => {
    expect(bundledContexts.get(multikeyContext.CONTEXT_URL)).toEqual(multikeyContext.contexts.get(multikeyContext.CONTEXT_URL));
  });
});
