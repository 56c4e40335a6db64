import { useState } from 'react';
import { localToday } from '../../../shared/domain/vocabulary';
import { Link, useLocation, useParams } from 'react-router';
import { db, useLiveQuery, useMutate } from '../../db';
import { useErrorText, useFormatDay, useT } from '../../i18n';
import { useCourse } from './data';
import { useCatalogueLabels } from './labels';
import { useSettings } from '../../state/settings';
import { useRunsOrganisation } from '../../state/session';
import { NotFound } from './NotFound';
import { isOpenForEnrolment } from './searchIndex';

/** One course: what it teaches, and its sessions. */
export function CourseDetail() {
  const { id } = useParams();
  const t = useT();
  const labels = useCatalogueLabels();
  const formatDay = useFormatDay();
  const errorText = useErrorText();
  const mutate = useMutate();
  const location = useLocation();
  const data = useCourse(id);
  // The course itself is the organisation's; any coordinator adds sessions (a site coordinator, in its country).
  const canEdit = useRunsOrganisation();
  const canAddSession = useSettings((s) => s.role) === 'coordinator';
  const [problem, setProblem] = useState<string | null>(null);
  if (data === undefined) return null;
  if (data === null) return <NotFound />;
  const { course, programme, sessions } = data;
  const today = localToday();
  const saved = (location.state as { saved?: boolean } | null)?.saved;

  const toggleArchive = async () => {
    const outcome = await mutate({
      name: 'course.archive',
      args: { id: course.id, archived: !course.archived },
    });
    setProblem(outcome.ok ? null : errorText(outcome.error));
  };

  return (
    <article className="detail" aria-labelledby="course-title">
      <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
        <Link to="/">{t('catalogue.title')}</Link> › <span>{programme?.name}</span>
      </nav>
      {saved && (
        <p className="notice-ok" role="status">
          {t('form.saved')}
        </p>
      )}
      {problem && (
        <p className="notice-error" role="alert">
          {problem}
        </p>
      )}
      {course.archived && <p className="notice">{t('course.archivedNotice')}</p>}
      <div className="screen-header">
        <h1 id="course-title" dir="auto">
          <span className="course-code">{course.code}</span> {course.title}
        </h1>
        {canEdit && (
          <div className="actions">
            <Link className="button primary" to={`/courses/${course.id}/edit`}>
              {t('common.edit')}
            </Link>
            <Link className="button" to={`/courses/${course.id}/duplicate`}>
              {t('common.duplicate')}
            </Link>
            <Link className="button" to={`/courses/${course.id}/certificate`}>
              {t('certificates.template.title')}
            </Link>
            <button type="button" onClick={() => void toggleArchive()}>
              {t(course.archived ? 'common.restore' : 'common.archive')}
            </button>
          </div>
        )}
      </div>
      <dl className="facts">
        <dt>{t('field.course.level')}</dt>
        <dd>{labels.level(course.level)}</dd>
        <dt>{t('field.course.hours')}</dt>
        <dd>{t('course.hoursValue', { hours: course.hours })}</dd>
        <dt>{t('field.course.languages')}</dt>
        <dd>{labels.list(course.languages.map(labels.language))}</dd>
        <dt>{t('field.course.minAttendance')}</dt>
        <dd>
          {t('course.minAttendanceValue', { percent: course.completionRule.minAttendancePercent })}
        </dd>
        {course.tags.length > 0 && (
          <>
            <dt>{t('field.course.tags')}</dt>
            <dd>{course.tags.join(', ')}</dd>
          </>
        )}
      </dl>
      {course.summary && (
        <p className="summary" dir="auto">
          {course.summary}
        </p>
      )}
      {course.prerequisites.length > 0 && <Prerequisites ids={course.prerequisites} />}
      {course.modules.length > 0 && (
        <section aria-labelledby="modules-title">
          <h2 id="modules-title">{t('field.course.modules')}</h2>
          <ol className="modules-list">
            {course.modules.map((m, i) => (
              <li key={i} dir="auto">
                {m.title}{' '}
                <span className="muted">({t('course.hoursValue', { hours: m.hours })})</span>
              </li>
            ))}
          </ol>
        </section>
      )}
      <section aria-labelledby="sessions-title">
        <div className="section-header">
          <h2 id="sessions-title">{t('course.sessions', { count: sessions.length })}</h2>
          {canAddSession && !course.archived && (
            <Link className="button" to={`/courses/${course.id}/sessions/new`}>
              {t('session.newTitle')}
            </Link>
          )}
        </div>
        {sessions.length === 0 ? (
          <p className="muted">{t('course.noSessions')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('field.session.dates')}</th>
                <th scope="col">{t('field.session.site')}</th>
                <th scope="col">{t('field.session.mode')}</th>
                <th scope="col">{t('field.session.status')}</th>
                <th scope="col">{t('field.session.capacity')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id} className={s.archived ? 'archived' : undefined}>
                  <td>
                    <Link to={`/sessions/${s.id}`}>
                      {t('session.dateRange', {
                        start: formatDay(s.startDate),
                        end: formatDay(s.endDate),
                      })}
                    </Link>
                    {s.title && (
                      <div className="muted" dir="auto">
                        {s.title}
                      </div>
                    )}
                  </td>
                  <td dir="auto">
                    {[s.site, s.city, labels.country(s.country)].filter(Boolean).join(', ')}
                  </td>
                  <td>{labels.mode(s.mode)}</td>
                  <td>
                    {labels.status(s.status)}
                    {isOpenForEnrolment(s, today) && (
                      <span className="badge badge-open">{t('catalogue.openBadge')}</span>
                    )}
                    {s.archived && <span className="badge">{t('common.archived')}</span>}
                  </td>
                  <td>{s.capacity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}

function Prerequisites({ ids }: { ids: string[] }) {
  const t = useT();
  const data = useCoursesByIds(ids);
  return (
    <section aria-labelledby="prereq-title">
      <h2 id="prereq-title">{t('field.course.prerequisites')}</h2>
      <ul>
        {data.map((c) => (
          <li key={c.id}>
            <Link to={`/courses/${c.id}`}>{c.code}</Link> <span dir="auto">{c.title}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function useCoursesByIds(ids: string[]) {
  return (
    useLiveQuery(
      () => db.courses.bulkGet(ids).then((rows) => rows.filter((r) => r !== undefined)),
      [ids.join(',')],
    ) ?? []
  );
}
