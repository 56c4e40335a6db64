import { createPublicKey, verify } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Keystore, keystoreResult, type SafeStorageLike } from './keystore';

/**
 * A stand-in for safeStorage: XOR with a per-"computer" byte plus a marker, so the tests can
 * see that the stored bytes are not the secret, and a file from another computer (other byte)
 * or a broken ciphertext fails to decrypt, as the real one does.
 */
function fakeSafeStorage(available = true, machine = 0x5a): SafeStorageLike & { encrypted: string[] } {
  const encrypted: string[] = [];
  return {
    encrypted,
    isEncryptionAvailable: () => available,
    encryptString(plain) {
      encrypted.push(plain);
      const bytes = Buffer.from(plain, 'utf8').map((b) => b ^ machine);
      return Buffer.concat([Buffer.from('v10'), bytes]);
    },
    decryptString(data) {
      if (data.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(data.subarray(3).map((b) => b ^ machine)).toString('utf8');
    },
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'apogee-keys-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function publicKeyObject(base64: string) {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(base64, 'base64').toString('base64url') }, format: 'jwk' });
}

describe('Keystore', () => {
  it('signs with a new key so that node:crypto verifies the signature with its public key', async () => {
    const keys = new Keystore(dir, fakeSafeStorage(), () => new Date('2027-03-01T10:00:00Z'));
    const created = await keys.create('device-1');
    expect(Buffer.from(created.publicKey, 'base64')).toHaveLength(32);
    const data = new TextEncoder().encode('proof hash ‖ document hash');
    const signature = await keys.sign('device-1', data);
    expect(signature).toHaveLength(64);
    expect(verify(null, data, publicKeyObject(created.publicKey), signature)).toBe(true);
    expect(verify(null, new TextEncoder().encode('other'), publicKeyObject(created.publicKey), signature)).toBe(false);
  });

  it('never writes the secret in clear to the key file', async () => {
    const storage = fakeSafeStorage();
    const keys = new Keystore(dir, storage);
    await keys.create('device-1');
    const secret = storage.encrypted[0]!; // the base64url seed handed to safeStorage
    const raw = await readFile(path.join(dir, 'device-1.key'));
    const text = raw.toString('utf8');
    for (const form of [secret, Buffer.from(secret, 'base64url').toString('base64'), Buffer.from(secret, 'base64url').toString('hex')]) {
      expect(text).not.toContain(form);
    }
    expect(raw.includes(Buffer.from(secret, 'base64url'))).toBe(false);
    expect(await readdir(dir)).toEqual(['device-1.key']);
  });

  it('lists the keys with their public keys, oldest first', async () => {
    let clock = Date.parse('2027-01-01T00:00:00Z');
    const keys = new Keystore(dir, fakeSafeStorage(), () => new Date((clock += 1000)));
    const b = await keys.create('b-key');
    const a = await keys.create('a-key');
    expect(await keys.list()).toEqual([b, a]);
    expect(await new Keystore(path.join(dir, 'none'), fakeSafeStorage()).list()).toEqual([]);
  });

  it('refuses to replace an existing key', async () => {
    const keys = new Keystore(dir, fakeSafeStorage());
    const first = await keys.create('device-1');
    await expect(keys.create('device-1')).rejects.toThrow('There is already a key "device-1"');
    expect(await keys.list()).toEqual([first]);
  });

  it('says so clearly when asked to sign with a key this device does not have', async () => {
    const keys = new Keystore(dir, fakeSafeStorage());
    await expect(keys.sign('missing', new Uint8Array(64))).rejects.toThrow('There is no key "missing" on this device');
  });

  it('refuses to create a key when the computer offers no encrypted storage', async () => {
    const keys = new Keystore(dir, fakeSafeStorage(false));
    await expect(keys.create('device-1')).rejects.toThrow('offers no encrypted storage');
    expect(await keys.list()).toEqual([]);
  });

  it('refuses key ids that could leave the keys folder', async () => {
    const keys = new Keystore(dir, fakeSafeStorage());
    for (const id of ['../evil', 'a/b', '', '.hidden', 'x'.repeat(65)]) {
      await expect(keys.create(id)).rejects.toThrow('is not a key id');
      await expect(keys.sign(id, new Uint8Array(1))).rejects.toThrow('is not a key id');
    }
  });

  it('refuses to sign with a key file whose public key was swapped', async () => {
    const keys = new Keystore(dir, fakeSafeStorage());
    await keys.create('device-1');
    const other = await keys.create('device-2');
    const file = path.join(dir, 'device-1.key');
    const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...json, publicKey: other.publicKey }));
    await expect(keys.sign('device-1', new Uint8Array(64))).rejects.toThrow(
      'The key "device-1" on this device is damaged or was altered: its public key does not belong to its secret',
    );
  });

  it('refuses to sign with a key file whose encrypted secret was altered or truncated', async () => {
    const keys = new Keystore(dir, fakeSafeStorage());
    await keys.create('device-1');
    const file = path.join(dir, 'device-1.key');
    const json = JSON.parse(await readFile(file, 'utf8')) as { encryptedSecret: string };
    const bytes = Buffer.from(json.encryptedSecret, 'base64');
    bytes[5] = bytes[5]! ^ 0x01;
    await writeFile(file, JSON.stringify({ ...json, encryptedSecret: bytes.toString('base64') }));
    await expect(keys.sign('device-1', new Uint8Array(64))).rejects.toThrow('damaged or was altered');

    await writeFile(file, JSON.stringify({ ...json, encryptedSecret: 'AAAA' }));
    await expect(keys.sign('device-1', new Uint8Array(64))).rejects.toThrow('damaged or was altered');

    await writeFile(file, '{"version":1,');
    await expect(keys.sign('device-1', new Uint8Array(64))).rejects.toThrow('the file is not readable');
  });

  it('cannot use a key file copied from another computer', async () => {
    await new Keystore(dir, fakeSafeStorage(true, 0x5a)).create('device-1');
    const elsewhere = new Keystore(dir, fakeSafeStorage(true, 0x33));
    await expect(elsewhere.sign('device-1', new Uint8Array(64))).rejects.toThrow('damaged or was altered');
  });

  it('refuses to sign more than the bounded amount of data', async () => {
    const keys = new Keystore(dir, fakeSafeStorage());
    await keys.create('device-1');
    await expect(keys.sign('device-1', new Uint8Array(64 * 1024 + 1))).rejects.toThrow('at most 65536 bytes');
  });
});

describe('keystoreResult', () => {
  it('answers a missing key as not-found with the keystore message, and a value as ok', async () => {
    const keys = new Keystore(dir, fakeSafeStorage());
    expect(await keystoreResult(() => keys.sign('gone', new Uint8Array(1)))).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no key "gone" on this device. Set up certificate signing again.' },
    });
    expect(await keystoreResult(() => keys.list())).toEqual({ ok: true, value: [] });
    await expect(keystoreResult(() => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
  });
});
