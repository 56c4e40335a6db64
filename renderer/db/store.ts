import type { IndexedField, MutationStore, ReadHint, TableName, Tables } from '../../shared/mutations';
import type { ApogeeDb } from './schema';

const deleted = Symbol('deleted');
type Slot<T> = T | typeof deleted;
type Layer = Map<TableName, Map<string, Slot<Tables[TableName]>>>;

function fieldValue(row: Tables[TableName], field: string): string {
  return String((row as Record<string, unknown>)[field]);
}

function addTo(index: Map<string, Set<string>>, value: string, id: string): void {
  let ids = index.get(value);
  if (!ids) index.set(value, (ids = new Set()));
  ids.add(id);
}

function layerTable(layer: Layer, table: TableName) {
  let rows = layer.get(table);
  if (!rows) layer.set(table, (rows = new Map<string, Slot<Tables[TableName]>>()));
  return rows;
}

/**
 * The renderer's MutationStore over Dexie, for use inside one read-write transaction.
 *
 * Writes are buffered and flushed with bulkPut/bulkDelete at the end of the batch (one
 * IndexedDB round trip per table instead of one per row — the difference between ~3,000 and
 * ~50,000 rows/s). Each mutation writes to its own layer first, merged into the batch only
 * when the mutation succeeds, so a refused mutation leaves nothing behind.
 */
export class BufferedDexieStore implements MutationStore {
  private batch: Layer = new Map();
  private current: Layer = new Map();
  /** Stored rows fetched ahead (`deleted` = known to be absent), by table and id. */
  private fetched: Layer = new Map();
  /** Stored rows fetched ahead by an indexed field, keyed `table field value`. */
  private fetchedBy = new Map<string, Tables[TableName][]>();

  constructor(private readonly db: ApogeeDb) {}

  /**
   * Reads the stored rows a batch of mutations said it will read, every request in flight at
   * once. Later `get`/`findBy` calls for them cost nothing.
   */
  async prefetch(hints: readonly ReadHint[]): Promise<void> {
    const ids = new Map<TableName, Set<string>>();
    const values = new Map<string, { table: TableName; field: string; values: Set<string> }>();
    for (const hint of hints) {
      if ('id' in hint) {
        if (this.fetched.get(hint.table)?.has(hint.id)) continue;
        let set = ids.get(hint.table);
        if (!set) ids.set(hint.table, (set = new Set()));
        set.add(hint.id);
      } else {
        if (this.fetchedBy.has(`${hint.table} ${hint.field} ${hint.value}`)) continue;
        const key = `${hint.table} ${hint.field}`;
        let entry = values.get(key);
        if (!entry) values.set(key, (entry = { table: hint.table, field: hint.field, values: new Set() }));
        entry.values.add(hint.value);
      }
    }
    // Every lookup in flight at once: the requests queue in the one transaction instead of each
    // waiting for the previous round trip.
    const reads: Promise<void>[] = [];
    for (const [table, set] of ids) {
      const keys = [...set];
      reads.push(
        (this.db.table(table).bulkGet(keys) as Promise<(Tables[TableName] | undefined)[]>).then((rows) => {
          const target = layerTable(this.fetched, table);
          keys.forEach((id, i) => target.set(id, rows[i] ?? deleted));
        }),
      );
    }
    for (const { table, field, values: set } of values.values()) {
      // One index lookup per value: `anyOf` walks one cursor across the index, and in Chromium
      // each of its jumps costs more as the index grows (a chunk of 2,000 new e-mail addresses
      // took 26 ms against 0 people and 2.6 s against 10,000), while an exact lookup costs the
      // same at any size.
      for (const value of set)
        reads.push(
          this.db
            .table(table)
            .where(field)
            .equals(value)
            .toArray()
            .then((rows) => void this.fetchedBy.set(`${table} ${field} ${value}`, rows as Tables[TableName][])),
        );
    }
    await Promise.all(reads);
  }

  async get<T extends TableName>(table: T, id: string): Promise<Tables[T] | undefined> {
    for (const layer of [this.current, this.batch, this.fetched]) {
      const slot = layer.get(table)?.get(id);
      if (slot !== undefined) return slot === deleted ? undefined : (slot as Tables[T]);
    }
    return (await this.db.table(table).get(id)) as Tables[T] | undefined;
  }

  async findBy<T extends TableName>(table: T, field: IndexedField[T], value: string): Promise<Tables[T][]> {
    const key = `${table} ${field} ${value}`;
    let stored = this.fetchedBy.get(key) as Tables[T][] | undefined;
    if (!stored) {
      stored = (await this.db.table(table).where(field).equals(value).toArray()) as Tables[T][];
      // Stored rows do not change during the batch (its writes live in the layers merged
      // below), so a second mutation asking the same question reads nothing.
      this.fetchedBy.set(key, stored);
    }
    const byId = new Map(stored.map((row) => [row.id, row as Slot<Tables[T]>]));
    // Rows the batch wrote: those now holding `value` (from the batch's own index, so a large
    // import does not rescan the whole batch for every lookup), and stored rows it changed.
    const written = this.batch.get(table);
    if (written) {
      for (const id of byId.keys()) {
        const slot = written.get(id);
        if (slot !== undefined) byId.set(id, slot as Slot<Tables[T]>);
      }
      for (const id of this.batchIndex(table, field).get(value) ?? [])
        byId.set(id, written.get(id) as Slot<Tables[T]>);
    }
    for (const [id, slot] of this.current.get(table) ?? []) byId.set(id, slot as Slot<Tables[T]>);
    const rows: Tables[T][] = [];
    for (const slot of byId.values())
      if (slot !== deleted && (slot as Record<string, unknown>)[field] === value) rows.push(slot);
    return rows;
  }

  put<T extends TableName>(table: T, row: Tables[T]): Promise<void> {
    layerTable(this.current, table).set(row.id, row);
    return Promise.resolve();
  }

  delete(table: TableName, id: string): Promise<void> {
    layerTable(this.current, table).set(id, deleted);
    return Promise.resolve();
  }

  /** The rows the current mutation has written so far (table and id). */
  currentWrites(): [TableName, string][] {
    const keys: [TableName, string][] = [];
    for (const [table, rows] of this.current) for (const id of rows.keys()) keys.push([table, id]);
    return keys;
  }

  /** Keeps what the current mutation wrote. */
  commitMutation(): void {
    for (const [table, rows] of this.current) {
      const target = layerTable(this.batch, table);
      for (const [id, slot] of rows) {
        for (const [key, index] of this.indexes) {
          if (!key.startsWith(`${table} `)) continue;
          const field = key.slice(table.length + 1);
          const before = target.get(id);
          if (before !== undefined && before !== deleted) index.get(fieldValue(before, field))?.delete(id);
          if (slot !== deleted) addTo(index, fieldValue(slot, field), id);
        }
        target.set(id, slot);
      }
    }
    this.current = new Map();
  }

  /** Batch rows by the value of one field, built on first use and kept up to date on commit. */
  private indexes = new Map<string, Map<string, Set<string>>>();
  private batchIndex(table: TableName, field: string): Map<string, Set<string>> {
    const key = `${table} ${field}`;
    let index = this.indexes.get(key);
    if (!index) {
      index = new Map();
      for (const [id, slot] of this.batch.get(table) ?? []) if (slot !== deleted) addTo(index, fieldValue(slot, field), id);
      this.indexes.set(key, index);
    }
    return index;
  }

  /** Forgets what the current mutation wrote (it was refused). */
  discardMutation(): void {
    this.current = new Map();
  }

  /** Number of rows the batch will write. */
  get pendingRows(): number {
    let n = 0;
    for (const rows of this.batch.values()) n += rows.size;
    return n;
  }

  /** Writes the batch to IndexedDB (inside the caller's transaction). */
  async flush(): Promise<void> {
    for (const [table, rows] of this.batch) {
      const puts: Tables[TableName][] = [];
      const deletes: string[] = [];
      for (const [id, slot] of rows) {
        if (slot === deleted) deletes.push(id);
        else puts.push(slot);
      }
      if (deletes.length) await this.db.table(table).bulkDelete(deletes);
      if (puts.length) await this.db.table(table).bulkPut(puts);
    }
    this.batch = new Map();
    this.indexes = new Map();
  }
}
