import { sql, type Kysely, type Transaction } from 'kysely';
import type { IndexedField, MutationStore, TableName, Tables } from '../shared/mutations';
import type { Database } from './db/schema';
import { lookupFields } from './db/migrations';

type Row = Tables[TableName];
type Written = { table: TableName; id: string; row: Row | null };

const fields = new Set<string>(lookupFields);

/**
 * The hub's MutationStore over SQL, inside one transaction. A mutation's writes stay in a layer
 * until it succeeds (`written()` then hands them to the caller, which stamps and stores them), so
 * a refused mutation leaves nothing behind — the same contract as the renderer's Dexie store.
 */
export class SqlStore implements MutationStore {
  private layer = new Map<string, Written>();

  constructor(private readonly tx: Kysely<Database> | Transaction<Database>) {}

  private key(table: string, id: string) {
    return `${table}\u0000${id}`;
  }

  async get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined> {
    const written = this.layer.get(this.key(table, id));
    if (written) return (written.row ?? undefined) as Tables[T] | undefined;
    const found = await this.tx
      .selectFrom('records')
      .select('data')
      .where('tbl', '=', table)
      .where('id', '=', id)
      .executeTakeFirst();
    return (found?.data ?? undefined) as Tables[T] | undefined;
  }

  async findBy<T extends TableName>(table: T, field: IndexedField[T], value: string): Promise<Tables[T][]> {
    if (!fields.has(field)) throw new Error(`No index on ${table}.${String(field)}`);
    // The field name is one of a fixed list (checked above), written as a literal so the
    // expression index on (tbl, data->>'field') is used; the value is a parameter.
    const rows = await this.tx
      .selectFrom('records')
      .select('data')
      .where('tbl', '=', table)
      .where(sql<string>`data->>${sql.lit(field)}`, '=', value)
      .execute();
    const byId = new Map<string, Row>();
    for (const { data } of rows) if (data) byId.set(String(data.id), data as Row);
    for (const written of this.layer.values()) {
      if (written.table !== table) continue;
      if (written.row && String((written.row as Record<string, unknown>)[field]) === value) byId.set(written.id, written.row);
      else byId.delete(written.id);
    }
    return [...byId.values()] as Tables[T][];
  }

  put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    this.layer.set(this.key(table, row.id), { table, id: row.id, row });
    return Promise.resolve();
  }

  delete(table: TableName, id: string): Promise<void> {
    this.layer.set(this.key(table, id), { table, id, row: null });
    return Promise.resolve();
  }

  /** What the mutation wrote, in order; the layer is emptied for the next one. */
  take(): Written[] {
    const written = [...this.layer.values()];
    this.layer = new Map();
    return written;
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
 */
export async function storeRows(
  tx: Transaction<Database>,
  rows: readonly Written[],
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
    client_id: clientId,
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
