import { describe, expect, it } from 'vitest';
import { byteSize, relativeTime, syncHeadline } from './describe';

const base = { signedIn: true, online: true, status: { state: 'idle' as const, lastSuccess: '2026-03-01T10:00:00.000Z' } };

describe('syncHeadline', () => {
  it('says changes stay here when the device is not connected to a hub', () => {
    expect(syncHeadline({ ...base, signedIn: false, online: false })).toEqual({ kind: 'local' });
  });

  it('shows the last success when all is well', () => {
    expect(syncHeadline({ ...base, scheduler: { kind: 'idle' } })).toEqual({ kind: 'synced', at: '2026-03-01T10:00:00.000Z' });
  });

  it('shows progress while syncing', () => {
    const progress = { phase: 'pull' as const, done: 40, total: 120 };
    expect(syncHeadline({ ...base, scheduler: { kind: 'syncing' }, progress })).toEqual({ kind: 'syncing', progress });
  });

  it('says offline when the link is down, whatever the last sync did', () => {
    expect(syncHeadline({ ...base, online: false, status: { state: 'offline' } })).toEqual({ kind: 'offline' });
  });

  it('says it retries when online but the hub does not answer', () => {
    expect(syncHeadline({ ...base, scheduler: { kind: 'waiting-to-retry', attempt: 2, retryAt: 0 } })).toEqual({ kind: 'retrying' });
  });

  it('asks to sign in again, and to update, even while offline', () => {
    expect(syncHeadline({ ...base, online: false, status: { state: 'signed-out' } })).toEqual({ kind: 'sign-in-again' });
    expect(syncHeadline({ ...base, online: false, status: { state: 'upgrade-required' } })).toEqual({ kind: 'update-needed' });
  });

  it('ignores a stale "syncing" left behind once the leader is idle', () => {
    expect(syncHeadline({ ...base, status: { state: 'syncing' }, scheduler: { kind: 'idle' } })).toMatchObject({ kind: 'synced' });
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-03-01T12:00:00.000Z');
  it('says "now" under a minute, then minutes, hours and days ago', () => {
    expect(relativeTime('2026-03-01T11:59:30.000Z', now)).toEqual({ value: 0, unit: 'second' });
    expect(relativeTime('2026-03-01T11:57:00.000Z', now)).toEqual({ value: -3, unit: 'minute' });
    expect(relativeTime('2026-03-01T09:00:00.000Z', now)).toEqual({ value: -3, unit: 'hour' });
    expect(relativeTime('2026-02-26T12:00:00.000Z', now)).toEqual({ value: -3, unit: 'day' });
  });
  it('never says "in the future" for a device clock that ran ahead', () => {
    expect(relativeTime('2026-03-01T12:05:00.000Z', now)).toEqual({ value: 0, unit: 'second' });
  });
});

describe('byteSize', () => {
  it('picks a readable unit', () => {
    expect(byteSize(512)).toEqual({ value: 512, unit: 'byte' });
    expect(byteSize(3_300)).toEqual({ value: 3.2, unit: 'kilobyte' });
    expect(byteSize(5 * 1024 ** 2)).toEqual({ value: 5, unit: 'megabyte' });
  });
});
