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
  /**
   * Sum over requests: sending to the response's headers (the hub's query + gzip, on loopback).
   * Requests overlap (the engine asks for the next page as soon as a page's headers arrive), so
   * sums over requests can add up to more than the whole.
   */
  waitMs: number;
  /** Sum over requests: headers to the last byte of the body as the engine reads it (download + gunzip). */
  downloadMs: number;
  /** Time at least one request was in flight (the union of sending → body read). */
  inFlightMs: number;
  /** The rest: no request in flight, the device alone (parse, IndexedDB writes, status rows). */
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
    let pages = 0;
    const spans: [number, number][] = [];
    // Times each request without changing what the engine sees: the same Response, its body
    // timed when the engine reads it (its headers reach the engine as soon as they arrive).
    const timedFetch: typeof fetch = async (input, init) => {
      const t0 = performance.now();
      const response = await fetch(input, init);
      const t1 = performance.now();
      waitMs += t1 - t0;
      pages++;
      const read = response.text.bind(response);
      return Object.assign(response, {
        text: async () => {
          const t2 = performance.now();
          try {
            return await read();
          } finally {
            const t3 = performance.now();
            downloadMs += t3 - t2;
            spans.push([t0, t3]);
          }
        },
      });
    };
    const engine = new SyncEngine(db, {
      fetch: timedFetch,
      ...(options.pageBytes ? { pageBytes: options.pageBytes } : {}),
    });
    const start = performance.now();
    const report = await engine.sync();
    const totalMs = performance.now() - start;
    const inFlightMs = union(spans);
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
      inFlightMs,
      clientMs: totalMs - inFlightMs,
      bytesDown: status.bytesDown ?? 0,
      pages,
    };
  } finally {
    db.close();
    await Dexie.delete(syncDatabase);
  }
}

export const syncApi = { initialSync };

/** The length of the union of these time spans. */
function union(spans: readonly [number, number][]): number {
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
}
