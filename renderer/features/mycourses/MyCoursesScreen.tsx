import { Link } from 'react-router';
import { localToday } from '../../../shared/domain/vocabulary';
import { completionOf } from '../../../shared/domain/completion';
import { db, useLiveQuery } from '../../db';
import { useFormatDay, useT } from '../../i18n';
import { useSettings } from '../../state/settings';

/** A trainee's own courses: enrolments, attendance and where they stand; nobody else's. */
export function MyCoursesScreen() {
  const t = useT();
  const formatDay = useFormatDay();
  const personId = useSettings((s) => s.personId);
  const rows = useLiveQuery(async () => {
    if (!personId) return [];
    const enrolments = await db.enrolments.where('personId').equals(personId).toArray();
    return Promise.all(
      enrolments.map(async (enrolment) => {
        const session = await db.sessions.get(enrolment.sessionId);
        const course = session && (await db.courses.get(session.courseId));
        const [meetings, marks, results, waiting] = await Promise.all([
          db.meetings.where('sessionId').equals(enrolment.sessionId).toArray(),
          db.attendance
            .where('personId')
            .equals(personId)
            .filter((m) => m.sessionId === enrolment.sessionId)
            .toArray(),
          db.results.where('enrolmentId').equals(enrolment.id).toArray(),
          enrolment.state === 'waitlisted'
            ? db.enrolments
                .where('sessionId')
                .equals(enrolment.sessionId)
                .filter((e) => e.state === 'waitlisted' && e.waitlistRank < enrolment.waitlistRank)
                .count()
            : Promise.resolve(0),
        ]);
        const completion = course
          ? completionOf({ course, meetings, marks, results, asOf: localToday() })
          : undefined;
        const count = (status: string) => marks.filter((m) => m.status === status).length;
        return {
          enrolment,
          session,
          course,
          completion,
          position: waiting + 1,
          counts: {
            present: count('present'),
            late: count('late'),
            excused: count('excused'),
            absent: count('absent'),
          },
        };
      }),
    );
  }, [personId]);

  if (!personId)
    return (
      <section className="empty-state">
        <h1>{t('mycourses.title')}</h1>
        <p>{t('mycourses.choosePerson')}</p>
      </section>
    );
  if (!rows) return null;
  return (
    <div>
      <h1>{t('mycourses.title')}</h1>
      {rows.length === 0 && (
        <p className="muted">
          {t('mycourses.none')} <Link to="/">{t('nav.catalogue')}</Link>
        </p>
      )}
      <ul className="cards">
        {rows.map(({ enrolment, session, course, completion, counts, position }) => (
          <li key={enrolment.id} className="card">
            <h2 dir="auto">
              {course?.code} {course?.title}
            </h2>
            {session && (
              <p>
                {t('session.dateRange', {
                  start: formatDay(session.startDate),
                  end: formatDay(session.endDate),
                })}
              </p>
            )}
            <p>{t('mycourses.state', { state: t(`enrolment.state.${enrolment.state}`) })}</p>
            {enrolment.state === 'waitlisted' && <p>{t('mycourses.waitlist', { position })}</p>}
            <p>{t('mycourses.attendance', counts)}</p>
            {completion && (
              <p>{t(`notice.${completion.explanation.code}`, completion.explanation.params)}</p>
            )}
            <p className="muted">{t('mycourses.certificates')}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
