// `node bench/sync.mjs`: the sync part of the bench alone (bench/lib/syncRun.mjs), after
// `npm run build:renderer`. Prints the table and writes dist/bench-sync/results.json
// (`npm run bench` puts the same figures in bench-results.json with the others).
import os from 'node:os';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunch } from '../scripts/lib/chromium.mjs';
import { assembleSite, buildBenchPage, projectRoot } from './lib/site.mjs';
import { formatTable } from './lib/stats.mjs';
import { benchSyncPart, syncSettings } from './lib/syncRun.mjs';

const log = (...parts) => console.log(...parts);

async function main() {
  const started = performance.now();
  const loadAverageAtStart = os.loadavg();
  log('bench: building the bench page…');
  await buildBenchPage();
  const siteDir = assembleSite();
  const browser = await chromium.launch(chromiumLaunch);
  try {
    const context = await browser.newContext({
      serviceWorkers: 'block',
      locale: 'en-GB',
      viewport: { width: 1280, height: 720 },
    });
    const sync = await benchSyncPart({ context, siteDir, log });
    await context.close();
    const report = {
      meta: {
        date: new Date().toISOString(),
        cores: os.cpus().length,
        loadAverage: { start: loadAverageAtStart, end: os.loadavg() },
        node: process.version,
        chromium: browser.version(),
        settings: syncSettings,
        durationSeconds: Math.round((performance.now() - started) / 100) / 10,
      },
      results: sync.results,
      details: { sync: sync.details },
    };
    const file = path.join(projectRoot, 'dist/bench-sync/results.json');
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log('');
    log(formatTable(sync.results));
    for (const [name, why] of Object.entries(sync.details.notMeasured ?? {}))
      log(`not measured: ${name}: ${why}`);
    log(`\nbench: wrote ${path.relative(process.cwd(), file)} (${report.meta.durationSeconds} s)`);
  } finally {
    await browser.close().catch(() => undefined);
  }
}

main().catch((error) => {
  console.error('bench: failed:', error);
  process.exitCode = 1;
});
