import { ApogeeDb } from '../db/schema';
import { isSyncRequest, syncChannelName, syncLockName, type SyncNews, type WorkerInit } from './channel';
import { SyncEngine, SyncHttpError } from './engine';
import { createSyncScheduler, type SyncOutcome } from './scheduler';
import { readSession, readStatus, updateStatus } from './state';

/**
 * The sync worker: one per window, but only the one holding the Web Lock syncs; the others wait
 * for the lock and take over when the leader's window closes (the browser releases its lock).
 * Windows reach the leader on the BroadcastChannel; the leader's progress goes out the same way.
 */
const scope = self as unknown as { addEventListener: (type: 'message', listener: (event: MessageEvent<WorkerInit>) => void) => void };
const channel = new BroadcastChannel(syncChannelName);
let online = true;
let leader: ReturnType<typeof createSyncScheduler> | null = null;

const tell = (news: SyncNews) => channel.postMessage(news);

channel.addEventListener('message', (event: MessageEvent) => {
  if (!isSyncRequest(event.data)) return;
  const { type } = event.data;
  if (type === 'online' || type === 'offline') online = type === 'online';
  if (!leader) return;
  switch (type) {
    case 'sync-now':
      return leader.syncNow();
    case 'changed':
      return leader.changed();
    case 'online':
    case 'offline':
      return leader.setOnline(online);
    case 'signed-in':
      return leader.signedIn();
    case 'signed-out':
      return leader.signedOut();
  }
});

scope.addEventListener('message', (event: MessageEvent<WorkerInit>) => {
  if (event.data?.type !== 'init') return;
  online = event.data.online;
  const dbName = event.data.dbName;
  void navigator.locks.request(syncLockName(dbName), () => lead(dbName));
});

async function lead(dbName: string): Promise<never> {
  const db = new ApogeeDb(dbName);
  // A leader that died mid-sync left "syncing" behind.
  if ((await readStatus(db)).state === 'syncing') await updateStatus(db, { state: 'idle' });
  const engine = new SyncEngine(db, { onProgress: (p) => tell({ type: 'progress', ...p }) });
  const run = async (): Promise<SyncOutcome> => {
    if (!(await readSession(db))) return { ok: false, transient: false, code: 'unauthorized' };
    try {
      await engine.sync();
      return { ok: true };
    } catch (error) {
      if (error instanceof SyncHttpError) return { ok: false, transient: error.transient, code: error.code === 'upgrade-required' ? error.code : error.status === 401 ? 'unauthorized' : error.code };
      return { ok: false, transient: true, code: error instanceof Error ? error.message : String(error) };
    }
  };
  leader = createSyncScheduler({ run, online, onState: (state) => tell({ type: 'scheduler', state }) });
  leader.start();
  // Held for the life of this worker: the lock goes to the next window's worker when this one ends.
  return new Promise<never>(() => undefined);
}
