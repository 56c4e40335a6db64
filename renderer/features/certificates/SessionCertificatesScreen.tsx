import { useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { readyForCertificate } from '../../../shared/domain/completion';
import { localToday } from '../../../shared/domain/vocabulary';
import { db, useLiveQuery } from '../../db';
import { useErrorText, useT } from '../../i18n';
import { ProgressBar } from '../../ui/ProgressBar';
import { NotFound } from '../catalogue';
import { completionRows, useNoticeText, useSessionRoster } from '../enrolment';
import { useSigning } from './data';
import { issueCertificates, type IssueProgress, type IssueReport } from './signing';
import './certificates.css';

/**
 * Certificates of one session: who is ready (meets the completion rule), who already has one,
 * and issuing to one trainee or to everyone ready, with progress and a way to stop.
 */
export function SessionCertificatesScreen() {
  const { id } = useParams();
  const t = useT();
  const errorText = useErrorText();
  const noticeText = useNoticeText();
  const roster = useSessionRoster(id);
  const signing = useSigning();
  const template = useLiveQuery(async () => (roster?.course ? ((await db.certificateTemplates.get(roster.course.id)) ?? null) : undefined), [roster?.course?.id]);
  const issued = useLiveQuery(async () => (id ? db.certificates.where('sessionId').equals(id).toArray() : []), [id]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<IssueProgress | null>(null);
  const [report, setReport] = useState<IssueReport | null>(null);
  const [problem, setProblem] = useState('');
  const stop = useRef<AbortController | null>(null);

  const rows = useMemo(() => {
    if (!roster || !issued) return [];
    const activeByEnrolment = new Map(issued.filter((c) => !c.revokedAt).map((c) => [c.enrolmentId, c]));
    return completionRows(roster, localToday()).map((row) => ({
      ...row,
      ready: readyForCertificate(row.enrolment, row.completion),
      certificate: activeByEnrolment.get(row.enrolment.id),
    }));
  }, [roster, issued]);

  if (roster === undefined || !signing || issued === undefined) return <p className="loading">{t('common.loading')}</p>;
  if (roster === null || !roster.course) return <NotFound />;
  const { session, course } = roster;
  const waiting = rows.filter((r) => r.ready && !r.certificate);
  const notReady = rows.filter((r) => !r.ready && !r.certificate);
  const withCertificate = rows.filter((r) => r.certificate);
  const busy = progress !== null;

  const issue = async (enrolmentIds: string[]) => {
    if (!enrolmentIds.length) return;
    setProblem('');
    setReport(null);
    const controller = new AbortController();
    stop.current = controller;
    setProgress({ done: 0, total: enrolmentIds.length });
    try {
      const result = await issueCertificates(enrolmentIds, { onProgress: setProgress, signal: controller.signal });
      setReport(result);
      setSelected(new Set());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setProblem(message === 'signing-not-set-up' ? errorText({ code: 'signing-not-set-up', params: {} }) : t('certificates.issue.failed', { reason: message }));
    } finally {
      setProgress(null);
      stop.current = null;
    }
  };
  const toggle = (enrolmentId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(enrolmentId)) next.delete(enrolmentId);
      else next.add(enrolmentId);
      return next;
    });
  const nameOf = (enrolmentId: string) => rows.find((r) => r.enrolment.id === enrolmentId)?.name ?? enrolmentId;

  return (
    <article className="detail session-certificates" aria-labelledby="session-certificates-title">
      <nav className="breadcrumbs" aria-label={t('certificates.breadcrumbs')}>
        <Link to="/certificates">{t('certificates.title')}</Link> › <Link to={`/sessions/${session.id}/roster`}>{t('certificates.session.roster')}</Link>
      </nav>
      <h1 id="session-certificates-title" dir="auto">
        {t('certificates.session.title', { code: course.code, title: session.title || course.title })}
      </h1>
      <p className="muted">
        {session.city} · {session.startDate} – {session.endDate}
      </p>

      <section className="card" aria-labelledby="template-title">
        <h2 id="template-title">{t('certificates.template.title')}</h2>
        <p>{template ? t('certificates.template.current', { title: template.title }) : t('certificates.template.missing')}</p>
        <Link to={`/courses/${course.id}/certificate`}>{t(template ? 'certificates.template.edit' : 'certificates.template.create')}</Link>
      </section>

      {!signing.device && (
        <p className="notice-error" role="alert">
          {errorText({ code: 'signing-not-set-up', params: {} })} <Link to="/certificates">{t('certificates.setup.title')}</Link>
        </p>
      )}

      <section aria-labelledby="ready-title">
        <h2 id="ready-title">{t('certificates.session.ready', { count: waiting.length })}</h2>
        {waiting.length === 0 ? (
          <p className="muted">{t('certificates.session.noneReady')}</p>
        ) : (
          <>
            <ul className="ready-list">
              {waiting.map((r) => (
                <li key={r.enrolment.id}>
                  <label className="checkbox">
                    <input type="checkbox" checked={selected.has(r.enrolment.id)} onChange={() => toggle(r.enrolment.id)} disabled={busy} />
                    <span dir="auto">{r.name}</span>
                  </label>
                  <span className="muted">{noticeText(r.completion.explanation)}</span>
                  <button type="button" onClick={() => void issue([r.enrolment.id])} disabled={busy || !signing.device}>
                    {t('certificates.session.issueOne')}
                  </button>
                </li>
              ))}
            </ul>
            <div className="actions">
              <button type="button" onClick={() => void issue([...selected])} disabled={busy || !signing.device || selected.size === 0}>
                {t('certificates.session.issueSelected', { count: selected.size })}
              </button>
              <button type="button" className="primary" onClick={() => void issue(waiting.map((r) => r.enrolment.id))} disabled={busy || !signing.device}>
                {t('certificates.session.issueAll', { count: waiting.length })}
              </button>
            </div>
          </>
        )}
        {progress && (
          <div className="issue-progress" aria-live="polite">
            <ProgressBar label={t('certificates.issue.progress', { done: progress.done, total: progress.total })} value={progress.done} max={progress.total} />
            <button type="button" onClick={() => stop.current?.abort()}>
              {t('certificates.issue.cancel')}
            </button>
          </div>
        )}
        <div className="status-area" role="status">
          {report && (
            <p className={report.refused.length ? 'notice-error' : 'notice-ok'}>
              {t(report.cancelled ? 'certificates.issue.cancelled' : 'certificates.issue.done', { issued: report.issued.length, refused: report.refused.length })}
            </p>
          )}
          {report?.refused.map((r) => (
            <p key={r.enrolmentId} className="notice-error">
              <span dir="auto">{nameOf(r.enrolmentId)}</span>: {errorText(r.error)}
            </p>
          ))}
          {problem && <p className="notice-error">{problem}</p>}
        </div>
      </section>

      {withCertificate.length > 0 && (
        <section aria-labelledby="issued-here-title">
          <h2 id="issued-here-title">{t('certificates.session.issued', { count: withCertificate.length })}</h2>
          <ul className="issued-list">
            {withCertificate.map((r) => (
              <li key={r.enrolment.id}>
                <span dir="auto">{r.name}</span> — <Link to={`/certificates/${r.certificate!.id}`}>{r.certificate!.serial}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {notReady.length > 0 && (
        <section aria-labelledby="not-ready-title">
          <h2 id="not-ready-title">{t('certificates.session.notReady', { count: notReady.length })}</h2>
          <ul className="not-ready-list">
            {notReady.map((r) => (
              <li key={r.enrolment.id}>
                <span dir="auto">{r.name}</span>: <span className="muted">{noticeText(r.completion.explanation)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
