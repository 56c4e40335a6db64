import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { migration0001 } from './0001-catalogue';

describe('migration 0001 (catalogue and outbox)', () => {
  it('creates an empty catalogue that finds courses by code and sessions by course', async () => {
    const db = new Dexie('migration-0001-test');
    db.version(1).stores(migration0001.stores);
    await db.open();
    await db.table('courses').bulkPut([
      { id: 'c1', code: 'CSD-101', programmeId: 'p1' },
      { id: 'c2', code: 'LSS-201', programmeId: 'p1' },
    ]);
    await db.table('sessions').put({ id: 's1', courseId: 'c2', startDate: '2026-05-01' });
    const found = (await db.table('courses').where('code').equals('LSS-201').first()) as { id: string } | undefined;
    expect(found?.id).toBe('c2');
    expect(await db.table('sessions').where('courseId').equals('c2').count()).toBe(1);
    await expect(db.table('courses').add({ id: 'c3', code: 'CSD-101', programmeId: 'p1' })).rejects.toThrow();
    await db.delete();
  });
});
