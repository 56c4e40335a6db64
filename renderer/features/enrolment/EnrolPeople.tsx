import { useMemo, useState } from 'react';
import { activeStates } from '../../../shared/domain/enrolment';
import { displayName, type Person } from '../../../shared/domain/people';
import type { MutationCall } from '../../../shared/mutations';
import { foldForSearch, matchesAll, searchTerms } from '../../../shared/text/normalize';
import { runBatch } from '../../db';
import { useT } from '../../i18n';
import { useEnrollablePeople } from './data';
import { EnrolSummary, useEnrolOutcome, type EnrolOutcome } from './EnrolOutcomes';
import { PersonName } from './PersonName';
import type { Roster } from './RosterScreen';

/** How many matches the picker lists at once; a narrower search finds the rest. */
const shownAtOnce = 50;

/** Finds people by any spelling of their name or e-mail, picks several, and enrols them at once. */
export function EnrolPeople({ roster }: { roster: Roster }) {
  const t = useT();
  const describe = useEnrolOutcome();
  const people = useEnrollablePeople();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<EnrolOutcome[] | null>(null);

  const index = useMemo(
    () =>
      (people ?? [])
        .map((person) => ({
          person,
          name: displayName(person),
          haystack: foldForSearch([person.nativeName, person.latinName, person.preferredName, person.email].join(' ')),
        }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [people],
  );
  const onRoster = useMemo(
    () => new Set(roster.enrolments.filter((e) => activeStates.includes(e.state)).map((e) => e.personId)),
    [roster.enrolments],
  );
  const terms = searchTerms(query);
  const matches = terms.length ? index.filter((entry) => matchesAll(entry.haystack, terms)) : index;
  const shown = matches.slice(0, shownAtOnce);
  const nameById = new Map(index.map((entry) => [entry.person.id, entry.name]));

  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const enrol = async () => {
    const ids = [...selected];
    const calls: MutationCall[] = ids.map((personId) => ({
      name: 'enrolment.request',
      args: { id: crypto.randomUUID(), personId, sessionId: roster.session.id },
    }));
    setBusy(true);
    try {
      const results = await runBatch(calls);
      setOutcomes(
        results.map((outcome, i) => {
          const personId = ids[i]!;
          const who = { key: personId, name: nameById.get(personId) ?? personId };
          return describe(outcome, who, Boolean(roster.course?.requiresApproval));
        }),
      );
      setSelected(new Set());
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="enrol-title" className="roster-panel">
      <h2 id="enrol-title">{t('enrolment.enrolPeople')}</h2>
      <div className="search-bar" role="search">
        <label htmlFor="enrol-search">{t('enrolment.searchLabel')}</label>
        <input
          id="enrol-search"
          type="search"
          value={query}
          placeholder={t('enrolment.searchPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby="enrol-count"
        />
      </div>
      <p id="enrol-count" className="result-count" aria-live="polite">
        {people === undefined
          ? t('common.loading')
          : matches.length > shown.length
            ? t('enrolment.matchesMore', { count: shown.length, total: matches.length })
            : t('enrolment.matches', { count: matches.length })}
      </p>
      {people !== undefined && people.length === 0 && <p className="notice">{t('enrolment.noPeople')}</p>}
      <ul className="pick-list" aria-label={t('enrolment.pickList')}>
        {shown.map(({ person, name }) => (
          <PickRow
            key={person.id}
            person={person}
            name={name}
            checked={selected.has(person.id)}
            blocked={onRoster.has(person.id) ? t('enrolment.alreadyOnRoster') : !person.roles.includes('trainee') ? t('enrolment.notTrainee') : ''}
            onToggle={toggle}
          />
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="primary" disabled={selected.size === 0 || busy} onClick={() => void enrol()}>
          {t('enrolment.enrolSelected', { count: selected.size })}
        </button>
        {selected.size > 0 && (
          <button type="button" className="link-button" onClick={() => setSelected(new Set())}>
            {t('enrolment.clearSelection')}
          </button>
        )}
      </div>
      {outcomes && <EnrolSummary outcomes={outcomes} />}
    </section>
  );
}

function PickRow({
  person,
  name,
  checked,
  blocked,
  onToggle,
}: {
  person: Person;
  name: string;
  checked: boolean;
  blocked: string;
  onToggle: (id: string, on: boolean) => void;
}) {
  return (
    <li>
      <label className="checkbox pick-row">
        <input
          type="checkbox"
          checked={checked}
          disabled={Boolean(blocked)}
          onChange={(e) => onToggle(person.id, e.target.checked)}
          aria-label={blocked ? `${name} (${blocked})` : name}
        />
        <PersonName person={person} />
        {person.email && <span className="muted">{person.email}</span>}
        {blocked && <span className="badge">{blocked}</span>}
      </label>
    </li>
  );
}
