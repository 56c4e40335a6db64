import { Link, useParams } from 'react-router';
import { displayName } from '../../../shared/domain/people';
import { db, useLiveQuery } from '../../db';
import { useFormatDay, useT } from '../../i18n';
import { NotFound } from '../catalogue';
import './attendance.css';

/** A printable sign-in sheet of one class day, for rooms without a computer. */
export function SignInSheet() {
  const { id } = useParams();
  const t = useT();
  const formatDay = useFormatDay();
  const data = useLiveQuery(async () => {
    if (!id) return null;
    const meeting = await db.meetings.get(id);
    if (!meeting) return null;
    const session = await db.sessions.get(meeting.sessionId);
    if (!session) return null;
    const [course, enrolments] = await Promise.all([
      db.courses.get(session.courseId),
      db.enrolments.where('sessionId').equals(session.id).toArray(),
    ]);
    const attending = enrolments.filter((e) => e.state === 'enrolled' || e.state === 'completed' || e.state === 'not-completed');
    const people = (await db.people.bulkGet(attending.map((e) => e.personId))).filter((p) => p !== undefined);
    people.sort((a, b) => displayName(a).localeCompare(displayName(b)));
    return { meeting, session, course, people };
  }, [id]);
  if (data === undefined) return <p className="loading">{t('common.loading')}</p>;
  if (data === null) return <NotFound />;
  const { meeting, session, course, people } = data;
  return (
    <article className="detail sign-in-sheet printable" aria-labelledby="sign-in-title">
      <div className="screen-header no-print">
        <Link to={`/sessions/${session.id}/attendance?meeting=${meeting.id}`}>{t('attendance.backToGrid')}</Link>
        <button type="button" className="primary" onClick={() => window.print()}>{t('attendance.print')}</button>
      </div>
      <h1 id="sign-in-title">{t('attendance.signInSheet')}</h1>
      <dl className="facts">
        <dt>{t('attendance.sheet.course')}</dt>
        <dd><span className="course-code">{course?.code}</span> <bdi dir="auto">{course?.title}</bdi></dd>
        {session.title && (
          <>
            <dt>{t('attendance.sheet.session')}</dt>
            <dd dir="auto">{session.title}</dd>
          </>
        )}
        <dt>{t('attendance.sheet.when')}</dt>
        <dd>{formatDay(meeting.date, 'long')}, {meeting.startTime}–{meeting.endTime}</dd>
        <dt>{t('attendance.sheet.where')}</dt>
        <dd dir="auto">{[meeting.room, session.site, session.city].filter(Boolean).join(', ') || '—'}</dd>
        {meeting.cancelled && (
          <>
            <dt>{t('field.session.status')}</dt>
            <dd>{t('meeting.cancelled')}</dd>
          </>
        )}
      </dl>
      {people.length === 0 ? (
        <p className="notice">{t('attendance.noTrainees')}</p>
      ) : (
        <table className="table sign-in-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('attendance.sheet.name')}</th>
              <th scope="col">{t('attendance.sheet.latinName')}</th>
              <th scope="col" className="signature-col">{t('attendance.sheet.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p, i) => (
              <tr key={p.id}>
                <td>{i + 1}</td>
                <td dir="auto">{p.nativeName}</td>
                <td dir="auto">{p.latinName}</td>
                <td className="signature-col" aria-label={t('attendance.sheet.signatureOf', { name: displayName(p) })} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
