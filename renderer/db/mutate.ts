import { fieldErrors, type Notice } from '../../shared/errors';
import {
  findMutation,
  type Actor,
  type MutationCall,
  type MutationDef,
  type MutationError,
} from '../../shared/mutations';
import { dataTables, type ApogeeDb, type OutboxEntry } from './schema';
import { BufferedDexieStore } from './store';

/** What one mutation answered on this device; a success may carry notices to show. */
export type MutationOutcome = { ok: true; id: string; notices?: Notice[] } | { ok: false; error: MutationError };

/** Options of a batch run. */
export type RunOptions = {
  actor: Actor;
  /** Device clock; injectable for tests. */
  now?: () => string;
  /** Mutations per IndexedDB transaction; each chunk commits on its own. */
  chunkSize?: number;
  /** When true, one refusal rolls back the whole chunk it is in. */
  atomic?: boolean;
  /** Called after each committed chunk with the number of mutations done so far. */
  onProgress?: (done: number, total: number) => void;
  /** Stops before the next chunk when it returns true. */
  cancelled?: () => boolean;
  newId?: () => string;
};

class RolledBack extends Error {}

// A change's id needs to be unique on this device only: the hub keys what it applied by device
// and sequence number, and compares the id to spot a queue that is not the one it saw. One random
// prefix per page load and the time in ms (never repeating) make ids that gzip to a few bytes
// each on the wire, where random UUIDs cost about 20 bytes each: 2.4 KB of a 100-mark sync.
const idPrefix = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => (b % 36).toString(36)).join('');
let lastIdTime = 0;

/** A new change id: `<prefix>.<base-36 time>`, rising within a page load. */
export function newChangeId(): string {
  lastIdTime = Math.max(Date.now(), lastIdTime + 1);
  return `${idPrefix}.${lastIdTime.toString(36)}`;
}

/**
 * The one write path of the renderer: validates each call with its mutation's schema, checks
 * the permission, applies it through the store and queues it in the outbox — data and outbox in
 * the same IndexedDB transaction, so a change is never stored without being queued for the hub,
 * or queued without being stored.
 */
export async function runMutations(
  db: ApogeeDb,
  calls: readonly MutationCall[],
  options: RunOptions,
): Promise<MutationOutcome[]> {
  const now = options.now ?? (() => new Date().toISOString());
  const newId = options.newId ?? newChangeId;
  const chunkSize = options.chunkSize ?? 2_000;
  const outcomes: MutationOutcome[] = [];

  for (let start = 0; start < calls.length; start += chunkSize) {
    if (options.cancelled?.()) break;
    // Validation and permission checks are pure: done before the transaction opens.
    const checked = calls.slice(start, start + chunkSize).map((call) => check(call, options.actor));
    let chunkOutcomes: MutationOutcome[] = [];
    try {
      await db.transaction('rw', [...dataTables, 'outbox', 'syncState'], async () => {
        chunkOutcomes = [];
        const store = new BufferedDexieStore(db);
        // What this device had pulled from the hub when the change was made.
        const seen = Number((await db.syncState.get('cursor'))?.seq ?? 0);
        await store.prefetch(checked.flatMap((c) => ('def' in c ? (c.def.reads?.(c.args) ?? []) : [])));
        const queued: OutboxEntry[] = [];
        for (const item of checked) {
          const outcome = 'def' in item ? await applyOne(store, item, options.actor, now(), newId(), seen, queued) : item;
          chunkOutcomes.push(outcome);
          if (!outcome.ok && options.atomic) throw new RolledBack();
        }
        // Both in flight at once: the outbox rows are prepared while the data rows are written.
        await Promise.all([store.flush(), queued.length ? db.outbox.bulkAdd(queued) : undefined]);
      });
    } catch (error) {
      if (!(error instanceof RolledBack)) throw error;
    }
    outcomes.push(...chunkOutcomes);
    options.onProgress?.(Math.min(start + checked.length, calls.length), calls.length);
  }
  return outcomes;
}

type Checked = { name: MutationCall['name']; def: MutationDef<unknown>; args: unknown };

/** Finds the mutation, validates its arguments and checks the actor may make it. */
function check(call: MutationCall, actor: Actor): Checked | (MutationOutcome & { ok: false }) {
  const def = findMutation(call.name);
  if (!def) return { ok: false, error: { code: 'unknown-mutation', params: { name: call.name }, fields: [] } };
  const parsed = def.args.safeParse(call.args);
  if (!parsed.success)
    return { ok: false, error: { code: 'invalid-args', params: {}, fields: fieldErrors(parsed.error) } };
  if (!def.permission(actor, parsed.data))
    return { ok: false, error: { code: 'forbidden', params: { name: call.name }, fields: [] } };
  return { name: call.name, def, args: parsed.data };
}

async function applyOne(
  store: BufferedDexieStore,
  { name, def, args }: Checked,
  actor: Actor,
  at: string,
  id: string,
  seen: number,
  queued: OutboxEntry[],
): Promise<MutationOutcome> {
  const result = await def.apply(store, args, { actor, now: at });
  if (!result.ok) {
    store.discardMutation();
    return result;
  }
  const writes = store.currentWrites();
  store.commitMutation();
  const entry: OutboxEntry = { id, name, version: def.version, args, actor, at, status: 'pending', seen, writes };
  if (result.notices?.length) entry.notices = result.notices.map((n) => n.code);
  queued.push(entry);
  return result.notices?.length ? { ok: true, id, notices: result.notices } : { ok: true, id };
}

/** Runs one mutation (a form save, a click): the same path as a batch of one. */
export async function mutate(db: ApogeeDb, call: MutationCall, actor: Actor): Promise<MutationOutcome> {
  const [outcome] = await runMutations(db, [call], { actor });
  return outcome!;
}
