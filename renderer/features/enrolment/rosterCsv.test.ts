import { describe, expect, it } from 'vitest';
import type { Enrolment } from '../../../shared/domain/enrolment';
import type { Person } from '../../../shared/domain/people';
import { exportFileName, rosterCsv, type RosterCsvInput, type RosterCsvLabels } from './rosterCsv';

const person = (id: string, nativeName: string, latinName: string, extra: Partial<Person> = {}) =>
  ({ id, nativeName, latinName, preferredName: '', email: '', institutionId: '', country: '', ...extra }) as Person;

const enrolment = (id: string, personId: string, state: Enrolment['state'], extra: Partial<Enrolment> = {}) =>
  ({ id, personId, state, waitlistRank: 0, createdAt: '2026-03-01T00:00:00Z', teamId: '', reason: '', ...extra }) as Enrolment;

const labels: RosterCsvLabels = {
  headers: ['Name', 'Latin', 'E-mail', 'Institution', 'Country', 'Status', 'Waitlist', 'Team', 'Attended %', 'Late', 'Completion'],
  state: (s) => `state:${s}`,
  country: (code) => `country:${code}`,
  explanation: (n) => `${n.code} ${JSON.stringify(n.params)}`,
};

function input(): RosterCsvInput {
  const people = [
    person('p1', 'آمنة بيلو', 'Amina Bello', { email: 'amina@example.org', institutionId: 'i1', country: 'NG' }),
    person('p2', '李伟', 'Li Wei'),
    person('p3', 'بلال خان', 'Bilal Khan'),
    person('p4', 'Zoe', 'Zoe'),
    person('p5', 'Yara', 'Yara'),
  ];
  return {
    course: {
      completionRule: { minAttendancePercent: 80, lateCounts: 'half', requiredAssessments: [], note: '' },
      assessments: [],
    },
    meetings: [
      { id: 'm1', date: '2026-03-01', cancelled: false },
      { id: 'm2', date: '2026-03-02', cancelled: false },
      { id: 'm3', date: '2026-03-03', cancelled: true },
      { id: 'm4', date: '2026-03-20', cancelled: false },
    ],
    enrolments: [
      enrolment('e3', 'p3', 'waitlisted', { waitlistRank: 2 }),
      enrolment('e1', 'p1', 'enrolled', { teamId: 't1' }),
      enrolment('e2', 'p2', 'withdrawn', { teamId: 't1' }),
      enrolment('e4', 'p4', 'waitlisted', { waitlistRank: 1 }),
      enrolment('e5', 'p5', 'completed'),
    ],
    personById: new Map(people.map((p) => [p.id, p])),
    teamById: new Map([['t1', { name: 'Blue' }]]),
    marksByPerson: new Map([
      ['p1', [{ meetingId: 'm1', status: 'present' }, { meetingId: 'm2', status: 'late' }]],
      ['p5', [{ meetingId: 'm1', status: 'present' }, { meetingId: 'm2', status: 'present' }]],
    ]),
    resultsByEnrolment: new Map(),
  };
}

describe('rosterCsv', () => {
  it('writes the headers given, in the user’s language', () => {
    expect(rosterCsv(input(), new Map(), labels, '2026-03-09').headers).toEqual(labels.headers);
  });

  it('lists the roster in the screen’s order with every column', () => {
    const { rows } = rosterCsv(input(), new Map([['i1', 'University of Lagos']]), labels, '2026-03-09');
    expect(rows.map((r) => r[1])).toEqual(['Amina Bello', 'Yara', 'Zoe', 'Bilal Khan', 'Li Wei']);
    expect(rows[0]).toEqual([
      'آمنة بيلو',
      'Amina Bello',
      'amina@example.org',
      'University of Lagos',
      'country:NG',
      'state:enrolled',
      null,
      'Blue',
      75, // present + half a late day of the two days held by 9 March (the cancelled one is not counted)
      1,
      'completion-attendance-short {"percent":75,"needed":80}',
    ]);
    expect(rows[1]?.slice(5)).toEqual(['state:completed', null, '', 100, 0, 'completion-met {}']);
  });

  it('numbers the waitlist and leaves attendance empty for those without a place', () => {
    const { rows } = rosterCsv(input(), new Map(), labels, '2026-03-09');
    expect(rows[2]?.slice(5)).toEqual(['state:waitlisted', 1, '', null, null, '']);
    expect(rows[3]?.slice(5)).toEqual(['state:waitlisted', 2, '', null, null, '']);
    // Someone who withdrew keeps no team in the export, as on screen.
    expect(rows[4]?.slice(4)).toEqual(['', 'state:withdrawn', null, '', null, null, '']);
  });

  it('leaves completion empty when the course is unknown', () => {
    const { rows } = rosterCsv({ ...input(), course: undefined }, new Map(), labels, '2026-03-09');
    expect(rows[0]?.slice(8)).toEqual([null, null, '']);
  });
});

describe('exportFileName', () => {
  it('names the file by kind, course code and day', () => {
    expect(exportFileName('roster', 'CSD-101', '2026-03-09')).toBe('roster-CSD-101-2026-03-09.csv');
    expect(exportFileName('attendance', 'CSD-101', '2026-03-09')).toBe('attendance-CSD-101-2026-03-09.csv');
  });

  it('keeps characters file systems refuse out of the name', () => {
    expect(exportFileName('roster', 'A/B: C?', '2026-03-09')).toBe('roster-A-B-C-2026-03-09.csv');
    expect(exportFileName('roster', undefined, '2026-03-09')).toBe('roster-2026-03-09.csv');
    expect(exportFileName('roster', '..', '2026-03-09')).toBe('roster-2026-03-09.csv');
  });
});
