import {
  memo,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { Link, useNavigate } from 'react-router';
import type { Institution } from '../../../shared/domain/people';
import { useKeyboardList, VirtualListItem } from '../../ui/keyboardList';
import { useT } from '../../i18n';
import { readPeople, useCanEditPeople, useInstitutions, usePeopleIndex } from './data';
import { downloadPeopleCsv } from './exportPeople';
import { usePeopleLabels } from './labels';
import { filterPeople, type PeopleFilters, type PersonEntry } from './peopleIndex';
import { usePeopleView } from './store';
import './people.css';

const rowHeight = 64;

/** Everyone on this device: search as you type, filters, count, and a virtualised list. */
export function PeopleScreen() {
  const t = useT();
  const index = usePeopleIndex();
  const institutions = useInstitutions();
  const query = usePeopleView((s) => s.query);
  const setQuery = usePeopleView((s) => s.setQuery);
  const filters = usePeopleView((s) => s.filters);
  // Scanning 100,000 haystacks takes a few milliseconds: the box shows each keystroke at once,
  // the list follows in a pass React may drop when the next keystroke comes first.
  const deferredQuery = useDeferredValue(query);
  const results = useMemo(
    () => (index ? filterPeople(index, deferredQuery, filters) : []),
    [index, deferredQuery, filters],
  );
  const institutionNames = useMemo(
    () => new Map((institutions ?? []).map((i) => [i.id, i.name])),
    [institutions],
  );
  const searchRef = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);
  const canEdit = useCanEditPeople();

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(target?.tagName ?? '')) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!index || !institutions) return <p className="loading">{t('common.loading')}</p>;

  const exportCsv = async () => {
    setExporting(true);
    try {
      downloadPeopleCsv(await readPeople(results.map((e) => e.id)), institutionNames);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="people">
      <div className="screen-header">
        <h1>{t('people.title')}</h1>
        <div className="actions">
          {canEdit && (
            <>
              <Link className="button primary" to="/people/new">
                {t('people.new')}
              </Link>
              <Link className="button" to="/people/import">
                {t('people.import')}
              </Link>
            </>
          )}
          <button
            type="button"
            onClick={() => void exportCsv()}
            disabled={exporting || results.length === 0}
          >
            {t('people.export', { count: results.length })}
          </button>
          {canEdit && (
            <Link className="button" to="/institutions">
              {t('people.institutions')}
            </Link>
          )}
        </div>
      </div>
      {index.length === 0 ? (
        <section className="empty-state">
          <h2>{t('people.emptyTitle')}</h2>
          <p>{t('people.emptyBody')}</p>
          {canEdit && (
            <div className="actions">
              <Link className="button primary" to="/people/new">
                {t('people.new')}
              </Link>
              <Link className="button" to="/people/import">
                {t('people.import')}
              </Link>
            </div>
          )}
        </section>
      ) : (
        <>
          <div className="search-bar" role="search">
            <label htmlFor="people-search" className="visually-hidden">
              {t('people.searchLabel')}
            </label>
            <input
              id="people-search"
              ref={searchRef}
              type="search"
              autoFocus
              placeholder={t('people.searchPlaceholder')}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  document.querySelector<HTMLElement>('.person-row')?.focus();
                }
              }}
              aria-describedby="people-count"
            />
          </div>
          <Filters institutions={institutions} />
          <p
            id="people-count"
            className="result-count"
            aria-live="polite"
            data-query={deferredQuery}
          >
            {t('people.count', { count: results.length, total: index.length })}
          </p>
          {results.length === 0 ? (
            <p className="empty-results">{t('people.noResults')}</p>
          ) : (
            <PeopleList entries={results} institutionNames={institutionNames} />
          )}
        </>
      )}
    </div>
  );
}

// Memoised and subscribed to the filters only, so typing in the search box does not re-render it.
const Filters = memo(function Filters({ institutions }: { institutions: Institution[] }) {
  const t = useT();
  const labels = usePeopleLabels();
  const filters = usePeopleView((s) => s.filters);
  const { setFilter, clear } = usePeopleView.getState();
  const any = { value: '', label: t('filter.any') };
  const select = (
    id: Exclude<keyof PeopleFilters, 'showArchived'>,
    label: string,
    options: readonly { value: string; label: string }[],
  ) => (
    <label className="filter">
      <span>{label}</span>
      <select value={filters[id]} onChange={(e) => setFilter(id, e.target.value as never)}>
        {[any, ...options].map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="filters" role="group" aria-label={t('filter.group')}>
      {select('role', t('people.field.roles'), labels.roleOptions)}
      {select('country', t('filter.country'), labels.countryOptions())}
      {select(
        'institutionId',
        t('people.field.institution'),
        institutions
          .filter((i) => !i.archived || i.id === filters.institutionId)
          .map((i) => ({ value: i.id, label: i.name })),
      )}
      <label className="filter filter-check">
        <input
          type="checkbox"
          checked={filters.showArchived}
          onChange={(e) => setFilter('showArchived', e.target.checked)}
        />
        <span>{t('filter.archived')}</span>
      </label>
      <button type="button" className="link-button" onClick={clear}>
        {t('filter.clear')}
      </button>
    </div>
  );
});

const PeopleList = memo(function PeopleList({
  entries,
  institutionNames,
}: {
  entries: PersonEntry[];
  institutionNames: ReadonlyMap<string, string>;
}) {
  const t = useT();
  const { parentRef, virtualizer, handleKeyDown } = useKeyboardList({
    count: entries.length,
    rowHeight,
    rowSelector: '.person-row',
    searchInputId: 'people-search',
    overscan: 6,
  });

  return (
    <div
      ref={parentRef}
      className="people-list"
      aria-label={t('people.listLabel')}
      role="region"
      tabIndex={-1}
    >
      <ul style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index]!;
          return (
            <PersonRow
              key={entry.id}
              entry={entry}
              institution={institutionNames.get(entry.institutionId) ?? ''}
              index={item.index}
              total={entries.length}
              start={item.start}
              size={item.size}
              onKeyDown={handleKeyDown}
            />
          );
        })}
      </ul>
    </div>
  );
});

type PersonRowProps = {
  entry: PersonEntry;
  institution: string;
  index: number;
  total: number;
  start: number;
  size: number;
  onKeyDown: (e: KeyboardEvent<HTMLElement>, index: number) => void;
};

/** One person: name in their own script, Latin name, e-mail, institution, country and roles. */
const PersonRow = memo(function PersonRow({
  entry,
  institution,
  index,
  total,
  start,
  size,
  onKeyDown,
}: PersonRowProps) {
  const t = useT();
  const navigate = useNavigate();
  const labels = usePeopleLabels();
  return (
    <VirtualListItem index={index} total={total} start={start} size={size}>
      <a
        className={`person-row${entry.archived ? ' archived' : ''}`}
        href={`#/people/${entry.id}`}
        onClick={(e) => {
          e.preventDefault();
          void navigate(`/people/${entry.id}`);
        }}
        onKeyDown={(e) => onKeyDown(e, index)}
      >
        <span className="person-name">
          <bdi className="person-native" dir="auto">
            {entry.nativeName}
          </bdi>
          {entry.latinName && entry.latinName !== entry.nativeName && (
            <span className="person-latin">{entry.latinName}</span>
          )}
        </span>
        <span className="person-meta">
          {entry.email && <bdi className="person-email">{entry.email}</bdi>}
          {institution && <bdi dir="auto">{institution}</bdi>}
          {entry.country && <span>{labels.country(entry.country)}</span>}
        </span>
        <span className="person-roles">
          {labels.roles(entry.roles)}
          {entry.archived && <span className="badge">{t('common.archived')}</span>}
        </span>
      </a>
    </VirtualListItem>
  );
});
