// The hub's sync contract, against both stores (PGlite in memory, and PostgreSQL when its
// binaries are here): exactly-once push, hub order, paged pull, resync, upgrade, capacity,
// attendance conflicts. One database and one hub per store, shared by the tests of the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { demoWorkspace } from '../shared/demo';
import { syncSchemaVersion, type Change, type PullResponse } from '../shared/sync/protocol';
import type { Enrolment } from '../shared/domain/enrolment';
import type { Conflict } from '../shared/domain/conflicts';
import type { Database } from './db/schema';
import { day, dumpRecords, loginAll, meetingsOf, openSession, recordOf, startTestHub, TestClient, world, worldCalls, type AccountKey, type Transport } from './testing';
import { testStores } from './testStores';
import { findAccountByEmail } from './accounts';
import { pull, pullJson } from './sync';

describe.each(testStores('hub'))('hub sync on $name', (store) => {
  let db: Kysely<Database>;
  let app: FastifyInstance;
  let transport: Transport;
  let c: Record<AccountKey, TestClient>;
  let n = 0;
  const uid = (prefix: string) => `${prefix}-${++n}`;

  beforeAll(async () => {
    db = await store.open();
    ({ app, transport } = await startTestHub(db));
    c = await loginAll(transport);
    await c.coordinator.pushOk(worldCalls());
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    await store.close();
  });

  const counter = async () => Number((await db.selectFrom('hub_counter').select('seq').executeTakeFirstOrThrow()).seq);

  it('applies a pushed mutation once: a retry answers the stored result and writes nothing', async () => {
    const id = uid('prog');
    const wire = c.coordinator.wire([{ name: 'programme.create', args: { id, name: 'Once', description: '' } }]);
    const first = await c.coordinator.pushRaw(wire);
    expect(first.status).toBe(200);
    // An applied change is answered by its seq alone (the device matches answers to what it sent).
    expect(first.body.results).toEqual([{ seq: wire[0]!.seq, status: 'ok' }]);
    const before = await dumpRecords(db);
    const seqBefore = await counter();

    const retry = await c.coordinator.pushRaw(wire);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await dumpRecords(db)).toEqual(before);
    expect(await counter()).toBe(seqBefore);
    const stored = await db.selectFrom('results').select('seq').where('client_id', '=', c.coordinator.clientId).where('seq', '=', wire[0]!.seq).execute();
    expect(stored).toHaveLength(1);
  });

  it('orders a batch by device sequence, answers duplicates from the stored result, refuses a sequence it already passed', async () => {
    const client = c.coordinator;
    const ids = [uid('inst'), uid('inst'), uid('inst')];
    const [m1, m2, m3] = client.wire(ids.map((id) => ({ name: 'institution.create', args: { id, name: `Institute ${id}`, country: 'PK', city: '' } })));
    // Out of order and duplicated in one request.
    const answer = await client.pushRaw([m3!, m1!, m2!, m1!]);
    expect(answer.status).toBe(200);
    const results = answer.body.results as { seq: number; status: string }[];
    expect(results.map((r) => [r.seq, r.status])).toEqual([
      [m1!.seq, 'ok'],
      [m1!.seq, 'ok'],
      [m2!.seq, 'ok'],
      [m3!.seq, 'ok'],
    ]);
    const rows = await db.selectFrom('records').select(['id', 'seq']).where('tbl', '=', 'institutions').where('id', 'in', ids).orderBy('seq').execute();
    expect(rows.map((r) => r.id)).toEqual(ids);

    // A different change under a sequence number the hub already passed: refused, not applied.
    const before = await dumpRecords(db);
    const late = { ...client.wire([{ name: 'institution.create', args: { id: uid('inst'), name: 'Late', country: 'PK', city: '' } }])[0]!, seq: m2!.seq };
    const lateAnswer = await client.pushRaw([late]);
    expect(lateAnswer.body.results).toMatchObject([{ seq: m2!.seq, status: 'rejected', error: { code: 'out-of-order' } }]);
    expect(await dumpRecords(db)).toEqual(before);
    expect(lateAnswer.body.lastSeq).toBe(client.seq - 1);
  });

  it('stamps rows in hub order across devices; pull delivers them in that order', async () => {
    const a = c.coordinator;
    const b = await TestClient.login(transport, 'coordinator@hub.test');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const id = uid('order');
      ids.push(id);
      await (i % 2 ? b : a).pushOk([{ name: 'programme.create', args: { id, name: id, description: '' } }]);
    }
    const rows = await db.selectFrom('records').select(['id', 'seq']).where('tbl', '=', 'programmes').where('id', 'in', ids).orderBy('seq').execute();
    expect(rows.map((r) => r.id)).toEqual(ids);
    const fresh = await TestClient.login(transport, 'coordinator@hub.test');
    await fresh.pullAll();
    const seqs = fresh.pulled.map((ch) => ch.s);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(fresh.pulled.filter((ch) => ch.t === 'programmes' && ids.includes(ch.id)).map((ch) => ch.id)).toEqual(ids);
  });

  it('pages a pull by byte budget: the cursor resumes exactly, nothing missed or repeated, tombstones delivered', async () => {
    const co = c.coordinator;
    // Realistic volume: the demo workspace's catalogue, people and enrolments (over a thousand rows with the class days).
    const calls = demoWorkspace(day(0)).filter((call) => ['programme.create', 'course.create', 'institution.create', 'person.create', 'session.create', 'enrolment.request'].includes(call.name));
    const results = await co.push(calls);
    expect(results.filter((r) => r.status === 'ok')).toHaveLength(calls.length);
    // Tombstones: a cleared mark, and class days dropped by a shorter schedule.
    const session = uid('session');
    await co.pushOk([{ name: 'session.create', args: openSession(session, { instructorIds: [world.instructor] }) }, { name: 'enrolment.request', args: { id: uid('enr'), personId: 'p-4', sessionId: session } }]);
    const [meeting] = await meetingsOf(db, session);
    await co.pushOk([{ name: 'attendance.mark', args: { meetingId: meeting!, personId: 'p-4', status: 'present' } }]);
    await co.pushOk([{ name: 'attendance.mark', args: { meetingId: meeting!, personId: 'p-4', status: null } }]);
    await co.pushOk([{ name: 'session.update', args: openSession(session, { instructorIds: [world.instructor], endDate: day(0) }) }]);

    const whole = await TestClient.login(transport, 'coordinator@hub.test');
    const wholePages = await whole.pullAll(4 * 1024 * 1024);
    expect(wholePages).toHaveLength(1);
    const tombstones = whole.pulled.filter((ch) => !ch.r);
    expect(tombstones.some((ch) => ch.t === 'attendance')).toBe(true);
    expect(tombstones.some((ch) => ch.t === 'meetings')).toBe(true);

    const paged = await TestClient.login(transport, 'coordinator@hub.test');
    const pages = await paged.pullAll(4096);
    expect(pages.length).toBeGreaterThan(10);
    for (const [i, page] of pages.slice(0, -1).entries()) {
      expect(page.hasMore).toBe(true);
      const bytes = page.changes.reduce((sum, ch) => sum + wireLength(ch), 0);
      const last = wireLength(page.changes.at(-1)!);
      expect(bytes).toBeGreaterThanOrEqual(4096);
      expect(bytes - last).toBeLessThan(4096);
      // Progress: what the later pages hold.
      expect(page.remaining).toBe(pages.slice(i + 1).reduce((sum, p) => sum + p.changes.length, 0));
    }
    expect(pages.at(-1)!.hasMore).toBe(false);
    expect(paged.pulled).toEqual(whole.pulled);
    const keys = paged.pulled.map((ch) => `${ch.t}/${ch.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(paged.pulled.length).toBe(Number((await db.selectFrom('records').select(db.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n));

    // The page text the route sends is the page `pull` answers (sync packets read that one).
    const account = (await findAccountByEmail(db, 'coordinator@hub.test'))!;
    for (const cursor of ['', pages[0]!.cursor, pages.at(-2)!.cursor]) {
      const text = await pullJson(db, account, 'check-text', cursor, { budget: 4096, count: true });
      const page = await pull(db, account, 'check-text', cursor, { budget: 4096, count: true });
      expect(JSON.parse(text.json)).toEqual(page);
      expect(text).toMatchObject({ cursor: page.cursor, hasMore: page.hasMore });
    }

    // A dropped link: a device that stored page 3 and its cursor resumes from there.
    const resumed = await TestClient.login(transport, 'coordinator@hub.test');
    const upTo = pages.slice(0, 3).flatMap((p) => p.changes);
    resumed.cursor = pages[2]!.cursor;
    await resumed.pullAll(4096);
    expect([...upTo, ...resumed.pulled]).toEqual(whole.pulled);
    // The headers say the next cursor and whether more follows, as the body does.
    const head = await paged.pullPage('', 4096);
    expect(head.headers['x-apogee-cursor']).toBe(pages[0]!.cursor);
    expect(head.headers['x-apogee-has-more']).toBe('1');
    const tail = await paged.pullPage(pages.at(-2)!.cursor, 4096);
    expect(tail.headers).toMatchObject({ 'x-apogee-cursor': pages.at(-1)!.cursor, 'x-apogee-has-more': '0' });

    // …and a pull at the end is empty.
    const end = (await whole.pullPage()).body as unknown as PullResponse;
    expect(end).toMatchObject({ changes: [], hasMore: false, cursor: whole.cursor });
  }, 60_000);

  it('answers resync-required when the scope changed (an instructor gets a new session) or the cursor is too old', async () => {
    const instructor = c.instructor;
    await instructor.pullAll();
    const oldCursor = instructor.cursor;
    expect(instructor.ids('sessions')).toContain(world.sessionA);
    const session = uid('session');
    await c.coordinator.pushOk([
      { name: 'session.create', args: openSession(session) },
      { name: 'enrolment.request', args: { id: uid('enr'), personId: 'p-3', sessionId: session } },
    ]);
    // Same scope: an ordinary pull.
    expect((await instructor.pullPage(oldCursor)).status).toBe(200);
    await c.coordinator.pushOk([{ name: 'session.update', args: openSession(session, { instructorIds: [world.instructor] }) }]);
    const answer = await instructor.pullPage(oldCursor);
    expect(answer.status).toBe(409);
    expect(answer.body.error).toBe('resync-required');
    expect(String(answer.body.message)).toMatch(/fresh copy/);
    // A fresh snapshot brings the new session's roster.
    instructor.reset();
    await instructor.pullAll();
    expect(instructor.ids('enrolments').some((id) => instructor.rows.get(`enrolments/${id}`)!.sessionId === session)).toBe(true);

    // Older than the purged tombstones.
    await db.insertInto('hub_meta').values({ key: 'tombstone-horizon', value: JSON.stringify(await counter()) }).execute();
    try {
      const old = await c.coordinator.pullPage('1.org');
      expect(old.status).toBe(409);
      expect(old.body.error).toBe('resync-required');
    } finally {
      await db.deleteFrom('hub_meta').where('key', '=', 'tombstone-horizon').execute();
    }
  });

  it('answers resync-required for a cursor this hub never gave out (ahead of its sequence, or garbled)', async () => {
    const ahead = await c.coordinator.pullPage(`${(await counter()) + 1000}.org`);
    expect(ahead.status).toBe(409);
    expect(ahead.body.error).toBe('resync-required');
    const garbled = await c.coordinator.pullPage('not a cursor');
    expect(garbled.status).toBe(409);
    expect(garbled.body.error).toBe('resync-required');
    expect(String(garbled.body.message)).toMatch(/not one this hub gave out/);
  });

  it('answers upgrade-required for another schema version, storing nothing; the same change goes through after the upgrade', async () => {
    const client = c.coordinator;
    const before = await dumpRecords(db);
    const lastSeq = async () => Number((await db.selectFrom('clients').select('last_seq').where('client_id', '=', client.clientId).executeTakeFirstOrThrow()).last_seq);
    const seqBefore = await lastSeq();
    const wire = client.wire([{ name: 'programme.create', args: { id: uid('prog'), name: 'After upgrade', description: '' } }]);
    for (const schemaVersion of [1, 99]) {
      const answer = await client.pushRaw(wire, { schemaVersion });
      expect(answer.status).toBe(409);
      expect(answer.body.error).toBe('upgrade-required');
      expect(answer.body.accepted).toEqual([syncSchemaVersion - 1, syncSchemaVersion]);
      expect(String(answer.body.message)).toMatch(/Update Apogee/);
    }
    expect(await dumpRecords(db)).toEqual(before);
    expect(await lastSeq()).toBe(seqBefore);
    const retried = await client.pushRaw(wire);
    expect(retried.body.results).toEqual([expect.objectContaining({ status: 'ok' })]);
  });

  it('adjudicates the last place: one enrolled, the other waitlisted with a notice; a withdrawal promotes the first waitlisted', async () => {
    const session = uid('session');
    await c.coordinator.pushOk([{ name: 'session.create', args: openSession(session, { capacity: 1 }) }]);
    const e1 = uid('enr');
    const e2 = uid('enr');
    const [r1, r2] = await Promise.all([
      c.trainee1.push([{ name: 'enrolment.request', args: { id: e1, personId: 'p-1', sessionId: session } }]),
      c.trainee2.push([{ name: 'enrolment.request', args: { id: e2, personId: 'p-2', sessionId: session } }]),
    ]);
    const answers = [r1[0]!, r2[0]!];
    expect(answers.every((r) => r.status === 'ok')).toBe(true);
    const waitlistedAnswer = answers.filter((r) => r.status === 'ok' && r.notices?.some((x) => x.code === 'waitlisted'));
    expect(waitlistedAnswer).toHaveLength(1);
    const rows = [(await recordOf(db, 'enrolments', e1)) as Enrolment, (await recordOf(db, 'enrolments', e2)) as Enrolment];
    expect(rows.map((r) => r.state).sort()).toEqual(['enrolled', 'waitlisted']);
    const enrolled = rows.find((r) => r.state === 'enrolled')!;
    const waiting = rows.find((r) => r.state === 'waitlisted')!;
    // The answer that said "waitlisted" is the one for the enrolment the hub waitlisted.
    expect(answers.indexOf(waitlistedAnswer[0]!)).toBe(waiting.id === e1 ? 0 : 1);

    const owner = enrolled.personId === 'p-1' ? c.trainee1 : c.trainee2;
    const [withdrawn] = await owner.push([{ name: 'enrolment.withdraw', args: { id: enrolled.id } }]);
    expect(withdrawn).toMatchObject({ status: 'ok', notices: [{ code: 'promoted', params: { personId: waiting.personId } }] });
    expect(((await recordOf(db, 'enrolments', waiting.id)) as Enrolment).state).toBe('enrolled');
    expect(((await recordOf(db, 'enrolments', enrolled.id)) as Enrolment).state).toBe('withdrawn');
    // The other trainee's pull shows the promotion.
    const other = waiting.personId === 'p-1' ? c.trainee1 : c.trainee2;
    await other.pullAll();
    expect(other.rows.get(`enrolments/${waiting.id}`)).toMatchObject({ state: 'enrolled' });
  });

  describe('attendance', () => {
    let meetings: string[];
    beforeAll(async () => {
      await c.coordinator.pushOk([{ name: 'enrolment.request', args: { id: 'enr-att-p3', personId: 'p-3', sessionId: world.sessionA } }]);
      meetings = await meetingsOf(db, world.sessionA);
      expect(meetings.length).toBeGreaterThan(4);
    });
    const mark = (meetingId: string, status: string | null) => ({ name: 'attendance.mark' as const, args: { meetingId, personId: 'p-3', status: status as 'present' } });
    const conflictsOn = async (meetingId: string) =>
      (await db.selectFrom('records').select('data').where('tbl', '=', 'conflicts').execute()).map((r) => r.data as unknown as Conflict).filter((x) => x.meetingId === meetingId);

    it('keeps both values when two devices mark one slot differently without having seen each other', async () => {
      const meeting = meetings[0]!;
      await c.instructor.pullAll();
      await c.coordinator.pullAll();
      await c.instructor.pushOk([mark(meeting, 'present')]);
      await c.coordinator.pushOk([mark(meeting, 'absent')]);
      const conflicts = await conflictsOn(meeting);
      expect(conflicts).toHaveLength(1);
      expect(conflicts[0]).toMatchObject({ kind: 'attendance', state: 'open', sessionId: world.sessionA, personId: 'p-3' });
      expect(conflicts[0]!.values.map((v) => v.status)).toEqual(['present', 'absent']);
      // The later write in hub order holds the slot; the coordinator's pull carries the conflict.
      expect(await recordOf(db, 'attendance', `${meeting}|p-3`)).toMatchObject({ status: 'absent' });
      await c.coordinator.pullAll();
      expect(c.coordinator.rows.get(`conflicts/${conflicts[0]!.id}`)).toMatchObject({ values: [{ status: 'present' }, { status: 'absent' }] });
      await c.instructor.pullAll();
      expect(c.instructor.ids('conflicts')).toEqual([]);
      expect(c.instructor.rows.get(`attendance/${meeting}|p-3`)).toMatchObject({ status: 'absent' });
    });

    it('makes no conflict for the same value, or when the device had pulled the other mark', async () => {
      const [, same, seen] = meetings;
      await c.instructor.pullAll();
      await c.coordinator.pullAll();
      await c.instructor.pushOk([mark(same!, 'late')]);
      await c.coordinator.pushOk([mark(same!, 'late')]);
      expect(await conflictsOn(same!)).toEqual([]);

      await c.instructor.pushOk([mark(seen!, 'present')]);
      await c.coordinator.pullAll();
      await c.coordinator.pushOk([mark(seen!, 'excused')]);
      expect(await conflictsOn(seen!)).toEqual([]);
      expect(await recordOf(db, 'attendance', `${seen}|p-3`)).toMatchObject({ status: 'excused' });
    });

    it('lets a coordinator resolve a conflict: the chosen mark syncs, the conflict closes, a second answer is refused', async () => {
      const meeting = meetings[3]!;
      await c.instructor.pullAll();
      await c.coordinator.pullAll();
      await c.instructor.pushOk([mark(meeting, 'present')]);
      await c.coordinator.pushOk([mark(meeting, 'absent')]);
      const [conflict] = await conflictsOn(meeting);
      const [refused] = await c.instructor.push([{ name: 'conflict.resolve', args: { id: conflict!.id, status: 'present' } }]);
      expect(refused).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });

      const [resolved] = await c.coordinator.push([{ name: 'conflict.resolve', args: { id: conflict!.id, status: 'excused' } }]);
      expect(resolved).toMatchObject({ status: 'ok' });
      expect((await conflictsOn(meeting))[0]).toMatchObject({ state: 'resolved', chosen: 'excused' });
      await c.instructor.pullAll();
      expect(c.instructor.rows.get(`attendance/${meeting}|p-3`)).toMatchObject({ status: 'excused' });
      const [again] = await c.coordinator.push([{ name: 'conflict.resolve', args: { id: conflict!.id, status: 'present' } }]);
      expect(again).toMatchObject({ status: 'rejected', error: { code: 'conflict-resolved' } });
      expect(await recordOf(db, 'attendance', `${meeting}|p-3`)).toMatchObject({ status: 'excused' });
    });
  });

  it('keeps pulls of every device consistent with the hub after all of the above', async () => {
    const co = await TestClient.login(transport, 'coordinator@hub.test');
    await co.pullAll(64 * 1024);
    const stored = await db.selectFrom('records').select(['tbl', 'id', 'data']).where('data', 'is not', null).execute();
    expect(co.rows.size).toBe(stored.length);
    const sample: Change | undefined = co.pulled.find((ch) => ch.t === 'sessions');
    expect(sample?.r).toEqual(await recordOf(db, 'sessions', sample!.id));
  });
});

/**
 * The length of a pulled change as the hub writes it into a page (what the byte budget counts):
 * its own fields compact, the row as PostgreSQL writes jsonb (", " between items, ": " after keys).
 */
function wireLength(change: Change): number {
  const jsonb = (value: unknown): string => {
    if (Array.isArray(value)) return `[${value.map(jsonb).join(', ')}]`;
    if (value && typeof value === 'object')
      return `{${Object.entries(value)
        .map(([key, item]) => `${JSON.stringify(key)}: ${jsonb(item)}`)
        .join(', ')}}`;
    return JSON.stringify(value);
  };
  const head = `{"t":${JSON.stringify(change.t)},"id":${JSON.stringify(change.id)},"s":${change.s}`;
  return (change.r ? `${head},"r":${jsonb(change.r)}}` : `${head}}`).length + 1;
}
