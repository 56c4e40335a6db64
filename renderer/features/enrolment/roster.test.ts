import { describe, expect, it } from 'vitest';
import type { EnrolmentState } from '../../../shared/domain/enrolment';
import { rosterCounts, sortRoster, waitlistPositions } from './roster';

let serial = 0;
function enrolment(state: EnrolmentState, over: { id?: string; waitlistRank?: number; createdAt?: string; name?: string } = {}) {
  serial += 1;
  return {
    id: over.id ?? `e${serial}`,
    state,
    waitlistRank: over.waitlistRank ?? 0,
    createdAt: over.createdAt ?? `2027-01-01T00:00:${String(serial).padStart(2, '0')}Z`,
    name: over.name ?? `Person ${serial}`,
  };
}

describe('waitlistPositions', () => {
  it('numbers the waitlist from 1 in rank order, skipping everyone who is not waiting', () => {
    const list = [
      enrolment('waitlisted', { id: 'c', waitlistRank: 7 }),
      enrolment('enrolled', { id: 'x' }),
      enrolment('waitlisted', { id: 'a', waitlistRank: 2 }),
      enrolment('withdrawn', { id: 'y', waitlistRank: 1 }),
      enrolment('waitlisted', { id: 'b', waitlistRank: 5 }),
    ];
    expect([...waitlistPositions(list)]).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('puts the earlier request first when two devices gave the same rank', () => {
    const list = [
      enrolment('waitlisted', { id: 'late', waitlistRank: 3, createdAt: '2027-01-02T00:00:00Z' }),
      enrolment('waitlisted', { id: 'early', waitlistRank: 3, createdAt: '2027-01-01T00:00:00Z' }),
    ];
    expect(waitlistPositions(list).get('early')).toBe(1);
    expect(waitlistPositions(list).get('late')).toBe(2);
  });
});

describe('rosterCounts', () => {
  it('counts places taken as the capacity rule does, apart from trainees with an outcome', () => {
    const counts = rosterCounts([
      enrolment('enrolled'),
      enrolment('completed'),
      enrolment('not-completed'),
      enrolment('waitlisted'),
      enrolment('requested'),
      enrolment('requested'),
      enrolment('withdrawn'),
      enrolment('rejected'),
    ]);
    expect(counts).toEqual({ enrolled: 1, finished: 2, waitlisted: 1, requested: 2, left: 2 });
  });
});

describe('sortRoster', () => {
  it('lists places by name, then requests, then the waitlist in queue order, then those who left', () => {
    const list = [
      enrolment('withdrawn', { name: 'Aaron' }),
      enrolment('waitlisted', { name: 'Zed', waitlistRank: 1 }),
      enrolment('waitlisted', { name: 'Amina', waitlistRank: 2 }),
      enrolment('enrolled', { name: 'Li Wei' }),
      enrolment('requested', { name: 'Omar' }),
      enrolment('enrolled', { name: 'Bilal' }),
    ];
    expect(sortRoster(list, (e) => e.name).map((e) => e.name)).toEqual(['Bilal', 'Li Wei', 'Omar', 'Zed', 'Amina', 'Aaron']);
  });
});
