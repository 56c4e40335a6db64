import type { Person } from '../../../shared/domain/people';
import type { AttendanceStatus } from '../../../shared/domain/vocabulary';
import { db, useLiveQuery } from '../../db';
import { useSettings } from '../../state/settings';
import { buildPeopleIndex } from './peopleIndex';

/**
 * The search index over every person on this device (undefined while the first read runs, null
 * when not enabled).
 * Built inside the query so only the slim entries stay in memory, not 100,000 full records.
 */
export function usePeopleIndex(enabled = true) {
  // `enabled: false` answers null without reading: screens where people are found only on
  // demand (a roster's "enrol people") do not read 100,000 people just to open.
  return useLiveQuery(async () => (enabled ? buildPeopleIndex(await db.people.toArray()) : null), [enabled]);
}

/** Institutions, live, by name. */
export function useInstitutions() {
  return useLiveQuery(
    () =>
      db.institutions.toArray().then((list) => list.sort((a, b) => a.name.localeCompare(b.name))),
    [],
  );
}

/** One person with their institution (and the record they were merged into), live. */
export function usePerson(id: string | undefined) {
  return useLiveQuery(async () => {
    if (!id) return null;
    const person = await db.people.get(id);
    if (!person) return null;
    const [institution, keptAs] = await Promise.all([
      person.institutionId ? db.institutions.get(person.institutionId) : undefined,
      person.mergedInto ? db.people.get(person.mergedInto) : undefined,
    ]);
    return { person, institution, keptAs };
  }, [id]);
}

/** Counts of each attendance mark. */
export type AttendanceCounts = Record<AttendanceStatus, number>;

/**
 * A person's enrolments with their session and course, and the attendance marks of each
 * session counted by status, live.
 */
export function usePersonRecord(personId: string | undefined) {
  return useLiveQuery(async () => {
    if (!personId) return [];
    const [enrolments, marks] = await Promise.all([
      db.enrolments.where('personId').equals(personId).toArray(),
      db.attendance.where('personId').equals(personId).toArray(),
    ]);
    const sessions = await db.sessions.bulkGet(enrolments.map((e) => e.sessionId));
    const courses = await db.courses.bulkGet(sessions.map((s) => s?.courseId ?? ''));
    const countsBySession = new Map<string, AttendanceCounts>();
    for (const mark of marks) {
      let counts = countsBySession.get(mark.sessionId);
      if (!counts)
        countsBySession.set(
          mark.sessionId,
          (counts = { present: 0, late: 0, excused: 0, absent: 0 }),
        );
      counts[mark.status]++;
    }
    return enrolments
      .map((enrolment, i) => ({
        enrolment,
        session: sessions[i],
        course: courses[i],
        attendance: countsBySession.get(enrolment.sessionId) ?? {
          present: 0,
          late: 0,
          excused: 0,
          absent: 0,
        },
      }))
      .sort((a, b) => (b.session?.startDate ?? '').localeCompare(a.session?.startDate ?? ''));
  }, [personId]);
}

/** The people whose e-mail is one of `emails` (merged records included: callers decide). */
export async function peopleByEmails(emails: readonly string[]): Promise<Person[]> {
  // One cursor jumping from address to address: for the bench's 10,000-row file against 100,000
  // people, 35 ms, where 10,000 separate lookups took 2.2 s. (In the write path's read-write
  // transactions the jumps grew dearer with the list, so renderer/db/store.ts looks up one
  // address at a time there.)
  return emails.length ? db.people.where('email').anyOf([...emails]).toArray() : [];
}

/** Full records of some people, in the order of the ids (for an export). */
export async function readPeople(ids: readonly string[]) {
  return (await db.people.bulkGet([...ids])).filter((p) => p !== undefined);
}

/** True when this device acts as a coordinator: the only role that changes people and institutions. */
export function useCanEditPeople(): boolean {
  return useSettings((s) => s.role === 'coordinator');
}
