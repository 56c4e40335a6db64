import type { Person, PersonRole } from '../../../shared/domain/people';
import { foldForSearch, matchesAll, searchTerms } from '../../../shared/text/normalize';

/**
 * One person in the search index: only what the list shows and filters on, plus the folded
 * haystack. At 100,000 people the index is what stays in memory, so phone, notes, languages and
 * the rest of the record are left to the person page (the strings kept here are shared with the
 * record that was read, not copied).
 */
export type PersonEntry = {
  id: string;
  nativeName: string;
  latinName: string;
  email: string;
  institutionId: string;
  country: string;
  roles: readonly PersonRole[];
  archived: boolean;
  /**
   * Folded name (Latin, else native) first, then native, preferred name and e-mail, so the
   * haystack also serves as the sort key.
   */
  haystack: string;
};

/** Filters of the people list. An empty string means "any". */
export type PeopleFilters = {
  role: PersonRole | '';
  country: string;
  institutionId: string;
  showArchived: boolean;
};

/** No filter set. */
export const noPeopleFilters: PeopleFilters = {
  role: '',
  country: '',
  institutionId: '',
  showArchived: false,
};

// Most names and every e-mail address are plain ASCII: lower-casing them gives the same key as
// the full fold at a fraction of the cost, which matters when 100,000 people are indexed.
// eslint-disable-next-line no-control-regex
const ascii = /^[\x00-\x7f]*$/;
/** `foldForSearch` with a fast path for ASCII text (same result). */
export function foldQuick(text: string): string {
  return ascii.test(text) ? text.toLowerCase().replace(/\s+/g, ' ').trim() : foldForSearch(text);
}

const separator = '\u0001';

/** The search entry of one person. */
export function personEntry(person: Person): PersonEntry {
  const first = person.latinName || person.nativeName;
  const haystack = [
    first,
    person.latinName ? person.nativeName : '',
    person.preferredName,
    person.email,
  ]
    .map(foldQuick)
    .join(separator);
  return {
    id: person.id,
    nativeName: person.nativeName,
    latinName: person.latinName,
    email: person.email,
    institutionId: person.institutionId,
    country: person.country,
    roles: person.roles,
    archived: person.archived,
    haystack,
  };
}

/**
 * Builds the index once per change of the stored people; each keystroke then only scans
 * pre-folded strings. People merged into another record are left out (their record lives on
 * only as a pointer). Sorted by folded name, by code point: a locale collator over 100,000
 * names costs a noticeable pause on every change.
 */
export function buildPeopleIndex(people: readonly Person[]): PersonEntry[] {
  const entries: PersonEntry[] = [];
  for (const person of people) if (!person.mergedInto) entries.push(personEntry(person));
  entries.sort((a, b) => (a.haystack < b.haystack ? -1 : a.haystack > b.haystack ? 1 : 0));
  textOf(entries);
  return entries;
}

/** Every haystack of an index in one string, and where each starts: one `indexOf` finds the next match. */
type IndexText = { text: string; starts: Int32Array };
const indexTexts = new WeakMap<readonly PersonEntry[], IndexText>();
// Never in a folded haystack or query term, so no match spans two people.
const between = '\u0002';

function textOf(entries: readonly PersonEntry[]): IndexText {
  let found = indexTexts.get(entries);
  if (!found) {
    const starts = new Int32Array(entries.length + 1);
    let at = 0;
    entries.forEach((e, i) => {
      starts[i] = at;
      at += e.haystack.length + 1;
    });
    starts[entries.length] = at;
    found = { text: entries.map((e) => e.haystack).join(between), starts };
    indexTexts.set(entries, found);
  }
  return found;
}

/** The entry whose haystack holds position `at` of the index text. */
function entryAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Recent answers per index, most recent last: a keystroke narrows one of them instead of scanning everyone. */
type Answer = { terms: readonly string[]; filtersKey: string; results: PersonEntry[] };
const recentAnswers = new WeakMap<readonly PersonEntry[], Answer[]>();
const keptAnswers = 24;

function filtersKeyOf(filters: PeopleFilters): string {
  return `${filters.role}\u0001${filters.country}\u0001${filters.institutionId}\u0001${String(filters.showArchived)}`;
}

/** True when every entry matching `terms` also matches the `earlier` terms. */
function narrows(terms: readonly string[], earlier: readonly string[]): boolean {
  // A haystack containing every new term contains every earlier term that is part of a new one.
  return earlier.every((old) => terms.some((term) => term.includes(old)));
}

/**
 * The entries matching a query and filters, keeping the order. Answers are remembered per index
 * (a new index, made when the people change, starts afresh): typing one more letter scans only
 * the people the previous query matched, and deleting it again finds the earlier answer. The
 * returned array is shared: do not change it.
 */
export function filterPeople(
  entries: readonly PersonEntry[],
  query: string,
  filters: PeopleFilters,
): PersonEntry[] {
  const terms = searchTerms(query);
  const filtersKey = filtersKeyOf(filters);
  let answers = recentAnswers.get(entries);
  if (!answers) recentAnswers.set(entries, (answers = []));
  const same = answers.findIndex(
    (a) => a.filtersKey === filtersKey && a.terms.length === terms.length && a.terms.every((t, i) => t === terms[i]),
  );
  if (same >= 0) {
    const [answer] = answers.splice(same, 1);
    answers.push(answer!);
    return answer!.results;
  }
  // The smallest earlier answer that holds every match of this query.
  let pool: readonly PersonEntry[] = entries;
  let scoped = false;
  for (const a of answers)
    if (a.filtersKey === filtersKey && a.results.length < pool.length && narrows(terms, a.terms)) {
      pool = a.results;
      scoped = true;
    }
  const results = scoped ? pool.filter((e) => terms.length === 0 || matchesAll(e.haystack, terms)) : scan(entries, terms, filters);
  answers.push({ terms, filtersKey, results });
  if (answers.length > keptAnswers) answers.shift();
  return results;
}

/**
 * Everyone matching, in index order. With a query, the longest term is looked for with
 * `indexOf` over all haystacks at once (native string search, jumping from match to match), and
 * only the people it finds are checked further: a rare term touches a few hundred entries, not
 * 100,000.
 */
function scan(entries: readonly PersonEntry[], terms: readonly string[], filters: PeopleFilters): PersonEntry[] {
  const { role, country, institutionId, showArchived } = filters;
  const passes = (e: PersonEntry) =>
    (showArchived || !e.archived) &&
    (!role || e.roles.includes(role)) &&
    (!country || e.country === country) &&
    (!institutionId || e.institutionId === institutionId);
  if (terms.length === 0) return entries.filter(passes);
  const longest = terms.reduce((a, b) => (b.length > a.length ? b : a));
  const rest = terms.filter((t) => t !== longest);
  const { text, starts } = textOf(entries);
  const results: PersonEntry[] = [];
  for (let at = text.indexOf(longest); at >= 0; ) {
    const i = entryAt(starts, at);
    const entry = entries[i]!;
    if (passes(entry) && (rest.length === 0 || matchesAll(entry.haystack, rest))) results.push(entry);
    at = text.indexOf(longest, starts[i + 1]);
  }
  return results;
}
