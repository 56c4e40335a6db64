import type { Course, Programme, Session } from '../../../shared/domain/catalogue';
import type { CourseLevel, SessionMode } from '../../../shared/domain/vocabulary';
import { foldForSearch, matchesAll, searchTerms } from '../../../shared/text/normalize';

/** One course in the search index, with what its sessions add to filtering and sorting. */
export type CourseEntry = {
  course: Course;
  programme: Programme | undefined;
  haystack: string;
  countries: Set<string>;
  modes: Set<SessionMode>;
  /** First start date of a session that has not started yet, or undefined. */
  nextStart: string | undefined;
  nextSession: Session | undefined;
  openForEnrolment: boolean;
  sessionCount: number;
};

/** Filters of the catalogue screen. An empty string means "any". */
export type CatalogueFilters = {
  programmeId: string;
  level: CourseLevel | '';
  language: string;
  country: string;
  mode: SessionMode | '';
  openOnly: boolean;
  upcomingOnly: boolean;
  showArchived: boolean;
};

/** Sort orders of the catalogue screen. */
export const catalogueSorts = ['title', 'code', 'next-session', 'recent'] as const;
/** A sort order. */
export type CatalogueSort = (typeof catalogueSorts)[number];

/** No filter set. */
export const noFilters: CatalogueFilters = {
  programmeId: '',
  level: '',
  language: '',
  country: '',
  mode: '',
  openOnly: false,
  upcomingOnly: false,
  showArchived: false,
};

/** True when a session takes enrolments on `today`. */
export function isOpenForEnrolment(session: Session, today: string): boolean {
  return (
    !session.archived &&
    session.status === 'open' &&
    session.enrolmentOpens <= today &&
    today <= session.enrolmentCloses
  );
}

/**
 * Builds the in-memory index once per change of the stored catalogue; each keystroke then only
 * scans pre-folded strings (2,000 courses in well under a millisecond).
 */
export function buildCourseIndex(
  programmes: readonly Programme[],
  courses: readonly Course[],
  sessions: readonly Session[],
  today: string,
): CourseEntry[] {
  const programmeById = new Map(programmes.map((p) => [p.id, p]));
  const entries = new Map<string, CourseEntry>();
  for (const course of courses) {
    const programme = programmeById.get(course.programmeId);
    entries.set(course.id, {
      course,
      programme,
      haystack: foldForSearch([course.code, course.title, course.summary, course.tags.join(' ')].join(' \u0001 ')),
      countries: new Set(),
      modes: new Set(),
      nextStart: undefined,
      nextSession: undefined,
      openForEnrolment: false,
      sessionCount: 0,
    });
  }
  for (const session of sessions) {
    const entry = entries.get(session.courseId);
    if (!entry || session.archived) continue;
    entry.sessionCount++;
    entry.countries.add(session.country);
    entry.modes.add(session.mode);
    if (isOpenForEnrolment(session, today)) entry.openForEnrolment = true;
    if (session.status !== 'cancelled' && session.startDate >= today && (!entry.nextStart || session.startDate < entry.nextStart)) {
      entry.nextStart = session.startDate;
      entry.nextSession = session;
    }
  }
  return [...entries.values()];
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The index in one sort order; computed once per order, not per keystroke. */
export function sortCourses(index: readonly CourseEntry[], sort: CatalogueSort): CourseEntry[] {
  const sorted = [...index];
  switch (sort) {
    case 'title':
      return sorted.sort((a, b) => collator.compare(a.course.title, b.course.title));
    case 'code':
      return sorted.sort((a, b) => collator.compare(a.course.code, b.course.code));
    case 'next-session':
      return sorted.sort((a, b) =>
        a.nextStart === b.nextStart
          ? collator.compare(a.course.title, b.course.title)
          : a.nextStart === undefined
            ? 1
            : b.nextStart === undefined
              ? -1
              : a.nextStart < b.nextStart
                ? -1
                : 1,
      );
    case 'recent':
      return sorted.sort((a, b) => (a.course.updatedAt < b.course.updatedAt ? 1 : a.course.updatedAt > b.course.updatedAt ? -1 : 0));
  }
}

/** The entries of a (sorted) index matching a query and filters, keeping the order. */
export function filterCourses(sorted: readonly CourseEntry[], query: string, filters: CatalogueFilters): CourseEntry[] {
  const terms = searchTerms(query);
  return sorted.filter((e) => {
    const c = e.course;
    if (!filters.showArchived && (c.archived || e.programme?.archived)) return false;
    if (filters.programmeId && c.programmeId !== filters.programmeId) return false;
    if (filters.level && c.level !== filters.level) return false;
    if (filters.language && !c.languages.includes(filters.language as never)) return false;
    if (filters.country && !e.countries.has(filters.country)) return false;
    if (filters.mode && !e.modes.has(filters.mode)) return false;
    if (filters.openOnly && !e.openForEnrolment) return false;
    if (filters.upcomingOnly && !e.nextStart) return false;
    return terms.length === 0 || matchesAll(e.haystack, terms);
  });
}

/** The courses matching a query and filters, in the chosen order. */
export function queryCourses(
  index: readonly CourseEntry[],
  query: string,
  filters: CatalogueFilters,
  sort: CatalogueSort,
): CourseEntry[] {
  return filterCourses(sortCourses(index, sort), query, filters);
}
