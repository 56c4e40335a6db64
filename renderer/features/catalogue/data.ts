import { useMemo } from 'react';
import { localToday } from '../../../shared/domain/vocabulary';
import { db, useLiveQuery } from '../../db';
import { buildCourseIndex } from './searchIndex';

/**
 * The search index over the live catalogue (undefined while the first read is running).
 * Courses and sessions are read separately so the list shows as soon as the 2,000 courses are
 * in; what comes from the (many more) sessions — next date, open for enrolment — follows.
 */
export function useCourseIndex() {
  const base = useLiveQuery(async () => {
    const [programmes, courses] = await Promise.all([
      db.programmes.toArray(),
      db.courses.toArray(),
    ]);
    return { programmes, courses };
  }, []);
  const sessions = useLiveQuery(() => db.sessions.toArray(), []);
  return useMemo(
    () =>
      base && {
        ...base,
        sessionsLoaded: sessions !== undefined,
        index: buildCourseIndex(base.programmes, base.courses, sessions ?? [], localToday()),
      },
    [base, sessions],
  );
}

/** One course with its programme and sessions, live. */
export function useCourse(id: string | undefined) {
  return useLiveQuery(async () => {
    if (!id) return null;
    const course = await db.courses.get(id);
    if (!course) return null;
    const [programme, sessions] = await Promise.all([
      db.programmes.get(course.programmeId),
      db.sessions.where('courseId').equals(id).sortBy('startDate'),
    ]);
    return { course, programme, sessions };
  }, [id]);
}

/** One session with its course and class days, live. */
export function useSession(id: string | undefined) {
  return useLiveQuery(async () => {
    if (!id) return null;
    const session = await db.sessions.get(id);
    if (!session) return null;
    const [course, meetings] = await Promise.all([
      db.courses.get(session.courseId),
      db.meetings.where('sessionId').equals(id).sortBy('date'),
    ]);
    return { session, course, meetings };
  }, [id]);
}

/** Programmes, live, by name. */
export function useProgrammes() {
  return useLiveQuery(
    () => db.programmes.toArray().then((list) => list.sort((a, b) => a.name.localeCompare(b.name))),
    [],
  );
}
