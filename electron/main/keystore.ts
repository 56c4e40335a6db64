import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { access, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { isMissing, namesIn } from './files';
import path from 'node:path';
import { keyIdSchema, maxSignBytes } from '../../shared/ipc/contract';
import type { IpcResult, StoredKey } from '../../shared/ipc/contract';
import { fail, ok } from './ipc';

/** The part of Electron's safeStorage the keystore uses (OS keychain / DPAPI / libsecret). */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
};

/** A keystore failure the user can act on; the IPC wrapper shows its message. */
export class KeystoreError extends Error {
  constructor(
    readonly code: 'unavailable' | 'invalid-key-id' | 'exists' | 'not-found' | 'damaged' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'KeystoreError';
  }
}

/** What a key file holds: the public key in clear (for listing), the secret only encrypted. */
type KeyFile = { version: 1; keyId: string; publicKey: string; createdAt: string; encryptedSecret: string };

const suffix = '.key';

/**
 * The device's Ed25519 issuing keys, kept in the main process: the secret is generated here,
 * stored only encrypted by the operating system's safeStorage, and used here to sign; the
 * renderer gets public keys and signatures, never a secret. One file per key
 * (`<userData>/keys/<keyId>.key`), written atomically.
 */
export class Keystore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly directory: string,
    private readonly safeStorage: SafeStorageLike,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates a new key under an unused id and answers its public key. */
  create(keyId: string): Promise<StoredKey> {
    // Serialised so that two creates of one id cannot both see it as free.
    const task = this.queue.then(() => this.createNow(keyId));
    this.queue = task.catch(() => undefined);
    return task;
  }

  /** Signs bytes with a stored key (Ed25519, 64-byte signature). */
  async sign(keyId: string, data: Uint8Array): Promise<Uint8Array> {
    if (data.byteLength > maxSignBytes) {
      throw new KeystoreError('too-large', `The data to sign is ${data.byteLength} bytes; at most ${maxSignBytes} bytes are signed.`);
    }
    const file = await this.readKeyFile(keyId);
    this.requireEncryption();
    let seed: string;
    try {
      seed = this.safeStorage.decryptString(Buffer.from(file.encryptedSecret, 'base64'));
    } catch {
      throw damaged(keyId, 'its secret could not be decrypted with this computer’s key store');
    }
    let privateKey: KeyObject;
    try {
      privateKey = createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: seed, x: toBase64Url(file.publicKey) }, format: 'jwk' });
    } catch {
      throw damaged(keyId, 'its secret is not an Ed25519 key');
    }
    // The file's public key could have been swapped: sign only if the secret really belongs to it.
    const derived = createPublicKey(privateKey).export({ format: 'jwk' }).x;
    if (derived === undefined || fromBase64Url(derived) !== file.publicKey) {
      throw damaged(keyId, 'its public key does not belong to its secret');
    }
    return new Uint8Array(sign(null, data, privateKey));
  }

  /** The stored keys, oldest first. A missing folder means no keys yet. */
  async list(): Promise<StoredKey[]> {
    const names = await namesIn(this.directory);
    const keys: StoredKey[] = [];
    for (const name of names) {
      if (!name.endsWith(suffix)) continue;
      const keyId = name.slice(0, -suffix.length);
      if (!keyIdSchema.safeParse(keyId).success) continue;
      try {
        const file = await this.readKeyFile(keyId);
        keys.push({ keyId: file.keyId, publicKey: file.publicKey, createdAt: file.createdAt });
      } catch (error) {
        // One damaged file must not hide the other keys; signing with it still says why.
        if (!(error instanceof KeystoreError)) throw error;
      }
    }
    return keys.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }

  private async createNow(keyId: string): Promise<StoredKey> {
    const target = this.pathOf(keyId);
    this.requireEncryption();
    if (await exists(target)) {
      throw new KeystoreError('exists', `There is already a key "${keyId}" on this device; keys are never replaced.`);
    }
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const secret = privateKey.export({ format: 'jwk' }).d;
    const x = publicKey.export({ format: 'jwk' }).x;
    if (secret === undefined || x === undefined) throw new Error('node:crypto did not export the new Ed25519 key');
    const file: KeyFile = {
      version: 1,
      keyId,
      publicKey: fromBase64Url(x),
      createdAt: this.now().toISOString(),
      encryptedSecret: this.safeStorage.encryptString(secret).toString('base64'),
    };
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const temp = path.join(this.directory, `.${keyId}.${randomUUID()}.tmp`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(file), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { keyId, publicKey: file.publicKey, createdAt: file.createdAt };
  }

  private async readKeyFile(keyId: string): Promise<KeyFile> {
    let text: string;
    try {
      text = await readFile(this.pathOf(keyId), 'utf8');
    } catch (error) {
      if (isMissing(error)) {
        throw new KeystoreError('not-found', `There is no key "${keyId}" on this device. Set up certificate signing again.`);
      }
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw damaged(keyId, 'the file is not readable');
    }
    if (!isKeyFile(parsed) || parsed.keyId !== keyId) throw damaged(keyId, 'the file is incomplete or belongs to another key');
    return parsed;
  }

  private pathOf(keyId: string): string {
    if (!keyIdSchema.safeParse(keyId).success) {
      throw new KeystoreError('invalid-key-id', `"${keyId}" is not a key id: use 1 to 64 letters, digits, dashes or underscores.`);
    }
    return path.join(this.directory, keyId + suffix);
  }

  private requireEncryption(): void {
    if (!this.safeStorage.isEncryptionAvailable()) {
      throw new KeystoreError(
        'unavailable',
        'This computer offers no encrypted storage for keys (no system keychain or secret service), so Apogee will not keep a signing key here.',
      );
    }
  }
}

/**
 * Runs a keystore call for IPC: a key the device does not have answers `not-found`, a bad id
 * `invalid-request`, other keystore problems `failed`, each with the keystore's message.
 */
export async function keystoreResult<T>(call: () => Promise<T>): Promise<IpcResult<T>> {
  try {
    return ok(await call());
  } catch (error) {
    if (!(error instanceof KeystoreError)) throw error;
    const code = error.code === 'not-found' ? 'not-found' : error.code === 'invalid-key-id' ? 'invalid-request' : 'failed';
    return fail(code, error.message);
  }
}

function damaged(keyId: string, why: string): KeystoreError {
  return new KeystoreError('damaged', `The key "${keyId}" on this device is damaged or was altered: ${why}. Set up certificate signing again.`);
}

function isKeyFile(value: unknown): value is KeyFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.version === 1 &&
    typeof v.keyId === 'string' &&
    typeof v.publicKey === 'string' &&
    Buffer.from(v.publicKey, 'base64').length === 32 &&
    typeof v.createdAt === 'string' &&
    typeof v.encryptedSecret === 'string'
  );
}

function fromBase64Url(text: string): string {
  return Buffer.from(text, 'base64url').toString('base64');
}

function toBase64Url(text: string): string {
  return Buffer.from(text, 'base64').toString('base64url');
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

