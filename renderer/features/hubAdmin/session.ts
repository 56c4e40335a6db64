import { db, useLiveQuery } from '../../db';
import { readSession, type StoredSession } from '../../sync/state';

/** The hub session of this device, live: `loading` until read, then the session or none. */
export function useHubSession(): { loading: boolean; session: StoredSession | undefined } {
  const row = useLiveQuery(async () => ({ session: await readSession(db) }), []);
  return { loading: row === undefined, session: row?.session };
}
