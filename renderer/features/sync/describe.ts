import type { SchedulerState } from '../../sync/scheduler';
import type { SyncStatus } from '../../sync/state';

/** What the header says about sync, in order of what matters most. */
export type SyncHeadline =
  | { kind: 'local' } // not connected to a hub: changes stay on this device
  | { kind: 'offline' }
  | { kind: 'syncing'; progress?: { phase: 'push' | 'pull'; done: number; total: number } }
  | { kind: 'sign-in-again' }
  | { kind: 'update-needed' }
  | { kind: 'retrying' } // online, but the hub did not answer: trying again by itself
  | { kind: 'problem'; message: string }
  | { kind: 'synced'; at?: string };

/** Sums up the stored status, the link, and what the sync leader is doing now. */
export function syncHeadline(input: {
  signedIn: boolean;
  online: boolean;
  status: SyncStatus;
  scheduler?: SchedulerState;
  progress?: { phase: 'push' | 'pull'; done: number; total: number };
}): SyncHeadline {
  const { status, scheduler } = input;
  if (!input.signedIn) return { kind: 'local' };
  if (status.state === 'upgrade-required' || (scheduler?.kind === 'parked' && scheduler.reason === 'upgrade-required')) return { kind: 'update-needed' };
  if (status.state === 'signed-out' || (scheduler?.kind === 'parked' && scheduler.reason === 'unauthorized' && scheduler.code !== 'signed-out')) return { kind: 'sign-in-again' };
  if (!input.online) return { kind: 'offline' };
  if (scheduler?.kind === 'syncing' || (status.state === 'syncing' && scheduler?.kind !== 'idle')) return input.progress ? { kind: 'syncing', progress: input.progress } : { kind: 'syncing' };
  if (scheduler?.kind === 'waiting-to-retry' || status.state === 'offline') return { kind: 'retrying' };
  if (status.state === 'error') return { kind: 'problem', message: status.lastError ?? '' };
  return { kind: 'synced', at: status.lastSuccess };
}

const units = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1_000],
] as const;

/** How long ago a moment was, as a value and unit for Intl.RelativeTimeFormat (negative = past). */
export function relativeTime(at: string, now: number): { value: number; unit: (typeof units)[number][0] } {
  const elapsed = Math.max(0, now - Date.parse(at));
  if (elapsed < 45_000) return { value: 0, unit: 'second' };
  for (const [unit, ms] of units) if (elapsed >= ms) return { value: -Math.round(elapsed / ms), unit };
  return { value: 0, unit: 'second' };
}

/** Bytes in the largest unit that keeps one to three digits. */
export function byteSize(bytes: number): { value: number; unit: 'byte' | 'kilobyte' | 'megabyte' | 'gigabyte' } {
  if (bytes < 1024) return { value: bytes, unit: 'byte' };
  if (bytes < 1024 ** 2) return { value: Math.round((bytes / 1024) * 10) / 10, unit: 'kilobyte' };
  if (bytes < 1024 ** 3) return { value: Math.round((bytes / 1024 ** 2) * 10) / 10, unit: 'megabyte' };
  return { value: Math.round((bytes / 1024 ** 3) * 10) / 10, unit: 'gigabyte' };
}
