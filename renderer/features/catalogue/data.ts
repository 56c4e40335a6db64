import { useMemo } from 'react';
import { localToday } from '../../../shared/domain/vocabulary';
import { db, useLiveQuery } from '../../db';
import { buildCourseIndex } from './searchIndex';

/** The stored catalogue, live: re-read whenever any device-local change lands. */
export function useCatalogueData() {
  return useLiveQuery(async () => {
    const [programmes, courses, sessions] = await Promise.all([
      db.programmes.toArray(),
      db.courses.toArray(),
      db.sessions.toArray(),
    ]);
    return { programmes, courses, sessions };
  }, []);
}

/** The search index over the live catalogue (undefined while the first read is running). */
export function useCourseIndex() {
  const data = useCatalogueData();
  return useMemo(
    () => data && { ...data, index: buildCourseIndex(data.programmes, data.courses, data.sessions, localToday()) },
    [data],
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
  return useLiveQuery(() => db.programmes.toArray().then((list) => list.sort((a, b) => a.name.localeCompare(b.name))), []);
}
