import { describe, expect, it } from 'vitest';
import { personSchema, type Person, type PersonInput } from '../../../shared/domain/people';
import { mappingKey, suggestMapping } from './csv/mapping';
import { prepareRows } from './csv/people';
import { exportHeaders, peopleCsv } from './exportPeople';
import {
  assignColumn,
  importCalls,
  importCounts,
  loadMapping,
  readPeopleFile,
  saveMapping,
} from './importPlan';

const bytes = (text: string) => new TextEncoder().encode(text);

function person(over: Partial<PersonInput> & { id: string }): Person {
  return personSchema.parse({
    nativeName: 'X',
    roles: ['trainee'],
    archived: false,
    createdAt: 't',
    updatedAt: 't',
    ...over,
  });
}

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe('readPeopleFile', () => {
  it('refuses a picture, an empty file, a file without header and a header without rows, each with its reason', () => {
    expect(readPeopleFile('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({
      ok: false,
      problem: 'not-csv',
    });
    expect(readPeopleFile('empty.csv', new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
    expect(readPeopleFile('numbers.csv', bytes('1,2,3\n4,5,6\n'))).toEqual({
      ok: false,
      problem: 'no-columns',
    });
    expect(readPeopleFile('header.csv', bytes('Name;E-mail\n'))).toEqual({
      ok: false,
      problem: 'no-rows',
    });
  });

  it('reads a UTF-8 file with BOM, semicolons and a quoted multi-line note', () => {
    const read = readPeopleFile(
      'people.csv',
      bytes('\uFEFFName;E-mail;Notes\n李娜;li@x.cn;"line one\nline two"\n'),
    );
    expect(read.ok && read.file).toEqual({
      name: 'people.csv',
      headers: ['Name', 'E-mail', 'Notes'],
      rows: [['李娜', 'li@x.cn', 'line one\nline two']],
      rowNumbers: [2],
    });
  });
});

describe('loadMapping', () => {
  const headers = ['Full name', 'Email', 'Country'];
  const key = mappingKey(headers);

  it('suggests a mapping from the headers when none was remembered', () => {
    expect(loadMapping(key, headers, memoryStorage())).toEqual(suggestMapping(headers));
  });

  it('gives back the mapping the user chose for files with the same headers', () => {
    const storage = memoryStorage();
    const chosen = assignColumn(suggestMapping(headers), 'latinName', 0);
    saveMapping(key, chosen, storage);
    expect(loadMapping(key, headers, storage)).toEqual(chosen);
    expect(chosen.nativeName).toBeNull();
  });

  it('ignores a remembered mapping that points past the last column', () => {
    const storage = memoryStorage();
    storage.setItem(key, JSON.stringify({ ...suggestMapping(headers), email: 7 }));
    expect(loadMapping(key, headers, storage)).toEqual(suggestMapping(headers));
  });
});

describe('importCalls', () => {
  it('creates every new person and updates only the existing people the user ticked', () => {
    const existing = [
      person({ id: 'p-a', email: 'a@x.org', nativeName: 'A' }),
      person({ id: 'p-b', email: 'b@x.org', nativeName: 'B' }),
    ];
    const read = readPeopleFile(
      'f.csv',
      bytes('Name,E-mail,Phone\nNew,new@x.org,\nA,a@x.org,111\nB,b@x.org,222\nBad,not-an-email,\n'),
    );
    if (!read.ok) throw new Error(read.problem);
    let n = 0;
    const prepared = prepareRows(read.file.rows, suggestMapping(read.file.headers), {
      headers: read.file.headers,
      rowNumbers: read.file.rowNumbers,
      existingByEmail: new Map(existing.map((p) => [p.email, p])),
      institutionsByName: new Map(),
      newId: () => `new-${++n}`,
    });
    expect(importCounts(prepared)).toEqual({ creates: 1, updates: 2, unchanged: 0, errorRows: 1 });
    const { calls, rows } = importCalls(prepared, new Set([4]));
    expect(calls.map((c) => [c.name, (c.args as { id: string }).id])).toEqual([
      ['person.create', 'new-1'],
      ['person.update', 'p-b'],
    ]);
    expect(rows).toEqual([2, 4]);
  });
});

describe('peopleCsv', () => {
  it('exports people so that importing the file gives the same people back', () => {
    const people = [
      person({
        id: 'p-1',
        nativeName: 'عائشہ صدیقی',
        latinName: 'Ayesha Siddiqui',
        email: 'ayesha@suparco.gov.pk',
        country: 'PK',
        institutionId: 'i-1',
        roles: ['trainee', 'instructor'],
        languages: ['ur', 'en'],
        notes: 'Line one\nline two, "quoted"',
        gender: 'female',
        dateOfBirth: '1990-03-09',
        phone: '+92 51 111',
      }),
      person({
        id: 'p-2',
        nativeName: '=HYPERLINK("http://x")',
        email: 'li@ustc.edu.cn',
        roles: ['coordinator'],
      }),
    ];
    const csv = peopleCsv(people, new Map([['i-1', 'SUPARCO']]));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`'=HYPERLINK`);
    const read = readPeopleFile('people.csv', bytes(csv));
    if (!read.ok) throw new Error(read.problem);
    expect(read.file.headers).toEqual([...exportHeaders]);
    const prepared = prepareRows(read.file.rows, suggestMapping(read.file.headers), {
      headers: read.file.headers,
      existingByEmail: new Map(),
      institutionsByName: new Map([['suparco', 'i-1']]),
      newId: () => 'new',
    });
    expect(prepared.errors).toEqual([]);
    const own = ({
      id: _i,
      archived: _a,
      createdAt: _c,
      updatedAt: _u,
      mergedInto: _m,
      ...input
    }: Person) => input;
    expect(prepared.creates.map((c) => ({ ...c.args, id: undefined }))).toEqual(
      people.map((p) => ({ ...own(p), id: undefined })),
    );
  });
});
