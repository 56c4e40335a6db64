import { useState, type FormEvent } from 'react';
import { useMutate } from '../../db';
import { useErrorText, useT } from '../../i18n';
import { TextField } from '../../ui/fields';
import type { Roster, StatusMessage } from './RosterScreen';

/** The session's teams with their sizes, and a small form to add one (members are assigned in the roster). */
export function TeamsPanel({ roster, onMessage }: { roster: Roster; onMessage: (m: StatusMessage | null) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const mutate = useMutate();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const members = (teamId: string) =>
    roster.enrolments.filter((e) => e.teamId === teamId && (e.state === 'enrolled' || e.state === 'completed' || e.state === 'not-completed')).length;

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await mutate({ name: 'team.create', args: { id: crypto.randomUUID(), sessionId: roster.session.id, name } });
    if (!outcome.ok) {
      const field = outcome.error.fields.find((f) => f.path === 'name');
      if (field) setError(errorText(field, t('enrolment.team.name')));
      else onMessage({ tone: 'error', text: errorText(outcome.error) });
      return;
    }
    setError(undefined);
    onMessage({ tone: 'ok', text: t('enrolment.done.teamCreated', { name: name.trim() }) });
    setName('');
  };

  return (
    <section aria-labelledby="teams-title" className="roster-panel">
      <h2 id="teams-title">{t('enrolment.teams', { count: roster.teams.length })}</h2>
      {roster.teams.length > 0 && (
        <ul className="chips">
          {[...roster.teams]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((team) => (
              <li key={team.id} className="chip">
                <bdi dir="auto">{team.name}</bdi> <span className="muted">{t('enrolment.team.members', { count: members(team.id) })}</span>
              </li>
            ))}
        </ul>
      )}
      <form className="inline-form" noValidate onSubmit={(e) => void create(e)}>
        <TextField dir="auto" label={t('enrolment.team.name')} value={name} error={error} onChange={(e) => setName(e.target.value)} />
        <button type="submit">{t('enrolment.team.create')}</button>
      </form>
    </section>
  );
}
