import { describe, expect, it } from 'vitest';
import { classDates, generateMeetings, isoWeekday, maxMeetingsPerSession } from './schedule';

describe('classDates', () => {
  it('lists the Mondays, Wednesdays and Fridays of a fortnight', () => {
    // 2026-03-09 is a Monday.
    expect(isoWeekday('2026-03-09')).toBe(1);
    expect(classDates('2026-03-09', '2026-03-20', [1, 3, 5])).toEqual([
      '2026-03-09', '2026-03-11', '2026-03-13', '2026-03-16', '2026-03-18', '2026-03-20',
    ]);
  });

  it('includes both ends of the range and crosses month and leap-day boundaries', () => {
    expect(classDates('2028-02-28', '2028-03-01', [1, 2, 3, 4, 5, 6, 7])).toEqual([
      '2028-02-28', '2028-02-29', '2028-03-01',
    ]);
  });

  it('stops just past the limit for a schedule that would run for years', () => {
    expect(classDates('2026-01-01', '2035-01-01', [1, 2, 3, 4, 5, 6, 7])).toHaveLength(maxMeetingsPerSession + 1);
  });
});

describe('generateMeetings', () => {
  it('gives every class day the same id on every device', () => {
    const schedule = { weekdays: [2, 4], startTime: '09:00', endTime: '12:30' };
    const a = generateMeetings('s1', { startDate: '2026-03-09', endDate: '2026-03-15' }, schedule, 'now');
    const b = generateMeetings('s1', { startDate: '2026-03-09', endDate: '2026-03-15' }, schedule, 'later');
    expect(a.map((m) => m.id)).toEqual(['s1@2026-03-10', 's1@2026-03-12']);
    expect(b.map((m) => m.id)).toEqual(a.map((m) => m.id));
    expect(a[0]).toMatchObject({ startTime: '09:00', endTime: '12:30', cancelled: false, edited: false });
  });
});
