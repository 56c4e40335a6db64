import type { ApogeeDb } from '../../db/schema';

/**
 * The screen lock of a signed-in device. At sign-in the account password is hashed with PBKDF2
 * (WebCrypto, SHA-256, a random 16-byte salt) and only that hash is kept, in the local database;
 * "Lock" hides the app until the same password is typed again, checked here, with no hub needed.
 * It keeps a passer-by out of the open app; it does not encrypt the local data (whoever can read
 * the profile folder can read IndexedDB).
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256: about 0.2–0.5 s on a laptop, once per unlock. */
export const lockIterations = 310_000;

/** What is kept of the password. */
export type LockSecret = { salt: string; hash: string; iterations: number };

/** The stored lock: the secret, and whether the app is locked now (so a reload stays locked). */
export type LockRow = { key: 'lock'; secret: LockSecret; locked: boolean };

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** Hashes a password with a fresh random salt. */
export async function hashPassword(password: string, iterations: number = lockIterations): Promise<LockSecret> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: toBase64(salt), hash: toBase64(await derive(password, salt, iterations)), iterations };
}

/** Whether the password is the one the secret was made from (compared in constant time). */
export async function checkPassword(password: string, secret: LockSecret): Promise<boolean> {
  const expected = fromBase64(secret.hash);
  const actual = await derive(password, fromBase64(secret.salt), secret.iterations);
  if (actual.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < actual.length; i++) difference |= actual[i]! ^ expected[i]!;
  return difference === 0;
}

export async function readLock(db: ApogeeDb): Promise<LockRow | undefined> {
  return (await db.syncState.get('lock')) as LockRow | undefined;
}

/** Keeps the password's hash after a successful sign-in (unlocked). */
export async function saveLockSecret(db: ApogeeDb, password: string, iterations?: number): Promise<void> {
  const secret = await hashPassword(password, iterations);
  await db.syncState.put({ key: 'lock', secret, locked: false } satisfies LockRow);
}

/** Locks every window of this profile (the flag is in the database, so all windows see it). */
export async function lock(db: ApogeeDb): Promise<void> {
  await db.syncState.update('lock', { locked: true });
}

/** Unlocks when the password matches; false otherwise. */
export async function unlock(db: ApogeeDb, password: string): Promise<boolean> {
  const row = await readLock(db);
  if (!row) return true;
  if (!(await checkPassword(password, row.secret))) return false;
  await db.syncState.update('lock', { locked: false });
  return true;
}

/** Forgets the lock (signing out). */
export async function forgetLock(db: ApogeeDb): Promise<void> {
  await db.syncState.delete('lock');
}
