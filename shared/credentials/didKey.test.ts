import { describe, expect, it } from 'vitest';
import keyPair from '../../test/vectors/w3c-vc-di-eddsa/keyPair.json';
import { documentLoader } from './contexts';
import { didKeyDocument, parseDidKey, publicKeyMultibase, secretKeyFromMultibase } from './didKey';
import { keyPairFromSecretKey } from './signer';

describe('did:key', () => {
  it('derives the published public key and did:key of the W3C vector key pair', () => {
    const secret = secretKeyFromMultibase(keyPair.privateKeyMultibase);
    if (!secret.ok) throw new Error('decode');
    const pair = keyPairFromSecretKey(secret.value);
    expect(pair.publicKeyMultibase).toBe(keyPair.publicKeyMultibase);
    expect(pair.did).toBe(`did:key:${keyPair.publicKeyMultibase}`);
    expect(pair.verificationMethod).toBe(`did:key:${keyPair.publicKeyMultibase}#${keyPair.publicKeyMultibase}`);
    expect(publicKeyMultibase(pair.publicKey)).toBe(keyPair.publicKeyMultibase);
  });

  it('refuses a did:key whose fragment names another key, or that is not Ed25519', () => {
    const did = `did:key:${keyPair.publicKeyMultibase}`;
    expect(parseDidKey(did).ok).toBe(true);
    expect(parseDidKey(`${did}#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK`).ok).toBe(false);
    expect(parseDidKey('did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme').ok).toBe(false);
    expect(parseDidKey('did:web:example.org').ok).toBe(false);
  });

  it('resolves a did:key to its Multikey verification method locally, and refuses other URLs', async () => {
    const vm = `did:key:${keyPair.publicKeyMultibase}#${keyPair.publicKeyMultibase}`;
    expect(didKeyDocument(vm)).toMatchObject({ type: 'Multikey', controller: `did:key:${keyPair.publicKeyMultibase}`, publicKeyMultibase: keyPair.publicKeyMultibase });
    expect((await documentLoader(vm)).document).toEqual(didKeyDocument(vm));
    await expect(documentLoader('https://www.w3.org/ns/did/v1')).rejects.toMatchObject({ code: 'unknown-context' });
  });
});
