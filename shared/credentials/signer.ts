import { ed25519 } from '@noble/curves/ed25519.js';
import { didKeyFromPublicKey, publicKeyMultibase, verificationMethodOf } from './didKey';

/**
 * Whatever signs: a verification method (the did:key URL of its public key) and a function that
 * signs bytes with Ed25519. Where the secret lives is the signer's business: `nobleSigner` holds
 * it in memory (tests, command line, hub); the browser build wraps a non-extractable WebCrypto
 * key (renderer/features/certificates/keys.ts); the desktop signs in the main process.
 */
export type Signer = {
  verificationMethod: string;
  sign(data: Uint8Array): Promise<Uint8Array>;
};

/** An Ed25519 key pair with its did:key names. */
export type KeyPair = {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
  /** `did:key:z6Mk…` */
  did: string;
  /** `did:key:z6Mk…#z6Mk…` */
  verificationMethod: string;
  /** `z6Mk…` */
  publicKeyMultibase: string;
};

/** The key pair of a 32-byte Ed25519 secret key. */
export function keyPairFromSecretKey(secretKey: Uint8Array): KeyPair {
  if (secretKey.length !== 32) throw new RangeError('An Ed25519 secret key has 32 bytes.');
  const publicKey = ed25519.getPublicKey(secretKey);
  const did = didKeyFromPublicKey(publicKey);
  return {
    secretKey,
    publicKey,
    did,
    verificationMethod: verificationMethodOf(did),
    publicKeyMultibase: publicKeyMultibase(publicKey),
  };
}

/** A new random Ed25519 key pair (crypto.getRandomValues underneath), for tests and the CLI. */
export function generateKeyPair(): KeyPair {
  return keyPairFromSecretKey(ed25519.utils.randomSecretKey());
}

/** A signer holding a 32-byte Ed25519 secret key in memory. */
export function nobleSigner(secretKey: Uint8Array): Signer {
  const { verificationMethod } = keyPairFromSecretKey(secretKey);
  // Copied so a caller wiping or reusing its buffer cannot change what we sign with.
  const key = secretKey.slice();
  return {
    verificationMethod,
    sign: (data) => Promise.resolve(ed25519.sign(data, key)),
  };
}
