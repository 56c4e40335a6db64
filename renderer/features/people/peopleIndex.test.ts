import { describe, expect, it } from 'vitest';
import { personSchema, type Person, type PersonInput } from '../../../shared/domain/people';
import { foldForSearch, matchesAll, searchTerms } from '../../../shared/text/normalize';
import {
  buildPeopleIndex,
  filterPeople,
  foldQuick,
  noPeopleFilters,
  personEntry,
  type PeopleFilters,
} from './peopleIndex';

let next = 0;
function person(
  over: Partial<PersonInput> & Partial<Pick<Person, 'id' | 'archived' | 'mergedInto'>> = {},
): Person {
  next++;
  return personSchema.parse({
    id: `p-${next}`,
    nativeName: `Person ${next}`,
    roles: ['trainee'],
    archived: false,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...over,
  });
}

const people = [
  person({
    id: 'ayesha',
    nativeName: 'عائشہ صدیقی',
    latinName: 'Ayesha Siddiqui',
    email: 'ayesha@suparco.gov.pk',
    country: 'PK',
    institutionId: 'suparco',
    roles: ['instructor', 'trainee'],
  }),
  person({
    id: 'li',
    nativeName: '李娜',
    latinName: 'Li Na',
    preferredName: 'Nana',
    email: 'li.na@ustc.edu.cn',
    country: 'CN',
  }),
  person({
    id: 'zeynep',
    nativeName: 'Zeynep Yılmaz',
    email: 'zeynep@metu.edu.tr',
    country: 'TR',
    institutionId: 'metu',
  }),
  person({
    id: 'ivan',
    nativeName: 'Иван Петров',
    latinName: 'Ivan Petrov',
    country: 'RU',
    archived: true,
  }),
  person({
    id: 'old',
    nativeName: 'Ayesha S. (duplicate)',
    latinName: 'Ayesha S.',
    mergedInto: 'ayesha',
  }),
  person({
    id: 'ahmed',
    nativeName: 'أحمد إبراهيم',
    latinName: '',
    email: 'ahmed@nrc.sci.eg',
    country: 'EG',
    roles: ['coordinator'],
  }),
];
const index = buildPeopleIndex(people);
const ids = (q: string, filters = noPeopleFilters) =>
  filterPeople(index, q, filters).map((e) => e.id);

describe('filterPeople', () => {
  it('finds people by Latin name, native name, preferred name and e-mail', () => {
    expect(ids('siddiqui')).toEqual(['ayesha']);
    expect(ids('李娜')).toEqual(['li']);
    expect(ids('nana')).toEqual(['li']);
    expect(ids('METU.EDU')).toEqual(['zeynep']);
    expect(ids('عائشہ')).toEqual(['ayesha']);
  });

  it('ignores case, accents, width and Arabic hamza when matching', () => {
    expect(ids('yilmaz')).toEqual(['zeynep']);
    expect(ids('ＬＩ ＮＡ')).toEqual(['li']);
    expect(ids('احمد ابراهيم')).toEqual(['ahmed']);
    expect(ids('ИВАН', { ...noPeopleFilters, showArchived: true })).toEqual(['ivan']);
  });

  it('needs every word of the query to match when several are typed', () => {
    expect(ids('ayesha suparco')).toEqual(['ayesha']);
    expect(ids('ayesha metu')).toEqual([]);
  });

  it('leaves out people merged into another record, even when their name matches', () => {
    expect(ids('duplicate')).toEqual([]);
    expect(index.map((e) => e.id)).not.toContain('old');
  });

  it('hides archived people unless asked to show them', () => {
    expect(ids('petrov')).toEqual([]);
    expect(ids('petrov', { ...noPeopleFilters, showArchived: true })).toEqual(['ivan']);
  });

  it('filters by role, country and institution', () => {
    expect(ids('', { ...noPeopleFilters, role: 'instructor' })).toEqual(['ayesha']);
    expect(ids('', { ...noPeopleFilters, role: 'coordinator' })).toEqual(['ahmed']);
    expect(ids('', { ...noPeopleFilters, country: 'CN' })).toEqual(['li']);
    expect(ids('', { ...noPeopleFilters, institutionId: 'metu' })).toEqual(['zeynep']);
  });

  it('lists people by name, Latin name first when there is one', () => {
    expect(ids('')).toEqual(['ayesha', 'li', 'zeynep', 'ahmed']);
  });
});

describe('filterPeople while typing', () => {
  const crowd = buildPeopleIndex(
    Array.from({ length: 400 }, (_, i) =>
      person({
        id: `c-${i}`,
        nativeName: ['王海涛', 'Ирина Соколова', 'María José Pérez', 'عائشہ صدیقی'][i % 4]!,
        latinName: ['Wang Haitao', 'Irina Sokolova', '', 'Ayesha Siddiqui'][i % 4]!,
        email: `person${i}@example.org`,
        archived: i % 7 === 0,
        roles: i % 5 === 0 ? ['instructor'] : ['trainee'],
      }),
    ),
  );
  // The plain definition: every entry, every term, every filter.
  const fullScan = (query: string, filters: PeopleFilters = noPeopleFilters) =>
    crowd
      .filter(
        (e) =>
          (filters.showArchived || !e.archived) &&
          (!filters.role || e.roles.includes(filters.role)) &&
          matchesAll(e.haystack, searchTerms(query)),
      )
      .map((e) => e.id);

  it('answers each keystroke as a full scan would, typing forward, deleting, and changing filters', () => {
    const typed = ['m', 'ma', 'mar', 'mari', 'maria', 'maria ', 'maria j', 'maria jo', 'maria j', 'maria', 'mar', 'ma', 'm', '', 'p', 'pe', 'perez', 'perez maria', 'sok', 'person1', 'person12', 'person1', 'y', '12@', 'haitao wang', 'wang haitao'];
    for (const query of typed) expect(filterPeople(crowd, query, noPeopleFilters).map((e) => e.id), query).toEqual(fullScan(query));
    const instructors = { ...noPeopleFilters, role: 'instructor' as const, showArchived: true };
    for (const query of ['', 'w', 'wang', 'w'])
      expect(filterPeople(crowd, query, instructors).map((e) => e.id), query).toEqual(fullScan(query, instructors));
  });

  it('gives back the earlier answer when a letter is deleted, and starts afresh for a new index', () => {
    const wang = filterPeople(crowd, 'wang', noPeopleFilters);
    filterPeople(crowd, 'wang h', noPeopleFilters);
    expect(filterPeople(crowd, 'wang', noPeopleFilters)).toBe(wang);
    const rebuilt = buildPeopleIndex([person({ id: 'new', nativeName: 'Wang Fang' })]);
    expect(filterPeople(rebuilt, 'wang', noPeopleFilters).map((e) => e.id)).toEqual(['new']);
  });
});

describe('foldQuick', () => {
  it('folds like foldForSearch for ASCII and non-ASCII text alike', () => {
    for (const text of [
      '  Ayesha   SIDDIQUI ',
      'li.na@USTC.edu.cn',
      'Zeynep Yılmaz',
      'ＬＩ',
      'أحمد',
    ]) {
      expect(foldQuick(text)).toBe(foldForSearch(text));
    }
  });
});

describe('buildPeopleIndex', () => {
  it('indexes 100,000 people and answers a keystroke quickly', () => {
    const many: Person[] = [];
    const base = person({ latinName: 'Base', email: 'base@example.org' });
    for (let i = 0; i < 100_000; i++) {
      many.push({
        ...base,
        id: `m-${i}`,
        nativeName: i % 3 ? `Trainee ${i}` : `学员 ${i}`,
        latinName: `Trainee Number ${i}`,
        email: `t${i}@example.org`,
      });
    }
    const started = performance.now();
    const big = buildPeopleIndex(many);
    const built = performance.now();
    const found = filterPeople(big, 't99999@', noPeopleFilters);
    const searched = performance.now();
    expect(found.map((e) => e.id)).toEqual(['m-99999']);
    expect(built - started).toBeLessThan(3_000);
    expect(searched - built).toBeLessThan(200);
    // Slim entries: nothing of the record beyond what the list needs.
    expect(Object.keys(personEntry(many[0]!)).sort()).toEqual([
      'archived',
      'country',
      'email',
      'haystack',
      'id',
      'institutionId',
      'latinName',
      'nativeName',
      'roles',
    ]);
  });
});
