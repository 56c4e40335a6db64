import { useMemo, useState } from 'react';
import { activeStates } from '../../../shared/domain/enrolment';
import type { MutationCall } from '../../../shared/mutations';
import { runBatch } from '../../db';
import { useT } from '../../i18n';
import { filterPeople, noPeopleFilters, usePeopleIndex, type PersonEntry } from '../people';
import { EnrolSummary, useEnrolOutcome, type EnrolOutcome } from './EnrolOutcomes';
import { PersonName } from './PersonName';
import type { Roster } from './RosterScreen';

/** How many matches the picker lists at once; a narrower search finds the rest. */
const shownAtOnce = 50;

/** Finds people by any spelling of their name or e-mail, picks several, and enrols them at once. */
export function EnrolPeople({ roster }: { roster: Roster }) {
  const t = useT();
  const describe = useEnrolOutcome();
  // People are read when the coordinator starts looking for someone, not when the roster opens
  // (100,000 people take seconds to read); then the people list's own index answers each key.
  const [looking, setLooking] = useState(false);
  const people = usePeopleIndex(looking);
  const [query, setQuery] = useState('');
  /** Chosen people: id → name shown. */
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<EnrolOutcome[] | null>(null);

  const onRoster = useMemo(
    () => new Set(roster.enrolments.filter((e) => activeStates.includes(e.state)).map((e) => e.personId)),
    [roster.enrolments],
  );
  const matches = useMemo(() => (people ? filterPeople(people, query, noPeopleFilters) : []), [people, query]);
  const shown = matches.slice(0, shownAtOnce);

  const toggle = (entry: PersonEntry, on: boolean) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (on) next.set(entry.id, nameOf(entry));
      else next.delete(entry.id);
      return next;
    });

  const enrol = async () => {
    const ids = [...selected.keys()];
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
          const who = { key: personId, name: selected.get(personId) ?? personId };
          return describe(outcome, who, Boolean(roster.course?.requiresApproval));
        }),
      );
      setSelected(new Map());
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
          onChange={(e) => {
            setLooking(true);
            setQuery(e.target.value);
          }}
          onFocus={() => setLooking(true)}
          aria-describedby="enrol-count"
        />
      </div>
      <p id="enrol-count" className="result-count" aria-live="polite">
        {!looking || people === null
          ? ''
          : people === undefined
          ? t('common.loading')
          : matches.length > shown.length
            ? t('enrolment.matchesMore', { count: shown.length, total: matches.length })
            : t('enrolment.matches', { count: matches.length })}
      </p>
      {people && people.length === 0 && <p className="notice">{t('enrolment.noPeople')}</p>}
      <ul className="pick-list" aria-label={t('enrolment.pickList')}>
        {shown.map((entry) => (
          <PickRow
            key={entry.id}
            person={entry}
            name={nameOf(entry)}
            checked={selected.has(entry.id)}
            blocked={onRoster.has(entry.id) ? t('enrolment.alreadyOnRoster') : !entry.roles.includes('trainee') ? t('enrolment.notTrainee') : ''}
            onToggle={toggle}
          />
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="primary" disabled={selected.size === 0 || busy} onClick={() => void enrol()}>
          {t('enrolment.enrolSelected', { count: selected.size })}
        </button>
        {selected.size > 0 && (
          <button type="button" className="link-button" onClick={() => setSelected(new Map())}>
            {t('enrolment.clearSelection')}
          </button>
        )}
      </div>
      {outcomes && <EnrolSummary outcomes={outcomes} />}
    </section>
  );
}

/** The name a person is listed under: Latin letters when there are, else their own script. */
function nameOf(entry: PersonEntry): string {
  return entry.latinName || entry.nativeName;
}

function PickRow({
  person,
  name,
  checked,
  blocked,
  onToggle,
}: {
  person: PersonEntry;
  name: string;
  checked: boolean;
  blocked: string;
  onToggle: (entry: PersonEntry, on: boolean) => void;
}) {
  return (
    <li>
      <label className="checkbox pick-row">
        <input
          type="checkbox"
          checked={checked}
          disabled={Boolean(blocked)}
          onChange={(e) => onToggle(person, e.target.checked)}
          aria-label={blocked ? `${name} (${blocked})` : name}
        />
        <PersonName person={person} />
        {person.email && <span className="muted">{person.email}</span>}
        {blocked && <span className="badge">{blocked}</span>}
      </label>
    </li>
  );
}
