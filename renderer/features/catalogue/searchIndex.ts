import type { Course, CourseLevel, Programme, Session, SessionMode } from '../../../shared/domain/catalogue';
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

/** The courses matching a query and filters, in the chosen order. */
export function queryCourses(
  index: readonly CourseEntry[],
  query: string,
  filters: CatalogueFilters,
  sort: CatalogueSort,
): CourseEntry[] {
  const terms = searchTerms(query);
  const result = index.filter((e) => {
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
  switch (sort) {
    case 'title':
      return result.sort((a, b) => collator.compare(a.course.title, b.course.title));
    case 'code':
      return result.sort((a, b) => collator.compare(a.course.code, b.course.code));
    case 'next-session':
      return result.sort((a, b) =>
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
      return result.sort((a, b) => (a.course.updatedAt < b.course.updatedAt ? 1 : a.course.updatedAt > b.course.updatedAt ? -1 : 0));
  }
}
