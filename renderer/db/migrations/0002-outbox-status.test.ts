import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ApogeeDb } from '../schema';
import { migration0001 } from './0001-catalogue';

describe('migration 0002 (outbox status, class-day flags)', () => {
  it('upgrades a version-1 database without losing a course, a class day or a queued change', async () => {
    const name = 'migration-0002-test';
    const v1 = new Dexie(name);
    v1.version(1).stores(migration0001.stores);
    await v1.open();
    await v1.table('programmes').put({ id: 'p1', name: 'CubeSat Design', description: '', archived: false, createdAt: 't', updatedAt: 't' });
    await v1.table('courses').put({ id: 'c1', programmeId: 'p1', code: 'CSD-101', title: 'Fundamentals', archived: false });
    await v1.table('meetings').bulkPut([
      { id: 's1@2026-03-09', sessionId: 's1', date: '2026-03-09', startTime: '09:00', endTime: '16:00' },
      { id: 's1@2026-03-10', sessionId: 's1', date: '2026-03-10', startTime: '09:00', endTime: '16:00', room: 'Lab 2' },
    ]);
    await v1.table('outbox').bulkAdd([
      { id: 'm1', name: 'programme.create', version: 1, args: {}, at: 't' },
      { id: 'm2', name: 'course.create', version: 1, args: {}, at: 't' },
    ]);
    v1.close();

    const db = new ApogeeDb(name, { untilVersion: 2 });
    await db.open();
    expect(db.verno).toBe(2);
    expect(await db.courses.get('c1')).toMatchObject({ code: 'CSD-101', title: 'Fundamentals' });
    const days = await db.meetings.orderBy('date').toArray();
    expect(days.map((d) => [d.edited, d.room, d.cancelled])).toEqual([
      [false, '', false],
      [false, 'Lab 2', false],
    ]);
    expect(await db.outbox.where('status').equals('pending').primaryKeys()).toEqual([1, 2]);
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.id)).toEqual(['m1', 'm2']);
    await db.delete();
  });
});
