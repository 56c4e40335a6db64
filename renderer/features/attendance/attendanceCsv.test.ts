import { describe, expect, it } from 'vitest';
import { attendanceCsv, type AttendanceCsvInput, type AttendanceCsvLabels } from './attendanceCsv';

const labels: AttendanceCsvLabels = {
  name: 'Name',
  latinName: 'Latin',
  attendedPercent: 'Attended %',
  lateCount: 'Late',
  status: (s) => `word:${s}`,
};

const person = (nativeName: string, latinName: string) => ({ nativeName, latinName, preferredName: '' });

function input(): AttendanceCsvInput {
  return {
    course: { completionRule: { minAttendancePercent: 80, lateCounts: 'present', requiredAssessments: [], note: '' } },
    meetings: [
      { id: 'm2', date: '2026-03-02', startTime: '09:00', cancelled: false },
      { id: 'm1', date: '2026-03-01', startTime: '09:00', cancelled: false },
      { id: 'mx', date: '2026-03-03', startTime: '09:00', cancelled: true },
      { id: 'm4', date: '2026-03-20', startTime: '09:00', cancelled: false },
    ],
    enrolments: [
      { personId: 'p2', state: 'enrolled' },
      { personId: 'p1', state: 'completed' },
      { personId: 'p3', state: 'waitlisted' },
      { personId: 'p4', state: 'withdrawn' },
    ],
    personById: new Map([
      ['p1', person('آمنة بيلو', 'Amina Bello')],
      ['p2', person('بلال خان', 'Bilal Khan')],
      ['p3', person('李伟', 'Li Wei')],
      ['p4', person('Zoe', 'Zoe')],
    ]),
    marks: [
      { meetingId: 'm1', personId: 'p1', status: 'present' },
      { meetingId: 'm2', personId: 'p1', status: 'late' },
      { meetingId: 'mx', personId: 'p1', status: 'absent' },
      { meetingId: 'm1', personId: 'p2', status: 'excused' },
      { meetingId: 'm2', personId: 'p2', status: 'absent' },
      { meetingId: 'm1', personId: 'p4', status: 'present' },
    ],
  };
}

describe('attendanceCsv', () => {
  it('has a column per class day that is not cancelled, headed by its date, in date order', () => {
    expect(attendanceCsv(input(), labels, '2026-03-09').headers).toEqual(['Name', 'Latin', '2026-03-01', '2026-03-02', '2026-03-20', 'Attended %', 'Late']);
  });

  it('has a row per trainee by name, with marks as words, blanks, attended % and times late', () => {
    const { rows } = attendanceCsv(input(), labels, '2026-03-09');
    expect(rows).toEqual([
      ['آمنة بيلو', 'Amina Bello', 'word:present', 'word:late', '', 100, 1],
      // Excused does not count; the absent day does: 0 of 1.
      ['بلال خان', 'Bilal Khan', 'word:excused', 'word:absent', '', 0, 0],
    ]);
  });

  it('counts a late day as half when the course says so', () => {
    const data = input();
    const { rows } = attendanceCsv(
      { ...data, course: { completionRule: { minAttendancePercent: 80, lateCounts: 'half', requiredAssessments: [], note: '' } } },
      labels,
      '2026-03-09',
    );
    expect(rows[0]?.slice(-2)).toEqual([75, 1]);
  });

  it('adds the start time when two classes share a day', () => {
    const data = input();
    const { headers } = attendanceCsv(
      { ...data, meetings: [...data.meetings, { id: 'm5', date: '2026-03-01', startTime: '14:00', cancelled: false }] },
      labels,
      '2026-03-09',
    );
    expect(headers.slice(2, 5)).toEqual(['2026-03-01 09:00', '2026-03-01 14:00', '2026-03-02']);
  });

  it('writes only the header row when nobody attends', () => {
    expect(attendanceCsv({ ...input(), enrolments: [] }, labels, '2026-03-09').rows).toEqual([]);
  });
});
