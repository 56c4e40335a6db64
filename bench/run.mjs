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
import { benchSyncPart } from './lib/syncRun.mjs';

const positiveInt = (value, fallback) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
/** Like positiveInt, but 0 is allowed (it switches a part off). */
const countOrZero = (value, fallback) => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
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
  /**
   * The people set (shared/demo/decadePeople.ts) loaded after the catalogue figures; 0 people
   * skips the load (the roster, mark and CSV figures still run, on the catalogue alone).
   */
  people: {
    people: countOrZero(process.env.BENCH_PEOPLE, 100_000),
    // The full set (~300,000 requests, ~3,000,000 marks) takes far longer than the rest of the bench
    // together on 2 cores: by default a part of it, and the rates give the projection.
    enrolments: countOrZero(process.env.BENCH_ENROLMENTS, 60_000),
    marks: countOrZero(process.env.BENCH_MARKS, 40_000),
  },
  /** People search: names in seven scripts, typed with and without accents and hamza, an e-mail. */
  peopleQueries: [
    'wang',
    'siddiqui',
    'соколова',
    '王海',
    'احمد',
    'สมชาย',
    'sahin',
    'qureshi@',
    'አበበ',
    'maría josé',
  ],
  /** Opens of the 40 × 20 attendance grid (the first loads the route's code). */
  rosterOpens: positiveInt(process.env.BENCH_ROSTER_OPENS, 6),
  /** Marks recorded with the keyboard, each in a blank cell. */
  markSamples: positiveInt(process.env.BENCH_MARK_SAMPLES, 40),
  csvRows: positiveInt(process.env.BENCH_CSV_ROWS, 10_000),
  /** Certificates issued (and trainees made for them); 0 skips the certificates part. */
  certificates: {
    trainees: countOrZero(process.env.BENCH_CERTIFICATES, 1_000),
    verifyRuns: positiveInt(process.env.BENCH_VERIFY_RUNS, 50),
    pdfRuns: positiveInt(process.env.BENCH_PDF_RUNS, 4),
  },
};

const goals = {
  search: { op: '<=', target: 30 },
  load: { op: '>=', target: 20_000 },
  firstRender: { op: '<=', target: 1_000 },
  peopleSearch: { op: '<=', target: 50 },
  rosterOpen: { op: '<=', target: 100 },
  mark: { op: '<=', target: 16 },
  csvImport: { op: '<=', target: 5_000 },
  issueCertificates: { op: '<=', target: 10_000 },
  verifyCertificate: { op: '<=', target: 50 },
  verifyJcsProof: { op: '<=', target: 5 },
  certificatePdf: { op: '<=', target: 1_000 },
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
    const search = await benchSearch(render.page, {
      field: '#catalogue-search',
      queries: settings.queries,
      profile: 'search',
    });
    await render.page.close();
    const people = await benchPeople(context, server.url);
    const certificates = await benchCertificatesPart(context, server.url);
    // Issue 5's sync figures: a seeded hub serving the same site (bench/lib/syncRun.mjs); BENCH_SYNC=0 skips them.
    const sync = await benchSyncPart({ context, siteDir, log });
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
      ...people.results,
      ...certificates.results,
      ...sync.results,
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
        dataset: {
          name: 'decade',
          ...load.expected,
          mutations: load.calls,
          people: people.details.load?.stats ?? null,
        },
        settings: { ...settings, searchSamples: search.samples.length },
        durationSeconds: round((performance.now() - started) / 1000, 'MB'),
      },
      results,
      details: {
        bulkLoad: load.details,
        firstRender: render.details,
        search: search.details,
        people: people.details,
        certificates: certificates.details,
        sync: sync.details,
      },
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
async function benchSearch(page, { field, queries, profile: profileName }) {
  const search = page.locator(field);
  await search.focus();
  let expected = await page.evaluate(() => window.__apogeeBench.samples.length);
  const first = expected;
  const profile = await startProfile(page.context(), page, profileName);
  const next = async (key) => {
    if (key === 'Backspace') await page.keyboard.press('Backspace');
    else await page.keyboard.type(key);
    expected++;
    await page.waitForFunction((n) => window.__apogeeBench.samples.length >= n, expected, {
      timeout: 30_000,
    });
  };
  for (const query of queries) {
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
  log(`bench: search (${field}): ${samples.length} keystrokes`);
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

/**
 * The people figures (bench/README.md): the people set's load, the people screen and its
 * search, the 40 × 20 attendance grid, one mark, and a 10,000-row CSV import. A part that cannot
 * run (a screen not there yet, say) is reported as not measured; the others still run.
 */
async function benchPeople(context, url) {
  const results = [];
  const details = { notMeasured: {} };
  const section = async (name, run) => {
    try {
      return await run();
    } catch (error) {
      const message = String(error?.message ?? error).split('\n')[0];
      details.notMeasured[name] = message;
      log(`bench: ${name}: not measured (${message})`);
      return undefined;
    }
  };
  const openBenchPage = async () => {
    const page = await context.newPage();
    forwardPageErrors(page, 'bench page');
    page.on('console', (message) => {
      const text = message.text();
      if (text.startsWith('bench-progress: '))
        log(`bench: ${text.slice('bench-progress: '.length)}`);
    });
    await page.goto(new URL('bench/', url).href);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    return page;
  };

  // The people set, through runMutations, each batch at its clock.
  let benchPage = await openBenchPage();
  let load;
  if (settings.people.people > 0) {
    log(
      `bench: loading the people set (${settings.people.people.toLocaleString('en-GB')} people, ` +
        `${settings.people.enrolments.toLocaleString('en-GB')} requests, ${settings.people.marks.toLocaleString('en-GB')} marks)…`,
    );
    load = await section('people load', () =>
      benchPage.evaluate((options) => window.apogeeBench.loadPeople(options), {
        ...settings.people,
        chunkSize: settings.chunkSize,
      }),
    );
  } else {
    details.notMeasured['people load'] = 'skipped: BENCH_PEOPLE=0';
    log('bench: people set skipped (BENCH_PEOPLE=0)');
  }
  if (load) {
    const phase = (name) => load.phases[name] ?? { calls: 0, ms: 0, batches: 0 };
    const rate = (p) => (p.ms > 0 ? p.calls / (p.ms / 1000) : NaN);
    const all = Object.values(load.phases).reduce(
      (sum, p) => ({ calls: sum.calls + p.calls, ms: sum.ms + p.ms }),
      { calls: 0, ms: 0 },
    );
    const marks = phase('marks');
    const markRate = rate(marks);
    details.load = {
      stats: load.stats,
      stored: load.stored,
      refused: load.refused,
      refusals: load.refusals,
      catalogueMs: round(load.catalogueMs, 'ms'),
      catalogueCalls: load.catalogueCalls,
      generateMs: round(load.generateMs, 'ms'),
      totalMs: round(all.ms, 'ms'),
      phases: Object.fromEntries(
        Object.entries(load.phases).map(([name, p]) => [
          name,
          { ...p, ms: round(p.ms, 'ms'), perSecond: round(rate(p), 'rows/s') },
        ]),
      ),
      projection: {
        marksPerSecond: round(markRate, 'rows/s'),
        fullRegisterMarks: load.stats.projectedMarks,
        fullRegisterSeconds: round(load.stats.projectedMarks / markRate, 'MB'),
        threeMillionMarksSeconds: round(3_000_000 / markRate, 'MB'),
      },
    };
    if (load.refused > 0)
      log(`bench: ${load.refused} calls of the people set were refused, e.g. ${load.refusals[0]}`);
    log(
      `bench: people set loaded in ${Math.round(all.ms / 1000)} s (${all.calls.toLocaleString('en-GB')} calls; ` +
        `generating them took ${Math.round(load.generateMs)} ms more)`,
    );
    results.push(
      result('people set: person.create', rate(phase('people')), 'rows/s'),
      result('people set: enrolment.request', rate(phase('enrolments')), 'rows/s'),
      result('people set: enrolment.setOutcome', rate(phase('outcomes')), 'rows/s'),
      result('people set: attendance.mark', markRate, 'rows/s'),
      result('people set: all calls', all.calls / (all.ms / 1000), 'rows/s'),
      result('people set: whole load', all.ms, 'ms'),
    );
  }

  const roster = await section('roster', () =>
    benchPage.evaluate(() => window.apogeeBench.prepareRoster()),
  );
  const pureSearch = load
    ? await section('people search (pure)', () =>
        benchPage.evaluate((q) => window.apogeeBench.searchPeople(q), settings.peopleQueries),
      )
    : undefined;
  await benchPage.close();
  if (roster) details.roster = { ...roster, ms: round(roster.ms, 'ms') };

  // The app: people list and search, the attendance grid, one mark at a time.
  const app = await context.newPage();
  forwardPageErrors(app, 'app');
  await app.addInitScript(installProbe);
  const peopleCount = load?.stored.people ?? 0;
  const firstList = await section('people list', async () => {
    await app.goto(new URL('#/people', url).href, { waitUntil: 'commit' });
    await app.waitForFunction(
      () => window.__apogeeBench?.marks.firstPersonRowFrame !== undefined,
      null,
      { timeout: 30_000 },
    );
    return app.evaluate(() => window.__apogeeBench.marks.firstPersonRowFrame);
  });
  if (firstList !== undefined)
    results.push(
      result(
        `people list first render (${peopleCount.toLocaleString('en-GB')} people)`,
        firstList,
        'ms',
      ),
    );
  let search;
  if (load && firstList !== undefined)
    search = await section('people search', () =>
      benchSearch(app, {
        field: '#people-search',
        queries: settings.peopleQueries,
        profile: 'people-search',
      }),
    );
  const over = `over ${peopleCount.toLocaleString('en-GB')}`;
  if (search) {
    details.search = search.details;
    results.push(
      result(`people search ${over}, p95 per keystroke`, search.p95, 'ms', goals.peopleSearch),
      result(`people search ${over}, p50 per keystroke`, search.p50, 'ms'),
    );
  }
  if (pureSearch) {
    const ms = pureSearch.keystrokes.map((k) => k.ms);
    details.pureSearch = {
      people: pureSearch.people,
      readMs: round(pureSearch.readMs, 'ms'),
      indexMs: round(pureSearch.indexMs, 'ms'),
      p50: round(percentile(ms, 50), 'ms'),
      p95: round(percentile(ms, 95), 'ms'),
      slowest: [...pureSearch.keystrokes]
        .sort((a, b) => b.ms - a.ms)
        .slice(0, 5)
        .map((k) => ({ ...k, ms: round(k.ms, 'ms') })),
    };
    results.push(
      result(
        `people search ${over}, filterPeople alone p95${search ? '' : ' (no screen)'}`,
        percentile(ms, 95),
        'ms',
        search ? undefined : goals.peopleSearch,
      ),
      result('people index build (buildPeopleIndex)', pureSearch.indexMs, 'ms'),
    );
  }

  let opens;
  if (roster) opens = await section('roster open', () => benchRosterOpen(app, roster));
  if (opens) {
    details.rosterOpen = opens.details;
    results.push(
      result(
        `open ${roster.trainees} × ${roster.meetings} roster, median of ${opens.warm.length} opens`,
        opens.warmMedian,
        'ms',
        goals.rosterOpen,
      ),
      result('open roster, first open (loads the screen code)', opens.first, 'ms'),
    );
    const marks = await section('mark', () => benchMark(app, roster));
    if (marks) {
      details.mark = marks.details;
      results.push(
        result('record one mark (keydown to frame), p95', marks.p95, 'ms', goals.mark),
        result('record one mark, p50', marks.p50, 'ms'),
        result('record one mark, p95 to cell in DOM', marks.commitP95, 'ms'),
      );
    }
  }
  await app.close();

  benchPage = await openBenchPage();
  const csv = await section('csv import', () =>
    benchPage.evaluate((rows) => window.apogeeBench.importCsv(rows), settings.csvRows),
  );
  await benchPage.close();
  if (csv) {
    details.csv = Object.fromEntries(
      Object.entries(csv).map(([k, v]) => [k, k.endsWith('Ms') ? round(v, 'ms') : v]),
    );
    results.push(
      result(
        `import ${csv.rows.toLocaleString('en-GB')} CSV rows`,
        csv.totalMs,
        'ms',
        goals.csvImport,
      ),
    );
    if (csv.refused || csv.rowErrors || csv.created !== csv.rows)
      log(
        `bench: CSV import: ${csv.created} created, ${csv.refused} refused, ${csv.rowErrors} rows with errors`,
      );
  }
  return { results, details };
}

/** Opens the attendance grid `rosterOpens` times from the settings screen; each open is a sample. */
async function benchRosterOpen(page, roster) {
  const expected = roster.trainees * roster.meetings;
  const hash = `#/sessions/${roster.sessionId}/attendance`;
  for (let i = 0; i < settings.rosterOpens; i++) {
    await page.evaluate(() => {
      window.location.hash = '#/settings';
    });
    await page.waitForFunction(
      () => document.querySelectorAll('[role=grid] [role=gridcell]').length === 0,
    );
    await page.waitForTimeout(300);
    const n = await page.evaluate(() => window.__apogeeBench.rosterSamples.length);
    await page.evaluate(
      ({ hash, expected }) => {
        window.__apogeeBench.roster = { start: performance.now(), expected };
        window.location.hash = hash;
      },
      { hash, expected },
    );
    await page.waitForFunction((n) => window.__apogeeBench.rosterSamples.length > n, n, {
      timeout: 30_000,
    });
  }
  const raw = await page.evaluate(() => window.__apogeeBench.rosterSamples);
  const ms = raw.map((s) => s.frame - s.start);
  const warm = ms.slice(1);
  log(`bench: roster opens: ${ms.map((x) => Math.round(x)).join(', ')} ms`);
  return {
    first: ms[0],
    warm,
    warmMedian: median(warm),
    details: {
      cells: raw[0]?.cells,
      opensMs: ms.map((x) => round(x, 'ms')),
      toDomMs: raw.map((s) => round(s.committed - s.start, 'ms')),
    },
  };
}

/** Presses P, L, E, A in turn, each in a blank cell, and times each until its frame. */
async function benchMark(page, roster) {
  const letters = ['p', 'l', 'e', 'a'];
  for (let i = 0; i < settings.markSamples; i++) {
    const row = i % roster.trainees;
    const col = Math.floor(i / roster.trainees) % roster.meetings;
    await page.locator(`[data-cell="${row}:${col}"]`).focus();
    await page.waitForTimeout(50);
    const n = await page.evaluate(() => window.__apogeeBench.markSamples.length);
    await page.keyboard.press(letters[i % letters.length]);
    await page.waitForFunction((n) => window.__apogeeBench.markSamples.length > n, n, {
      timeout: 10_000,
    });
  }
  const raw = await page.evaluate(() => window.__apogeeBench.markSamples);
  const ms = raw.map((s) => s.frame - s.start);
  const commit = raw.map((s) => s.committed - s.start);
  log(`bench: marks: ${raw.length} keystrokes, p95 ${Math.round(percentile(ms, 95))} ms`);
  return {
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    commitP95: percentile(commit, 95),
    details: {
      samples: raw.length,
      p50: round(percentile(ms, 50), 'ms'),
      p95: round(percentile(ms, 95), 'ms'),
      max: round(max(ms), 'ms'),
      commitP50: round(percentile(commit, 50), 'ms'),
      commitP95: round(percentile(commit, 95), 'ms'),
    },
  };
}

/** Issue 4's budgets: issue 1,000 certificates, verify one, the JCS proof alone, one PDF (bench/page/certificates.ts). */
async function benchCertificatesPart(context, url) {
  const { trainees, verifyRuns, pdfRuns } = settings.certificates;
  if (trainees === 0) {
    log('bench: certificates skipped (BENCH_CERTIFICATES=0)');
    return { results: [], details: { notMeasured: 'skipped: BENCH_CERTIFICATES=0' } };
  }
  const page = await context.newPage();
  forwardPageErrors(page, 'bench page');
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('bench-progress: ')) log(`bench: ${text.slice('bench-progress: '.length)}`);
  });
  try {
    await page.goto(new URL('bench/', url).href);
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready');
    log(`bench: certificates: ${trainees} trainees, ${verifyRuns} verifications, ${pdfRuns} PDFs…`);
    const r = await page.evaluate((options) => window.apogeeBench.benchCertificates(options), {
      trainees,
      verifyRuns,
      pdfRuns,
    });
    const stat = (samples) => ({
      p50: round(percentile(samples, 50), 'ms'),
      p95: round(percentile(samples, 95), 'ms'),
      max: round(max(samples), 'ms'),
    });
    const pdfMedian = r.pdf.samples.length ? median(r.pdf.samples) : r.pdf.firstMs;
    const results = [
      result(
        `issue ${r.trainees.toLocaleString('en-GB')} certificates (sign + store)`,
        r.issue.ms,
        'ms',
        goals.issueCertificates,
      ),
      result(`  of which signing alone (rdfc + jcs, WebCrypto key)`, r.signOnly.ms, 'ms'),
      result(
        'verify one certificate, p50',
        percentile(r.verify.samples, 50),
        'ms',
        goals.verifyCertificate,
      ),
      result(
        'verify one certificate, p95',
        percentile(r.verify.samples, 95),
        'ms',
        goals.verifyCertificate,
      ),
      result('verify one certificate, first after opening', r.verify.coldMs, 'ms'),
      result(
        'verify the JCS proof alone, p50',
        percentile(r.verifyJcs.samples, 50),
        'ms',
        goals.verifyJcsProof,
      ),
      result(
        'verify the JCS proof alone, p95',
        percentile(r.verifyJcs.samples, 95),
        'ms',
        goals.verifyJcsProof,
      ),
      result('verify the RDFC proof alone, p50', percentile(r.verifyRdfc.samples, 50), 'ms'),
      result(
        `certificate PDF (browser route), median of ${r.pdf.samples.length}`,
        pdfMedian,
        'ms',
        goals.certificatePdf,
      ),
      result('certificate PDF, first (loads fonts)', r.pdf.firstMs, 'ms'),
    ];
    if (r.issue.refused > 0)
      log(`bench: certificates: ${r.issue.refused} refused, e.g. ${r.issue.firstRefusal}`);
    return {
      results,
      details: {
        trainees: r.trainees,
        signer: r.signer,
        setupMs: round(r.setupMs, 'ms'),
        issue: {
          ...r.issue,
          ms: round(r.issue.ms, 'ms'),
          perCertificateMs: round(r.issue.ms / Math.max(1, r.issue.issued), 'ms'),
        },
        signOnly: {
          ...r.signOnly,
          ms: round(r.signOnly.ms, 'ms'),
          perCertificateMs: round(r.signOnly.ms / r.signOnly.count, 'ms'),
        },
        verify: {
          status: r.verify.status,
          coldMs: round(r.verify.coldMs, 'ms'),
          runs: r.verify.samples.length,
          ...stat(r.verify.samples),
        },
        verifyJcs: stat(r.verifyJcs.samples),
        verifyRdfc: stat(r.verifyRdfc.samples),
        pdf: {
          firstMs: round(r.pdf.firstMs, 'ms'),
          samplesMs: r.pdf.samples.map((ms) => round(ms, 'ms')),
          bytes: r.pdf.bytes,
        },
        templates: r.templates,
      },
    };
  } catch (error) {
    const message = String(error?.message ?? error).split('\n')[0];
    log(`bench: certificates: not measured (${message})`);
    return { results: [], details: { notMeasured: message } };
  } finally {
    await page.close();
  }
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
  const people = report.details.people;
  if (people.load) {
    const { stats, stored, projection } = people.load;
    log(
      `people set: ${stored.institutions} institutions, ${stored.people} people, ${stored.enrolments} enrolments ` +
        `(${Object.entries(stored.byState)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}), ${stored.attendance} marks; ${people.load.refused} calls refused; ` +
        `${stats.openSessions} sessions took requests (${stats.sessionsWithRequests} got some), ` +
        `${stats.prerequisiteShortfall} wanted places left empty for lack of trainees with the prerequisites`,
    );
    log(
      `people set phases: ${Object.entries(people.load.phases)
        .map(
          ([name, p]) =>
            `${name} ${p.calls} calls in ${p.ms} ms (${p.perSecond}/s, ${p.batches} batches)`,
        )
        .join('; ')}; catalogue as planned in 2019: ${people.load.catalogueMs} ms`,
    );
    log(
      `attendance projection: at ${projection.marksPerSecond} marks/s, the full register of the set ` +
        `(${projection.fullRegisterMarks} marks) would take ${projection.fullRegisterSeconds} s, 3,000,000 marks ${projection.threeMillionMarksSeconds} s`,
    );
  }
  if (people.pureSearch)
    log(
      `people search without the screen: read ${people.pureSearch.readMs} ms, index ${people.pureSearch.indexMs} ms, ` +
        `filterPeople p50 ${people.pureSearch.p50} / p95 ${people.pureSearch.p95} ms`,
    );
  if (people.csv)
    log(
      `CSV import: decode ${people.csv.decodeMs} ms, parse ${people.csv.parseMs} ms, lookups ${people.csv.lookupMs} ms, ` +
        `prepare ${people.csv.prepareMs} ms, runMutations ${people.csv.runMs} ms; ${people.csv.created} created`,
    );
  for (const [name, why] of Object.entries(people.notMeasured))
    log(`not measured: ${name}: ${why}`);
  const certificates = report.details.certificates;
  if (certificates?.issue)
    log(
      `certificates: ${certificates.issue.issued} issued in ${certificates.issue.ms} ms (${certificates.issue.perCertificateMs} ms each; ` +
        `signing alone ${certificates.signOnly.perCertificateMs} ms each, ${certificates.signer}); setting up ${certificates.trainees} trainees took ${certificates.setupMs} ms; ` +
        `verify p50 ${certificates.verify.p50} / p95 ${certificates.verify.p95} ms (first ${certificates.verify.coldMs} ms), ` +
        `JCS proof p50 ${certificates.verifyJcs.p50} ms, RDFC proof p50 ${certificates.verifyRdfc.p50} ms; PDF ${certificates.pdf.bytes} bytes`,
    );
  const sync = report.details.sync;
  if (sync?.seed)
    log(
      `sync: hub (${sync.hub.store}) seeded with ${sync.seed.rows} rows (${Object.entries(
        sync.seed.byTable,
      )
        .map(([t, n]) => `${n} ${t}`)
        .join(
          ', ',
        )}) from ${sync.seed.calls} calls in ${sync.seed.generateAndApplyMs} ms + insert ${sync.seed.insertMs} ms (${sync.seed.insertRowsPerSecond} rows/s)`,
    );
  for (const [name, why] of Object.entries(sync?.notMeasured ?? {}))
    log(`not measured: sync: ${name}: ${why}`);
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
