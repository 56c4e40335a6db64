import { useCallback } from 'react';
import type { Actor, MutationCall } from '../../shared/mutations';
import { useSession } from '../state/session';
import { useSettings } from '../state/settings';
import { notifyChanged } from '../sync/client';
import { sessionActor } from '../sync/state';
import type { MutationOutcome, RunOptions } from './mutate';
import { ApogeeDb } from './schema';

export { useLiveQuery } from 'dexie-react-hooks';
export type { MutationOutcome } from './mutate';

/** This profile's local database. */
export const db = new ApogeeDb();

/**
 * The actor this device acts as right now: the signed-in hub account (with its site, for a site
 * coordinator: the hub builds the same actor from the account), else the "Acting as" choice.
 */
export function currentActor(): Actor {
  const session = useSession.getState().session;
  if (session) return sessionActor(session);
  const { deviceId, role, personId } = useSettings.getState();
  return personId ? { role, deviceId, personId } : { role, deviceId };
}

/** A function that runs one mutation as the current actor. */
export function useMutate(): (call: MutationCall) => Promise<MutationOutcome> {
  return useCallback(async (call: MutationCall) => (await import('./mutate')).mutate(db, call, currentActor()).finally(notifyChanged), []);
}

/** Runs many mutations (demo data, imports) as the current actor, in chunks with progress. */
export async function runBatch(calls: readonly MutationCall[], options: Omit<RunOptions, 'actor'> = {}) {
  // Loaded on first write, with the schemas: the catalogue list opens without them.
  const { runMutations } = await import('./mutate');
  return runMutations(db, calls, { ...options, actor: currentActor() }).finally(notifyChanged);
}

/**
 * How many changes wait for the hub. The outbox is a queue — appended at the end, drained from
 * the front once the hub acknowledges — so its length is the distance between its first and last
 * sequence numbers: two key look-ups, instead of counting 10^5–10^6 rows after every change (the
 * header shows this number and re-reads it on every write). Sync must keep the queue contiguous
 * (remove acknowledged entries from the front), or change this.
 */
export async function pendingChanges(database: ApogeeDb = db): Promise<number> {
  // firstKey/lastKey, not limit(1).primaryKeys(): Dexie's live queries miss additions to the
  // latter (the header stayed at "All changes saved" while changes queued up).
  const first = (await database.outbox.orderBy(':id').firstKey()) as number | undefined;
  const last = (await database.outbox.orderBy(':id').lastKey()) as number | undefined;
  return first === undefined || last === undefined ? 0 : last - first + 1;
}

/** Asks the browser to keep this site's data even when the disk fills up. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (await navigator.storage?.persisted?.()) return true;
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
