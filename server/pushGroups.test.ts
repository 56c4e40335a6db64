// Pushes that arrive together are applied as one group (one transaction, hub order = arrival
// order), each answered as if alone; rows a device says it already holds are not pulled back to
// it. Against both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { rowHash, writtenKeys } from '../shared/sync/rowHash';
import { syncSchemaVersion, type PullResponse } from '../shared/sync/protocol';
import type { Enrolment } from '../shared/domain/enrolment';
import type { Database } from './db/schema';
import { findAccountByEmail, type Account } from './accounts';
import { push } from './sync';
import type { TestClient} from './testing';
import { dumpRecords, emailOf, loginAll, meetingsOf, openSession, recordOf, startTestHub, world, worldCalls, type AccountKey, type Transport, type Wire } from './testing';
import { testStores } from './testStores';

describe.each(testStores('pushGroups'))('pushes on $name', (store) => {
  let db: Kysely<Database>;
  let app: FastifyInstance;
  let transport: Transport;
  let c: Record<AccountKey, TestClient>;
  let n = 0;
  const uid = (prefix: string) => `${prefix}-${++n}`;
  const account = async (key: AccountKey) => (await findAccountByEmail(db, emailOf(key)))!;
  const body = (client: TestClient, mutations: Wire[], have?: string[]) => ({
    clientId: client.clientId,
    schemaVersion: syncSchemaVersion,
    pending: 0,
    deviceName: '',
    mutations: mutations.map((m) => ({ ...m, writes: m.writes ?? [] })),
    ...(have ? { have } : {}),
  });

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

  it('applies pushes that arrive together in arrival order, each answered as if alone', async () => {
    const session = uid('session');
    await c.coordinator.pushOk([{ name: 'session.create', args: openSession(session, { capacity: 1 }) }]);
    const [e1, e2] = [uid('enr'), uid('enr')];
    const [t1, t2, coordinator] = [await account('trainee1'), await account('trainee2'), await account('coordinator')];
    const stranger: Account = { ...t2, id: 'someone-else' };
    const first = c.trainee1.wire([{ name: 'enrolment.request', args: { id: e1, personId: 'p-1', sessionId: session } }]);
    const second = c.trainee2.wire([{ name: 'enrolment.request', args: { id: e2, personId: 'p-2', sessionId: session } }]);
    const refused = c.trainee1.wire([{ name: 'programme.create', args: { id: uid('prog'), name: 'Not for trainees', description: '' } }]);
    // Called together: all wait for one group (the first call starts it on the next turn).
    const answers = await Promise.allSettled([
      push(db, t1, body(c.trainee1, first)),
      push(db, t2, body(c.trainee2, second)),
      push(db, stranger, body(c.trainee2, [])),
      push(db, t1, body(c.trainee1, refused)),
      push(db, coordinator, body(c.trainee1, first)),
    ]);
    expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
    const [a1, a2, , a4] = answers.map((a) => (a.status === 'fulfilled' ? a.value : undefined));
    // The first to arrive takes the place; the second is waitlisted, said so in its answer.
    expect(a1!.results).toEqual([{ seq: first[0]!.seq, status: 'ok' }]);
    expect(a2!.results).toEqual([{ seq: second[0]!.seq, status: 'ok', notices: [{ code: 'waitlisted', params: { position: 1 } }] }]);
    expect(((await recordOf(db, 'enrolments', e1)) as Enrolment).state).toBe('enrolled');
    expect(((await recordOf(db, 'enrolments', e2)) as Enrolment).state).toBe('waitlisted');
    // A refusal in the group blocks nothing and is answered with the reason.
    expect(a4!.results).toMatchObject([{ seq: refused[0]!.seq, status: 'rejected', error: { code: 'forbidden' } }]);
    expect(a4!.lastSeq).toBe(refused[0]!.seq);
    // Pushes for a device another account holds are refused with a reason, and changed nothing.
    const rejection = answers[2] as PromiseRejectedResult;
    expect(rejection.reason).toMatchObject({ status: 403, code: 'forbidden' });
    // Each device's sequence and the answers are stored: a retry gets the same answers.
    expect(await c.trainee1.push(first)).toEqual(a1!.results);
  });

  it('refuses a change the database cannot store (U+0000 in its text) with the reason, and lets everything around it through', async () => {
    const [good1, poison, good2] = [uid('prog'), uid('prog'), uid('prog')];
    const coordinator = await account('coordinator');
    const wire = c.coordinator.wire([
      { name: 'programme.create', args: { id: good1, name: 'Before', description: '' } },
      { name: 'programme.create', args: { id: poison, name: 'Bro\u0000ken', description: '' } },
      { name: 'programme.create', args: { id: good2, name: 'After', description: '' } },
    ]);
    const trainee = c.trainee1.wire([{ name: 'enrolment.request', args: { id: uid('enr'), personId: 'p-1', sessionId: world.sessionB } }]);
    const meanwhile = c.trainee2.wire([{ name: 'enrolment.request', args: { id: uid('enr'), personId: 'p-2', sessionId: world.sessionB } }]);
    const [mine, theirs, others] = await Promise.all([
      push(db, coordinator, body(c.coordinator, wire)),
      push(db, await account('trainee1'), body(c.trainee1, trainee)),
      push(db, await account('trainee2'), body(c.trainee2, meanwhile)),
    ]);
    expect(mine.results.map((r) => r.status)).toEqual(['ok', 'rejected', 'ok']);
    expect(mine.results[1]).toMatchObject({ seq: wire[1]!.seq, status: 'rejected', error: { code: 'hub-error', params: { reason: expect.stringMatching(/cannot store/) as string } } });
    expect(mine.lastSeq).toBe(wire[2]!.seq);
    expect(theirs.results).toMatchObject([{ status: 'ok' }]);
    expect(others.results).toMatchObject([{ status: 'ok' }]);
    expect(await recordOf(db, 'programmes', good1)).toMatchObject({ name: 'Before' });
    expect(await recordOf(db, 'programmes', good2)).toMatchObject({ name: 'After' });
    expect(await recordOf(db, 'programmes', poison)).toBeUndefined();
    // Answered for good: the device's retry gets the same answers, and its queue moves on.
    expect((await c.coordinator.push(wire)).map((r) => r.status)).toEqual(['ok', 'rejected', 'ok']);
    await c.coordinator.pushOk([{ name: 'programme.create', args: { id: uid('prog'), name: 'Next', description: '' } }]);
  });

  it('gives every row one hub sequence in the order of its last write, and devices pull the group consistently', async () => {
    const meetings = await meetingsOf(db, world.sessionA);
    const [m1, m2] = [meetings[0]!, meetings[1]!];
    await c.coordinator.pushOk(world.trainees.slice(0, 2).map((p) => ({ name: 'enrolment.request', args: { id: uid('enr'), personId: p, sessionId: world.sessionA } })));
    const instructor = await account('instructor');
    const coordinator = await account('coordinator');
    const marks = (client: TestClient, status: 'present' | 'late' | 'absent') =>
      client.wire([
        { name: 'attendance.mark', args: { meetingId: m1, personId: 'p-1', status } },
        { name: 'attendance.mark', args: { meetingId: m2, personId: 'p-2', status } },
        { name: 'attendance.mark', args: { meetingId: m1, personId: 'p-1', status: 'excused' } },
      ]);
    const [a, b] = await Promise.all([
      push(db, instructor, body(c.instructor, marks(c.instructor, 'present'))),
      push(db, coordinator, body(c.coordinator, marks(c.coordinator, 'late'))),
    ]);
    expect(a.results.every((r) => r.status === 'ok') && b.results.every((r) => r.status === 'ok')).toBe(true);
    // The later push wins each slot (hub order), and every stored row has its own sequence number.
    expect(await recordOf(db, 'attendance', `${m2}|p-2`)).toMatchObject({ status: 'late' });
    const records = await dumpRecords(db);
    expect(new Set(records.map((r) => r.seq)).size).toBe(records.length);
    await c.trainee1.pullAll();
    await c.instructor.pullAll();
    expect(c.instructor.rows.get(`attendance/${m1}|p-1`)).toMatchObject({ status: 'excused' });
    expect(c.trainee1.rows.get(`attendance/${m1}|p-1`)).toEqual(await recordOf(db, 'attendance', `${m1}|p-1`));
  });

  it('leaves out of the next pull the rows a device said it holds exactly as the hub stored them, and only those', async () => {
    const client = c.instructor;
    await client.pullAll();
    const meetings = await meetingsOf(db, world.sessionA);
    const instructor = await account('instructor');
    const wire = client.wire([
      { name: 'attendance.mark', args: { meetingId: meetings[3]!, personId: 'p-1', status: 'present' } },
      { name: 'attendance.mark', args: { meetingId: meetings[4]!, personId: 'p-1', status: 'present' } },
    ]);
    const keys = [`${meetings[3]}|p-1`, `${meetings[4]}|p-1`];
    wire.forEach((m, i) => (m.writes = [['attendance', keys[i]!]]));
    // What the hub will store, as the device computed it (same change, same actor, same time)…
    const deviceRow = (key: string, meetingId: string) => ({
      id: key,
      meetingId,
      sessionId: world.sessionA,
      personId: 'p-1',
      status: 'present',
      recordedBy: `device of ${emailOf('instructor')}/${world.instructor}`,
      recordedAt: wire[0]!.at,
    });
    // …for the first; for the second the device holds something else.
    const have = [rowHash(deviceRow(keys[0]!, meetings[3]!)), rowHash({ ...deviceRow(keys[1]!, meetings[4]!), status: 'late' })];
    expect(writtenKeys(wire).map(([, id]) => id)).toEqual(keys);
    wire[1]!.at = wire[0]!.at;
    await push(db, instructor, { ...body(client, wire, have), deviceName: `device of ${emailOf('instructor')}` });
    const pages = await client.pullAll();
    const pulled = pages.flatMap((p) => p.changes).map((ch) => ch.id);
    expect(pulled).not.toContain(keys[0]);
    expect(pulled).toContain(keys[1]);
    // The cursor moved past what was left out: the device has seen everything up to the hub's top.
    const top = Number((await db.selectFrom('hub_counter').select('seq').executeTakeFirstOrThrow()).seq);
    expect(Number(client.cursor.split('.')[0])).toBe(top);
    // Another device gets both; so does this device when it starts again from a fresh copy.
    await c.coordinator.pullAll();
    expect(c.coordinator.rows.get(`attendance/${keys[0]}`)).toMatchObject({ status: 'present' });
    const fresh = await transport({ method: 'GET', url: '/sync/pull?cursor=&budget=4194304', token: client.token });
    const all: PullResponse[] = [fresh.body as unknown as PullResponse];
    expect(all[0]!.changes.map((ch) => ch.id)).toEqual(expect.arrayContaining(keys));
  });
});
