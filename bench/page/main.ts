// The bench page: served beside the built app (same origin, so the same IndexedDB), never
// shipped in dist/renderer. bench/run.mjs opens it and calls the functions on window.apogeeBench.
import Dexie from 'dexie';
import { decadeCatalogue, decadeCounts, type CatalogueCounts } from '../../shared/demo';
import { localToday } from '../../shared/domain/values';
import {
  findMutation,
  type Actor,
  type IndexedField,
  type MutationStore,
  type TableName,
  type Tables,
} from '../../shared/mutations';
import { runMutations } from '../../renderer/db/mutate';
import { ApogeeDb, dataTables, type OutboxEntry } from '../../renderer/db/schema';
import {
  buildCourseIndex,
  noFilters,
  queryCourses,
} from '../../renderer/features/catalogue/searchIndex';
import { certificatesApi } from './certificates';
import { peopleApi } from './people';
import { syncApi } from './sync';

/** The database the app opens by default (renderer/db/index.ts). */
const appDatabase = 'apogee';

/** What one bulk load measured. */
export type BulkLoadResult = {
  /** Time to generate the mutation calls (not part of the load). */
  generateMs: number;
  /** Time of runMutations: validation, permission, apply, outbox, IndexedDB commits. */
  loadMs: number;
  calls: number;
  refused: number;
  /** What the calls should create. */
  expected: CatalogueCounts;
  /** What the tables hold afterwards. */
  stored: CatalogueCounts & { outbox: number };
  chunkSize: number;
};

/** A scratch database for the write-only part of the breakdown; deleted afterwards. */
const scratchDatabase = 'apogee-bench-scratch';
const benchActor: Actor = { role: 'coordinator', deviceId: 'bench' };

/** Deletes the app's database and loads the decade set into it through the one write path. */
async function bulkLoad(options: { chunkSize?: number } = {}): Promise<BulkLoadResult> {
  const chunkSize = options.chunkSize ?? 2_000;
  await Dexie.delete(appDatabase);

  const generateStart = performance.now();
  const calls = decadeCatalogue();
  const generateMs = performance.now() - generateStart;
  const expected = decadeCounts(calls);

  const db = new ApogeeDb(appDatabase);
  await db.open();
  try {
    const loadStart = performance.now();
    const outcomes = await runMutations(db, calls, {
      actor: benchActor,
      chunkSize,
    });
    const loadMs = performance.now() - loadStart;
    const [programmes, courses, sessions, meetings, outbox] = await Promise.all([
      db.programmes.count(),
      db.courses.count(),
      db.sessions.count(),
      db.meetings.count(),
      db.outbox.count(),
    ]);
    return {
      generateMs,
      loadMs,
      calls: calls.length,
      refused: outcomes.filter((o) => !o.ok).length,
      expected,
      stored: { programmes, courses, sessions, meetings, outbox },
      chunkSize,
    };
  } finally {
    db.close();
  }
}

/** What reading the catalogue the way the catalogue screen does costs, step by step. */
export type ReadResult = {
  /** programmes + courses + sessions toArray (in parallel, as useCatalogueData does). */
  readMs: number[];
  /** buildCourseIndex over what was read. */
  indexMs: number[];
  /** queryCourses (filter + sort, no rendering) per query, in ms. */
  queryMs: { query: string; ms: number; results: number }[];
  rows: number;
};

/** Reads the stored catalogue `repeat` times and times the in-memory search for `queries`. */
async function readCatalogue(repeat = 5, queries: readonly string[] = []): Promise<ReadResult> {
  const db = new ApogeeDb(appDatabase);
  await db.open();
  try {
    const readMs: number[] = [];
    const indexMs: number[] = [];
    let data: Awaited<ReturnType<typeof readAll>> | undefined;
    let index: ReturnType<typeof buildCourseIndex> = [];
    for (let i = 0; i < repeat; i++) {
      const readStart = performance.now();
      data = await readAll(db);
      readMs.push(performance.now() - readStart);
      const indexStart = performance.now();
      index = buildCourseIndex(data.programmes, data.courses, data.sessions, localToday());
      indexMs.push(performance.now() - indexStart);
    }
    const queryMs = queries.map((query) => {
      const start = performance.now();
      const results = queryCourses(index, query, noFilters, 'title').length;
      return { query, ms: performance.now() - start, results };
    });
    const rows = data ? data.programmes.length + data.courses.length + data.sessions.length : 0;
    return { readMs, indexMs, queryMs, rows };
  } finally {
    db.close();
  }
}

async function readAll(db: ApogeeDb) {
  const [programmes, courses, sessions] = await Promise.all([
    db.programmes.toArray(),
    db.courses.toArray(),
    db.sessions.toArray(),
  ]);
  return { programmes, courses, sessions };
}

type Row = Tables[TableName];

/** A MutationStore in plain Maps that counts the lookups a mutation makes. */
class MemoryStore implements MutationStore {
  readonly tables = new Map<TableName, Map<string, Row>>();
  gets = 0;
  finds = 0;
  /** Rows put, in order (the rows the same calls would write to IndexedDB). */
  written: { table: TableName; row: Row }[] = [];

  private rows(table: TableName) {
    let rows = this.tables.get(table);
    if (!rows) this.tables.set(table, (rows = new Map<string, Row>()));
    return rows;
  }

  get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined> {
    this.gets++;
    return Promise.resolve(this.rows(table).get(id) as Tables[T] | undefined);
  }

  findBy<T extends TableName>(
    table: T,
    field: IndexedField[T],
    value: string,
  ): Promise<Tables[T][]> {
    this.finds++;
    const found = [...this.rows(table).values()].filter(
      (row) => (row as Record<string, unknown>)[field] === value,
    );
    return Promise.resolve(found as Tables[T][]);
  }

  put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    this.rows(table).set(row.id, row);
    this.written.push({ table, row });
    return Promise.resolve();
  }

  delete(table: TableName, id: string): Promise<void> {
    this.rows(table).delete(id);
    return Promise.resolve();
  }
}

/** Where the bulk load's time goes, measured in parts (see bench/README.md). */
export type LoadBreakdown = {
  /** Schema validation (zod safeParse) of every call. */
  parseMs: number;
  /** permission + apply against an in-memory store (includes class-day generation). */
  applyMs: number;
  /** store.get / store.findBy calls: in the app each one that misses the chunk's buffer is an IndexedDB read. */
  lookups: number;
  /** Writing the very same rows and outbox entries, chunk by chunk, with no reads and no compute. */
  writeMs: number;
  chunkSize: number;
};

/** Splits the bulk load into compute (validate + apply) and pure IndexedDB writes. */
async function loadBreakdown(options: { chunkSize?: number } = {}): Promise<LoadBreakdown> {
  const chunkSize = options.chunkSize ?? 2_000;
  const calls = decadeCatalogue();
  const store = new MemoryStore();
  const at = new Date().toISOString();
  let parseMs = 0;
  let applyMs = 0;
  /** Per chunk: rows by table, and outbox entries. */
  const chunks: { rows: Map<TableName, Row[]>; outbox: OutboxEntry[] }[] = [];
  for (let start = 0; start < calls.length; start += chunkSize) {
    const chunk = { rows: new Map<TableName, Row[]>(), outbox: [] as OutboxEntry[] };
    for (const call of calls.slice(start, start + chunkSize)) {
      const def = findMutation(call.name);
      if (!def) throw new Error(`unknown mutation ${call.name}`);
      const t0 = performance.now();
      const parsed = def.args.safeParse(call.args);
      const t1 = performance.now();
      parseMs += t1 - t0;
      if (!parsed.success) throw new Error(`invalid arguments for ${call.name}`);
      const from = store.written.length;
      const outcome = def.permission(benchActor, parsed.data)
        ? await def.apply(store, parsed.data, { actor: benchActor, now: at })
        : { ok: false };
      applyMs += performance.now() - t1;
      if (!outcome.ok) throw new Error(`${call.name} was refused`);
      for (const { table, row } of store.written.slice(from)) {
        const rows = chunk.rows.get(table) ?? [];
        rows.push(row);
        chunk.rows.set(table, rows);
      }
      chunk.outbox.push({
        id: crypto.randomUUID(),
        name: call.name,
        version: def.version,
        args: parsed.data,
        actor: benchActor,
        at,
        status: 'pending',
      });
    }
    chunks.push(chunk);
  }

  await Dexie.delete(scratchDatabase);
  const db = new ApogeeDb(scratchDatabase);
  await db.open();
  let writeMs: number;
  try {
    const writeStart = performance.now();
    for (const chunk of chunks) {
      await db.transaction('rw', [...dataTables, 'outbox'], async () => {
        for (const [table, rows] of chunk.rows) await db.table(table).bulkPut(rows);
        await db.outbox.bulkAdd(chunk.outbox);
      });
    }
    writeMs = performance.now() - writeStart;
  } finally {
    db.close();
    await Dexie.delete(scratchDatabase);
  }
  return { parseMs, applyMs, lookups: store.gets + store.finds, writeMs, chunkSize };
}

const api = { bulkLoad, loadBreakdown, readCatalogue, ...peopleApi, ...certificatesApi, ...syncApi };
/** The functions bench/run.mjs calls. */
export type BenchApi = typeof api;

(window as unknown as { apogeeBench: BenchApi }).apogeeBench = api;
document.getElementById('status')!.textContent = 'ready';
