import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/open';
import type { Database } from './db/schema';
import type { Kysely } from 'kysely';
import { createAccount, type Account } from './accounts';
import { ensureOrganisation } from './organisation';
import type { SyncError } from './sync';
import { pull, push, registerClient } from './sync';
import { purgeTombstones } from './tombstones';

let db: Kysely<Database>;
let coordinator: Account;
beforeAll(async () => {
  db = await openDatabase({ memory: true });
  await ensureOrganisation(db, { name: 'Test', code: 'TST' });
  coordinator = await createAccount(db, { email: 'c@example.org', role: 'coordinator', password: 'long enough' });
  await registerClient(db, 'client-one-0001', coordinator.id, 'laptop');
});
afterAll(() => db.destroy());

const at = '2026-02-01T10:00:00.000Z';

describe('tombstone retention', () => {
  it('forgets old deletions only, and sends a device whose cursor predates them to a fresh copy', async () => {
    await push(db, coordinator, {
      clientId: 'client-one-0001',
      schemaVersion: 5,
      pending: 0,
      deviceName: '',
      mutations: [
        { id: 'm1', seq: 1, name: 'programme.create', version: 1, args: { id: 'p1', name: 'CubeSat Design' }, at, seen: 0, writes: [] },
        { id: 'm2', seq: 2, name: 'team.create', version: 1, args: { id: 'x', sessionId: 'none', name: 'T' }, at, seen: 0, writes: [] },
      ],
    });
    const early = await pull(db, coordinator, 'client-one-0001', '');
    // A deletion written straight as a tombstone, as a mutation clearing a mark would.
    const { seq } = await db.selectFrom('hub_counter').select('seq').executeTakeFirstOrThrow();
    await db.insertInto('records').values({ tbl: 'attendance', id: 'a|b', seq: Number(seq) + 1, data: null, session_id: 's', person_id: 'p', client_id: 'c' }).execute();
    await db.updateTable('hub_counter').set({ seq: Number(seq) + 1 }).execute();
    await db.insertInto('records').values({ tbl: 'attendance', id: 'c|d', seq: Number(seq) + 2, data: null, session_id: 's', person_id: 'p', client_id: 'c' }).execute();
    await db.updateTable('hub_counter').set({ seq: Number(seq) + 2 }).execute();

    expect(await purgeTombstones(db)).toBe(0); // both are new
    await sql`update records set changed_at = now() - interval '200 days' where id = 'a|b'`.execute(db);
    expect(await purgeTombstones(db)).toBe(1);
    expect(await db.selectFrom('records').select('id').where('id', '=', 'a|b').executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('records').select('id').where('id', '=', 'c|d').executeTakeFirst()).toBeTruthy();
    expect(await db.selectFrom('records').select('id').where('id', '=', 'p1').executeTakeFirst()).toBeTruthy();

    await expect(pull(db, coordinator, 'client-one-0001', early.cursor)).rejects.toMatchObject({ code: 'resync-required' } satisfies Partial<SyncError>);
    const fresh = await pull(db, coordinator, 'client-one-0001', '');
    expect(fresh.changes.map((c) => c.id)).toEqual(['p1', 'c|d']);
    const current = await pull(db, coordinator, 'client-one-0001', fresh.cursor);
    expect(current.changes).toEqual([]);
  });
});
