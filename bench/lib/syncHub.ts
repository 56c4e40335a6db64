// The hub of the sync bench, run as its own Node process (bench/lib/syncRun.mjs forks the bundle
// dist/bench-sync/syncHub.mjs): PGlite in a fresh temporary data folder (or, with store
// 'postgres', a throwaway PostgreSQL cluster), seeded with the decade
// set (bench/lib/syncSeed.ts), the accounts the figures sign in with, and the bench site served
// at `/`, so the bench page and the hub share one origin as the web app and its hub do.
// Talks to the runner over the IPC channel: 'ready' once listening; 'profilePull' and 'stop'.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { buildHub } from '../../server/app';
import { createAccount, findAccountByEmail } from '../../server/accounts';
import { openDatabase } from '../../server/db/open';
import { ensureOrganisation } from '../../server/organisation';
import { pullJson } from '../../server/sync';
import type { PullResponse } from '../../shared/sync/protocol';
import { startPostgres } from '../../test/support/postgres';
import { deviceInstructor, fixture, seedHub, type SeedOptions } from './syncSeed';

type Config = SeedOptions & { webRoot: string; dataDir?: string; store?: 'pglite' | 'postgres' };

const send = (message: unknown) => process.send?.(message);
const log = (text: string) => send({ type: 'log', text });

async function main() {
  const config = JSON.parse(process.argv[2] ?? '{}') as Config;
  const dataDir = config.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'apogee-bench-hub-'));
  const openStart = performance.now();
  // PostgreSQL: a throwaway cluster of its own with the server's durable defaults (fsync on).
  const cluster = config.store === 'postgres' ? await startPostgres({ durable: true }) : undefined;
  const db = cluster
    ? await openDatabase({ databaseUrl: await cluster.createDatabase('bench_hub') })
    : await openDatabase({ dataDir });
  const store = cluster ? 'PostgreSQL 15' : 'PGlite (data folder)';
  await ensureOrganisation(db, { name: 'Bench centre', code: 'BEN' });
  const openMs = performance.now() - openStart;
  const seed = await seedHub(db, config, log);
  const accountsStart = performance.now();
  await createAccount(db, {
    email: fixture.coordinatorEmail,
    role: 'coordinator',
    password: fixture.password,
    name: 'Bench coordinator',
  });
  await createAccount(db, {
    email: fixture.main.email,
    role: 'instructor',
    personId: fixture.main.personId,
    password: fixture.password,
  });
  for (let n = 1; n <= fixture.devices; n++) {
    const d = deviceInstructor(n);
    await createAccount(db, {
      email: d.email,
      role: 'instructor',
      personId: d.personId,
      password: fixture.password,
    });
  }
  const accountsMs = performance.now() - accountsStart;
  const app = await buildHub({ db, webRoot: config.webRoot, loginLimit: 100_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await app.close().catch(() => undefined);
    await db.destroy().catch(() => undefined);
    await cluster?.stop().catch(() => undefined);
    if (!config.dataDir) rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('disconnect', () => void stop());
  process.on('message', (message: { type: string; budget?: number; id?: number }) => {
    if (message.type === 'stop') void stop();
    else if (message.type === 'profilePull')
      profilePull(message.budget)
        .then((result) => send({ type: 'result', id: message.id, result }))
        .catch((error: unknown) => send({ type: 'result', id: message.id, error: String(error) }));
  });

  /**
   * The hub's side of an initial coordinator sync, in this process and without HTTP: every page
   * of the scope read with `pullJson` (the SQL queries and the page's JSON text, as the route
   * sends it) and then gzip-compressed as the hub sends it (level 4).
   */
  async function profilePull(budget?: number) {
    const account = await findAccountByEmail(db, fixture.coordinatorEmail);
    if (!account) throw new Error('no coordinator');
    let cursor = '';
    let queryMs = 0;
    let encodeMs = 0;
    let pages = 0;
    let rows = 0;
    let jsonBytes = 0;
    let gzipBytes = 0;
    for (;;) {
      const t0 = performance.now();
      const page = await pullJson(db, account, 'bench-profile', cursor, {
        budget,
        count: pages === 0,
      });
      const t1 = performance.now();
      const json = Buffer.from(page.json);
      const gz = gzipSync(json, { level: 4 });
      encodeMs += performance.now() - t1;
      queryMs += t1 - t0;
      pages++;
      rows += (JSON.parse(page.json) as PullResponse).changes.length;
      jsonBytes += json.length;
      gzipBytes += gz.length;
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    return { budget: budget ?? null, pages, rows, queryMs, encodeMs, jsonBytes, gzipBytes };
  }

  send({ type: 'ready', url, dataDir, seed, openMs, accountsMs, store });
}

main().catch((error: unknown) => {
  send({
    type: 'failed',
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  process.exit(1);
});
