import type { Actor } from '../../shared/mutations';
import type { Session } from '../../shared/sync/protocol';
import type { ApogeeDb } from '../db/schema';

/** The signed-in session as this device keeps it (in the local database, so the sync worker reads it too). */
export type StoredSession = Session & { hubUrl: string; clientId: string; deviceName: string; signedInAt: string };

/** What the sync status shows. */
export type SyncStatus = {
  state: 'idle' | 'syncing' | 'offline' | 'error' | 'signed-out' | 'upgrade-required';
  lastAttempt?: string;
  lastSuccess?: string;
  lastError?: string;
  bytesUp?: number;
  bytesDown?: number;
};

export async function readSession(db: ApogeeDb): Promise<StoredSession | undefined> {
  const row = await db.syncState.get('session');
  return row ? (row.value as StoredSession) : undefined;
}

export async function writeSession(db: ApogeeDb, session: StoredSession | undefined): Promise<void> {
  if (session) await db.syncState.put({ key: 'session', value: session });
  else await db.syncState.delete('session');
}

export async function readStatus(db: ApogeeDb): Promise<SyncStatus> {
  const row = await db.syncState.get('status');
  return (row?.value as SyncStatus | undefined) ?? { state: 'idle' };
}

/** Merges into the stored sync status (one small row, so every window sees it live). */
export async function updateStatus(db: ApogeeDb, change: Partial<SyncStatus> | ((status: SyncStatus) => Partial<SyncStatus>)): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const current = await readStatus(db);
    const next = { ...current, ...(typeof change === 'function' ? change(current) : change) };
    await db.syncState.put({ key: 'status', value: next });
  });
}

/** This database's client id for the hub: made once, kept until local data is wiped. */
export async function clientIdOf(db: ApogeeDb, newId: () => string = () => crypto.randomUUID()): Promise<string> {
  return db.transaction('rw', db.syncState, async () => {
    const row = await db.syncState.get('client');
    if (row && typeof row.clientId === 'string') return row.clientId;
    const clientId = newId();
    await db.syncState.put({ key: 'client', clientId });
    return clientId;
  });
}

/**
 * Who a signed-in device's changes are made by: the account (role, person) on this device, known
 * to the hub by its name (else its client id). The hub runs the same change as the same actor, so
 * its copy of a row ("recorded by …") equals this device's.
 */
export function sessionActor(session: StoredSession): Actor {
  const deviceId = session.deviceName || session.clientId;
  const { role, personId, site } = session.account;
  const actor: Actor = personId ? { role, deviceId, personId } : { role, deviceId };
  // A site coordinator runs one country's sessions (the hub's actorOf gives the same).
  if (role === 'coordinator' && site) actor.site = site;
  return actor;
}
