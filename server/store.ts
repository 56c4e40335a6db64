import { sql, type Kysely, type Transaction } from 'kysely';
import type { IndexedField, MutationStore, ReadHint, TableName, Tables } from '../shared/mutations';
import type { Database } from './db/schema';
import { lookupFields } from './db/migrations';
import { syncedTables } from '../shared/sync/protocol';

type Row = Tables[TableName];
/** A row a mutation wrote (`row` null: deleted). */
export type Written = { table: TableName; id: string; row: Row | null };
/** A stored row as mutations of a push see it, with the hub sequence and the device of its last change. */
export type StoredRow = { data: Row | null; seq: number; clientId: string };

const fields = new Set<string>(lookupFields);
const tables = new Set<string>(syncedTables);

/** A table name known to sync, or an error (it is written into SQL as a literal). */
function tableName(table: string): string {
  if (!tables.has(table)) throw new Error(`Unknown table ${table}`);
  return table;
}
const key = (table: string, id: string) => `${table}\u0000${id}`;

/**
 * The hub's MutationStore over SQL, inside the transaction of one group of pushes. A mutation's
 * writes stay in a layer until it succeeds (`take()` hands them to the caller, which may add to
 * them, then `commit()`s them), so a refused mutation leaves nothing behind — the same contract as
 * the renderer's Dexie store. Committed writes stay in memory until the group is stored, and the
 * rows read from the database are kept: the database does not change while the group holds the
 * write lock, so each row is read once however many mutations read it, and `prefetch` reads what a
 * whole group will need in a few queries instead of one per mutation.
 */
export class SqlStore implements MutationStore {
  private layer = new Map<string, Written>();
  /** Writes of earlier mutations of the group, latest last, with the device that made them. */
  private readonly committed = new Map<string, Written & { clientId: string }>();
  /** Rows read from the database by key (null: not there). */
  private readonly rows = new Map<string, StoredRow | null>();
  /** Ids of the database rows with `field` = value, by `table field value`. */
  private readonly matches = new Map<string, string[]>();

  constructor(private readonly tx: Kysely<Database> | Transaction<Database>) {}

  async get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined> {
    const k = key(table, id);
    const written = this.layer.get(k) ?? this.committed.get(k);
    if (written) return (written.row ?? undefined) as Tables[T] | undefined;
    return ((await this.stored(table, id))?.data ?? undefined) as Tables[T] | undefined;
  }

  /** The row as stored before this group, with its sequence and writer; written by this group: seq is Infinity. */
  async stored(table: TableName, id: string): Promise<StoredRow | undefined> {
    const k = key(table, id);
    const written = this.committed.get(k);
    if (written) return { data: written.row, seq: Infinity, clientId: written.clientId };
    if (!this.rows.has(k)) await this.readIds(table, [id]);
    return this.rows.get(k) ?? undefined;
  }

  async findBy<T extends TableName>(table: T, field: IndexedField[T], value: string): Promise<Tables[T][]> {
    if (!fields.has(field)) throw new Error(`No index on ${table}.${String(field)}`);
    const matchKey = `${table} ${String(field)} ${value}`;
    if (!this.matches.has(matchKey)) await this.readMatches(table, String(field), [value]);
    const byId = new Map<string, Row>();
    for (const id of this.matches.get(matchKey) ?? []) {
      const data = this.rows.get(key(table, id))?.data;
      if (data) byId.set(id, data);
    }
    for (const writes of [this.committed, this.layer])
      for (const written of writes.values()) {
        if (written.table !== table) continue;
        if (written.row && String((written.row as Record<string, unknown>)[field]) === value) byId.set(written.id, written.row);
        else byId.delete(written.id);
      }
    return [...byId.values()] as Tables[T][];
  }

  put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    this.layer.set(key(table, row.id), { table, id: row.id, row });
    return Promise.resolve();
  }

  delete(table: TableName, id: string): Promise<void> {
    this.layer.set(key(table, id), { table, id, row: null });
    return Promise.resolve();
  }

  /** What the current mutation wrote, in order; the layer is emptied for the next one. */
  take(): Written[] {
    const written = [...this.layer.values()];
    this.layer = new Map();
    return written;
  }

  /** Keeps a successful mutation's writes (as `take()` gave them, possibly added to) for the rest of the group. */
  commit(written: readonly Written[], clientId: string): void {
    for (const w of written) {
      const k = key(w.table, w.id);
      // Re-inserted so the map lists rows by their last write: the order they get hub sequences in.
      this.committed.delete(k);
      this.committed.set(k, { ...w, clientId });
    }
  }

  /** Every row the group wrote, once, in the order of its last write, with the device that wrote it. */
  writes(): (Written & { clientId: string })[] {
    return [...this.committed.values()];
  }

  /** Reads ahead what mutations say they will read (ReadHint): one query per table, and per looked-up field. */
  async prefetch(hints: readonly ReadHint[]): Promise<void> {
    const ids = new Map<TableName, Set<string>>();
    const values = new Map<string, { table: TableName; field: string; values: Set<string> }>();
    for (const hint of hints) {
      if ('id' in hint) {
        if (this.rows.has(key(hint.table, hint.id))) continue;
        let set = ids.get(hint.table);
        if (!set) ids.set(hint.table, (set = new Set()));
        set.add(hint.id);
      } else {
        if (!fields.has(hint.field) || this.matches.has(`${hint.table} ${hint.field} ${hint.value}`)) continue;
        const k = `${hint.table} ${hint.field}`;
        let entry = values.get(k);
        if (!entry) values.set(k, (entry = { table: hint.table, field: hint.field, values: new Set() }));
        entry.values.add(hint.value);
      }
    }
    for (const [table, set] of ids) await this.readIds(table, [...set]);
    for (const { table, field, values: set } of values.values()) await this.readMatches(table, field, [...set]);
    // What hangs off a session is checked against its session (who teaches it, its site, its
    // state): read the sessions of the class days and records just read along with them.
    const sessions = new Set<string>();
    for (const [k, row] of this.rows) {
      const sessionId = (row?.data as { sessionId?: unknown } | null | undefined)?.sessionId;
      if (typeof sessionId === 'string' && !k.startsWith('sessions\u0000') && !this.rows.has(key('sessions', sessionId))) sessions.add(sessionId);
    }
    if (sessions.size) await this.readIds('sessions', [...sessions]);
  }

  private async readIds(table: TableName, ids: readonly string[]): Promise<void> {
    for (let start = 0; start < ids.length; start += 1000) {
      const chunk = ids.slice(start, start + 1000);
      const found = await this.tx
        .selectFrom('records')
        .select(['id', 'data', 'seq', 'client_id'])
        .where('tbl', '=', table)
        .where('id', 'in', chunk)
        .execute();
      for (const id of chunk) this.rows.set(key(table, id), null);
      for (const r of found) this.rows.set(key(table, r.id), { data: (r.data ?? null) as Row | null, seq: Number(r.seq), clientId: r.client_id });
    }
  }

  private async readMatches(table: TableName, field: string, values: readonly string[]): Promise<void> {
    for (let start = 0; start < values.length; start += 1000) {
      const chunk = values.slice(start, start + 1000);
      // The table and field names are from fixed lists (checked), written as literals so the partial
      // expression index on (tbl, data->>'field') where tbl in (…) is used; the values are parameters.
      const found = await this.tx
        .selectFrom('records')
        .select(['id', 'data', 'seq', 'client_id'])
        .where(sql<string>`tbl`, '=', sql.lit(tableName(table)))
        .where(sql<string>`data->>${sql.lit(field)}`, 'in', chunk)
        .execute();
      const byValue = new Map<string, string[]>(chunk.map((v) => [v, []]));
      for (const r of found) {
        if (!this.rows.has(key(table, r.id))) this.rows.set(key(table, r.id), { data: (r.data ?? null) as Row | null, seq: Number(r.seq), clientId: r.client_id });
        const value = r.data ? String(r.data[field]) : undefined;
        if (value !== undefined) byValue.get(value)?.push(r.id);
      }
      for (const [value, list] of byValue) this.matches.set(`${table} ${field} ${value}`, list);
    }
  }
}

/** The scope keys of a row: which session and which person it belongs to, for filtering pulls. */
export function scopeKeys(table: TableName, id: string, row: Record<string, unknown> | null) {
  if (!row) return { session_id: null, person_id: null };
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
  switch (table) {
    case 'sessions':
      return { session_id: id, person_id: null };
    case 'people':
      return { session_id: null, person_id: id };
    default:
      return { session_id: text(row.sessionId), person_id: text(row.personId) };
  }
}

/**
 * Stores rows with hub sequence numbers `firstSeq`, `firstSeq + 1`, … in the given order. A
 * tombstone keeps the row's last scope keys, so the deletion reaches the devices that held it.
 * `clientId` is the device whose change wrote a row (per row when a group of pushes is stored);
 * `writerHas` says that device already holds exactly this state (its next pull leaves it out).
 */
export async function storeRows(
  tx: Transaction<Database>,
  rows: readonly (Written & { clientId?: string; writerHas?: boolean })[],
  firstSeq: number,
  clientId: string,
): Promise<void> {
  if (!rows.length) return;
  const values = rows.map((w, i) => ({
    tbl: w.table,
    id: w.id,
    seq: firstSeq + i,
    data: w.row ? JSON.stringify(w.row) : null,
    ...scopeKeys(w.table, w.id, w.row as Record<string, unknown> | null),
    client_id: w.clientId ?? clientId,
    writer_has: w.writerHas ?? false,
  }));
  for (let start = 0; start < values.length; start += 500)
    await tx
      .insertInto('records')
      .values(values.slice(start, start + 500))
      .onConflict((oc) =>
        oc.columns(['tbl', 'id']).doUpdateSet({
          seq: (eb) => eb.ref('excluded.seq'),
          data: (eb) => eb.ref('excluded.data'),
          session_id: sql`coalesce(excluded.session_id, records.session_id)`,
          person_id: sql`coalesce(excluded.person_id, records.person_id)`,
          client_id: (eb) => eb.ref('excluded.client_id'),
          writer_has: (eb) => eb.ref('excluded.writer_has'),
          changed_at: sql`now()`,
        }),
      )
      .execute();
}

/** Takes `count` hub sequence numbers; the row lock it holds orders every writer, across processes. */
export async function takeSeqs(tx: Transaction<Database>, count: number): Promise<number> {
  const { seq } = await tx
    .updateTable('hub_counter')
    .set({ seq: sql`seq + ${count}` })
    .where('id', '=', 1)
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(seq) - count + 1;
}

/** Waits for the write lock (the counter row) at the start of a writing transaction. */
export async function lockWrites(tx: Transaction<Database>): Promise<void> {
  await sql`select seq from hub_counter where id = 1 for update`.execute(tx);
}
