import { describe, expect, it } from 'vitest';
import { personSchema, type Person } from '../../../../shared/domain/people';
import { foldForSearch } from '../../../../shared/text/normalize';
import { suggestMapping } from './mapping';
import { parseCsv, type ParsedCsv } from './parse';
import { personIdsInRowOrder, prepareRows, type PrepareOptions } from './people';

function table(text: string): ParsedCsv {
  const result = parseCsv(text);
  if (!result.ok) throw new Error(result.problem);
  return result;
}

const institutions = new Map([
  [foldForSearch('SUPARCO'), 'inst-suparco'],
  [foldForSearch('Middle East Technical University'), 'inst-metu'],
  [foldForSearch('Université de Cologne'), 'inst-cologne'],
]);

const existing: Person = personSchema.parse({
  id: 'p-ayse',
  nativeName: 'Ayşe Yılmaz',
  latinName: 'Ayse Yilmaz',
  email: 'ayse@metu.edu.tr',
  phone: '+90 312 000 0000',
  country: 'TR',
  institutionId: 'inst-metu',
  roles: ['trainee'],
  languages: ['tr'],
  archived: false,
  createdAt: '2025-07-07T00:00:00.000Z',
  updatedAt: '2025-07-07T00:00:00.000Z',
});

function options(parsed: ParsedCsv, extra: Partial<PrepareOptions> = {}): PrepareOptions {
  let next = 0;
  return {
    headers: parsed.headers,
    existingByEmail: new Map([[existing.email, existing]]),
    institutionsByName: institutions,
    newId: () => `new-${++next}`,
    rowNumbers: parsed.rowNumbers,
    ...extra,
  };
}

function prepare(text: string, extra: Partial<PrepareOptions> = {}) {
  const parsed = table(text);
  return prepareRows(parsed.rows, suggestMapping(parsed.headers), options(parsed, extra));
}

describe('prepareRows', () => {
  it('makes person.create arguments, with defaults and converted values', () => {
    const result = prepare(
      [
        'Name,Latin name,E-mail,Country,Institution,Gender,Date of birth,Languages,Phone',
        'محمد علي,Muhammad Ali,M.Ali@SUPARCO.gov.pk,Pakistan,suparco,M,05.03.1990,"Urdu, English",+92 51 000',
      ].join('\n'),
    );
    expect(result.errors).toEqual([]);
    expect(result.creates).toEqual([
      {
        row: 2,
        args: {
          id: 'new-1',
          nativeName: 'محمد علي',
          latinName: 'Muhammad Ali',
          preferredName: '',
          email: 'm.ali@suparco.gov.pk',
          phone: '+92 51 000',
          country: 'PK',
          institutionId: 'inst-suparco',
          gender: 'male',
          dateOfBirth: '1990-03-05',
          roles: ['trainee'],
          languages: ['ur', 'en'],
          notes: '',
        },
      },
    ]);
  });

  it('reads countries by name in several scripts', () => {
    const result = prepare('Name,Country\nA,Pakistan\nB,Türkiye\nC,中国\nD,Turquie\nE,tr\n');
    expect(result.errors).toEqual([]);
    expect(result.creates.map((c) => c.args.country)).toEqual(['PK', 'TR', 'CN', 'TR', 'TR']);
  });

  it('reads roles and languages from words, and reports unknown ones on their column', () => {
    const result = prepare(
      [
        'Name;Role;Languages',
        'A;trainee; instructor;English, 中文',
        'B;"étudiant, formateur";fr',
        'C;学员;Klingon',
        'D;astronaut;en',
        'E;;',
      ].join('\n'),
    );
    // Row 2 has an unquoted `;` inside the roles: "instructor" lands in Languages.
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'Languages',
        field: 'languages',
        code: 'unknown-language',
        params: { value: 'instructor' },
      },
      {
        row: 4,
        column: 'Languages',
        field: 'languages',
        code: 'unknown-language',
        params: { value: 'Klingon' },
      },
      {
        row: 5,
        column: 'Role',
        field: 'roles',
        code: 'invalid-choice',
        params: { value: 'astronaut' },
      },
    ]);
    expect(result.creates.map((c) => [c.row, c.args.roles, c.args.languages])).toEqual([
      [3, ['trainee', 'instructor'], ['fr']],
      [6, ['trainee'], []],
    ]);
    const quoted = prepare('Name,Role,Languages\nA,"trainee; instructor","English, 中文"\n');
    expect(quoted.creates[0]!.args).toMatchObject({
      roles: ['trainee', 'instructor'],
      languages: ['en', 'zh'],
    });
  });

  it('reports each bad cell with its spreadsheet row and header', () => {
    const result = prepare(
      [
        'Name,E-mail,Country,Date of birth,Institution,Gender',
        'A,a@x.org,PK,1990-01-01,SUPARCO,F',
        'B,b@x.org,PK,,,',
        '',
        'C,not-an-email,PK,,,',
        ',d@x.org,PK,,,',
        'E,e@x.org,Atlantis,1990-02-30,Unknown Institute,maybe',
      ].join('\r\n'),
    );
    expect(result.creates.map((c) => c.row)).toEqual([2, 3]);
    expect(result.errors).toHaveLength(6);
    const [email, name, country, date, institution, gender] = result.errors;
    expect(email).toMatchObject({
      row: 5,
      column: 'E-mail',
      field: 'email',
      params: { value: 'not-an-email' },
    });
    // 'invalid' until shared/errors.ts knows the schema's own 'invalid-email' code.
    expect(['invalid', 'invalid-email']).toContain(email!.code);
    expect(name).toEqual({
      row: 6,
      column: 'Name',
      field: 'nativeName',
      code: 'required',
      params: {},
    });
    expect(country).toEqual({
      row: 7,
      column: 'Country',
      field: 'country',
      code: 'unknown-country',
      params: { value: 'Atlantis' },
    });
    expect(date).toEqual({
      row: 7,
      column: 'Date of birth',
      field: 'dateOfBirth',
      code: 'invalid-date',
      params: { value: '1990-02-30' },
    });
    expect(institution).toEqual({
      row: 7,
      column: 'Institution',
      field: 'institution',
      code: 'not-found',
      params: { value: 'Unknown Institute' },
    });
    expect(gender).toEqual({
      row: 7,
      column: 'Gender',
      field: 'gender',
      code: 'invalid-choice',
      params: { value: 'maybe' },
    });
  });

  it('reports too-long values with their limit', () => {
    const result = prepare(`Name,Phone\nA,${'1'.repeat(41)}\n`);
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'Phone',
        field: 'phone',
        code: 'too-long',
        params: { max: 40, value: '1'.repeat(41) },
      },
    ]);
  });

  it('numbers rows after a quoted multi-line cell as a spreadsheet does', () => {
    const result = prepare('Name,Notes,Email\n"A","two\nlines",a@x.org\nB,,bad@\n');
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([[3, 'Email']]);
  });

  it('uses startRow when no row numbers are given', () => {
    const parsed = table('Name,Email\nA,a@x.org\nB,bad\n');
    const result = prepareRows(parsed.rows, suggestMapping(parsed.headers), {
      ...options(parsed),
      rowNumbers: undefined,
      startRow: 10,
    });
    expect(result.errors.map((e) => e.row)).toEqual([11]);
  });

  it('reports the same e-mail twice in the file on the later row', () => {
    const result = prepare('Name,Email\nA,dup@x.org\nB,other@x.org\nC,DUP@x.org \n');
    expect(result.creates.map((c) => c.row)).toEqual([2, 3]);
    expect(result.errors).toEqual([
      {
        row: 4,
        column: 'Email',
        field: 'email',
        code: 'duplicate-value',
        params: { value: 'dup@x.org', row: 2 },
      },
    ]);
  });

  it('turns a row with the e-mail of an existing person into an update listing the changed fields', () => {
    const result = prepare(
      [
        'Name,Latin name,Email,Phone,Country,Institution,Roles,Languages,Notes',
        'Ayşe Yılmaz,Ayse Yilmaz,AYSE@metu.edu.tr,,Turkey,Middle East Technical University,instructor,"Turkish, English",CubeSat team lead',
      ].join('\n'),
    );
    expect(result.errors).toEqual([]);
    expect(result.creates).toEqual([]);
    expect(result.updates).toHaveLength(1);
    const update = result.updates[0]!;
    expect(update.row).toBe(2);
    expect(update.personId).toBe('p-ayse');
    // Same values (name, country, institution) and empty cells (phone) are not changes;
    // roles and languages are added to the person's own.
    expect(update.changes).toEqual([
      { field: 'roles', from: ['trainee'], to: ['trainee', 'instructor'] },
      { field: 'languages', from: ['tr'], to: ['tr', 'en'] },
      { field: 'notes', from: '', to: 'CubeSat team lead' },
    ]);
    expect(update.args).toEqual({
      id: 'p-ayse',
      nativeName: 'Ayşe Yılmaz',
      latinName: 'Ayse Yilmaz',
      preferredName: '',
      email: 'ayse@metu.edu.tr',
      phone: '+90 312 000 0000',
      country: 'TR',
      institutionId: 'inst-metu',
      gender: '',
      dateOfBirth: '',
      roles: ['trainee', 'instructor'],
      languages: ['tr', 'en'],
      notes: 'CubeSat team lead',
    });
  });

  it('lists an existing person with nothing new as unchanged', () => {
    const result = prepare('Name,Email,Country\nAyşe Yılmaz,ayse@metu.edu.tr,TR\n');
    expect(result).toEqual({
      creates: [],
      updates: [],
      unchanged: [{ row: 2, personId: 'p-ayse' }],
      errors: [],
    });
  });

  it('lists the people of a file in row order, for enrolling them in a session', () => {
    const result = prepare(
      'Name,Email,Notes\nA,a@x.org,\nAyşe Yılmaz,ayse@metu.edu.tr,new note\nB,bad,\nAyşe Yılmaz,ayse@metu.edu.tr,\nC,c@x.org,\n',
    );
    // Row 5 repeats row 3's e-mail: an error, so only rows 2, 3 and 6.
    expect(personIdsInRowOrder(result)).toEqual(['new-1', 'p-ayse', 'new-2']);
  });

  it('joins split name columns, family name first without a space for Chinese names', () => {
    const result = prepare(
      'Nom,Prénom,Courriel\nLefèvre,René,rene@ipgp.fr\n王,伟,wang@ustc.edu.cn\n',
    );
    expect(result.creates.map((c) => c.args.nativeName)).toEqual(['René Lefèvre', '王伟']);
  });

  it('uses the Latin name as the native name when there is no other name column', () => {
    const result = prepare('Latin name,Email\nAli Khan,ali@x.pk\n');
    expect(result.creates[0]!.args).toMatchObject({
      nativeName: 'Ali Khan',
      latinName: 'Ali Khan',
    });
  });

  it('skips rows whose mapped cells are all empty', () => {
    const result = prepare('Name,Email,Ignored\nA,a@x.org,\n,,something\n');
    expect(result.creates).toHaveLength(1);
    expect(result.errors).toEqual([]);
  });

  it('reads a day-first or month-first slash date column as a whole', () => {
    const dayFirst = prepare('Name,Date of birth\nA,31/01/1990\nB,03/04/1991\n');
    expect(dayFirst.creates.map((c) => c.args.dateOfBirth)).toEqual(['1990-01-31', '1991-04-03']);
    const monthFirst = prepare('Name,Date of birth\nA,01/31/1990\nB,03/04/1991\n');
    expect(monthFirst.creates.map((c) => c.args.dateOfBirth)).toEqual(['1990-01-31', '1991-03-04']);
    const mixed = prepare('Name,Date of birth\nA,31/01/1990\nB,01/31/1990\nC,03/04/1991\n');
    expect(mixed.errors).toEqual([
      {
        row: 4,
        column: 'Date of birth',
        field: 'dateOfBirth',
        code: 'invalid-date',
        params: { value: '03/04/1991' },
      },
    ]);
  });

  it('prepares 10,000 rows quickly', () => {
    const countries = [
      'Pakistan',
      'Türkiye',
      '中国',
      'EG',
      'Brazil',
      'Nigeria',
      'Россия',
      'France',
    ];
    const lines = [
      'Name,Latin name,Email,Country,Institution,Gender,Date of birth,Roles,Languages,Phone',
    ];
    for (let i = 0; i < 10_000; i++) {
      lines.push(
        [
          `学员${i}`,
          `Trainee ${i}`,
          `trainee${i}@example.org`,
          countries[i % countries.length],
          i % 2 ? 'SUPARCO' : 'Middle East Technical University',
          i % 2 ? 'F' : 'M',
          `${String((i % 28) + 1).padStart(2, '0')}.0${(i % 9) + 1}.19${70 + (i % 30)}`,
          i % 10 ? 'trainee' : '"trainee; instructor"',
          '"English, 中文"',
          `+92 300 ${String(i).padStart(7, '0')}`,
        ].join(','),
      );
    }
    const text = lines.join('\r\n');
    const started = performance.now();
    const parsed = table(text);
    const result = prepareRows(parsed.rows, suggestMapping(parsed.headers), options(parsed));
    const elapsed = performance.now() - started;
    console.log(`parse + prepare 10,000 rows: ${elapsed.toFixed(0)} ms`);
    expect(result.errors).toEqual([]);
    expect(result.creates).toHaveLength(10_000);
    expect(result.creates[9_999]!.row).toBe(10_001);
    expect(elapsed).toBeLessThan(5_000);
  });
});
