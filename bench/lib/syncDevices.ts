// The Node side of the sync bench (bundled into dist/bench-sync/syncDevices.mjs and imported by
// bench/lib/syncRun.mjs): an instructor device running the app's own SyncEngine over
// fake-indexeddb (100 marks in one sync; the same over the throttled "2G" link), and 50 plain
// HTTP devices pushing marks at once. The hub runs in its own process (bench/lib/syncHub.ts).
import 'fake-indexeddb/auto';
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { ApogeeDb, type OutboxEntry } from '../../renderer/db/schema';
import { runMutations } from '../../renderer/db/mutate';
import { SyncEngine, type SyncReport } from '../../renderer/sync/engine';
import { signIn } from '../../renderer/sync/session';
import { readSession, readStatus, writeSession } from '../../renderer/sync/state';
import { syncSchemaVersion } from '../../shared/sync/protocol';
import { meetingId } from '../../shared/domain/schedule';
import { attendanceMarkId } from '../../shared/domain/enrolment';
import type { MutationCall } from '../../shared/mutations';
import { deviceInstructor, fixture } from './syncSeed';

/** The fixture sessions' class days: Monday 2 to Friday 27 February 2026. */
const classDays = (() => {
  const days: string[] = [];
  for (let d = 2; d <= 27; d++) {
    const date = `2026-02-${String(d).padStart(2, '0')}`;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) days.push(date);
  }
  return days;
})();
const traineeOf = (sessionId: string, t: number) =>
  `${sessionId}-trainee-${String(t + 1).padStart(2, '0')}`;
const statuses = ['present', 'present', 'present', 'late', 'absent', 'excused'] as const;

/** Marks of a session, slot after slot (class day by class day), from `from`. */
function markCalls(
  sessionId: string,
  trainees: number,
  from: number,
  count: number,
): MutationCall[] {
  const calls: MutationCall[] = [];
  for (let i = from; i < from + count; i++) {
    const day = classDays[Math.floor(i / trainees) % classDays.length]!;
    calls.push({
      name: 'attendance.mark',
      args: {
        meetingId: meetingId(sessionId, day),
        personId: traineeOf(sessionId, i % trainees),
        status: statuses[i % statuses.length]!,
      },
    });
  }
  return calls;
}

/** A TCP pass-through that counts the bytes each way, headers included (what the link carries). */
async function countingProxy(target: { host: string; port: number }) {
  const counts = { up: 0, down: 0, connections: 0 };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    counts.connections++;
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => (counts.up += chunk.length));
    upstream.on('data', (chunk: Buffer) => (counts.down += chunk.length));
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    counts,
    reset() {
      counts.up = counts.down = counts.connections = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

type Captured = {
  method: string;
  path: string;
  requestJson?: string;
  responseText: string;
  status: number;
};

/** fetch that keeps what went each way (uncompressed), for the byte breakdown. */
function capturingFetch(log: Captured[]): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const text = await response.text();
    const url = new URL(input instanceof Request ? input.url : input.toString());
    log.push({
      method: init?.method ?? 'GET',
      path: url.pathname,
      responseText: text,
      status: response.status,
    });
    return new Response(text, { status: response.status, headers: response.headers });
  };
}

const gz = (value: unknown) =>
  gzipSync(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)), { level: 6 })
    .length;

/**
 * The instructor device: signs in, pulls its scope (setup), records 100 marks with the app's
 * write path and syncs once; then records 200 more and syncs them over the throttled link.
 */
export async function benchInstructorDevice(
  hubUrl: string,
  options: {
    marks: number;
    slowMarks: number;
    throttle?: ThrottleFactory;
    log: (text: string) => void;
  },
) {
  const hub = new URL(hubUrl);
  const proxy = await countingProxy({ host: hub.hostname, port: Number(hub.port) });
  const db = new ApogeeDb(`bench-instructor-${process.pid}`);
  await db.open();
  const captured: Captured[] = [];
  try {
    const session = await signIn(db, {
      hub: proxy.url,
      email: fixture.main.email,
      password: fixture.password,
      deviceName: 'bench instructor',
    });
    // As the app acts when signed in (sessionActor): the hub then holds the same rows as the device.
    const actor = {
      role: 'instructor' as const,
      personId: session.account.personId,
      deviceId: session.deviceName || session.clientId,
    };
    const setupStart = performance.now();
    const setup = await new SyncEngine(db).sync();
    const setupMs = performance.now() - setupStart;
    options.log(
      `sync: instructor device set up (${setup.pulled.toLocaleString('en-GB')} rows pulled in ${Math.round(setupMs)} ms, fake-indexeddb)`,
    );

    // 100 marks, one sync.
    const calls = markCalls(fixture.main.sessionId, fixture.main.trainees, 0, options.marks);
    const outcomes = await runMutations(db, calls, { actor });
    const refused = outcomes.filter((o) => !o.ok).length;
    const outbox: OutboxEntry[] = await db.outbox.orderBy('seq').toArray();
    const before = await readStatus(db);
    proxy.reset();
    const engine = new SyncEngine(db, { fetch: capturingFetch(captured) });
    const t0 = performance.now();
    const report = await engine.sync();
    const ms = performance.now() - t0;
    const after = await readStatus(db);
    const bytesUp = (after.bytesUp ?? 0) - (before.bytesUp ?? 0);
    const bytesDown = (after.bytesDown ?? 0) - (before.bytesDown ?? 0);
    const wire = { ...proxy.counts };
    const breakdown = byteBreakdown(session.clientId, outbox, captured);
    const hundred = {
      marks: calls.length,
      refused,
      report,
      ms,
      bytesUp,
      bytesDown,
      wireUp: wire.up,
      wireDown: wire.down,
      connections: wire.connections,
      breakdown,
      pendingAfter: await db.outbox.count(),
    };

    // 200 marks over the 2G link.
    let slow: Record<string, unknown> | { notMeasured: string };
    if (!options.throttle) slow = { notMeasured: 'test/support/throttleProxy.ts is not there yet' };
    else slow = await slowLink(db, session, actor, hub, options);
    return {
      setup: { pulled: setup.pulled, requests: setup.requests, ms: setupMs },
      hundred,
      slow,
    };
  } finally {
    db.close();
    await proxy.close();
  }
}

/** Where the bytes of one push + pull go: gzip sizes of the request with parts left out, and of the pulled rows. */
function byteBreakdown(clientId: string, outbox: readonly OutboxEntry[], captured: Captured[]) {
  const mutations = outbox.map((e) => ({
    id: e.id,
    seq: e.seq!,
    name: e.name,
    version: e.version,
    args: e.args,
    at: e.at,
    seen: e.seen ?? 0,
    writes: e.writes ?? [],
  }));
  const request = (ms: Record<string, unknown>[]) => ({
    clientId,
    schemaVersion: syncSchemaVersion,
    pending: ms.length,
    deviceName: 'bench instructor',
    mutations: ms,
  });
  const without = (...keys: string[]) =>
    gz(
      request(
        mutations.map((m) =>
          Object.fromEntries(Object.entries(m).filter(([k]) => !keys.includes(k))),
        ),
      ),
    );
  const pulls = captured.filter((c) => c.path === '/sync/pull');
  const pushes = captured.filter((c) => c.path === '/sync/push');
  const changes = pulls.flatMap(
    (p) =>
      (
        JSON.parse(p.responseText) as {
          changes: { t: string; id: string; s: number; r?: Record<string, unknown> }[];
        }
      ).changes,
  );
  const slim = changes.map((c) =>
    c.t === 'attendance' && c.r ? { t: c.t, id: c.id, s: c.s, r: { status: c.r.status } } : c,
  );
  return {
    push: {
      raw: JSON.stringify(request(mutations)).length,
      gzip: gz(request(mutations)),
      withoutWrites: without('writes'),
      withoutWritesAndSeen: without('writes', 'seen'),
      withoutWritesSeenAndIds: without('writes', 'seen', 'id'),
      responseRaw: pushes.reduce((n, p) => n + p.responseText.length, 0),
      responseGzip: pushes.reduce((n, p) => n + gz(p.responseText), 0),
    },
    pull: {
      changes: changes.length,
      byTable: changes.reduce<Record<string, number>>(
        (acc, c) => ((acc[c.t] = (acc[c.t] ?? 0) + 1), acc),
        {},
      ),
      raw: pulls.reduce((n, p) => n + p.responseText.length, 0),
      gzip: pulls.reduce((n, p) => n + gz(p.responseText), 0),
      /** The same page if the device's own acknowledged marks came back as their status only. */
      gzipSlimAttendance: gz({ changes: slim, cursor: 'x', hasMore: false, remaining: 0 }),
      /** The same page without the device's own marks (the hub sends back what this client pushed). */
      gzipWithoutOwnMarks: gz({
        changes: changes.filter((c) => c.t !== 'attendance'),
        cursor: 'x',
        hasMore: false,
        remaining: 0,
      }),
    },
    requests: captured.map((c) => `${c.method} ${c.path} ${c.status}`),
  };
}

/** startThrottleProxy of test/support/throttleProxy.ts (loaded when it exists). */
export type ThrottleFactory = (options: {
  target: { host: string; port: number };
  kbitPerSecond: number;
  roundTripMs: number;
  cutProbability: number;
  seed: number;
}) => Promise<{ url?: string; port?: number; close(): Promise<void> | void; stats?: unknown }>;

async function slowLink(
  db: ApogeeDb,
  session: Awaited<ReturnType<typeof signIn>>,
  actor: { role: 'instructor'; personId: string; deviceId: string },
  hub: URL,
  options: { slowMarks: number; throttle?: ThrottleFactory; log: (text: string) => void },
) {
  const throttle = await options.throttle!({
    target: { host: hub.hostname, port: Number(hub.port) },
    kbitPerSecond: 50,
    roundTripMs: 600,
    cutProbability: 0.05,
    seed: 2026,
  });
  const proxyUrl = throttle.url ?? `http://127.0.0.1:${throttle.port}/`;
  try {
    const stored = (await readSession(db))!;
    await writeSession(db, { ...stored, hubUrl: new URL(proxyUrl).toString() });
    const calls = markCalls(fixture.main.sessionId, fixture.main.trainees, 100, options.slowMarks);
    const outcomes = await runMutations(db, calls, { actor });
    const before = await readStatus(db);
    const engine = new SyncEngine(db, { timeoutMs: 30_000 });
    const reports: SyncReport[] = [];
    const errors: string[] = [];
    const t0 = performance.now();
    let complete = false;
    for (let attempt = 0; attempt < 30 && performance.now() - t0 < 180_000; attempt++) {
      try {
        reports.push(await engine.sync());
        if ((await db.outbox.count()) === 0) {
          complete = true;
          break;
        }
      } catch (error) {
        errors.push(error instanceof Error ? error.message.slice(0, 120) : String(error));
        // The app's retry: a short, growing pause (here 250 ms × attempt, at most 2 s).
        await new Promise((r) => setTimeout(r, Math.min(2_000, 250 * errors.length)));
      }
    }
    const ms = performance.now() - t0;
    const after = await readStatus(db);
    return {
      marks: calls.length,
      refused: outcomes.filter((o) => !o.ok).length,
      complete,
      ms,
      syncs: reports.length + errors.length,
      retries: errors.length,
      errors: errors.slice(0, 5),
      requests: reports.reduce((n, r) => n + r.requests, 0),
      pushed: reports.reduce((n, r) => n + r.pushed, 0),
      bytesUp: (after.bytesUp ?? 0) - (before.bytesUp ?? 0),
      bytesDown: (after.bytesDown ?? 0) - (before.bytesDown ?? 0),
      proxy: throttle.stats ?? null,
      session: session.clientId,
    };
  } finally {
    await throttle.close();
  }
}

/**
 * `devices` instructors, each signed in with its own client id, push `perPush` marks of their
 * own session per push, `rounds` pushes each, all at once. Every push is a sample (ms from
 * sending the request to the end of the answer).
 */
export async function benchConcurrentPushes(
  hubUrl: string,
  options: { devices: number; perPush: number; rounds: number },
) {
  const devices = await Promise.all(
    Array.from({ length: options.devices }, async (_, i) => {
      const d = deviceInstructor(i + 1);
      const clientId = randomUUID();
      const response = await fetch(new URL('/api/login', hubUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: d.email,
          password: fixture.password,
          clientId,
          deviceName: `bench device ${i + 1}`,
        }),
      });
      const session = (await response.json()) as { token?: string; message?: string };
      if (!session.token)
        throw new Error(`sign-in of ${d.email} failed: ${session.message ?? response.status}`);
      return { ...d, clientId, token: session.token, seq: 0, next: 0 };
    }),
  );
  const push = async (device: (typeof devices)[number]) => {
    const calls = markCalls(device.sessionId, fixture.deviceTrainees, device.next, options.perPush);
    device.next += options.perPush;
    const at = new Date().toISOString();
    const body = gzipSync(
      JSON.stringify({
        clientId: device.clientId,
        schemaVersion: syncSchemaVersion,
        pending: calls.length,
        deviceName: device.email,
        mutations: calls.map((c) => {
          const args = c.args as { meetingId: string; personId: string };
          return {
            id: randomUUID(),
            seq: ++device.seq,
            name: c.name,
            version: 1,
            args: c.args,
            at,
            seen: 0,
            writes: [['attendance', attendanceMarkId(args.meetingId, args.personId)]],
          };
        }),
      }),
    );
    const t0 = performance.now();
    const response = await fetch(new URL('/sync/push', hubUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${device.token}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        accept: 'application/json',
      },
      body,
    });
    const answer = (await response.json()) as { results?: { status: string }[] };
    const ms = performance.now() - t0;
    const ok = response.ok && answer.results?.every((r) => r.status === 'ok');
    return { ms, ok: !!ok };
  };

  // One device alone first: the service time of a push without queueing.
  const alone: number[] = [];
  for (let i = 0; i < 5; i++) alone.push((await push(devices[0]!)).ms);

  const samples: number[] = [];
  const byRound: number[][] = Array.from({ length: options.rounds }, () => []);
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    devices.map(async (device) => {
      for (let r = 0; r < options.rounds; r++) {
        const { ms, ok } = await push(device);
        samples.push(ms);
        byRound[r]!.push(ms);
        if (!ok) failed++;
      }
    }),
  );
  const wallMs = performance.now() - t0;
  return {
    samples,
    byRound,
    alone,
    failed,
    wallMs,
    pushes: samples.length,
    marks: samples.length * options.perPush,
  };
}
