import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link, useParams } from 'react-router';
import { displayName } from '../../../shared/domain/people';
import type { Enrolment } from '../../../shared/domain/enrolment';
import type { MutationCall } from '../../../shared/mutations';
import { localToday } from '../../../shared/domain/vocabulary';
import { useMutate, type MutationOutcome } from '../../db';
import { useErrorText, useFormatDay, useT } from '../../i18n';
import { useRunsSession } from '../../state/session';
import { Dialog } from '../../ui/Dialog';
import { TextArea } from '../../ui/fields';
import { NotFound } from '../catalogue';
import { useInstitutions } from '../people';
import { CompletionPanel } from './CompletionPanel';
import { useSessionRoster } from './data';
import { downloadCsv } from './downloadCsv';
import { EnrolFromFile } from './EnrolFromFile';
import { EnrolPeople } from './EnrolPeople';
import './enrolment.css';
import { useNoticeText } from './notices';
import { PersonName } from './PersonName';
import { ResultsPanel } from './ResultsPanel';
import { rosterCounts, sortRoster, waitlistPositions } from './roster';
import { exportFileName, rosterCsv } from './rosterCsv';
import { TeamsPanel } from './TeamsPanel';

/** Everything the roster screen reads about one session. */
export type Roster = NonNullable<ReturnType<typeof useSessionRoster>>;

/** A line shown after a change: what happened, or why it was refused. */
export type StatusMessage = { tone: 'ok' | 'error'; text: string };

type Confirm = { kind: 'reject' | 'withdraw'; enrolment: Enrolment } | null;

/** The roster of a session: who is in, who waits, and everything done to them. */
export function RosterScreen() {
  const { id } = useParams();
  const t = useT();
  const formatDay = useFormatDay();
  const roster = useSessionRoster(id);
  const runs = useRunsSession();
  const [message, setMessage] = useState<StatusMessage | null>(null);
  if (roster === undefined) return <p className="loading">{t('common.loading')}</p>;
  if (roster === null) return <NotFound />;
  const { session, course } = roster;
  // Enrolling, approving and outcomes: coordinators who run this session (a site coordinator, of its country).
  const coordinator = runs(session);
  const counts = rosterCounts(roster.enrolments);
  const title = session.title || course?.title || '';

  return (
    <article className="detail roster-screen" aria-labelledby="roster-title">
      <nav className="breadcrumbs no-print" aria-label={t('nav.breadcrumbs')}>
        <Link to="/">{t('catalogue.title')}</Link> ›{' '}
        {course && <Link to={`/courses/${course.id}`}>{course.code}</Link>} ›{' '}
        <Link to={`/sessions/${session.id}`} dir="auto">{title}</Link>
      </nav>
      <div className="screen-header">
        <h1 id="roster-title">
          {t('enrolment.rosterTitle')} <bdi dir="auto">{course ? `${course.code} ${title}` : title}</bdi>{' '}
          <span className="muted">{t('session.dateRange', { start: formatDay(session.startDate), end: formatDay(session.endDate) })}</span>
        </h1>
        <div className="actions no-print">
          <Link className="button" to={`/sessions/${session.id}/attendance`}>{t('attendance.title')}</Link>
          <button type="button" onClick={() => window.print()}>{t('enrolment.print')}</button>
          <ExportRosterButton roster={roster} />
        </div>
      </div>
      <p className="roster-counts" aria-live="polite">
        <span className="count-chip">{t('enrolment.count.places', { count: counts.enrolled, total: session.capacity })}</span>
        <span className="count-chip">{t('enrolment.count.waitlisted', { count: counts.waitlisted })}</span>
        <span className="count-chip">{t('enrolment.count.requested', { count: counts.requested })}</span>
        {counts.finished > 0 && <span className="count-chip">{t('enrolment.count.finished', { count: counts.finished })}</span>}
      </p>
      <div aria-live="polite" className="no-print">
        {message && (
          <p className={message.tone === 'ok' ? 'notice-ok' : 'notice-error'} role={message.tone === 'ok' ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
      </div>
      <RosterTable roster={roster} onMessage={setMessage} coordinator={coordinator} />
      <div className="no-print">
        {coordinator && <EnrolPeople roster={roster} />}
        {coordinator && <EnrolFromFile roster={roster} />}
        <TeamsPanel roster={roster} onMessage={setMessage} />
        <ResultsPanel roster={roster} onMessage={setMessage} />
        <CompletionPanel roster={roster} onMessage={setMessage} canSetOutcome={coordinator} />
      </div>
    </article>
  );
}

/** Saves the roster as a spreadsheet file, in the user's language. */
function ExportRosterButton({ roster }: { roster: Roster }) {
  const t = useT();
  const intl = useIntl();
  const noticeText = useNoticeText();
  const institutions = useInstitutions();
  const exportRoster = () => {
    const regions = new Intl.DisplayNames([intl.locale], { type: 'region' });
    const country = (code: string) => {
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    };
    const table = rosterCsv(
      roster,
      new Map((institutions ?? []).map((i) => [i.id, i.name])),
      {
        headers: [
          t('enrolment.csv.nativeName'),
          t('enrolment.csv.latinName'),
          t('enrolment.csv.email'),
          t('enrolment.csv.institution'),
          t('enrolment.csv.country'),
          t('enrolment.col.state'),
          t('enrolment.csv.waitlistPosition'),
          t('enrolment.col.team'),
          t('enrolment.csv.attendedPercent'),
          t('enrolment.csv.lateCount'),
          t('enrolment.csv.completion'),
        ],
        state: (state) => t(`enrolment.state.${state}`),
        country,
        explanation: noticeText,
      },
      localToday(),
    );
    downloadCsv(exportFileName('roster', roster.course?.code, localToday()), table);
  };
  return (
    <button type="button" onClick={exportRoster} disabled={institutions === undefined}>
      {t('enrolment.exportCsv')}
    </button>
  );
}

/** The roster itself; approving, rejecting and withdrawing are for coordinators (the mutations say so too). */
function RosterTable({ roster, onMessage, coordinator }: { roster: Roster; onMessage: (m: StatusMessage | null) => void; coordinator: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const mutate = useMutate();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const { personById, teamById } = roster;
  const nameOf = (e: Enrolment) => {
    const person = personById.get(e.personId);
    return person ? displayName(person) : e.personId;
  };
  const rows = useMemo(() => {
    const byName = (e: Enrolment) => {
      const person = personById.get(e.personId);
      return person ? displayName(person) : e.personId;
    };
    return sortRoster(roster.enrolments, byName);
  }, [roster.enrolments, personById]);
  const positions = useMemo(() => waitlistPositions(roster.enrolments), [roster.enrolments]);

  const run = async (call: MutationCall, done: (outcome: MutationOutcome & { ok: true }) => string) => {
    const outcome = await mutate(call);
    onMessage(outcome.ok ? { tone: 'ok', text: done(outcome) } : { tone: 'error', text: errorText(outcome.error) });
    return outcome.ok;
  };
  const placed = (e: Enrolment) => (outcome: MutationOutcome & { ok: true }) => {
    const waitlisted = outcome.notices?.find((n) => n.code === 'waitlisted');
    return waitlisted
      ? t('enrolment.done.waitlisted', { name: nameOf(e), n: Number(waitlisted.params.position) })
      : t('enrolment.done.approved', { name: nameOf(e) });
  };
  const openConfirm = (kind: 'reject' | 'withdraw', enrolment: Enrolment) => {
    setReason('');
    setReasonError(undefined);
    setConfirm({ kind, enrolment });
  };
  const confirmed = async () => {
    if (!confirm) return;
    const e = confirm.enrolment;
    if (confirm.kind === 'reject') {
      if (!reason.trim()) {
        setReasonError(errorText({ code: 'required', params: {} }, t('enrolment.reason')));
        return;
      }
      if (await run({ name: 'enrolment.reject', args: { id: e.id, reason } }, () => t('enrolment.done.rejected', { name: nameOf(e) })))
        setConfirm(null);
      return;
    }
    const ok = await run({ name: 'enrolment.withdraw', args: { id: e.id, reason } }, (outcome) => {
      const promoted = outcome.notices?.find((n) => n.code === 'promoted');
      return promoted
        ? t('enrolment.done.withdrawnPromoted', { name: nameOf(e), detail: String(promoted.params.name) })
        : t('enrolment.done.withdrawn', { name: nameOf(e) });
    });
    if (ok) setConfirm(null);
  };

  const teamOptions = [{ value: '', label: t('enrolment.team.none') }, ...roster.teams.map((team) => ({ value: team.id, label: team.name }))];

  return (
    <section aria-labelledby="roster-list-title" className="roster-print">
      <h2 id="roster-list-title">{t('enrolment.list', { count: roster.enrolments.length })}</h2>
      {rows.length === 0 ? (
        <p className="empty-results">{t('enrolment.empty')}</p>
      ) : (
        <table className="table roster-table">
          <thead>
            <tr>
              <th scope="col">{t('enrolment.col.name')}</th>
              <th scope="col">{t('enrolment.col.state')}</th>
              <th scope="col">{t('enrolment.col.team')}</th>
              <th scope="col" className="no-print">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => {
              const name = nameOf(e);
              const position = positions.get(e.id);
              const attending = e.state === 'enrolled' || e.state === 'completed' || e.state === 'not-completed';
              return (
                <tr key={e.id} className={`state-${e.state}`}>
                  <th scope="row">
                    <PersonName person={personById.get(e.personId)} />
                  </th>
                  <td>
                    {t(`enrolment.state.${e.state}`)}
                    {position !== undefined && <> · {t('enrolment.position', { n: position })}</>}
                    {e.reason && (e.state === 'rejected' || e.state === 'withdrawn') && (
                      <span className="muted reason" dir="auto"> — {e.reason}</span>
                    )}
                  </td>
                  <td>
                    {attending ? (
                      <>
                        <select
                          className="no-print"
                          aria-label={t('enrolment.team.of', { name })}
                          value={e.teamId}
                          onChange={(ev) =>
                            void run({ name: 'team.assign', args: { enrolmentId: e.id, teamId: ev.target.value } }, () =>
                              t('enrolment.done.teamAssigned', { name, detail: teamById.get(ev.target.value)?.name ?? t('enrolment.team.none') }),
                            )
                          }
                        >
                          {teamOptions.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                        <span className="print-only" dir="auto">{teamById.get(e.teamId)?.name ?? ''}</span>
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="no-print">
                    <div className="actions">
                      {coordinator && e.state === 'requested' && (
                        <button type="button" onClick={() => void run({ name: 'enrolment.approve', args: { id: e.id } }, placed(e))} aria-label={t('enrolment.approveName', { name })}>
                          {t('enrolment.approve')}
                        </button>
                      )}
                      {coordinator && (e.state === 'requested' || e.state === 'waitlisted') && (
                        <button type="button" onClick={() => openConfirm('reject', e)} aria-label={t('enrolment.rejectName', { name })}>
                          {t('enrolment.reject')}
                        </button>
                      )}
                      {coordinator && (e.state === 'requested' || e.state === 'enrolled' || e.state === 'waitlisted') && (
                        <button type="button" onClick={() => openConfirm('withdraw', e)} aria-label={t('enrolment.withdrawName', { name })}>
                          {t('enrolment.withdraw')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Dialog
        open={confirm !== null}
        title={confirm ? t(confirm.kind === 'reject' ? 'enrolment.rejectTitle' : 'enrolment.withdrawTitle', { name: nameOf(confirm.enrolment) }) : ''}
        onClose={() => setConfirm(null)}
        actions={
          <>
            <button type="button" onClick={() => setConfirm(null)}>{t('form.cancel')}</button>
            <button type="button" className="danger" onClick={() => void confirmed()}>
              {t(confirm?.kind === 'reject' ? 'enrolment.reject' : 'enrolment.withdraw')}
            </button>
          </>
        }
      >
        {confirm?.kind === 'withdraw' && confirm.enrolment.state === 'enrolled' && <p>{t('enrolment.withdrawHint')}</p>}
        <TextArea
          dir="auto"
          label={t(confirm?.kind === 'reject' ? 'enrolment.reason' : 'enrolment.reasonOptional')}
          value={reason}
          error={reasonError}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          autoFocus
        />
      </Dialog>
    </section>
  );
}
