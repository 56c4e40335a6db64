import { memo, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useFormatDay, useT } from '../../i18n';
import { useKeyboardList, VirtualListItem } from '../../ui/keyboardList';
import { useRunsOrganisation } from '../../state/session';
import { DemoOffer, useDemoLoad } from './DemoOffer';
import { useCourseIndex } from './data';
import { useCatalogueLabels } from './labels';
import {
  catalogueSorts,
  filterCourses,
  sortCourses,
  type CatalogueSort,
  type CourseEntry,
} from './searchIndex';
import { useCatalogueView } from './store';

const rowHeight = 76;

/** The catalogue: search as you type, filters, sort, and a virtualised list of courses. */
export function CatalogueScreen() {
  const t = useT();
  const data = useCourseIndex();
  const view = useCatalogueView();
  // Filtering 2,000 pre-folded courses takes about a millisecond: render the results in the same
  // pass as the keystroke rather than deferring them to a second one.
  const query = view.query;
  const sorted = useMemo(() => (data ? sortCourses(data.index, view.sort) : []), [data, view.sort]);
  const results = useMemo(
    () => filterCourses(sorted, query, view.filters),
    [sorted, query, view.filters],
  );
  const searchRef = useRef<HTMLInputElement>(null);
  const loadingDemo = useDemoLoad((s) => s.progress !== null);
  // New courses and programmes: coordinators of the whole organisation (a site runs sessions only).
  const canEdit = useRunsOrganisation();

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

  if (!data) return <p className="loading">{t('common.loading')}</p>;
  const empty =
    ((data.programmes.length === 0 && data.courses.length === 0) || loadingDemo) && canEdit;

  return (
    <div className="catalogue">
      <div className="screen-header">
        <h1>{t('catalogue.title')}</h1>
        {canEdit && (
          <div className="actions">
            <Link className="button primary" to="/courses/new">
              {t('catalogue.newCourse')}
            </Link>
            <Link className="button" to="/programmes">
              {t('nav.programmes')}
            </Link>
          </div>
        )}
      </div>
      {empty ? (
        <DemoOffer />
      ) : (
        <>
          <div className="search-bar" role="search">
            <label htmlFor="catalogue-search" className="visually-hidden">
              {t('catalogue.searchLabel')}
            </label>
            <input
              id="catalogue-search"
              ref={searchRef}
              type="search"
              autoFocus
              placeholder={t('catalogue.searchPlaceholder')}
              value={view.query}
              onChange={(e) => view.setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  document.querySelector<HTMLElement>('.course-row')?.focus();
                }
              }}
              aria-describedby="catalogue-count"
            />
          </div>
          <Filters programmes={data.programmes} />
          <p id="catalogue-count" className="result-count" aria-live="polite" data-query={query}>
            {t('catalogue.count', { count: results.length, total: data.courses.length })}
          </p>
          {results.length === 0 ? (
            <p className="empty-results">{t('catalogue.noResults')}</p>
          ) : (
            <CourseList entries={results} sessionsLoaded={data.sessionsLoaded} />
          )}
        </>
      )}
    </div>
  );
}

// Memoised, and subscribed to filters and sort only, so typing in the search box does not
// re-render it.
const Filters = memo(function Filters({
  programmes,
}: {
  programmes: { id: string; name: string; archived: boolean }[];
}) {
  const t = useT();
  const labels = useCatalogueLabels();
  const filters = useCatalogueView((s) => s.filters);
  const sort = useCatalogueView((s) => s.sort);
  const { setFilter, setSort, clear } = useCatalogueView.getState();
  const any = { value: '', label: t('filter.any') };
  const select = (
    id: keyof typeof filters,
    label: string,
    options: readonly { value: string; label: string }[],
  ) => (
    <label className="filter">
      <span>{label}</span>
      <select value={String(filters[id])} onChange={(e) => setFilter(id, e.target.value as never)}>
        {[any, ...options].map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const check = (id: 'openOnly' | 'upcomingOnly' | 'showArchived', label: string) => (
    <label className="filter filter-check">
      <input
        type="checkbox"
        checked={filters[id]}
        onChange={(e) => setFilter(id, e.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
  return (
    <div className="filters" role="group" aria-label={t('filter.group')}>
      {select(
        'programmeId',
        t('filter.programme'),
        programmes.filter((p) => !p.archived).map((p) => ({ value: p.id, label: p.name })),
      )}
      {select('level', t('filter.level'), labels.levelOptions)}
      {select('language', t('filter.language'), labels.languageOptions)}
      {select('country', t('filter.country'), labels.countryOptions)}
      {select('mode', t('filter.mode'), labels.modeOptions)}
      {check('openOnly', t('filter.open'))}
      {check('upcomingOnly', t('filter.upcoming'))}
      {check('showArchived', t('filter.archived'))}
      <label className="filter">
        <span>{t('sort.label')}</span>
        <select value={sort} onChange={(e) => setSort(e.target.value as CatalogueSort)}>
          {catalogueSorts.map((s) => (
            <option key={s} value={s}>
              {t(`sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="link-button" onClick={clear}>
        {t('filter.clear')}
      </button>
    </div>
  );
});

const CourseList = memo(function CourseList({
  entries,
  sessionsLoaded,
}: {
  entries: CourseEntry[];
  sessionsLoaded: boolean;
}) {
  const t = useT();
  const { parentRef, virtualizer, handleKeyDown } = useKeyboardList({
    count: entries.length,
    rowHeight,
    rowSelector: '.course-row',
    searchInputId: 'catalogue-search',
    overscan: 4,
  });

  return (
    <div
      ref={parentRef}
      className="course-list"
      aria-label={t('catalogue.listLabel')}
      role="region"
      tabIndex={-1}
    >
      <ul style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <CourseRow
            key={entries[item.index]!.course.id}
            entry={entries[item.index]!}
            index={item.index}
            total={entries.length}
            start={item.start}
            size={item.size}
            sessionsLoaded={sessionsLoaded}
            onKeyDown={handleKeyDown}
          />
        ))}
      </ul>
    </div>
  );
});

type CourseRowProps = {
  entry: CourseEntry;
  index: number;
  total: number;
  start: number;
  size: number;
  sessionsLoaded: boolean;
  onKeyDown: (e: KeyboardEvent<HTMLElement>, index: number) => void;
};

/** One course in the list: code, title, programme, level, languages and its next session. */
const CourseRow = memo(function CourseRow({
  entry,
  index,
  total,
  start,
  size,
  sessionsLoaded,
  onKeyDown,
}: CourseRowProps) {
  const t = useT();
  const navigate = useNavigate();
  const labels = useCatalogueLabels();
  const formatDay = useFormatDay();
  const { course, nextSession } = entry;
  return (
    <VirtualListItem index={index} total={total} start={start} size={size}>
      <a
        className={`course-row${course.archived ? ' archived' : ''}`}
        href={`#/courses/${course.id}`}
        onClick={(e) => {
          e.preventDefault();
          void navigate(`/courses/${course.id}`);
        }}
        onKeyDown={(e) => onKeyDown(e, index)}
      >
        <span className="course-code">{course.code}</span>
        <span className="course-title" dir="auto">
          {course.title}
        </span>
        <span className="course-meta">
          {entry.programme?.name} · {labels.level(course.level)} ·{' '}
          {labels.list(course.languages.map(labels.language))}
          {course.archived ? ` · ${t('common.archived')}` : ''}
        </span>
        <span className="course-next">
          {entry.openForEnrolment && (
            <span className="badge badge-open">{t('catalogue.openBadge')}</span>
          )}
          {!sessionsLoaded
            ? '…'
            : nextSession
              ? t('catalogue.nextSession', {
                  date: formatDay(nextSession.startDate),
                  place: nextSession.city || labels.mode(nextSession.mode),
                  country: labels.country(nextSession.country),
                })
              : t('catalogue.noUpcoming')}
        </span>
      </a>
    </VirtualListItem>
  );
});
