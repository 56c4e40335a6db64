import { liveQuery } from 'dexie';
import { create } from 'zustand';
import type { ApogeeDb } from '../db/schema';
import { useConnectivity } from '../state/connectivity';
import { useSession } from '../state/session';
import { useSettings } from '../state/settings';
import { isSyncNews, syncChannelName, type SyncRequest, type WorkerInit } from './channel';
import type { SchedulerState } from './scheduler';
import { readSession } from './state';

type SyncActivity = {
  /** The leader's scheduler, as last heard (absent until a leader speaks). */
  scheduler?: SchedulerState;
  /** Progress of the running sync, cleared when it ends. */
  progress?: { phase: 'push' | 'pull'; done: number; total: number };
};

/** What the sync leader is doing right now (the stored status says how the last sync went). */
export const useSyncActivity = create<SyncActivity>(() => ({}));

let channel: BroadcastChannel | null = null;

function post(type: SyncRequest['type']): void {
  channel?.postMessage({ type } satisfies SyncRequest);
}

/** Asks the leader to sync now (even while it waits to retry). */
export const syncNow = (): void => post('sync-now');
/** Tells the leader a local change was written (it syncs about two seconds later). */
export const notifyChanged = (): void => post('changed');
/** Tells the leader a session was stored (it syncs at once, the first download included). */
export const notifySignedIn = (): void => post('signed-in');
/** Tells the leader the session is gone. */
export const notifySignedOut = (): void => post('signed-out');

/**
 * Starts this window's part of sync, once: its sync worker (which waits its turn for the lock),
 * forwarding of the link's coming and going, and the signed-in session mirrored into `useSession`
 * (so the actor follows the account, and "Acting as" follows it too).
 */
export function startSync(db: ApogeeDb): void {
  if (channel) return;
  watchSession(db);
  if (typeof Worker === 'undefined' || typeof BroadcastChannel === 'undefined' || !globalThis.navigator?.locks) return;
  channel = new BroadcastChannel(syncChannelName);
  channel.addEventListener('message', (event: MessageEvent) => {
    const news: unknown = event.data;
    if (!isSyncNews(news)) return;
    if (news.type === 'progress') useSyncActivity.setState({ progress: { phase: news.phase, done: news.done, total: news.total } });
    else useSyncActivity.setState((s) => ({ scheduler: news.state, progress: news.state.kind === 'syncing' ? s.progress : undefined }));
  });
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'apogee-sync' });
  worker.postMessage({ type: 'init', dbName: db.name, online: useConnectivity.getState().online } satisfies WorkerInit);
  useConnectivity.subscribe((now, before) => {
    if (now.online !== before.online) post(now.online ? 'online' : 'offline');
  });
}

function watchSession(db: ApogeeDb): void {
  liveQuery(() => readSession(db)).subscribe({
    next: (session) => {
      useSession.setState({ loaded: true, session });
      if (session) {
        const { role, personId } = session.account;
        const settings = useSettings.getState();
        if (settings.role !== role || settings.personId !== personId) settings.actAs(role, personId);
      }
    },
    error: () => useSession.setState({ loaded: true }),
  });
}
