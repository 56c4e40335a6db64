import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesAll, searchTerms } from './normalize';

const finds = (haystack: string, query: string) =>
  matchesAll(foldForSearch(haystack), searchTerms(query));

describe('foldForSearch', () => {
  it('ignores case and accents when a coordinator types plain Latin', () => {
    expect(finds('Orbital Mechanics for Türkiye Cohort', 'turkiye')).toBe(true);
    expect(finds('Géologie planétaire', 'GEOLOGIE PLANETAIRE')).toBe(true);
    expect(finds('Straße', 'strasse')).toBe(true);
  });

  it('treats full-width letters and digits like ordinary ones', () => {
    expect(finds('ＣＵＢＥＳＡＴ　１０１', 'cubesat 101')).toBe(true);
  });

  it('finds Chinese titles by any run of characters', () => {
    expect(finds('立方星设计入门', '设计')).toBe(true);
    expect(finds('立方星设计入门', '月球')).toBe(false);
  });

  it('finds Arabic titles typed without hamza or diacritics', () => {
    expect(finds('أساسيات تصميم الأقمار الصناعية المكعبة', 'اساسيات')).toBe(true);
    expect(finds('مُقَدِّمَة', 'مقدمه')).toBe(true);
  });

  it('finds Cyrillic titles regardless of case', () => {
    expect(finds('Лунная геология', 'ЛУННАЯ')).toBe(true);
    expect(finds('Ёлка', 'елка')).toBe(true);
  });

  it('requires every term of the query to match', () => {
    expect(finds('CubeSat design review', 'review cubesat')).toBe(true);
    expect(finds('CubeSat design review', 'review lunar')).toBe(false);
  });

  it('matches everything when the query is blank', () => {
    expect(searchTerms('   ')).toEqual([]);
    expect(finds('anything', '  ')).toBe(true);
  });
});
