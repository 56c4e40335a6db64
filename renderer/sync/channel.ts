import type { SchedulerState } from './scheduler';

/**
 * The messages between the windows and the sync leader (the worker holding the Web Lock), on one
 * BroadcastChannel per origin. Windows ask; the leader tells everyone how a sync is going. The
 * sync status itself (last success, bytes, state) is in the database, where every window reads it.
 */
export const syncChannelName = 'apogee-sync';

/** The Web Lock that makes one worker (of all windows on this database) the one that syncs. */
export function syncLockName(dbName: string): string {
  return `apogee-sync:${dbName}`;
}

/** What a window asks of the leader. */
export type SyncRequest = { type: 'sync-now' | 'changed' | 'online' | 'offline' | 'signed-in' | 'signed-out' };

/** What the leader tells the windows. */
export type SyncNews =
  | { type: 'progress'; phase: 'push' | 'pull'; done: number; total: number }
  | { type: 'scheduler'; state: SchedulerState };

/** The first message from a window to its own worker. */
export type WorkerInit = { type: 'init'; dbName: string; online: boolean };

const requestTypes = new Set<string>(['sync-now', 'changed', 'online', 'offline', 'signed-in', 'signed-out']);

/** A channel message that is a window's request (anything else on the channel is ignored). */
export function isSyncRequest(data: unknown): data is SyncRequest {
  return typeof data === 'object' && data !== null && requestTypes.has((data as { type?: unknown }).type as string);
}

/** A channel message that is news from the leader. */
export function isSyncNews(data: unknown): data is SyncNews {
  const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
  return type === 'progress' || type === 'scheduler';
}
