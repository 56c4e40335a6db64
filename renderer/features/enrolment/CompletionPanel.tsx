import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { readyForCertificate } from '../../../shared/domain/completion';
import { localToday } from '../../../shared/domain/vocabulary';
import { useMutate } from '../../db';
import { useErrorText, useT } from '../../i18n';
import { useNoticeText } from './notices';
import { PersonName } from './PersonName';
import { completionRows } from './roster';
import type { Roster, StatusMessage } from './RosterScreen';

/**
 * Where each trainee stands against the course's completion rule ("78% attended, needs 80%"),
 * the list of those ready for a certificate, and the buttons that record the outcome.
 */
export function CompletionPanel({
  roster,
  onMessage,
  canSetOutcome,
}: {
  roster: Roster;
  onMessage: (m: StatusMessage | null) => void;
  canSetOutcome: boolean;
}) {
  const t = useT();
  const errorText = useErrorText();
  const noticeText = useNoticeText();
  const mutate = useMutate();
  const [busy, setBusy] = useState<string | null>(null);
  const { course } = roster;
  const rows = useMemo(() => completionRows(roster, localToday()), [roster]);
  if (!course) return null;
  const ready = rows.filter((r) => readyForCertificate(r.enrolment, r.completion));

  const setOutcome = async (id: string, name: string, outcome: 'completed' | 'not-completed') => {
    setBusy(id);
    try {
      const result = await mutate({ name: 'enrolment.setOutcome', args: { id, outcome } });
      onMessage(
        result.ok
          ? { tone: 'ok', text: t(outcome === 'completed' ? 'enrolment.done.completed' : 'enrolment.done.notCompleted', { name }) }
          : { tone: 'error', text: errorText(result.error) },
      );
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="completion-title" className="roster-panel">
      <h2 id="completion-title">{t('enrolment.completion')}</h2>
      <p className="muted">{t('enrolment.completion.rule', { percent: course.completionRule.minAttendancePercent })}</p>
      {rows.length === 0 ? (
        <p className="muted">{t('enrolment.completion.nobody')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('enrolment.col.name')}</th>
              <th scope="col">{t('enrolment.completion.attended')}</th>
              <th scope="col">{t('enrolment.completion.where')}</th>
              <th scope="col">{t('enrolment.col.state')}</th>
              <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ enrolment, person, name, completion }) => (
              <tr key={enrolment.id}>
                <th scope="row">
                  <PersonName person={person} />
                </th>
                <td>{t('enrolment.completion.percent', { percent: Math.floor(completion.attendedPercent), count: completion.lateCount })}</td>
                <td className={completion.complete ? 'completion-ok' : 'completion-short'}>{noticeText(completion.explanation)}</td>
                <td>{t(`enrolment.state.${enrolment.state}`)}</td>
                <td>
                  {canSetOutcome && enrolment.state === 'enrolled' && (
                    <div className="actions">
                      <button type="button" disabled={busy === enrolment.id} onClick={() => void setOutcome(enrolment.id, name, 'completed')} aria-label={t('enrolment.markCompletedName', { name })}>
                        {t('enrolment.markCompleted')}
                      </button>
                      <button type="button" disabled={busy === enrolment.id} onClick={() => void setOutcome(enrolment.id, name, 'not-completed')} aria-label={t('enrolment.markNotCompletedName', { name })}>
                        {t('enrolment.markNotCompleted')}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3 id="ready-title">{t('enrolment.ready', { count: ready.length })}</h3>
      {ready.length === 0 ? (
        <p className="muted">{t('enrolment.ready.none')}</p>
      ) : (
        <ul aria-labelledby="ready-title">
          {ready.map((r) => (
            <li key={r.enrolment.id}>
              <PersonName person={r.person} />
            </li>
          ))}
        </ul>
      )}
      {canSetOutcome && (
        <Link className="button" to={`/sessions/${roster.session.id}/certificates`}>
          {t('certificates.issue.title')}
        </Link>
      )}
    </section>
  );
}
