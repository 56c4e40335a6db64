import { Link } from 'react-router';
import { localToday } from '../../../shared/domain/vocabulary';
import { db, useLiveQuery } from '../../db';
import { useCountryName, useFormatDay, useT } from '../../i18n';
import { useSite } from '../../state/session';
import { useSettings } from '../../state/settings';
import './attendance.css';

/** Today's class days, for taking attendance: the acting instructor's, a site coordinator's site's, or all of them. */
export function TodayScreen() {
  const t = useT();
  const formatDay = useFormatDay();
  const personId = useSettings((s) => s.personId);
  const role = useSettings((s) => s.role);
  const today = localToday();
  const ownOnly = role === 'instructor' && Boolean(personId);
  const site = useSite();
  const countryName = useCountryName();
  const entries = useLiveQuery(async () => {
    const meetings = await db.meetings.filter((m) => m.date === today).toArray();
    const sessions = await db.sessions.bulkGet([...new Set(meetings.map((m) => m.sessionId))]);
    const sessionById = new Map(sessions.filter((s) => s !== undefined).map((s) => [s.id, s]));
    const courses = await db.courses.bulkGet([...new Set([...sessionById.values()].map((s) => s.courseId))]);
    const courseById = new Map(courses.filter((c) => c !== undefined).map((c) => [c.id, c]));
    return meetings
      .map((meeting) => {
        const session = sessionById.get(meeting.sessionId);
        return { meeting, session, course: session ? courseById.get(session.courseId) : undefined };
      })
      .filter((e) => e.session && !e.session.archived && e.session.status !== 'cancelled')
      .filter((e) => !ownOnly || (e.session?.instructorIds ?? []).includes(personId))
      .filter((e) => !site || e.session?.country === site)
      .sort((a, b) => a.meeting.startTime.localeCompare(b.meeting.startTime));
  }, [today, ownOnly, personId, site]);

  return (
    <div className="today-screen">
      <div className="screen-header">
        <h1>{t('attendance.today')} <span className="muted">{formatDay(today, 'long')}</span></h1>
      </div>
      <p className="muted">{site && !ownOnly ? t('attendance.today.site', { country: countryName(site) }) : t(ownOnly ? 'attendance.today.own' : 'attendance.today.all')}</p>
      {entries === undefined ? (
        <p className="loading">{t('common.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="empty-state">{t('attendance.today.none')}</p>
      ) : (
        <ul className="cards">
          {entries.map(({ meeting, session, course }) => (
            <li key={meeting.id} className={`card${meeting.cancelled ? ' archived' : ''}`}>
              <h2>
                <span className="course-code">{course?.code}</span> <bdi dir="auto">{session?.title || course?.title}</bdi>
              </h2>
              <p>
                {meeting.startTime}–{meeting.endTime}
                {meeting.room && <> · <bdi dir="auto">{meeting.room}</bdi></>}
                {session?.city && <> · <bdi dir="auto">{session.city}</bdi></>}
                {meeting.cancelled && <span className="badge">{t('meeting.cancelled')}</span>}
              </p>
              {!meeting.cancelled && (
                <div className="actions">
                  <Link className="button primary" to={`/sessions/${meeting.sessionId}/attendance?meeting=${meeting.id}`}>
                    {t('attendance.take')}
                  </Link>
                  <Link className="button" to={`/meetings/${meeting.id}/sign-in`}>
                    {t('attendance.signInSheet')}
                  </Link>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
