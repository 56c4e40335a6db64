import { completionOf, type Completion } from '../../../shared/domain/completion';
import type { AssessmentResult, AttendanceMark, Enrolment, EnrolmentState } from '../../../shared/domain/enrolment';
import type { Course, Meeting } from '../../../shared/domain/catalogue';
import { displayName, type Person } from '../../../shared/domain/people';

type RosterEntry = Pick<Enrolment, 'id' | 'state' | 'waitlistRank' | 'createdAt'>;

/**
 * Each waitlisted enrolment's place in the queue (1 = next to get a place), by rank and, for
 * equal ranks (made on two devices at once), by when the request was made.
 */
export function waitlistPositions(enrolments: readonly RosterEntry[]): Map<string, number> {
  const queue = enrolments
    .filter((e) => e.state === 'waitlisted')
    .sort((a, b) => a.waitlistRank - b.waitlistRank || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return new Map(queue.map((e, i) => [e.id, i + 1]));
}

/** How many enrolments are in each part of the roster. */
export type RosterCounts = { enrolled: number; finished: number; waitlisted: number; requested: number; left: number };

/**
 * Counts the roster: places taken (`enrolled`, the count the capacity rule of
 * `enrolment.request` uses), trainees with an outcome, the waitlist, requests waiting, and who
 * left or was turned down.
 */
export function rosterCounts(enrolments: readonly Pick<Enrolment, 'state'>[]): RosterCounts {
  const counts: RosterCounts = { enrolled: 0, finished: 0, waitlisted: 0, requested: 0, left: 0 };
  for (const { state } of enrolments) {
    if (state === 'enrolled') counts.enrolled += 1;
    else if (state === 'completed' || state === 'not-completed') counts.finished += 1;
    else if (state === 'waitlisted') counts.waitlisted += 1;
    else if (state === 'requested') counts.requested += 1;
    else counts.left += 1;
  }
  return counts;
}

const stateOrder: Record<EnrolmentState, number> = {
  enrolled: 0,
  completed: 1,
  'not-completed': 2,
  requested: 3,
  waitlisted: 4,
  withdrawn: 5,
  rejected: 6,
};

/**
 * The roster in reading order: those with a place (by name), then requests, then the waitlist
 * in queue order, then those who left or were turned down.
 */
export function sortRoster<E extends RosterEntry>(
  enrolments: readonly E[],
  nameOf: (enrolment: E) => string,
  compareNames: (a: string, b: string) => number = (a, b) => a.localeCompare(b),
): E[] {
  const positions = waitlistPositions(enrolments);
  return [...enrolments].sort(
    (a, b) =>
      stateOrder[a.state] - stateOrder[b.state] ||
      (positions.get(a.id) ?? 0) - (positions.get(b.id) ?? 0) ||
      compareNames(nameOf(a), nameOf(b)),
  );
}

/** What completion is judged on for a whole session (the roster's indexes). */
export type CompletionSource = {
  course: Course | undefined;
  meetings: readonly Meeting[];
  enrolments: readonly Enrolment[];
  personById: ReadonlyMap<string, Person>;
  marksByPerson: ReadonlyMap<string, AttendanceMark[]>;
  resultsByEnrolment: ReadonlyMap<string, AssessmentResult[]>;
};

/** Where each trainee taking part stands against the completion rule on `asOf`, by name. */
export function completionRows(roster: CompletionSource, asOf: string): { enrolment: Enrolment; person: Person | undefined; name: string; completion: Completion }[] {
  const { course, meetings } = roster;
  if (!course) return [];
  return roster.enrolments
    .filter((e) => e.state === 'enrolled' || e.state === 'completed' || e.state === 'not-completed')
    .map((enrolment) => {
      const person = roster.personById.get(enrolment.personId);
      const completion = completionOf({
        course,
        meetings,
        marks: roster.marksByPerson.get(enrolment.personId) ?? [],
        results: roster.resultsByEnrolment.get(enrolment.id) ?? [],
        asOf,
      });
      return { enrolment, person, name: person ? displayName(person) : enrolment.personId, completion };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
