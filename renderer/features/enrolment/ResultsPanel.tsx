import { useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import type { Assessment } from '../../../shared/domain/catalogue';
import { displayName } from '../../../shared/domain/people';
import { useMutate } from '../../db';
import { useErrorText, useT } from '../../i18n';
import { SelectField, TextField } from '../../ui/fields';
import { PersonName } from './PersonName';
import type { Roster, StatusMessage } from './RosterScreen';

const attendingStates = new Set(['enrolled', 'completed', 'not-completed']);

/**
 * Results of the course's assessments: a table of who passed what, and a small form to record
 * one result, for a trainee (individual assessments) or for a whole team (team assessments).
 */
export function ResultsPanel({ roster, onMessage }: { roster: Roster; onMessage: (m: StatusMessage | null) => void }) {
  const t = useT();
  const intl = useIntl();
  const assessments = roster.course?.assessments ?? [];
  const trainees = roster.enrolments.filter((e) => attendingStates.has(e.state));
  return (
    <section aria-labelledby="results-title" className="roster-panel">
      <h2 id="results-title">{t('enrolment.results')}</h2>
      {assessments.length === 0 ? (
        <p className="muted">{t('enrolment.results.none')}</p>
      ) : (
        <>
          {trainees.length > 0 && (
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('enrolment.col.name')}</th>
                    {assessments.map((a) => (
                      <th scope="col" key={a.id} dir="auto">
                        {a.title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {trainees.map((e) => {
                    const results = roster.resultsByEnrolment.get(e.id) ?? [];
                    return (
                      <tr key={e.id}>
                        <th scope="row">
                          <PersonName person={roster.personById.get(e.personId)} />
                        </th>
                        {assessments.map((a) => {
                          const result = results.find((r) => r.assessmentId === a.id);
                          return (
                            <td key={a.id}>
                              {result
                                ? `${t(result.passed ? 'enrolment.results.passed' : 'enrolment.results.failed')}${result.score === null ? '' : ` (${intl.formatNumber(result.score)})`}`
                                : '—'}
                            </td>
                          );
                        })}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <RecordResult roster={roster} assessments={assessments} onMessage={onMessage} />
        </>
      )}
    </section>
  );
}

function RecordResult({
  roster,
  assessments,
  onMessage,
}: {
  roster: Roster;
  assessments: readonly Assessment[];
  onMessage: (m: StatusMessage | null) => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const mutate = useMutate();
  const [assessmentId, setAssessmentId] = useState(assessments[0]?.id ?? '');
  const [whoId, setWhoId] = useState('');
  const [passed, setPassed] = useState(true);
  const [score, setScore] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const assessment = assessments.find((a) => a.id === assessmentId) ?? assessments[0];
  const team = assessment?.kind === 'team';
  const whoOptions = team
    ? roster.teams.map((x) => ({ value: x.id, label: x.name }))
    : roster.enrolments
        .filter((e) => attendingStates.has(e.state))
        .map((e) => {
          const person = roster.personById.get(e.personId);
          return { value: e.id, label: person ? displayName(person) : e.personId };
        });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!assessment) return;
    const found: Record<string, string> = {};
    const whoLabel = t(team ? 'enrolment.results.team' : 'enrolment.results.trainee');
    if (!whoId) found.who = errorText({ code: 'required', params: {} }, whoLabel);
    const scoreValue = score.trim() === '' ? null : Number(score);
    if (scoreValue !== null && (!Number.isFinite(scoreValue) || scoreValue < 0 || scoreValue > 100))
      found.score = errorText({ code: scoreValue !== null && scoreValue < 0 ? 'too-small' : 'too-large', params: { min: 0, max: 100 } }, t('enrolment.results.score'));
    setErrors(found);
    if (Object.keys(found).length) return;
    const common = { assessmentId: assessment.id, passed, score: scoreValue, note };
    const outcome = team
      ? await mutate({ name: 'assessment.recordTeam', args: { ...common, teamId: whoId } })
      : await mutate({ name: 'assessment.record', args: { ...common, enrolmentId: whoId } });
    if (!outcome.ok) {
      onMessage({ tone: 'error', text: errorText(outcome.error) });
      return;
    }
    const who = whoOptions.find((o) => o.value === whoId)?.label ?? '';
    onMessage({ tone: 'ok', text: t('enrolment.done.resultRecorded', { name: who, detail: assessment.title }) });
    setScore('');
    setNote('');
  };

  return (
    <form className="inline-form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('enrolment.results.record')}>
      <SelectField
        label={t('enrolment.results.assessment')}
        value={assessment?.id ?? ''}
        onChange={(e) => {
          setAssessmentId(e.target.value);
          setWhoId('');
        }}
        options={assessments.map((a) => ({ value: a.id, label: `${a.title} (${t(a.kind === 'team' ? 'enrolment.results.kindTeam' : 'enrolment.results.kindIndividual')})` }))}
      />
      <SelectField
        label={t(team ? 'enrolment.results.team' : 'enrolment.results.trainee')}
        value={whoId}
        error={errors.who}
        onChange={(e) => setWhoId(e.target.value)}
        options={[{ value: '', label: t('field.choose') }, ...whoOptions]}
      />
      <label className="checkbox">
        <input type="checkbox" checked={passed} onChange={(e) => setPassed(e.target.checked)} /> {t('enrolment.results.passedLabel')}
      </label>
      <TextField
        type="number"
        min={0}
        max={100}
        label={t('enrolment.results.score')}
        hint={assessment?.passScore != null ? t('enrolment.results.passScore', { count: assessment.passScore }) : undefined}
        value={score}
        error={errors.score}
        onChange={(e) => setScore(e.target.value)}
      />
      <TextField dir="auto" label={t('enrolment.results.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="primary">{t('enrolment.results.record')}</button>
    </form>
  );
}
