import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupNameSchema } from '../../shared/ipc/contract';
import { BackupStore, backupFileName, backupTime, backupsToKeep } from './backups';

let root: string;
let dir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'apogee-backups-'));
  dir = path.join(root, 'backups');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A store whose clock advances one minute per backup, starting at 7 July 2025 09:00 UTC. */
function storeWithClock(start = Date.UTC(2025, 6, 7, 9, 0, 0)) {
  let next = start;
  return new BackupStore(dir, () => {
    const time = new Date(next);
    next += 60_000;
    return time;
  });
}

describe('backups', () => {
  it('names a backup after its time in a form the contract accepts', () => {
    const name = backupFileName(new Date('2025-07-07T10:11:12.345Z'));
    expect(name).toBe('apogee-backup-2025-07-07T10-11-12.345Z.json');
    expect(backupNameSchema.safeParse(name).success).toBe(true);
    expect(backupTime(name)?.toISOString()).toBe('2025-07-07T10:11:12.345Z');
  });

  it('writes the backup text unchanged and reads it back', async () => {
    const store = storeWithClock();
    const json = JSON.stringify({ people: [{ name: 'Ayşe Öztürk' }, { name: '张伟' }] });
    const info = await store.create(json);
    expect(info).toEqual({
      name: 'apogee-backup-2025-07-07T09-00-00.000Z.json',
      bytes: Buffer.byteLength(json),
      createdAt: '2025-07-07T09:00:00.000Z',
    });
    expect(await store.read(info.name)).toEqual({ ok: true, value: { name: info.name, json } });
  });

  it('leaves no temporary files behind after writing', async () => {
    await storeWithClock().create('{}');
    expect(await readdir(dir)).toEqual(['apogee-backup-2025-07-07T09-00-00.000Z.json']);
  });

  it('keeps only the newest 10 backups', async () => {
    const store = storeWithClock();
    for (let i = 0; i < 13; i++) await store.create(JSON.stringify({ i }));
    const list = await store.list();
    expect(list).toHaveLength(backupsToKeep);
    expect(list[0]!.name).toBe('apogee-backup-2025-07-07T09-12-00.000Z.json');
    expect(list.at(-1)!.name).toBe('apogee-backup-2025-07-07T09-03-00.000Z.json');
    expect((await readdir(dir)).length).toBe(backupsToKeep);
  });

  it('lists backups newest first, ignoring files it did not write', async () => {
    const store = storeWithClock();
    await store.create('{"a":1}');
    await store.create('{"a":2}');
    await writeFile(path.join(dir, 'notes.txt'), 'not a backup');
    const list = await store.list();
    expect(list.map((b) => b.name)).toEqual([
      'apogee-backup-2025-07-07T09-01-00.000Z.json',
      'apogee-backup-2025-07-07T09-00-00.000Z.json',
    ]);
    expect(list[0]).toMatchObject({ bytes: 7, createdAt: '2025-07-07T09:01:00.000Z' });
  });

  it('keeps both backups when two are made in the same millisecond', async () => {
    const store = new BackupStore(dir, () => new Date('2025-07-07T09:00:00.000Z'));
    const [first, second] = await Promise.all([store.create('{"n":1}'), store.create('{"n":2}')]);
    expect(first.name).not.toBe(second.name);
    expect(await readFile(path.join(dir, first.name), 'utf8')).toBe('{"n":1}');
    expect(await readFile(path.join(dir, second.name), 'utf8')).toBe('{"n":2}');
  });

  it('lists nothing when no backup was ever made', async () => {
    expect(await storeWithClock().list()).toEqual([]);
  });

  it('answers not-found when the backup does not exist', async () => {
    const result = await storeWithClock().read('apogee-backup-2020-01-01T00-00-00.000Z.json');
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (!result.ok)
      expect(result.error.message).toContain('apogee-backup-2020-01-01T00-00-00.000Z.json');
  });

  it('refuses names that would reach outside the backups folder', async () => {
    await writeFile(path.join(root, 'apogee-backup-1.json'), 'secret');
    const store = storeWithClock();
    for (const name of [
      '../apogee-backup-1.json',
      '/etc/passwd',
      'apogee-backup-../../x.json',
      '..\\apogee-backup-1.json',
    ]) {
      const result = await store.read(name);
      expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });
});
