// The sync part of `npm run bench` (issue 5, "Performance (benchmark)"): a seeded hub in its own
// Node process, an initial coordinator sync in Chromium, 100 marks in one sync, 50 devices
// pushing at once and 200 marks over a throttled "2G" link. bench/run.mjs calls benchSyncPart;
// `node bench/sync.mjs` runs it alone. What each figure means: bench/README.md, "Sync".
/* global window, document */
import { fork } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { projectRoot } from './site.mjs';
import { max, median, percentile, result, round } from './stats.mjs';

const outDir = path.join(projectRoot, 'dist/bench-sync');
const throttleSource = path.join(projectRoot, 'test/support/throttleProxy.ts');

const positiveInt = (value, fallback) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

export const syncSettings = {
  /** BENCH_SYNC=0 skips the sync part. */
  enabled: process.env.BENCH_SYNC !== '0',
  /** The seed: the decade catalogue (all of it), this many people, requests and marks. */
  people: positiveInt(process.env.BENCH_SYNC_PEOPLE, 20_000),
  enrolments: positiveInt(process.env.BENCH_SYNC_ENROLMENTS, 10_000),
  marks: positiveInt(process.env.BENCH_SYNC_MARKS, 100_000),
  /** Page budgets of the initial sync, in bytes; 0 is the engine's default (adaptive, from the hub's 256 KB). */
  budgets: (process.env.BENCH_SYNC_BUDGETS ?? '0,1048576,4194304')
    .split(',')
    .map((b) => Number(b.trim()) || 0),
  devices: 50,
  perPush: positiveInt(process.env.BENCH_SYNC_PER_PUSH, 10),
  rounds: positiveInt(process.env.BENCH_SYNC_ROUNDS, 5),
  /**
   * A second hub on PostgreSQL; BENCH_SYNC_POSTGRES=0 skips it. Without the PostgreSQL binaries
   * its hub process says so (test/support/postgres.ts) and the figures are "not measured".
   */
  postgres: process.env.BENCH_SYNC_POSTGRES !== '0',
};

export const syncGoals = {
  initialSync: { op: '>=', target: 20_000 },
  hundredMarksBytes: { op: '<=', target: 4_096 },
  hundredMarksRequests: { op: '<=', target: 2 },
  concurrentPushP95: { op: '<=', target: 200 },
  slowLink: { op: '<=', target: 30_000 },
};

/** Bundles the Node side (the hub process, the devices, the throttle proxy when it exists). */
async function bundle() {
  mkdirSync(outDir, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  };
  const entries = { syncHub: 'bench/lib/syncHub.ts', syncDevices: 'bench/lib/syncDevices.ts' };
  if (existsSync(throttleSource)) entries.throttleProxy = 'test/support/throttleProxy.ts';
  await Promise.all(
    Object.entries(entries).map(([name, entry]) =>
      build({
        ...common,
        entryPoints: [path.join(projectRoot, entry)],
        outfile: path.join(outDir, `${name}.mjs`),
      }),
    ),
  );
  return { throttle: 'throttleProxy' in entries };
}

/** Forks the hub process and waits until it has seeded and listens. */
function startHub(siteDir, log, store) {
  const config = {
    store,
    people: syncSettings.people,
    enrolments: syncSettings.enrolments,
    marks: syncSettings.marks,
    webRoot: siteDir,
  };
  const child = fork(path.join(outDir, 'syncHub.mjs'), [JSON.stringify(config)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // BENCH_SYNC_HUB_PROFILE=DIR writes a V8 CPU profile of the hub process into DIR.
    execArgv: process.env.BENCH_SYNC_HUB_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SYNC_HUB_PROFILE}`]
      : [],
  });
  let nextId = 1;
  const waiting = new Map();
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (message.type === 'log') log(`bench: ${message.text}`);
      else if (message.type === 'ready') resolve(message);
      else if (message.type === 'failed')
        reject(new Error(`the bench hub failed: ${message.error}`));
      else if (message.type === 'result') {
        const w = waiting.get(message.id);
        waiting.delete(message.id);
        if (message.error) w?.reject(new Error(message.error));
        else w?.resolve(message.result);
      }
    });
    child.on('exit', (code) => reject(new Error(`the bench hub exited (${code})`)));
  });
  return {
    ready,
    ask(message) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.send({ ...message, id });
      });
    },
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ type: 'stop' });
      });
    },
  };
}

const kb = (bytes) => `${Math.round(bytes / 1024)} KB`;
const errorText = (error) => String(error?.message ?? error).split('\n')[0];

/** Waits for a started hub and notes its store and seed in `details`. */
async function readyHub(hub, details, log) {
  const started = performance.now();
  const ready = await hub.ready;
  const seed = ready.seed;
  details.hub = {
    store: ready.store,
    url: ready.url,
    openMs: round(ready.openMs, 'ms'),
    accountsMs: round(ready.accountsMs, 'ms'),
    readyMs: round(performance.now() - started, 'ms'),
  };
  details.seed = {
    ...seed,
    generateAndApplyMs: round(seed.generateAndApplyMs, 'ms'),
    insertMs: round(seed.insertMs, 'ms'),
    insertRowsPerSecond: Math.round(((seed.rows + seed.tombstones) / seed.insertMs) * 1000),
  };
  log(
    `bench: sync: hub (${ready.store}) ready at ${ready.url}: ${seed.rows.toLocaleString('en-GB')} rows from ${seed.calls.toLocaleString('en-GB')} calls ` +
      `(${seed.refused} refused; apply in memory ${Math.round(seed.generateAndApplyMs)} ms, insert ${Math.round(seed.insertMs)} ms)`,
  );
  return ready;
}

/**
 * The initial coordinator sync into an empty IndexedDB in the bench page, once per page budget;
 * the figures' labels name the hub's store.
 */
async function initialSyncFigures({ context, hub, ready, budgets, details, results, log }) {
  const seed = ready.seed;
  details.initialSync = [];
  for (const budget of budgets) {
    const label = budget ? kb(budget) : 'adaptive, from 256 KB (default)';
    try {
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('bench: sync page error:', error.message));
      try {
        await page.goto(new URL('bench/', ready.url).href);
        await page.waitForFunction(
          () => document.getElementById('status')?.textContent === 'ready',
        );
        const r = await page.evaluate((options) => window.apogeeBench.initialSync(options), {
          email: 'coordinator@bench.apogee',
          password: 'bench sync password',
          ...(budget ? { pageBytes: budget } : {}),
        });
        const profile = await hub.ask({ type: 'profilePull', ...(budget ? { budget } : {}) });
        const rowsPerSecond = (r.pulled / r.totalMs) * 1000;
        log(
          `bench: sync: initial sync, pages of ${label}: ${r.pulled} rows in ${Math.round(r.totalMs)} ms (${Math.round(rowsPerSecond)} rows/s, ${r.requests} requests, ${kb(r.bytesDown)} down); ` +
            `hub alone: queries ${Math.round(profile.queryMs)} ms + gzip ${Math.round(profile.encodeMs)} ms`,
        );
        details.initialSync.push({
          budget: budget || null,
          rowsPerSecond: Math.round(rowsPerSecond),
          ...Object.fromEntries(
            Object.entries(r).map(([k, v]) => [k, k.endsWith('Ms') ? round(v, 'ms') : v]),
          ),
          hubAlone: {
            ...profile,
            queryMs: round(profile.queryMs, 'ms'),
            encodeMs: round(profile.encodeMs, 'ms'),
          },
        });
        if (r.stored !== seed.rows)
          log(`bench: sync: stored ${r.stored} rows, the hub holds ${seed.rows}`);
      } finally {
        await page.close();
      }
    } catch (error) {
      details.notMeasured[`initial sync ${label}`] = errorText(error);
      log(`bench: sync: initial sync ${label}: not measured (${errorText(error)})`);
    }
  }
  const byDefault = details.initialSync.find((s) => s.budget === null) ?? details.initialSync[0];
  for (const s of details.initialSync) {
    const label = s.budget ? kb(s.budget) : 'adaptive, from 256 KB (default)';
    results.push(
      result(
        `initial sync, coordinator, ${s.pulled.toLocaleString('en-GB')} rows, pages of ${label} (${ready.store})`,
        s.rowsPerSecond,
        'rows/s',
        s === byDefault ? syncGoals.initialSync : undefined,
      ),
    );
  }
  if (byDefault) {
    results.push(
      result('  of which a request in flight (hub + link)', byDefault.inFlightMs, 'ms'),
      result('  of which none in flight (device alone: storing)', byDefault.clientMs, 'ms'),
      result('  waiting for the hub, summed over requests', byDefault.waitMs, 'ms'),
      result('  download + gunzip, summed over requests', byDefault.downloadMs, 'ms'),
      result(
        '  hub alone: SQL + page text of all pages (no HTTP)',
        byDefault.hubAlone.queryMs,
        'ms',
      ),
      result('  hub alone: gzip of all pages', byDefault.hubAlone.encodeMs, 'ms'),
    );
  }
}

/** 50 devices pushing at once against the hub at `ready.url`. */
async function concurrentFigures({ devicesModule, ready, details, results, log }) {
  try {
    const c = await devicesModule.benchConcurrentPushes(ready.url, syncSettings);
    details.concurrent = {
      devices: syncSettings.devices,
      perPush: syncSettings.perPush,
      rounds: syncSettings.rounds,
      pushes: c.pushes,
      marks: c.marks,
      failed: c.failed,
      store: ready.store,
      p50: round(percentile(c.samples, 50), 'ms'),
      p95: round(percentile(c.samples, 95), 'ms'),
      max: round(max(c.samples), 'ms'),
      aloneMs: c.alone.map((ms) => round(ms, 'ms')),
      wallMs: round(c.wallMs, 'ms'),
      pushesPerSecond: Math.round((c.pushes / c.wallMs) * 1000),
      byRound: c.byRound.map((samples) => ({
        p50: round(percentile(samples, 50), 'ms'),
        p95: round(percentile(samples, 95), 'ms'),
        max: round(max(samples), 'ms'),
      })),
    };
    const d = details.concurrent;
    log(
      `bench: sync: ${d.devices} devices × ${d.rounds} pushes of ${d.perPush} marks (${ready.store}): p50 ${d.p50} / p95 ${d.p95} / max ${d.max} ms; ` +
        `one device alone ${d.aloneMs.join(', ')} ms; ${d.pushesPerSecond} pushes/s; ${d.failed} failed`,
    );
    results.push(
      result(
        `${d.devices} devices pushing at once, p95 per push (${ready.store})`,
        percentile(c.samples, 95),
        'ms',
        syncGoals.concurrentPushP95,
      ),
      result(
        `${d.devices} devices pushing at once, p50 per push (${ready.store})`,
        percentile(c.samples, 50),
        'ms',
      ),
      result(
        `${d.devices} devices pushing at once, slowest push (${ready.store})`,
        max(c.samples),
        'ms',
      ),
      result(`one device alone, median push (${ready.store})`, median(c.alone), 'ms'),
    );
  } catch (error) {
    details.notMeasured['concurrent pushes'] = errorText(error);
    log(`bench: sync: concurrent pushes: not measured (${errorText(error)})`);
  }
}

/**
 * Runs the sync figures. `context` is a Playwright browser context; `siteDir` the assembled bench
 * site (the hub serves it, so the bench page and the hub share one origin).
 */
export async function benchSyncPart({ context, siteDir, log }) {
  if (!syncSettings.enabled) {
    log('bench: sync skipped (BENCH_SYNC=0)');
    return { results: [], details: { notMeasured: { sync: 'skipped: BENCH_SYNC=0' } } };
  }
  const results = [];
  const details = { settings: syncSettings, notMeasured: {} };
  const { throttle } = await bundle();
  const devicesModule = await import(pathToFileURL(path.join(outDir, 'syncDevices.mjs')).href);
  log(
    `bench: sync: seeding a hub (decade catalogue, ${syncSettings.people} people, ${syncSettings.enrolments} requests, ` +
      `${syncSettings.marks} marks) in its own process…`,
  );
  const hub = startHub(siteDir, log, 'pglite');
  try {
    const ready = await readyHub(hub, details, log);

    // 1. Initial sync of the coordinator's scope into an empty IndexedDB, per page budget.
    await initialSyncFigures({
      context,
      hub,
      ready,
      budgets: syncSettings.budgets,
      details,
      results,
      log,
    });

    // 2 and 4. The instructor device (Node, the app's SyncEngine over fake-indexeddb).
    const throttleModule = throttle
      ? await import(pathToFileURL(path.join(outDir, 'throttleProxy.mjs')).href)
      : undefined;
    try {
      const device = await devicesModule.benchInstructorDevice(ready.url, {
        marks: 100,
        slowMarks: 200,
        throttle: throttleModule?.startThrottleProxy,
        log,
      });
      details.instructor = device;
      const h = device.hundred;
      const b = h.breakdown;
      log(
        `bench: sync: 100 marks: ${h.bytesUp} B up + ${h.bytesDown} B down (bodies, compressed), ${h.wireUp} + ${h.wireDown} B with headers, ` +
          `${h.report.requests} requests (${b.requests.join(', ')})`,
      );
      results.push(
        result(
          '100 marks, one sync: bytes up + down (compressed bodies)',
          h.bytesUp + h.bytesDown,
          'bytes',
          syncGoals.hundredMarksBytes,
        ),
        result('  up (push body)', h.bytesUp, 'bytes'),
        result('  down (push answer + pull page)', h.bytesDown, 'bytes'),
        result('  with HTTP headers, up + down', h.wireUp + h.wireDown, 'bytes'),
        result(
          '100 marks, one sync: requests',
          h.report.requests,
          'requests',
          syncGoals.hundredMarksRequests,
        ),
      );
      const slow = device.slow;
      if (slow.notMeasured) {
        details.notMeasured['2G link'] = slow.notMeasured;
        log(`bench: sync: 2G link: not measured (${slow.notMeasured})`);
      } else {
        log(
          `bench: sync: 2G link: ${slow.marks} marks ${slow.complete ? 'synced' : 'NOT synced'} in ${Math.round(slow.ms)} ms; ` +
            `${slow.requests} requests answered, ${slow.retries} retries, ${slow.bytesUp} B up, ${slow.bytesDown} B down`,
        );
        results.push(
          result(
            `200 marks over 2G (50 kbit/s, 600 ms RTT, 5% cut)${slow.complete ? '' : ' — incomplete'}`,
            slow.complete ? slow.ms : NaN,
            'ms',
            syncGoals.slowLink,
          ),
          result('  retries (syncs that failed)', slow.retries, 'count'),
        );
      }
    } catch (error) {
      details.notMeasured['instructor device'] = errorText(error);
      log(`bench: sync: instructor device: not measured (${errorText(error)})`);
    }

    // 3. 50 devices pushing at once.
    await concurrentFigures({ devicesModule, ready, details, results, log });
  } catch (error) {
    details.notMeasured.sync = errorText(error);
    log(`bench: sync: not measured (${errorText(error)})`);
  } finally {
    await hub.stop();
  }

  // The same initial sync (default pages) and 50 devices against a hub on PostgreSQL, the store
  // for scale (DATABASE_URL): a cluster of its own with the server's durable defaults.
  if (syncSettings.postgres) {
    const pgDetails = { notMeasured: {} };
    details.postgres = pgDetails;
    log('bench: sync: seeding a second hub on PostgreSQL 15…');
    const pgHub = startHub(siteDir, log, 'postgres');
    try {
      const ready = await readyHub(pgHub, pgDetails, log);
      await initialSyncFigures({
        context,
        hub: pgHub,
        ready,
        budgets: [0],
        details: pgDetails,
        results,
        log,
      });
      await concurrentFigures({ devicesModule, ready, details: pgDetails, results, log });
    } catch (error) {
      pgDetails.notMeasured.sync = errorText(error);
      log(`bench: sync: PostgreSQL hub: not measured (${errorText(error)})`);
    } finally {
      await pgHub.stop();
    }
    for (const [what, why] of Object.entries(pgDetails.notMeasured))
      details.notMeasured[`PostgreSQL: ${what}`] = why;
  } else details.notMeasured.postgres = 'skipped: BENCH_SYNC_POSTGRES=0';
  return { results, details };
}
