/**
 * When to sync: a small state machine with no I/O of its own, so that its timing can be tested
 * with fake timers. The sync worker feeds it triggers (start, "sync now", local changes, the link
 * coming and going, signing in and out) and gives it the function that runs one sync.
 *
 * - syncs at start, on demand, when the link comes back, soon after local changes (debounced,
 *   with a ceiling so a steady stream of edits still goes out), and every minute while online;
 * - after a transient failure (no answer, a 5xx, a 429) it retries with exponential backoff and
 *   full jitter, forever while online; local changes do not cut a backoff short (the hub or the
 *   link is the problem), "sync now" and the link coming back do;
 * - after `unauthorized` or `upgrade-required` it stops (parked) until signing in again or a new
 *   build starts: retrying cannot help, and the outbox stays as it is.
 */

/** What one sync attempt came to. */
export type SyncOutcome = { ok: true } | { ok: false; transient: boolean; code: string };

/** Where the scheduler is; the UI shows it next to the status stored in the database. */
export type SchedulerState =
  | { kind: 'idle' }
  | { kind: 'syncing' }
  | { kind: 'waiting-to-retry'; attempt: number; retryAt: number }
  | { kind: 'offline' }
  | { kind: 'parked'; reason: 'unauthorized' | 'upgrade-required' | 'error'; code: string }
  | { kind: 'stopped' };

export type SchedulerTimers = {
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => number;
};

export type SchedulerOptions = {
  /** Runs one sync; must not throw (the worker turns errors into an outcome). */
  run: () => Promise<SyncOutcome>;
  online: boolean;
  timers?: SchedulerTimers;
  /** In [0, 1); injected for tests. */
  random?: () => number;
  onState?: (state: SchedulerState) => void;
  /** Wait after a local change before syncing; more changes within it push it back... */
  debounceMs?: number;
  /** ...but never further than this after the first one. */
  debounceMaxMs?: number;
  /** Sync this often while online and idle. */
  intervalMs?: number;
  /** First backoff ceiling, doubled after each failure up to `backoffCapMs`. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
};

export const schedulerDefaults = {
  debounceMs: 2_000,
  debounceMaxMs: 10_000,
  intervalMs: 60_000,
  backoffBaseMs: 2_000,
  backoffCapMs: 5 * 60_000,
} as const;

/** Full jitter (AWS architecture blog): a uniform delay in [0, min(cap, base·2^attempt)). */
export function backoffDelay(attempt: number, random: () => number, base: number = schedulerDefaults.backoffBaseMs, cap: number = schedulerDefaults.backoffCapMs): number {
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

export type SyncScheduler = {
  start: () => void;
  /** Someone asked for it: runs even when parked or waiting to retry. */
  syncNow: () => void;
  /** A local change was written. */
  changed: () => void;
  setOnline: (online: boolean) => void;
  /** A (new) session exists: leaves the parked state and syncs. */
  signedIn: () => void;
  /** No session any more: nothing to sync until signed in again. */
  signedOut: () => void;
  stop: () => void;
  state: () => SchedulerState;
  /** Resolves when no sync is running (tests, and the worker before it lets go of the lock). */
  idle: () => Promise<void>;
};

const browserTimers: SchedulerTimers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const timers = options.timers ?? browserTimers;
  const random = options.random ?? Math.random;
  const debounceMs = options.debounceMs ?? schedulerDefaults.debounceMs;
  const debounceMaxMs = options.debounceMaxMs ?? schedulerDefaults.debounceMaxMs;
  const intervalMs = options.intervalMs ?? schedulerDefaults.intervalMs;
  const base = options.backoffBaseMs ?? schedulerDefaults.backoffBaseMs;
  const cap = options.backoffCapMs ?? schedulerDefaults.backoffCapMs;

  let online = options.online;
  let started = false;
  let stopped = false;
  let running: Promise<void> | null = null;
  /** A trigger arrived during a sync: run once more when it ends. */
  let again = false;
  let failures = 0;
  let parked: Extract<SchedulerState, { kind: 'parked' }> | null = null;
  let timer: unknown = null;
  let timerKind: 'debounce' | 'interval' | 'retry' | null = null;
  let firstChangeAt: number | null = null;
  let state: SchedulerState = { kind: online ? 'idle' : 'offline' };

  const setState = (next: SchedulerState) => {
    state = next;
    options.onState?.(next);
  };
  const clearTimer = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    timerKind = null;
  };
  const schedule = (kind: NonNullable<typeof timerKind>, ms: number) => {
    clearTimer();
    timerKind = kind;
    timer = timers.setTimeout(() => {
      timer = null;
      timerKind = null;
      void runNow();
    }, ms);
  };
  /** What to do after a sync or a state change when nothing is running. */
  const settle = () => {
    if (stopped) return setState({ kind: 'stopped' });
    if (!online) {
      clearTimer();
      return setState({ kind: 'offline' });
    }
    if (parked) {
      clearTimer();
      return setState(parked);
    }
    if (failures > 0) {
      const delay = backoffDelay(failures - 1, random, base, cap);
      schedule('retry', delay);
      return setState({ kind: 'waiting-to-retry', attempt: failures, retryAt: timers.now() + delay });
    }
    if (timerKind !== 'debounce') schedule('interval', intervalMs);
    setState({ kind: 'idle' });
  };

  const runNow = (force = false): Promise<void> => {
    if (stopped || !started) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    if (!online || (parked && !force)) {
      settle();
      return Promise.resolve();
    }
    clearTimer();
    firstChangeAt = null;
    setState({ kind: 'syncing' });
    running = (async () => {
      let outcome: SyncOutcome;
      try {
        outcome = await options.run();
      } catch (error) {
        outcome = { ok: false, transient: true, code: error instanceof Error ? error.message : 'error' };
      }
      if (outcome.ok) {
        failures = 0;
        parked = null;
      } else if (outcome.transient) {
        failures++;
      } else {
        failures = 0;
        const reason = outcome.code === 'unauthorized' || outcome.code === 'upgrade-required' ? outcome.code : 'error';
        parked = { kind: 'parked', reason, code: outcome.code };
      }
      running = null;
      if (again && !parked && failures === 0) {
        again = false;
        await runNow();
        return;
      }
      again = false;
      settle();
    })();
    return running;
  };

  return {
    start() {
      if (started || stopped) return;
      started = true;
      void runNow();
    },
    syncNow() {
      failures = 0;
      void runNow(true);
    },
    changed() {
      if (!started || stopped || !online || parked || failures > 0) return;
      if (running) {
        again = true;
        return;
      }
      const now = timers.now();
      firstChangeAt ??= now;
      const wait = Math.max(0, Math.min(debounceMs, firstChangeAt + debounceMaxMs - now));
      schedule('debounce', wait);
    },
    setOnline(next) {
      if (next === online) return;
      online = next;
      if (!started || stopped) return;
      if (online) {
        failures = 0; // a new link: try at once
        void runNow();
      } else if (!running) settle();
    },
    signedIn() {
      parked = null;
      failures = 0;
      void runNow();
    },
    signedOut() {
      clearTimer();
      parked = { kind: 'parked', reason: 'unauthorized', code: 'signed-out' };
      if (!running) settle();
    },
    stop() {
      stopped = true;
      clearTimer();
      if (!running) setState({ kind: 'stopped' });
    },
    state: () => state,
    idle: async () => {
      while (running) await running;
    },
  };
}
