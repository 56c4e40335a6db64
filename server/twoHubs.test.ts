// Two hub processes (the built bundle, `node dist/hub/main.mjs`) on one PostgreSQL database:
// devices push to both at once, race for the last place, pull from the other hub, and agree.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { buildHubBundle } from '../scripts/lib/hubBundle.mjs';
import { postgresAvailable, startPostgres, type TestPostgres } from '../test/support/postgres';
import type { Enrolment } from '../shared/domain/enrolment';
import { syncSchemaVersion, type PushResult } from '../shared/sync/protocol';
import type { Database } from './db/schema';
import { openDatabase } from './db/open';
import { createAccount } from './accounts';
import { fetchTransport, openSession, password, TestClient, world, worldCalls, type Wire } from './testing';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts one hub process and waits until it answers /health. */
async function startHubProcess(entry: string, databaseUrl: string, port: number): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  let output = '';
  const child = spawn(process.execPath, [entry], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HUB_ADMIN_PASSWORD: password, HUB_ADMIN_EMAIL: 'coordinator@hub.test', HUB_QUIET: '1', HUB_WEB_ROOT: '/nonexistent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hub exited (${child.exitCode}): ${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { child, url, output: () => output };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`hub did not start: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!postgresAvailable())('two hub processes on one PostgreSQL', () => {
  let cluster: TestPostgres;
  let db: Kysely<Database>;
  const hubs: Awaited<ReturnType<typeof startHubProcess>>[] = [];

  beforeAll(async () => {
    const [entry, pgCluster] = await Promise.all([buildHubBundle(), startPostgres()]);
    cluster = pgCluster;
    const url = await cluster.createDatabase('two_hubs');
    // The first start creates the organisation and the coordinator; the second finds them.
    hubs.push(await startHubProcess(entry, url, await freePort()));
    hubs.push(await startHubProcess(entry, url, await freePort()));
    expect(hubs[0]!.output()).toMatch(/created the organisation/);
    expect(hubs[1]!.output()).not.toMatch(/created the organisation/);
    db = await openDatabase({ databaseUrl: url });
    for (const [i, personId] of world.trainees.entries()) await createAccount(db, { email: `trainee${i + 1}@hub.test`, role: 'trainee', personId, password });
  }, 120_000);

  afterAll(async () => {
    for (const hub of hubs) hub.child.kill('SIGTERM');
    await Promise.all(hubs.map((hub) => (hub.child.exitCode === null ? new Promise((resolve) => hub.child.once('exit', resolve)) : Promise.resolve())));
    await db?.destroy();
    await cluster?.stop();
  });

  it('applies every acknowledged mutation exactly once, never overfills a session, and every device converges', async () => {
    const [a, b] = hubs.map((hub) => fetchTransport(hub.url));
    const coordinatorA = await TestClient.login(a!, 'coordinator@hub.test');
    const coordinatorB = await TestClient.login(b!, 'coordinator@hub.test');
    await coordinatorA.pushOk(worldCalls());
    const race = 'session-race';
    await coordinatorB.pushOk([{ name: 'session.create', args: openSession(race, { capacity: 1 }) }]);

    // Trainees alternate hubs; each pushes concurrently with the others, racing for the one place.
    const trainees = await Promise.all(world.trainees.map((_, i) => TestClient.login(i % 2 ? b! : a!, `trainee${i + 1}@hub.test`)));
    const enrolments = world.trainees.map((personId) => `enr-race-${personId}`);
    const pushes = trainees.map((t, i) => t.push([{ name: 'enrolment.request', args: { id: enrolments[i]!, personId: world.trainees[i]!, sessionId: race } }]));
    // Meanwhile two coordinator devices write batches in their own order (a device pushes one batch at a
    // time), sending them to the two hubs alternately.
    const batches: Wire[][] = [];
    const via = (hub: typeof a, client: TestClient, batch: Wire[]) =>
      hub!({ method: 'POST', url: '/sync/push', token: client.token, body: { clientId: client.clientId, schemaVersion: syncSchemaVersion, mutations: batch } });
    const writes = [coordinatorA, coordinatorB].map(async (co, k) => {
      const results: PushResult[] = [];
      for (let j = 0; j < 4; j++) {
        const batch = co.wire(Array.from({ length: 5 }, (_, m) => ({ name: 'programme.create', args: { id: `prog-${k}-${j}-${m}`, name: `P ${k}.${j}.${m}`, description: '' } })));
        batches.push(batch);
        const answer = await via((j + k) % 2 ? b : a, co, batch);
        expect(answer.status).toBe(200);
        results.push(...(answer.body.results as PushResult[]));
      }
      return results;
    });
    const [raceResults, writeResults] = await Promise.all([Promise.all(pushes), Promise.all(writes)]);
    expect(writeResults.flat().filter((r) => r.status !== 'ok')).toEqual([]);
    expect(raceResults.flat().filter((r) => r.status !== 'ok')).toEqual([]);
    expect(raceResults.flat().filter((r) => r.status === 'ok' && r.notices?.some((x) => x.code === 'waitlisted'))).toHaveLength(trainees.length - 1);

    // Retries through the other hub answer the stored results and write nothing (batches[0] is device A's first:
    // its loop ran first, up to its first await).
    const before = await db.selectFrom('records').select(['tbl', 'id', 'seq']).orderBy('seq').execute();
    const retried = await coordinatorB.transport({ method: 'POST', url: '/sync/push', token: coordinatorA.token, body: { clientId: coordinatorA.clientId, schemaVersion: syncSchemaVersion, mutations: batches[0] } });
    expect(retried.status).toBe(200);
    expect((retried.body.results as { status: string }[]).every((r) => r.status === 'ok')).toBe(true);
    expect(await db.selectFrom('records').select(['tbl', 'id', 'seq']).orderBy('seq').execute()).toEqual(before);

    // Exactly once: one row per programme, and hub sequences are unique and dense.
    const programmes = await db.selectFrom('records').select('id').where('tbl', '=', 'programmes').where('id', 'like', 'prog-%-%-%').execute();
    expect(programmes).toHaveLength(40);
    const seqs = before.map((r) => Number(r.seq));
    expect(new Set(seqs).size).toBe(seqs.length);
    const results = await db.selectFrom('results').select(['client_id', 'seq']).execute();
    expect(new Set(results.map((r) => `${r.client_id}/${r.seq}`)).size).toBe(results.length);

    // Capacity: one enrolled, the others waitlisted in distinct positions.
    const rows = (await db.selectFrom('records').select('data').where('tbl', '=', 'enrolments').where('id', 'in', enrolments).execute()).map((r) => r.data as unknown as Enrolment);
    expect(rows.filter((e) => e.state === 'enrolled')).toHaveLength(1);
    const ranks = rows.filter((e) => e.state === 'waitlisted').map((e) => e.waitlistRank);
    expect(new Set(ranks).size).toBe(trainees.length - 1);

    // A withdrawal on one hub promotes exactly one, seen from the other hub.
    const enrolledIndex = rows.findIndex((e) => e.state === 'enrolled');
    const winner = trainees[world.trainees.indexOf(rows[enrolledIndex]!.personId)]!;
    const [withdrawn] = await winner.push([{ name: 'enrolment.withdraw', args: { id: rows[enrolledIndex]!.id } }]);
    expect(withdrawn).toMatchObject({ status: 'ok', notices: [{ code: 'promoted' }] });

    // Pull from the other hub: every device converges on the same rows as the hub's tables.
    const readers = await Promise.all([TestClient.login(b!, 'coordinator@hub.test'), TestClient.login(a!, 'coordinator@hub.test')]);
    await Promise.all(readers.map((r) => r.pullAll(32 * 1024)));
    expect(Object.fromEntries(readers[0].rows)).toEqual(Object.fromEntries(readers[1].rows));
    const stored = await db.selectFrom('records').select(['tbl', 'id', 'data']).where('data', 'is not', null).execute();
    expect(readers[0].rows.size).toBe(stored.length);
    const afterWithdrawal = [...readers[0].rows].filter(([k]) => enrolments.some((id) => k === `enrolments/${id}`)).map(([, r]) => r.state);
    expect(afterWithdrawal.filter((s) => s === 'enrolled')).toHaveLength(1);
    expect(afterWithdrawal.filter((s) => s === 'withdrawn')).toHaveLength(1);
    for (const [i, t] of trainees.entries()) {
      const other = i % 2 ? a! : b!;
      const mirror = new TestClient(other, t.clientId, t.token, t.session);
      await mirror.pullAll();
      expect(mirror.ids('enrolments'), `trainee ${i + 1}`).toEqual([enrolments[i]]);
    }
  }, 120_000);
});
