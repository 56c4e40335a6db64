import { describe, expect, it } from 'vitest';
import { isQuiet, relativeTo } from './relativeTime';

const now = Date.parse('2027-03-10T12:00:00Z');

describe('relativeTo', () => {
  it('says seconds, minutes, hours and days ago in the largest whole unit', () => {
    expect(relativeTo('2027-03-10T11:59:30Z', now)).toEqual({ value: -30, unit: 'second' });
    expect(relativeTo('2027-03-10T11:55:00Z', now)).toEqual({ value: -5, unit: 'minute' });
    expect(relativeTo('2027-03-10T09:00:00Z', now)).toEqual({ value: -3, unit: 'hour' });
    expect(relativeTo('2027-03-08T12:00:00Z', now)).toEqual({ value: -2, unit: 'day' });
    expect(relativeTo('2027-02-10T12:00:00Z', now)).toEqual({ value: -4, unit: 'week' });
    expect(relativeTo('2025-03-10T12:00:00Z', now)).toEqual({ value: -2, unit: 'year' });
  });

  it('says "now" rather than a negative zero when the hub clock is just ahead', () => {
    expect(Object.is(relativeTo('2027-03-10T12:00:00.400Z', now)?.value, 0)).toBe(true);
  });

  it('gives nothing for a device never heard from', () => {
    expect(relativeTo('', now)).toBeUndefined();
    expect(relativeTo('not a date', now)).toBeUndefined();
  });
});

describe('isQuiet', () => {
  it('flags a device silent for more than three days, or never seen', () => {
    expect(isQuiet('2027-03-06T11:00:00Z', now)).toBe(true);
    expect(isQuiet('2027-03-09T12:00:00Z', now)).toBe(false);
    expect(isQuiet('', now)).toBe(true);
  });
});
