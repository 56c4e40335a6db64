// The sync part of the bench page: an initial sync of a coordinator's scope from the hub that
// serves this page (same origin, as the web app and its hub), into an empty IndexedDB, with the
// app's own SyncEngine. bench/lib/syncRun.mjs calls initialSync through window.apogeeBench.
import Dexie from 'dexie';
import { ApogeeDb, dataTables } from '../../renderer/db/schema';
import { SyncEngine } from '../../renderer/sync/engine';
import { signIn } from '../../renderer/sync/session';
import { readStatus } from '../../renderer/sync/state';

const syncDatabase = 'apogee-bench-sync';

/** What one initial sync measured (times in ms). */
export type InitialSyncResult = {
  pageBytes: number | null;
  totalMs: number;
  signInMs: number;
  pulled: number;
  requests: number;
  stored: number;
  /** Sum over requests: sending to the response's headers (the hub's query + gzip, on loopback). */
  waitMs: number;
  /** Sum over requests: headers to the last byte of the body (download + gunzip). */
  downloadMs: number;
  /** JSON.parse of every page, timed once more beside the engine's own parse. */
  parseMs: number;
  /** What is left: the engine's parse, IndexedDB writes (applyPulledPage) and the status rows. */
  clientMs: number;
  bytesDown: number;
  pages: number;
};

async function initialSync(options: {
  email: string;
  password: string;
  pageBytes?: number;
}): Promise<InitialSyncResult> {
  await Dexie.delete(syncDatabase);
  const db = new ApogeeDb(syncDatabase);
  await db.open();
  try {
    const signInStart = performance.now();
    await signIn(db, {
      hub: location.origin,
      email: options.email,
      password: options.password,
      deviceName: 'bench browser',
    });
    const signInMs = performance.now() - signInStart;
    let waitMs = 0;
    let downloadMs = 0;
    let parseMs = 0;
    let pages = 0;
    const timedFetch: typeof fetch = async (input, init) => {
      const t0 = performance.now();
      const response = await fetch(input, init);
      const t1 = performance.now();
      const text = await response.text();
      const t2 = performance.now();
      waitMs += t1 - t0;
      downloadMs += t2 - t1;
      JSON.parse(text);
      parseMs += performance.now() - t2;
      pages++;
      return new Response(text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    };
    const engine = new SyncEngine(db, {
      fetch: timedFetch,
      ...(options.pageBytes ? { pageBytes: options.pageBytes } : {}),
    });
    const start = performance.now();
    const report = await engine.sync();
    const totalMs = performance.now() - start;
    const counts = await Promise.all(dataTables.map((t) => db.table(t).count()));
    const status = await readStatus(db);
    return {
      pageBytes: options.pageBytes ?? null,
      totalMs,
      signInMs,
      pulled: report.pulled,
      requests: report.requests,
      stored: counts.reduce((a, b) => a + b, 0),
      waitMs,
      downloadMs,
      parseMs,
      clientMs: totalMs - waitMs - downloadMs - parseMs,
      bytesDown: status.bytesDown ?? 0,
      pages,
    };
  } finally {
    db.close();
    await Dexie.delete(syncDatabase);
  }
}

export const syncApi = { initialSync };
