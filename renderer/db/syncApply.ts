import { findMutation, type TableName } from '../../shared/mutations';
import type { Change } from '../../shared/sync/protocol';
import { dataTables, type ApogeeDb, type InboxEntry, type OutboxEntry } from './schema';
import { BufferedDexieStore } from './store';

/**
 * The sync path's writes to the local database. Besides mutations, these are the only writes:
 * they store what the hub decided (pulled pages, the answers to pushed changes), never a change
 * of the device's own; ARCHITECTURE.md "Sync protocol".
 */

const known = new Set<string>(dataTables);

/** Stores one pulled page and its cursor in one transaction: a dropped link resumes exactly here. */
export async function applyPulledPage(db: ApogeeDb, changes: readonly Change[], cursor: { seq: number; text: string }): Promise<void> {
  const puts = new Map<TableName, Record<string, unknown>[]>();
  const deletes = new Map<TableName, string[]>();
  for (const change of changes) {
    if (!known.has(change.t)) continue; // a table of a newer version: ignored until this device updates
    if (change.r) {
      let list = puts.get(change.t);
      if (!list) puts.set(change.t, (list = []));
      list.push(change.r);
    } else {
      let list = deletes.get(change.t);
      if (!list) deletes.set(change.t, (list = []));
      list.push(change.id);
    }
  }
  await db.transaction('rw', [...dataTables, 'syncState'], async () => {
    // Every table's writes in flight at once.
    await Promise.all([
      ...[...deletes].map(([table, ids]) => db.table(table).bulkDelete(ids)),
      ...[...puts].map(([table, rows]) => db.table(table).bulkPut(rows)),
      db.syncState.put({ key: 'cursor', seq: cursor.seq, text: cursor.text }),
    ]);
  });
}

/** What the hub answered to pushed changes, ready to store. */
export type Acknowledgement = {
  /** Outbox sequence numbers the hub answered: they leave the queue. */
  done: number[];
  inbox: InboxEntry[];
  /** The hub's rows replacing what refused changes had written here. */
  restore: Change[];
};

/** Drops answered changes from the front of the outbox, files what needs attention, restores refused writes. */
export async function storeAcknowledgement(db: ApogeeDb, ack: Acknowledgement): Promise<void> {
  await db.transaction('rw', [...dataTables, 'outbox', 'inbox'], async () => {
    for (const change of ack.restore) {
      if (!known.has(change.t)) continue;
      if (change.r) await db.table(change.t).put(change.r);
      else await db.table(change.t).delete(change.id);
    }
    if (ack.inbox.length) await db.inbox.bulkPut(ack.inbox);
    await db.outbox.bulkDelete(ack.done);
  });
}

/** Forgets every synced row (the hub will send a fresh copy); the outbox and inbox stay. */
export async function clearSyncedData(db: ApogeeDb): Promise<void> {
  await db.transaction('rw', [...dataTables, 'syncState'], async () => {
    await Promise.all(dataTables.map((table) => db.table(table).clear()));
    await db.syncState.delete('cursor');
  });
}

/**
 * Applies the changes still waiting for the hub on top of freshly pulled rows (a rebase), so
 * what this device shows includes its own unsent work. Nothing is queued again: they are in the
 * outbox already. A change that no longer applies here stays queued; the hub decides.
 */
export async function replayOutbox(db: ApogeeDb): Promise<number> {
  let replayed = 0;
  await db.transaction('rw', [...dataTables, 'outbox'], async () => {
    const entries: OutboxEntry[] = await db.outbox.orderBy('seq').toArray();
    if (!entries.length) return;
    const store = new BufferedDexieStore(db);
    for (const entry of entries) {
      const def = findMutation(entry.name);
      const parsed = def?.args.safeParse(entry.args);
      if (!def || !parsed?.success) continue;
      const result = await def.apply(store, parsed.data, { actor: entry.actor, now: entry.at });
      if (result.ok) {
        store.commitMutation();
        replayed++;
      } else store.discardMutation();
    }
    await store.flush();
  });
  return replayed;
}
