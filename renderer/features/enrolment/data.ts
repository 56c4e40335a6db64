import { useMemo } from 'react';
import type { AttendanceMark, AssessmentResult, Enrolment, Team } from '../../../shared/domain/enrolment';
import type { Person } from '../../../shared/domain/people';
import { db, useLiveQuery } from '../../db';

/**
 * One session with everything its roster shows, live: course, class days, enrolments with
 * their people, teams, attendance marks and assessment results.
 */
export function useSessionRoster(sessionId: string | undefined) {
  const data = useLiveQuery(async () => {
    if (!sessionId) return null;
    // Two rounds of reads, each all in flight at once: what hangs off the session id, then its
    // course and people. (Opening a 40 × 20 register waits on these before anything shows.)
    const [session, meetings, enrolments, teams, marks, results] = await Promise.all([
      db.sessions.get(sessionId),
      db.meetings.where('sessionId').equals(sessionId).sortBy('date'),
      db.enrolments.where('sessionId').equals(sessionId).toArray(),
      db.teams.where('sessionId').equals(sessionId).toArray(),
      db.attendance.where('sessionId').equals(sessionId).toArray(),
      db.results.where('sessionId').equals(sessionId).toArray(),
    ]);
    if (!session) return null;
    const [course, people] = await Promise.all([
      db.courses.get(session.courseId),
      db.people.bulkGet([...new Set(enrolments.map((e) => e.personId))]),
    ]);
    return { session, course, meetings, enrolments, teams, marks, results, people: people.filter((p) => p !== undefined) };
  }, [sessionId]);
  return useMemo(() => (data ? { ...data, ...indexRoster(data) } : data), [data]);
}

/** The roster's rows by the keys screens look them up by. */
function indexRoster(data: {
  enrolments: Enrolment[];
  people: Person[];
  teams: Team[];
  marks: AttendanceMark[];
  results: AssessmentResult[];
}) {
  const personById = new Map(data.people.map((p) => [p.id, p]));
  const teamById = new Map(data.teams.map((t) => [t.id, t]));
  const marksByPerson = groupBy(data.marks, (m) => m.personId);
  const resultsByEnrolment = groupBy(data.results, (r) => r.enrolmentId);
  return { personById, teamById, marksByPerson, resultsByEnrolment };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
