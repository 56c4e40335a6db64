// `npm run bench`: measures Apogee on the "decade" dataset (2,000 courses, 10,000 sessions) in
// headless Chromium, prints a table and writes bench-results.json at the project root.
// A missed goal is reported, never an error: the exit code is 1 only when the bench itself
// breaks. What each figure means: bench/README.md.
/* global window, document */
import os from 'node:os';
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../scripts/lib/chromium.mjs';
import { startWebServer } from '../scripts/lib/serveRenderer.mjs';
import { installProbe } from './lib/probe.mjs';
import { assembleSite, buildBenchPage, projectRoot } from './lib/site.mjs';
import { formatTable, max, mean, median, percentile, result, round } from './lib/stats.mjs';


const positiveInt = (value, fallback) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

const settings = {
  /** Bulk loads of the whole set (each starts from an empty database); the median is reported. */
  loadRuns: positiveInt(process.env.BENCH_LOAD_RUNS, 3),
  /** Mutations per IndexedDB transaction during the bulk load. */
  chunkSize: positiveInt(process.env.BENCH_CHUNK_SIZE, 2_000),
  /** Reloads of the catalogue after the first (cold) open; the median is reported. */
  reloads: positiveInt(process.env.BENCH_RELOADS, 5),
  viewport: { width: 1280, height: 720 },
  locale: 'en-GB',
  /**
   * Typed one character at a time, then deleted with Backspace one at a time: every keystroke
   * is a sample. Words from the decade titles in several scripts, and a code prefix.
   */
  queries: [
    'cubesat',
    'orbital mechanics',
    'space weather',
    'лунного',
    '月壤',
    'تصميم',
    'küp uydu',
    'CSD-10',
    'thermal design',
  ],
};

const goals = {
  search: { op: '<=', target: 30 },
  load: { op: '>=', target: 20_000 },
  firstRender: { op: '<=', target: 1_000 },
};

const log = (...parts) => console.log(...parts);
/** 1, 5 and 15 minute load averages: other work on the machine skews every figure. */
const loadAverage = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

async function main() {
  const started = performance.now();
  const loadAverageAtStart = loadAverage();
  log('bench: building the bench page…');
  await buildBenchPage();
  const siteDir = assembleSite();
  const server = await startWebServer({ dir: siteDir, port: 0, host: '127.0.0.1' });
  let browser;
  try {
    browser = await chromium.launch(chromiumLaunch);
    const context = await browser.newContext({
      serviceWorkers: 'block',
      locale: settings.locale,
      viewport: settings.viewport,
    });
    const load = await benchBulkLoad(context, server.url);
    const render = await benchFirstRender(context, server.url);
    const search = await benchSearch(render.page);
    await context.close();

    const results = [
      result('catalogue search, p95 per keystroke', search.p95, 'ms', goals.search),
      result('catalogue search, p50 per keystroke', search.p50, 'ms'),
      result('catalogue search, slowest keystroke', search.max, 'ms'),
      result('catalogue search, p95 to results in DOM', search.commitP95, 'ms'),
      result('bulk load into IndexedDB (data rows)', load.rowsPerSecond, 'rows/s', goals.load),
      result('bulk load incl. outbox rows', load.rowsWithOutboxPerSecond, 'rows/s'),
      result('bulk load, whole decade set', load.medianMs, 'ms'),
      result(
        '  of which validate + apply (in memory)',
        load.breakdown.parseMs + load.breakdown.applyMs,
        'ms',
      ),
      result('  of which IndexedDB writes alone', load.breakdown.writeMs, 'ms'),
      result(
        'first render of catalogue, first open',
        render.cold.firstRowFrame,
        'ms',
        goals.firstRender,
      ),
      result(
        `first render of catalogue, median of ${settings.reloads} reloads`,
        render.warmMedian,
        'ms',
        goals.firstRender,
      ),
      result('IndexedDB read of catalogue (median)', load.read.readMedian, 'ms'),
      result('search index build (median)', load.read.indexMedian, 'ms'),
      result('JS heap, catalogue shown (after GC)', render.heapMB, 'MB'),
    ];

    const report = {
      meta: {
        date: new Date().toISOString(),
        machine: {
          cores: os.cpus().length,
          cpu: os.cpus()[0]?.model ?? 'unknown',
          memoryGB: round(os.totalmem() / 2 ** 30, 'MB'),
          os: `${os.type()} ${os.release()} ${os.arch()}`,
        },
        loadAverage: { start: loadAverageAtStart, end: loadAverage() },
        node: process.version,
        chromium: browser.version(),
        dataset: { name: 'decade', ...load.expected, mutations: load.calls },
        settings: { ...settings, searchSamples: search.samples.length },
        durationSeconds: round((performance.now() - started) / 1000, 'MB'),
      },
      results,
      details: { bulkLoad: load.details, firstRender: render.details, search: search.details },
    };
    writeFileSync(
      path.join(projectRoot, 'bench-results.json'),
      `${JSON.stringify(report, null, 2)}\n`,
    );

    log('');
    log(formatTable(results));
    log('');
    printDetails(report);
    log(`\nbench: wrote bench-results.json (${report.meta.durationSeconds} s)`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close().catch(() => undefined);
  }
}

/** Loads the decade set `loadRuns` times through runMutations, then times reading it back. */
async function benchBulkLoad(context, url) {
  const page = await context.newPage();
  forwardPageErrors(page, 'bench page');
  await page.goto(new URL('bench/', url).href);
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');

  const runs = [];
  for (let i = 0; i < settings.loadRuns; i++) {
    const profile = i === 0 ? await startProfile(context, page, 'bulk-load') : undefined;
    const run = await page.evaluate(
      (chunkSize) => window.apogeeBench.bulkLoad({ chunkSize }),
      settings.chunkSize,
    );
    await profile?.stop();
    checkLoad(run);
    runs.push(run);
    log(
      `bench: bulk load ${i + 1}/${settings.loadRuns}: ${Math.round(run.loadMs)} ms` +
        ` (generating the calls took ${Math.round(run.generateMs)} ms)`,
    );
  }
  const breakdown = await page.evaluate(
    (chunkSize) => window.apogeeBench.loadBreakdown({ chunkSize }),
    settings.chunkSize,
  );
  const expected = runs[0].expected;
  const dataRows = expected.programmes + expected.courses + expected.sessions + expected.meetings;
  const outboxRows = runs[0].stored.outbox;
  const loadMs = runs.map((r) => r.loadMs);
  const medianMs = median(loadMs);

  const read = await page.evaluate(
    (queries) => window.apogeeBench.readCatalogue(5, queries),
    [...settings.queries, ...settings.queries.map((q) => q.slice(0, 1)), ''],
  );
  await page.close();

  return {
    expected,
    calls: runs[0].calls,
    medianMs,
    rowsPerSecond: dataRows / (medianMs / 1000),
    rowsWithOutboxPerSecond: (dataRows + outboxRows) / (medianMs / 1000),
    breakdown,
    read: { readMedian: median(read.readMs), indexMedian: median(read.indexMs) },
    details: {
      dataRows,
      outboxRows,
      chunkSize: settings.chunkSize,
      breakdown: {
        validateMs: round(breakdown.parseMs, 'ms'),
        applyInMemoryMs: round(breakdown.applyMs, 'ms'),
        writesOnlyMs: round(breakdown.writeMs, 'ms'),
        lookups: breakdown.lookups,
        restMs: round(medianMs - breakdown.parseMs - breakdown.applyMs - breakdown.writeMs, 'ms'),
      },
      loadMs: loadMs.map((ms) => round(ms, 'ms')),
      generateMs: runs.map((r) => round(r.generateMs, 'ms')),
      readMs: read.readMs.map((ms) => round(ms, 'ms')),
      readRows: read.rows,
      indexMs: read.indexMs.map((ms) => round(ms, 'ms')),
      queryMs: read.queryMs.map((q) => ({ ...q, ms: round(q.ms, 'ms') })),
    },
  };
}

/**
 * With BENCH_PROFILE=folder, the first bulk load, the first open of the catalogue and the search
 * are CPU-profiled into folder/<name>.cpuprofile (open them in Chromium DevTools, Performance).
 * Profiling slows the page down: the figures of such a run are not comparable.
 */
async function startProfile(context, page, name) {
  const folder = process.env.BENCH_PROFILE;
  if (!folder) return undefined;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.detach();
      mkdirSync(path.resolve(folder), { recursive: true });
      const file = path.resolve(folder, `${name}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      log(`bench: CPU profile written to ${path.relative(process.cwd(), file)}`);
    },
  };
}

/** The bench measures nothing useful unless the whole set really landed. */
function checkLoad(run) {
  const { expected, stored } = run;
  const wrong = ['programmes', 'courses', 'sessions', 'meetings'].filter(
    (table) => expected[table] !== stored[table],
  );
  if (run.refused > 0 || wrong.length > 0 || stored.outbox !== run.calls)
    throw new Error(
      `the decade set did not load as expected: ${run.refused} mutations refused; ` +
        `expected ${JSON.stringify(expected)}, stored ${JSON.stringify(stored)} (outbox should be ${run.calls})`,
    );
}

/** Opens the catalogue once (cold) and reloads it `reloads` times, with the dataset present. */
async function benchFirstRender(context, url) {
  const page = await context.newPage();
  forwardPageErrors(page, 'app');
  await page.addInitScript(installProbe);
  const measure = async (navigate) => {
    await navigate();
    await page.waitForFunction(
      () => window.__apogeeBench?.marks.firstRowAfterFrame !== undefined,
      null,
      {
        timeout: 30_000,
      },
    );
    const marks = await page.evaluate(() => {
      const [nav] = performance.getEntriesByType('navigation');
      return {
        ...window.__apogeeBench.marks,
        responseEnd: nav?.responseEnd,
        domContentLoaded: nav?.domContentLoadedEventEnd,
      };
    });
    return Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, round(v, 'ms')]));
  };

  const profile = await startProfile(context, page, 'first-open');
  const cold = await measure(() => page.goto(new URL('#/', url).href, { waitUntil: 'commit' }));
  await profile?.stop();
  log(`bench: first open of the catalogue: ${cold.firstRowFrame} ms`);
  const warm = [];
  for (let i = 0; i < settings.reloads; i++) {
    await page.waitForTimeout(250);
    warm.push(await measure(() => page.reload({ waitUntil: 'commit' })));
  }
  const warmMedian = median(warm.map((m) => m.firstRowFrame));
  log(`bench: reloads: ${warm.map((m) => m.firstRowFrame).join(', ')} ms`);

  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const heapMB = heap.usedSize / 2 ** 20;

  return { page, cold, warmMedian, heapMB, details: { cold, reloads: warm } };
}

/** Types and deletes the queries one keystroke at a time and reads the probe's samples. */
async function benchSearch(page) {
  const search = page.locator('#catalogue-search');
  await search.focus();
  let expected = await page.evaluate(() => window.__apogeeBench.samples.length);
  const first = expected;
  const profile = await startProfile(page.context(), page, 'search');
  const next = async (key) => {
    if (key === 'Backspace') await page.keyboard.press('Backspace');
    else await page.keyboard.type(key);
    expected++;
    await page.waitForFunction((n) => window.__apogeeBench.samples.length >= n, expected, {
      timeout: 30_000,
    });
  };
  for (const query of settings.queries) {
    const chars = [...query];
    for (const char of chars) await next(char);
    for (let i = 0; i < chars.length; i++) await next('Backspace');
    if ((await search.inputValue()) !== '')
      throw new Error(`the search field is not empty after "${query}"`);
  }
  await profile?.stop();
  const raw = (await page.evaluate(() => window.__apogeeBench.samples)).slice(first);
  const samples = raw.map((s) => ({
    value: s.value,
    ms: s.frame - s.start,
    inputDelayMs: s.inputAt - s.start,
    commitMs: s.committed - s.start,
    afterFrameMs: s.afterFrame - s.start,
  }));
  const ms = samples.map((s) => s.ms);
  log(`bench: search: ${samples.length} keystrokes`);
  const rounded = (s) =>
    Object.fromEntries(
      Object.entries(s).map(([k, v]) => [k, typeof v === 'number' ? round(v, 'ms') : v]),
    );
  return {
    samples,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    max: max(ms),
    commitP95: percentile(
      samples.map((s) => s.commitMs),
      95,
    ),
    details: {
      samples: samples.length,
      p50: round(percentile(ms, 50), 'ms'),
      p95: round(percentile(ms, 95), 'ms'),
      p99: round(percentile(ms, 99), 'ms'),
      mean: round(mean(ms), 'ms'),
      max: round(max(ms), 'ms'),
      commitP50: round(
        percentile(
          samples.map((s) => s.commitMs),
          50,
        ),
        'ms',
      ),
      commitP95: round(
        percentile(
          samples.map((s) => s.commitMs),
          95,
        ),
        'ms',
      ),
      inputDelayP95: round(
        percentile(
          samples.map((s) => s.inputDelayMs),
          95,
        ),
        'ms',
      ),
      afterFrameP95: round(
        percentile(
          samples.map((s) => s.afterFrameMs),
          95,
        ),
        'ms',
      ),
      slowest: [...samples]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 8)
        .map(rounded),
    },
  };
}

function printDetails(report) {
  const { bulkLoad, firstRender, search } = report.details;
  const { dataset, machine } = report.meta;
  log(
    `dataset: ${dataset.programmes} programmes, ${dataset.courses} courses, ${dataset.sessions} sessions, ` +
      `${dataset.meetings} meetings (${bulkLoad.dataRows} data rows + ${bulkLoad.outboxRows} outbox rows)`,
  );
  log(
    `bulk load runs (ms): ${bulkLoad.loadMs.join(', ')}; generating the calls (ms): ${bulkLoad.generateMs.join(', ')}`,
  );
  const b = bulkLoad.breakdown;
  log(
    `bulk load breakdown: validate ${b.validateMs} ms + apply in memory ${b.applyInMemoryMs} ms + ` +
      `IndexedDB writes alone ${b.writesOnlyMs} ms; the other ${b.restMs} ms of the median run are ` +
      `the ${b.lookups} store lookups (IndexedDB reads inside the transactions) and transaction overhead`,
  );
  log(
    `first open: response ${firstRender.cold.responseEnd} ms, DOMContentLoaded ${firstRender.cold.domContentLoaded} ms, ` +
      `"Loading…" ${firstRender.cold.loading} ms, IndexedDB reads ${firstRender.cold.idbReadStart}–${firstRender.cold.idbReadEnd} ms, ` +
      `first row ${firstRender.cold.firstRow} ms, its frame ${firstRender.cold.firstRowFrame} ms`,
  );
  const last = firstRender.reloads.at(-1);
  log(
    `last reload: DOMContentLoaded ${last.domContentLoaded} ms, "Loading…" ${last.loading} ms, ` +
      `IndexedDB reads ${last.idbReadStart}–${last.idbReadEnd} ms, first row ${last.firstRow} ms, its frame ${last.firstRowFrame} ms`,
  );
  log(
    `search: ${search.samples} keystrokes; p99 ${search.p99} ms; results in DOM p50 ${search.commitP50} / p95 ${search.commitP95} ms; ` +
      `input delay p95 ${search.inputDelayP95} ms; slowest: ` +
      search.slowest
        .slice(0, 4)
        .map((s) => `"${s.value}" ${s.ms} ms`)
        .join(', '),
  );
  log(
    `machine: ${machine.cores} cores (${machine.cpu}), Node ${report.meta.node}, Chromium ${report.meta.chromium}; ` +
      `load average ${report.meta.loadAverage.start.join(' ')} at start, ${report.meta.loadAverage.end.join(' ')} at end`,
  );
}

function forwardPageErrors(page, label) {
  page.on('pageerror', (error) => console.error(`bench: ${label} error:`, error.message));
}

main().catch((error) => {
  console.error('bench: failed:', error);
  process.exitCode = 1;
});
