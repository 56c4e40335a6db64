import { describe, expect, it } from 'vitest';
import {
  allCountryCodes,
  readCountry,
  readDate,
  readGender,
  readLanguage,
  readRole,
  slashOrderOf,
  splitList,
} from './values';

describe('readCountry', () => {
  it('reads ISO codes in any case, and alpha-3 codes of partner countries', () => {
    expect(readCountry('PK')).toBe('PK');
    expect(readCountry(' tr ')).toBe('TR');
    expect(readCountry('PAK')).toBe('PK');
    expect(readCountry('zaf')).toBe('ZA');
  });

  it('reads names in English, native and other catalogue languages', () => {
    expect(readCountry('Pakistan')).toBe('PK');
    expect(readCountry('Türkiye')).toBe('TR');
    expect(readCountry('turkiye')).toBe('TR');
    expect(readCountry('Turkey')).toBe('TR');
    expect(readCountry('中国')).toBe('CN');
    expect(readCountry('China')).toBe('CN');
    expect(readCountry('Hong Kong')).toBe('HK');
    expect(readCountry('مصر')).toBe('EG');
    expect(readCountry('Россия')).toBe('RU');
    expect(readCountry('Allemagne')).toBe('DE');
    expect(readCountry('Perú')).toBe('PE');
    expect(readCountry('United Kingdom')).toBe('GB');
    expect(readCountry('UK')).toBe('GB');
    expect(readCountry('USA')).toBe('US');
    expect(readCountry('Iran')).toBe('IR');
    expect(readCountry('Côte d’Ivoire')).toBe('CI');
    expect(readCountry('ایران')).toBe('IR');
  });

  it('answers null for unknown countries and for region codes that are not countries', () => {
    expect(readCountry('Atlantis')).toBeNull();
    expect(readCountry('EU')).toBeNull();
    expect(readCountry('ZZ')).toBeNull();
    expect(readCountry('')).toBeNull();
  });

  it('enumerates the ISO codes Intl knows, partner countries included', () => {
    const codes = allCountryCodes();
    expect(codes.length).toBeGreaterThan(240);
    expect(codes).toEqual(expect.arrayContaining(['PK', 'TR', 'CN', 'HK', 'SN', 'CI', 'FJ']));
    expect(codes).not.toContain('ZZ');
    expect(codes).not.toContain('UK');
    expect(readCountry('SU')).toBe('RU');
  });
});

describe('readLanguage and splitList', () => {
  it('splits lists on the separators people use', () => {
    expect(splitList('English, 中文')).toEqual(['English', '中文']);
    expect(splitList('en; fr / es | ru')).toEqual(['en', 'fr', 'es', 'ru']);
    expect(splitList('英语、中文，法语')).toEqual(['英语', '中文', '法语']);
    expect(splitList('العربية، الإنجليزية')).toEqual(['العربية', 'الإنجليزية']);
    expect(splitList(' ; , ')).toEqual([]);
  });

  it('reads codes, tags and names in several languages', () => {
    const read = (cell: string) => splitList(cell).map(readLanguage);
    expect(read('English, 中文')).toEqual(['en', 'zh']);
    expect(read('EN; zh-CN; pt_BR; fr-FR')).toEqual(['en', 'zh', 'pt', 'fr']);
    expect(read('Français, Español, Русский, العربية')).toEqual(['fr', 'es', 'ru', 'ar']);
    expect(
      read(
        'Urdu, اردو, Farsi, Persian, Thai, ไทย, Türkçe, 日本語, Deutsch, Bahasa Indonesia, Mandarin',
      ),
    ).toEqual(['ur', 'ur', 'fa', 'fa', 'th', 'th', 'tr', 'ja', 'de', 'id', 'zh']);
    expect(read('anglais, chinois, inglés, английский, الإنجليزية, 英语')).toEqual([
      'en',
      'zh',
      'en',
      'en',
      'en',
      'en',
    ]);
  });

  it('answers null for languages the catalogue does not offer', () => {
    expect(readLanguage('Klingon')).toBeNull();
    expect(readLanguage('ko')).toBeNull();
    expect(readLanguage('Korean')).toBeNull();
  });
});

describe('readRole', () => {
  it('reads role words in six languages', () => {
    const read = (cell: string) => splitList(cell).map(readRole);
    expect(read('trainee; instructor')).toEqual(['trainee', 'instructor']);
    expect(read('Student, Coordinator')).toEqual(['trainee', 'coordinator']);
    expect(read('étudiant, formatrice, coordinateur')).toEqual([
      'trainee',
      'instructor',
      'coordinator',
    ]);
    expect(read('estudiante, profesor, coordinadora')).toEqual([
      'trainee',
      'instructor',
      'coordinator',
    ]);
    expect(read('слушатель, преподаватель, координатор')).toEqual([
      'trainee',
      'instructor',
      'coordinator',
    ]);
    expect(read('学员、讲师、协调员')).toEqual(['trainee', 'instructor', 'coordinator']);
    expect(read('متدرب، مدرب، منسق')).toEqual(['trainee', 'instructor', 'coordinator']);
    expect(readRole('astronaut')).toBeNull();
  });
});

describe('readGender', () => {
  it('reads letters and words in six languages', () => {
    expect(['F', 'female', 'Femme', 'mujer', 'Ж', '女', 'أنثى'].map(readGender)).toEqual(
      Array(7).fill('female'),
    );
    expect(['M', 'Male', 'homme', 'hombre', 'м', '男', 'ذكر'].map(readGender)).toEqual(
      Array(7).fill('male'),
    );
    expect(readGender('other')).toBe('other');
    expect(readGender('unknown')).toBeNull();
  });
});

describe('readDate', () => {
  it('reads ISO dates, with a midnight time dropped', () => {
    expect(readDate('1990-01-31')).toBe('1990-01-31');
    expect(readDate('1990/1/5')).toBe('1990-01-05');
    expect(readDate('1990-01-31 00:00:00')).toBe('1990-01-31');
    expect(readDate('1990-01-31T00:00:00.000Z')).toBe('1990-01-31');
  });

  it('reads DD.MM.YYYY and DD/MM/YYYY day first', () => {
    expect(readDate('31.01.1990')).toBe('1990-01-31');
    expect(readDate('5.3.1990')).toBe('1990-03-05');
    expect(readDate('31/01/1990')).toBe('1990-01-31');
    expect(readDate('03/04/1990')).toBe('1990-04-03');
  });

  it('reads a month-first column when a cell proves it, and refuses swappable dates in a mixed column', () => {
    expect(slashOrderOf(['01/31/1990', '03/04/1990'])).toBe('month-first');
    expect(readDate('03/04/1990', 'month-first')).toBe('1990-03-04');
    expect(slashOrderOf(['31/01/1990', '03/04/1990'])).toBe('day-first');
    expect(slashOrderOf(['03/04/1990', '04/05/1991'])).toBe('day-first');
    expect(slashOrderOf(['31/01/1990', '01/31/1990'])).toBe('mixed');
    expect(readDate('03/04/1990', 'mixed')).toBeNull();
    expect(readDate('31/01/1990', 'mixed')).toBe('1990-01-31');
    expect(readDate('05/05/1990', 'mixed')).toBe('1990-05-05');
  });

  it('refuses ambiguous and impossible dates', () => {
    for (const cell of [
      '03/04/90',
      '1.2.90',
      '90-01-02',
      '32/01/1990',
      '29.02.1991',
      '1990-13-01',
      'March 3, 1990',
      '32874',
      '1990',
      'yesterday',
    ])
      expect(readDate(cell)).toBeNull();
    expect(readDate('29.02.1992')).toBe('1992-02-29');
  });
});
