import { base64 } from '@scure/base';
import type { Signer } from '../../../shared/credentials/signer';
import { callDesktop, isDesktop } from '../../platform/desktop';

/**
 * Where this device keeps its secret signing keys. The secret half never leaves it in the
 * clear: in a browser it is a non-extractable WebCrypto key (the browser can use it to sign
 * but nobody — not even this code — can read it out); in the desktop app the main process
 * holds it, encrypted with the operating system's keychain (Electron safeStorage).
 *
 * Keys are device secrets, not records: they live in their own IndexedDB database
 * (`apogee-keys`), are never synced, never in backups and never written by a mutation (see
 * docs/decisions/0003-signing-keys.md).
 */
export type KeyVault = {
  /** Makes a new Ed25519 key pair under this id and answers its 32-byte public key. */
  create(keyId: string): Promise<Uint8Array>;
  /** True when this device holds the secret key of this id. */
  has(keyId: string): Promise<boolean>;
  /** Signs with the key of this id on behalf of `verificationMethod` (its did:key URL). */
  signer(keyId: string, verificationMethod: string): Signer;
};

type StoredKey = { id: string; keyPair: CryptoKeyPair; publicKey: Uint8Array };

const keysDbName = 'apogee-keys';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openKeys(name: string): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore('keys', { keyPath: 'id' });
  return request(open);
}

async function withStore<T>(name: string, mode: IDBTransactionMode, operate: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openKeys(name);
  try {
    const tx = db.transaction('keys', mode);
    const result = await request(operate(tx.objectStore('keys')));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    return result;
  } finally {
    db.close();
  }
}

/** The browser's vault: non-extractable WebCrypto Ed25519 keys kept in IndexedDB. */
export function webCryptoVault(databaseName = keysDbName): KeyVault {
  const load = (keyId: string) => withStore<StoredKey | undefined>(databaseName, 'readonly', (s) => s.get(keyId) as IDBRequest<StoredKey | undefined>);
  return {
    async create(keyId) {
      if (await load(keyId)) throw new Error(`A key named ${keyId} already exists on this device.`);
      // extractable: false — the secret key can sign but can never be exported.
      const keyPair = await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify']);
      const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', keyPair.publicKey));
      await withStore(databaseName, 'readwrite', (s) => s.add({ id: keyId, keyPair, publicKey } satisfies StoredKey));
      return publicKey;
    },
    async has(keyId) {
      return (await load(keyId)) !== undefined;
    },
    signer(keyId, verificationMethod) {
      let key: Promise<CryptoKey> | undefined;
      return {
        verificationMethod,
        async sign(data) {
          key ??= load(keyId).then((stored) => {
            if (!stored) throw new Error(`This device has no signing key ${keyId}.`);
            return stored.keyPair.privateKey;
          });
          return new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, await key, data as Uint8Array<ArrayBuffer>));
        },
      };
    },
  };
}

/** The desktop's vault: keys made, kept (encrypted with safeStorage) and used by the main process. */
export function desktopVault(): KeyVault {
  const fail = (message: string) => new Error(message);
  return {
    async create(keyId) {
      const result = await callDesktop('keys:create', { keyId });
      if (!result.ok) throw fail(result.error.message);
      return base64.decode(result.value.publicKey);
    },
    async has(keyId) {
      const result = await callDesktop('keys:list', undefined);
      return result.ok && result.value.some((key) => key.keyId === keyId);
    },
    signer(keyId, verificationMethod) {
      return {
        verificationMethod,
        async sign(data) {
          const result = await callDesktop('keys:sign', { keyId, data: base64.encode(data) });
          if (!result.ok) throw fail(result.error.message);
          return base64.decode(result.value.signature);
        },
      };
    },
  };
}

let chosen: KeyVault | undefined;
/** This device's vault: the desktop keystore in the app, WebCrypto in a browser. */
export function keyVault(): KeyVault {
  chosen ??= isDesktop() ? desktopVault() : webCryptoVault();
  return chosen;
}
