import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ApogeeDb } from '../schema';

describe('migration 0005 (sync)', () => {
  it('keeps version-4 data and queued changes and opens the sync tables', async () => {
    const name = 'migration-0005-test';
    const v4 = new ApogeeDb(name, { untilVersion: 4 });
    await v4.open();
    await v4.table('enrolments').put({ id: 'e1', sessionId: 's1', personId: 'p1' });
    await v4.table('outbox').add({ id: 'm1', name: 'programme.create', version: 1, args: {}, at: 't', status: 'pending' });
    v4.close();

    const db = new ApogeeDb(name, { untilVersion: 5 });
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.enrolments.get('e1')).toEqual({ id: 'e1', sessionId: 's1', personId: 'p1' });
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual(['m1']);
    await db.conflicts.put({ id: 'c1', sessionId: 's1', state: 'open' } as never);
    expect(await db.conflicts.where('state').equals('open').count()).toBe(1);
    await db.syncState.put({ key: 'cursor', seq: 3, text: '3.org' });
    expect(await db.syncState.get('cursor')).toMatchObject({ seq: 3 });
    expect(await db.inbox.count()).toBe(0);
    await db.delete();
  });
});
