import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ApogeeDb } from '../../db/schema';
import { checkPassword, hashPassword, lock, lockIterations, readLock, saveLockSecret, unlock } from './lock';

describe('lock', () => {
  it('keeps a salted PBKDF2 hash of at least 200,000 rounds, never the password', async () => {
    const secret = await hashPassword('correct horse battery staple');
    expect(lockIterations).toBeGreaterThanOrEqual(200_000);
    expect(secret.iterations).toBe(lockIterations);
    expect(JSON.stringify(secret)).not.toContain('correct horse');
    const again = await hashPassword('correct horse battery staple');
    expect(again.salt).not.toBe(secret.salt);
    expect(again.hash).not.toBe(secret.hash);
  });

  it('opens with the same password only', async () => {
    const secret = await hashPassword('s3cret-Password', 1_000);
    expect(await checkPassword('s3cret-Password', secret)).toBe(true);
    expect(await checkPassword('s3cret-password', secret)).toBe(false);
    expect(await checkPassword('', secret)).toBe(false);
  });

  it('stays locked across windows and reloads until the password is typed', async () => {
    const db = new ApogeeDb('lock-test');
    await saveLockSecret(db, 'hunter2-hunter2', 1_000);
    expect((await readLock(db))?.locked).toBe(false);
    await lock(db);
    const otherWindow = new ApogeeDb('lock-test');
    expect((await readLock(otherWindow))?.locked).toBe(true);
    expect(await unlock(otherWindow, 'wrong')).toBe(false);
    expect((await readLock(db))?.locked).toBe(true);
    expect(await unlock(otherWindow, 'hunter2-hunter2')).toBe(true);
    expect((await readLock(db))?.locked).toBe(false);
    await db.delete();
  });
});
