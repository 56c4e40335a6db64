import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectivityMonitor, connectivityPollMs } from './connectivity';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function setUp(initiallyOnline = true) {
  let online = initiallyOnline;
  const changes: boolean[] = [];
  const monitor = new ConnectivityMonitor(
    () => online,
    (value) => changes.push(value),
  );
  return { monitor, changes, setOnline: (value: boolean) => (online = value) };
}

describe('connectivity', () => {
  it('reports the state it starts with', () => {
    expect(setUp(false).monitor.online).toBe(false);
    expect(setUp(true).monitor.online).toBe(true);
  });

  it('reports going offline within one poll', () => {
    const { monitor, changes, setOnline } = setUp(true);
    monitor.start();
    setOnline(false);
    vi.advanceTimersByTime(connectivityPollMs - 1);
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(changes).toEqual([false]);
    expect(monitor.online).toBe(false);
  });

  it('reports each change once, not on every poll', () => {
    const { monitor, changes, setOnline } = setUp(true);
    monitor.start();
    monitor.start();
    vi.advanceTimersByTime(connectivityPollMs * 3);
    setOnline(false);
    vi.advanceTimersByTime(connectivityPollMs * 3);
    setOnline(true);
    vi.advanceTimersByTime(connectivityPollMs * 3);
    expect(changes).toEqual([false, true]);
  });

  it('notices a change at once when asked, e.g. after the computer wakes', () => {
    const { monitor, changes, setOnline } = setUp(false);
    setOnline(true);
    expect(monitor.check()).toBe(true);
    expect(changes).toEqual([true]);
  });

  it('stops reporting after it is stopped', () => {
    const { monitor, changes, setOnline } = setUp(true);
    monitor.start();
    monitor.stop();
    setOnline(false);
    vi.advanceTimersByTime(connectivityPollMs * 2);
    expect(changes).toEqual([]);
  });

  it('keeps the last known state when the check itself fails', () => {
    const changes: boolean[] = [];
    const monitor = new ConnectivityMonitor(
      () => {
        throw new Error('not ready');
      },
      (value) => changes.push(value),
    );
    expect(monitor.online).toBe(true);
    expect(monitor.check()).toBe(true);
    expect(changes).toEqual([]);
  });
});
