import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, createSyncScheduler, type SchedulerOptions, type SyncOutcome } from './scheduler';

const ok: SyncOutcome = { ok: true };
const unreachable: SyncOutcome = { ok: false, transient: true, code: 'network' };

/** A scheduler on fake timers whose sync answers from a queue of outcomes (then `ok`). */
function harness(outcomes: SyncOutcome[] = [], options: Partial<SchedulerOptions> = {}) {
  const runs: number[] = [];
  const run = vi.fn(() => {
    runs.push(Date.now());
    return Promise.resolve(outcomes.shift() ?? ok);
  });
  const scheduler = createSyncScheduler({
    run,
    online: true,
    random: () => 0.5,
    timers: { setTimeout: (cb, ms) => setTimeout(cb, ms), clearTimeout: (h) => clearTimeout(h as number), now: () => Date.now() },
    ...options,
  });
  return { scheduler, run, runs };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('scheduler', () => {
  it('syncs once at start, then every minute while online', async () => {
    const { scheduler, run } = harness();
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(run).toHaveBeenCalledTimes(4);
    expect(scheduler.state()).toEqual({ kind: 'idle' });
  });

  it('sends local changes about two seconds after the last one, and no later than ten after the first', async () => {
    const { scheduler, runs } = harness();
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    runs.length = 0;
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(1_500);
    scheduler.changed(); // pushes it back
    await vi.advanceTimersByTimeAsync(1_999);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual([3_500]);

    // A steady stream of edits, one a second: still synced ten seconds after the first.
    runs.length = 0;
    const firstAt = Date.now();
    for (let i = 0; i < 15; i++) {
      scheduler.changed();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(runs[0]).toBe(firstAt + 10_000);
  });

  it('syncs at once when asked, and again right after when asked during a sync', async () => {
    let release: () => void = () => undefined;
    const run = vi.fn(() => new Promise<SyncOutcome>((resolve) => (release = () => resolve(ok))));
    const scheduler = createSyncScheduler({ run, online: true });
    scheduler.start();
    expect(run).toHaveBeenCalledTimes(1);
    scheduler.syncNow();
    scheduler.changed();
    expect(run).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    release();
    await scheduler.idle();
    expect(scheduler.state()).toEqual({ kind: 'idle' });
  });

  it('retries a failing link with doubling, jittered waits capped at five minutes, for as long as it fails', async () => {
    const failures = Array.from({ length: 12 }, () => unreachable);
    const { scheduler, runs } = harness(failures, { random: () => 0.999 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    const waits = runs.slice(1).map((at, i) => at - runs[i]!);
    // ceilings 2 s, 4 s, 8 s … 256 s, then 300 s; random 0.999 takes nearly all of each.
    expect(waits.slice(0, 9)).toEqual([1998, 3996, 7992, 15984, 31968, 63936, 127872, 255744, 299700]);
    expect(waits.slice(9, 11)).toEqual([299700, 299700]);
    expect(waits[12]).toBe(60_000); // 12 failures, a success, then the minute timer
    expect(scheduler.state()).toEqual({ kind: 'idle' });
  });

  it('draws each wait uniformly below its ceiling (full jitter)', () => {
    expect(backoffDelay(0, () => 0)).toBe(0);
    expect(backoffDelay(3, () => 0.5)).toBe(8_000);
    expect(backoffDelay(40, () => 0.5)).toBe(150_000);
  });

  it('does not cut a backoff short for local changes, but does when asked or when the link returns', async () => {
    const { scheduler, run } = harness([unreachable, unreachable, unreachable], { random: () => 0.999 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduler.state()).toMatchObject({ kind: 'waiting-to-retry', attempt: 1 });
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
    scheduler.syncNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    expect(scheduler.state()).toMatchObject({ kind: 'waiting-to-retry', attempt: 1 });

    scheduler.setOnline(false);
    expect(scheduler.state()).toEqual({ kind: 'offline' });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(run).toHaveBeenCalledTimes(2); // nothing while offline
    scheduler.setOnline(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('stops retrying when the hub wants a new sign-in, until signed in again', async () => {
    const { scheduler, run } = harness([{ ok: false, transient: false, code: 'unauthorized' }]);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduler.state()).toEqual({ kind: 'parked', reason: 'unauthorized', code: 'unauthorized' });
    scheduler.changed();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(run).toHaveBeenCalledTimes(1);
    scheduler.signedIn();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    expect(scheduler.state()).toEqual({ kind: 'idle' });
  });

  it('stops when the hub wants a newer app, and keeps still until asked', async () => {
    const { scheduler, run } = harness([{ ok: false, transient: false, code: 'upgrade-required' }]);
    scheduler.start();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(scheduler.state()).toMatchObject({ kind: 'parked', reason: 'upgrade-required' });
  });

  it('does nothing while offline at start, and syncs when the link appears', async () => {
    const { scheduler, run } = harness([], { online: false });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(run).not.toHaveBeenCalled();
    expect(scheduler.state()).toEqual({ kind: 'offline' });
    scheduler.setOnline(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('goes quiet after signing out and after stopping', async () => {
    const { scheduler, run } = harness();
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    scheduler.signedOut();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(run).toHaveBeenCalledTimes(1);
    scheduler.signedIn();
    await vi.advanceTimersByTimeAsync(0);
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(run).toHaveBeenCalledTimes(2);
    expect(scheduler.state()).toEqual({ kind: 'stopped' });
  });

  it('treats a sync that throws as a transient failure', async () => {
    const run = vi.fn<() => Promise<SyncOutcome>>().mockRejectedValueOnce(new Error('boom')).mockResolvedValue(ok);
    const scheduler = createSyncScheduler({ run, online: true, random: () => 0.5 });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduler.state()).toMatchObject({ kind: 'waiting-to-retry', attempt: 1, retryAt: 1_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
