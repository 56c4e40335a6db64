// A day's attendance over a 2G-like link (issue 5 "Tests"): 50 kbit/s each way, 600 ms round
// trip, 5% of connections cut, through the throttling proxy on loopback. The instructor's 200
// marks reach the hub exactly once, and a sync cut off part-way resumes without sending again a
// change the hub had already acknowledged. Elapsed time and bytes are printed, not asserted.
import 'fake-indexeddb/auto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHub } from '../../server/app';
import { createAccount } from '../../server/accounts';
import { openDatabase } from '../../server/db/open';
import { ensureOrganisation } from '../../server/organisation';
import type { Database } from '../../server/db/schema';
import type { Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { courseArgs, personArgs, programmeArgs, sessionArgs } from '../../shared/testing/factories';
import type { MutationCall } from '../../shared/mutations';
import { password, startDevice, type Device } from '../support/hub';
import { startThrottleProxy, type ThrottleProxy } from '../support/throttleProxy';

const trainees = 40;
const classDays = 5;
const pushBatch = 50;
const seed = 6;

/**
 * fetch over node:http with a new connection for every request (no keep-alive), so each request
 * takes its own chance of being cut by the proxy, as on a link that keeps dropping.
 */
const oneConnectionFetch = ((input: RequestInfo | URL, init: RequestInit = {}) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input.toString() : input.url);
    const headers: Record<string, string> = { 'accept-encoding': 'gzip', ...(init.headers as Record<string, string> | undefined) };
    const body = init.body as Uint8Array | string | undefined;
    const req = httpRequest(url, { method: init.method ?? 'GET', headers, agent: false, signal: init.signal ?? undefined }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('aborted', () => reject(new TypeError('fetch failed (connection cut mid-body)')));
      res.on('end', () => {
        if (!res.complete) return reject(new TypeError('fetch failed (connection cut mid-body)'));
        let bytes = Buffer.concat(chunks);
        try {
          if (res.headers['content-encoding'] === 'gzip') bytes = gunzipSync(bytes);
        } catch (error) {
          return reject(error instanceof Error ? error : new Error(String(error)));
        }
        resolve(new Response(bytes, { status: res.statusCode ?? 0, headers: { 'content-type': String(res.headers['content-type'] ?? '') } }));
      });
    });
    req.on('error', (error) => reject(new TypeError(`fetch failed (${error.message})`)));
    req.end(body);
  })) as typeof fetch;

/** Mutation ids of each push the hub received, in the order they arrived. */
const received: string[][] = [];
/** Each push the device sent, in order, and whether its answer reached the device whole. */
const pushes: { ids: string[]; acknowledged: boolean }[] = [];

let db: Kysely<Database>;
let app: FastifyInstance;
let hubUrl: string;
let proxy: ThrottleProxy;

beforeAll(async () => {
  db = await openDatabase({ memory: true });
  await ensureOrganisation(db, { name: 'Test centre', code: 'TST' });
  app = await buildHub({ db, loginLimit: 1000 });
  // What the hub itself saw, push by push (after the body is parsed, before it is applied).
  app.addHook('preHandler', (request, _reply, done) => {
    if (request.url.startsWith('/sync/push')) received.push(((request.body as { mutations?: { id: string }[] }).mutations ?? []).map((m) => m.id));
    done();
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as AddressInfo).port;
  hubUrl = `http://127.0.0.1:${port}/`;
  await createAccount(db, { email: 'coord@poor.org', role: 'coordinator', personId: '', password });
  await createAccount(db, { email: 'teacher@poor.org', role: 'instructor', personId: 'p-teacher', password });
  proxy = await startThrottleProxy({ target: { host: '127.0.0.1', port }, kbitPerSecond: 50, roundTripMs: 600, cutProbability: 0.05, seed });
});
afterAll(async () => {
  await proxy?.close();
  await app?.close();
  await db?.destroy();
});

/** Tries again until it works (a cut connection is a failed attempt), at most `limit` times. */
async function untilDone<T>(limit: number, attempt: () => Promise<T>): Promise<{ value: T; failures: string[] }> {
  const failures: string[] = [];
  for (;;) {
    try {
      return { value: await attempt(), failures };
    } catch (error) {
      failures.push(error instanceof Error ? error.message : String(error));
      if (failures.length >= limit) throw new Error(`Gave up after ${limit} attempts: ${failures.join(' | ')}`);
    }
  }
}

describe('a day of attendance over a 2G link', () => {
  it('200 marks reach the hub exactly once; an interrupted sync never resends an acknowledged change', { timeout: 180_000 }, async () => {
    // The coordinator, on a good link, sets up the session and its roster.
    const coordinator = await startDevice(hubUrl, 'coord@poor.org', { role: 'coordinator', deviceId: 'office' });
    const roster: MutationCall[] = [
      { name: 'programme.create', args: programmeArgs() },
      { name: 'course.create', args: courseArgs() },
      { name: 'person.create', args: personArgs({ id: 'p-teacher', email: 'teacher@example.org', roles: ['instructor'] }) },
      { name: 'session.create', args: sessionArgs({ capacity: trainees, instructorIds: ['p-teacher'] }) },
    ];
    for (let k = 1; k <= trainees; k++) {
      roster.push({ name: 'person.create', args: personArgs({ id: `t-${k}`, email: `t-${k}@example.org`, latinName: `Trainee ${k}` }) });
      roster.push({ name: 'enrolment.request', args: { id: `e-${k}`, personId: `t-${k}`, sessionId: 'session-1' } });
    }
    expect((await coordinator.run(roster, '2026-02-01T10:00:00.000Z')).filter((o) => !o.ok)).toEqual([]);
    await coordinator.sync();

    // The instructor's device talks to the hub only through the poor link.
    const link = ((input: RequestInfo | URL, init?: RequestInit) => {
      const ids = pushIds(init?.body);
      const push = ids && { ids, acknowledged: false };
      if (push) pushes.push(push);
      return oneConnectionFetch(input, init).then(async (response) => {
        const text = await response.text();
        if (push && response.ok) push.acknowledged = true;
        return new Response(text, { status: response.status, headers: response.headers });
      });
    }) as typeof fetch;
    const setUpStarted = performance.now();
    let teacher!: Device;
    await untilDone(20, async () => {
      teacher = await startDevice(proxy.url, 'teacher@poor.org', { role: 'instructor', deviceId: 'classroom' }, { fetch: link, pushBatch, timeoutMs: 60_000 });
    });
    await untilDone(20, () => teacher.sync());
    const setUp = { ms: Math.round(performance.now() - setUpStarted), up: proxy.stats.bytesUp, down: proxy.stats.bytesDown, connections: proxy.stats.connections };

    // Offline, a day's attendance: every trainee on each of five class days.
    const meetings = (await teacher.db.meetings.where('sessionId').equals('session-1').sortBy('date')).slice(0, classDays);
    expect(meetings).toHaveLength(classDays);
    const statuses = ['present', 'present', 'present', 'late', 'absent', 'excused'] as const;
    const marks: MutationCall[] = meetings.flatMap((meeting, d) =>
      Array.from({ length: trainees }, (_, k): MutationCall => ({ name: 'attendance.mark', args: { meetingId: meeting.id, personId: `t-${k + 1}`, status: statuses[(k + d) % statuses.length]! } })),
    );
    const outcomes = await teacher.run(marks, '2026-03-09T09:00:00.000Z');
    expect(outcomes.filter((o) => !o.ok)).toEqual([]);
    expect(await teacher.db.outbox.count()).toBe(200);

    // Sync until done, over the 2G link.
    const before = { ...proxy.stats };
    const started = performance.now();
    const { failures } = await untilDone(40, () => teacher.sync());
    const elapsed = Math.round(performance.now() - started);
    const bytes = { up: proxy.stats.bytesUp - before.bytesUp, down: proxy.stats.bytesDown - before.bytesDown };
    console.log(
      JSON.stringify({
        poorLink: { kbitPerSecond: 50, roundTripMs: 600, cutProbability: 0.05, seed },
        setUp,
        marks: 200,
        elapsedMs: elapsed,
        bytesUp: bytes.up,
        bytesDown: bytes.down,
        connections: proxy.stats.connections - before.connections,
        cut: proxy.stats.cut - before.cut,
        failedAttempts: failures,
      }),
    );

    // All 200 reached the hub, each applied once.
    expect(await teacher.db.outbox.count()).toBe(0);
    const results = await db.selectFrom('results').select(['mutation_id', 'result']).where('client_id', '=', teacher.session.clientId).execute();
    const markIds = new Set(outcomes.map((o) => (o.ok ? o.id : '')));
    const applied = results.filter((r) => markIds.has(r.mutation_id));
    expect(applied).toHaveLength(200);
    expect(new Set(applied.map((r) => r.mutation_id)).size).toBe(200);
    expect(applied.every((r) => (r.result as unknown as { status: string }).status === 'ok')).toBe(true);
    const stored = await db.selectFrom('records').select('id').where('tbl', '=', 'attendance').where('data', 'is not', null).execute();
    expect(stored).toHaveLength(200);
    expect(await teacher.db.attendance.count()).toBe(200);

    // The link did cut this sync (the seed is chosen so), and it resumed: no change the device had
    // an acknowledgement for was sent again, so none reached the hub again.
    expect(failures.length).toBeGreaterThan(0);
    const acked = new Set<string>();
    const sentTimes = new Map<string, number>();
    for (const push of pushes) {
      for (const id of push.ids) {
        expect(acked.has(id), `acknowledged change ${id} sent again`).toBe(false);
        sentTimes.set(id, (sentTimes.get(id) ?? 0) + 1);
      }
      if (push.acknowledged) for (const id of push.ids) acked.add(id);
    }
    expect([...acked].filter((id) => markIds.has(id))).toHaveLength(200);
    const seenByHub = new Map<string, number>();
    for (const ids of received) for (const id of ids) if (markIds.has(id)) seenByHub.set(id, (seenByHub.get(id) ?? 0) + 1);
    expect(seenByHub.size).toBe(200);
    for (const [id, count] of seenByHub) expect(count).toBeLessThanOrEqual(sentTimes.get(id)!);
    const resent = [...sentTimes.values()].filter((n) => n > 1).length;
    console.log(JSON.stringify({ pushes: pushes.length, acknowledgedPushes: pushes.filter((p) => p.acknowledged).length, marksSentMoreThanOnce: resent, pushesReachingHub: received.length }));
  });
});

/** The mutation ids in a gzip JSON push body, or undefined for other requests. */
function pushIds(body: unknown): string[] | undefined {
  if (!(body instanceof Uint8Array)) return undefined;
  try {
    return ((JSON.parse(gunzipSync(body).toString('utf8')) as { mutations?: { id: string }[] }).mutations ?? []).map((m) => m.id);
  } catch {
    return undefined;
  }
}
