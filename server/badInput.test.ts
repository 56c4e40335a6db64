// Bad input reaching the hub: each gets a clear JSON {error, message}, is logged, changes nothing
// stored, and the hub goes on serving other devices.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { maxRequestBytes, syncSchemaVersion } from '../shared/sync/protocol';
import type { Database } from './db/schema';
import { openDatabase } from './db/open';
import { buildHub } from './app';
import { findAccountByEmail, issueToken, tokenDays } from './accounts';
import { dumpRecords, injectTransport, LogLines, loginAll, meetingsOf, password, startTestHub, TestClient, world, worldCalls, type AccountKey, type HubAnswer, type Transport } from './testing';

describe('bad input to the hub', () => {
  let db: Kysely<Database>;
  let app: FastifyInstance;
  let logs: LogLines;
  let transport: Transport;
  let c: Record<AccountKey, TestClient>;
  let n = 0;

  beforeAll(async () => {
    db = await openDatabase({ memory: true });
    ({ app, logs, transport } = await startTestHub(db));
    c = await loginAll(transport);
    await c.coordinator.pushOk(worldCalls());
    await c.coordinator.pushOk([{ name: 'enrolment.request', args: { id: 'enr-b-p2', personId: 'p-2', sessionId: world.sessionB } }]);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
  });

  /**
   * Runs a bad request and checks the answer, the log, that nothing stored changed, and that the
   * hub still serves another device (a push and a pull of trainee 2).
   */
  async function refused(send: () => Promise<HubAnswer>, status: number, error: string, message: RegExp, logged: RegExp = message) {
    const before = await dumpRecords(db);
    const from = logs.mark();
    const answer = await send();
    expect(answer.status).toBe(status);
    expect(answer.body.error).toBe(error);
    expect(String(answer.body.message)).toMatch(message);
    expect(answer.headers['content-type']).toMatch(/application\/json/);
    await new Promise((resolve) => setImmediate(resolve));
    const lines = logs.since(from).filter((l) => Number(l.level) >= 30);
    expect(lines.map((l) => `${String(l.msg)} ${JSON.stringify(l.err ?? '')}`).join('\n')).toMatch(logged);
    expect(await dumpRecords(db)).toEqual(before);
    await stillServes();
    return answer;
  }

  async function stillServes() {
    const id = `inst-still-${++n}`;
    const [result] = await c.coordinator.push([{ name: 'institution.create', args: { id, name: id, country: 'PK', city: '' } }]);
    expect(result).toMatchObject({ status: 'ok' });
    await c.trainee2.pullAll();
    expect(c.trainee2.ids('enrolments')).toContain('enr-b-p2');
  }

  const pushBody = (client: TestClient) => ({ clientId: client.clientId, schemaVersion: syncSchemaVersion, mutations: client.wire([{ name: 'programme.create', args: { id: `prog-x-${++n}`, name: 'X', description: '' } }]) });

  it('answers 413 to an oversized body, plain or as a gzip bomb', async () => {
    const big = JSON.stringify({ ...pushBody(c.coordinator), padding: 'x'.repeat(maxRequestBytes + 10) });
    await refused(() => transport({ method: 'POST', url: '/sync/push', token: c.coordinator.token, raw: big }), 413, 'too-large', /larger than 8 MB/, /too large/);
    const bomb = gzipSync(Buffer.from(JSON.stringify({ padding: '0'.repeat(maxRequestBytes * 2) })));
    expect(bomb.length).toBeLessThan(maxRequestBytes);
    await refused(
      () => transport({ method: 'POST', url: '/sync/push', token: c.coordinator.token, raw: bomb, headers: { 'content-encoding': 'gzip' } }),
      413,
      'too-large',
      /larger than 8 MB once unpacked/,
    );
  });

  it('answers 400 to malformed JSON and to broken gzip, saying which', async () => {
    await refused(() => transport({ method: 'POST', url: '/sync/push', token: c.coordinator.token, raw: '{"clientId": "abc' }), 400, 'bad-request', /not valid JSON/);
    await refused(
      () => transport({ method: 'POST', url: '/sync/push', token: c.coordinator.token, raw: 'this is not gzip', headers: { 'content-encoding': 'gzip' } }),
      400,
      'bad-request',
      /not valid gzip-compressed JSON/,
    );
    // A well-formed body of the wrong shape says where.
    const answer = await refused(
      () => transport({ method: 'POST', url: '/sync/push', token: c.coordinator.token, body: { clientId: c.coordinator.clientId, schemaVersion: syncSchemaVersion, mutations: 'none' } }),
      400,
      'bad-request',
      /not valid at "mutations"/,
    );
    expect(answer.body.where).toBe('mutations');
  });

  it('refuses an unknown mutation and invalid arguments one by one; the rest of the batch is applied', async () => {
    const client = c.coordinator;
    const [good1, unknown, invalid, good2] = client.wire([
      { name: 'programme.create', args: { id: 'prog-batch-1', name: 'Batch 1', description: '' } },
      { name: 'programme.teleport', args: { id: 'x' } },
      { name: 'programme.create', args: { id: 'prog-batch-bad', name: '', description: 7 } },
      { name: 'programme.create', args: { id: 'prog-batch-2', name: 'Batch 2', description: '' } },
    ]);
    const from = logs.mark();
    const answer = await client.pushRaw([good1!, unknown!, invalid!, good2!]);
    expect(answer.status).toBe(200);
    const results = answer.body.results as { status: string; error?: { code: string; fields: { path: string }[] } }[];
    expect(results.map((r) => r.status)).toEqual(['ok', 'rejected', 'rejected', 'ok']);
    expect(results[1]).toMatchObject({ error: { code: 'unknown-mutation', params: { name: 'programme.teleport' } } });
    expect(results[2]!.error!.code).toBe('invalid-args');
    expect(results[2]!.error!.fields.map((f) => f.path).sort()).toEqual(['description', 'name']);
    const stored = await db.selectFrom('records').select('id').where('tbl', '=', 'programmes').where('id', 'like', 'prog-batch-%').orderBy('id').execute();
    expect(stored.map((r) => r.id)).toEqual(['prog-batch-1', 'prog-batch-2']);
    expect(logs.since(from).some((l) => l.msg === 'pushed changes refused' && JSON.stringify(l).includes('unknown-mutation'))).toBe(true);
    await stillServes();
  });

  it('answers 401 to a forged, a missing and an expired token', async () => {
    const push = (token: string) => () => transport({ method: 'POST', url: '/sync/push', token, body: pushBody(c.coordinator) });
    await refused(push('forged-token-abcdef'), 401, 'unauthorized', /expired or was revoked/);
    await refused(() => transport({ method: 'GET', url: '/sync/pull?cursor=' }), 401, 'unauthorized', /Sign in/);
    const account = (await findAccountByEmail(db, 'coordinator@hub.test'))!;
    const { token } = await issueToken(db, account.id, c.coordinator.clientId, new Date(Date.now() - (tokenDays + 1) * 86_400_000));
    await refused(push(token), 401, 'unauthorized', /expired/);
    await refused(() => transport({ method: 'GET', url: '/sync/pull?cursor=', token }), 401, 'unauthorized', /expired/);
  });

  it('answers 403 to a push naming a device of another account', async () => {
    await refused(
      () => transport({ method: 'POST', url: '/sync/push', token: c.trainee1.token, body: { ...pushBody(c.trainee1), clientId: c.trainee2.clientId } }),
      403,
      'forbidden',
      /another device/,
    );
    // A device that another account signed in on since: its old token no longer pushes for it.
    const shared = await TestClient.login(transport, 'trainee1@hub.test');
    await TestClient.login(transport, 'trainee2@hub.test', shared.clientId);
    await refused(() => shared.pushRaw(shared.wire([{ name: 'enrolment.withdraw', args: { id: 'enr-b-p2' } }])), 403, 'forbidden', /not signed in to this account/);
  });

  it('refuses an instructor’s marks in a session they do not teach, per mutation, and logs it', async () => {
    const [meetingB] = await meetingsOf(db, world.sessionB);
    const before = await dumpRecords(db);
    const from = logs.mark();
    const results = await c.instructor.push([{ name: 'attendance.mark', args: { meetingId: meetingB!, personId: 'p-2', status: 'absent' } }]);
    expect(results).toMatchObject([{ status: 'rejected', error: { code: 'forbidden' } }]);
    expect(logs.since(from).some((l) => l.msg === 'pushed changes refused' && JSON.stringify(l).includes('forbidden'))).toBe(true);
    expect(await dumpRecords(db)).toEqual(before);
    await stillServes();
  });

  it('answers 429 after the sign-in limit for one address, logs it, and still signs in other people from the same network', async () => {
    const limited = new LogLines();
    const hub = await buildHub({ db, logger: { stream: limited.stream, level: 'info' }, loginLimit: 3 });
    try {
      const send = injectTransport(hub);
      const attempt = (email: string, pw: string) => send({ method: 'POST', url: '/api/login', body: { email, password: pw, clientId: 'client-rate-limit', deviceName: '' } });
      for (let i = 0; i < 3; i++) expect((await attempt('coordinator@hub.test', 'wrong password')).status).toBe(401);
      const before = await dumpRecords(db);
      const answer = await attempt('coordinator@hub.test', password);
      expect(answer.status).toBe(429);
      expect(answer.body.error).toBe('rate-limited');
      expect(String(answer.body.message)).toMatch(/wait a minute/);
      expect(limited.lines.some((l) => Number(l.level) >= 40 && /sign-in attempts|rate/i.test(String(l.msg)))).toBe(true);
      expect(await dumpRecords(db)).toEqual(before);
      // Another person behind the same address is not locked out by someone else's attempts.
      expect((await attempt('trainee2@hub.test', password)).status).toBe(200);
      await stillServes();
    } finally {
      await hub.close();
    }
  });
});
