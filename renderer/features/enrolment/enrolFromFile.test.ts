import { describe, expect, it } from 'vitest';
import type { Enrolment } from '../../../shared/domain/enrolment';
import { personSchema, type Person, type PersonInput } from '../../../shared/domain/people';
import { readPeopleFile, type ReadFile } from '../people';
import { suggestMapping } from '../people/csv/mapping';
import { enrolmentFileCalls, enrolmentFileCounts, planEnrolmentFile } from './enrolFromFile';

function person(over: Partial<PersonInput> & { id: string; email: string }): Person {
  return personSchema.parse({
    nativeName: `Person ${over.id}`,
    roles: ['trainee'],
    archived: false,
    createdAt: 't',
    updatedAt: 't',
    ...over,
  });
}

function enrolment(personId: string, state: Enrolment['state']): Enrolment {
  return { id: `e-${personId}`, personId, sessionId: 's-1', state } as Enrolment;
}

function file(text: string): ReadFile {
  const read = readPeopleFile('people.csv', new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.problem);
  return read.file;
}

const people = [
  person({ id: 'p-amina', email: 'amina@example.org', nativeName: 'آمنة بيلو', latinName: 'Amina Bello' }),
  person({ id: 'p-li', email: 'li.wei@example.org', nativeName: '李伟' }),
  person({ id: 'p-on', email: 'on.roster@example.org' }),
  person({ id: 'p-teacher', email: 'teacher@example.org', roles: ['instructor'] }),
];
const existingByEmail = new Map(people.map((p) => [p.email, p]));
let serial = 0;
const context = {
  existingByEmail,
  enrolments: [enrolment('p-on', 'waitlisted'), enrolment('p-li', 'withdrawn')],
  createUnknown: false,
  institutionsByName: new Map<string, string>(),
  newId: () => `new-${++serial}`,
};

describe('planEnrolmentFile', () => {
  const sheet = file(
    [
      'Name;E-mail;Notes',
      'Amina;AMINA@example.org ;"two',
      'lines"',
      'Someone;nobody@example.org;',
      'Amina again;amina@example.org;',
      'Bad;not-an-email;',
      'No address;;',
      'Li Wei;li.wei@example.org;',
      'On roster;on.roster@example.org;',
      'Teacher;teacher@example.org;',
      ';;',
    ].join('\r\n'),
  );
  const mapping = suggestMapping(sheet.headers);

  it('puts each row in one list with the row number a spreadsheet shows (a two-line cell is one row), matching people by e-mail whatever its case', () => {
    const plan = planEnrolmentFile(sheet, mapping, context);
    expect(plan.enrol).toEqual([
      { row: 2, email: 'amina@example.org', personId: 'p-amina' },
      // Withdrawn earlier: a new request is allowed.
      { row: 7, email: 'li.wei@example.org', personId: 'p-li' },
    ]);
    expect(plan.unknown).toEqual([{ row: 3, email: 'nobody@example.org' }]);
    expect(plan.repeats).toEqual([{ row: 4, email: 'amina@example.org', firstRow: 2 }]);
    expect(plan.alreadyOnRoster).toEqual([{ row: 8, email: 'on.roster@example.org', personId: 'p-on' }]);
    expect(plan.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [5, 'E-mail', 'invalid-email'],
      [6, 'E-mail', 'required'],
      [9, 'E-mail', 'not-a-trainee'],
    ]);
    expect(enrolmentFileCounts(plan)).toEqual({
      enrol: 2,
      added: 0,
      alreadyOnRoster: 1,
      unknown: 1,
      repeats: 1,
      errorRows: 3,
    });
  });

  it('adds people not on this device when asked, and reports rows that cannot be added on their column', () => {
    const plan = planEnrolmentFile(
      file('E-mail,Name,Country\nnew@example.org,Ngozi Eze,NG\nnoname@example.org,,NG\nbad.country@example.org,Awa Ndiaye,Atlantis\n'),
      suggestMapping(['E-mail', 'Name', 'Country']),
      { ...context, createUnknown: true },
    );
    expect(plan.enrol).toHaveLength(1);
    expect(plan.enrol[0]).toMatchObject({ row: 2, email: 'new@example.org', create: { nativeName: 'Ngozi Eze', country: 'NG', roles: ['trainee'] } });
    expect(plan.unknown).toEqual([]);
    expect(plan.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'Name', 'required'],
      [4, 'Country', 'unknown-country'],
    ]);
  });

  it('ignores other columns of a person already on this device: the file never changes them', () => {
    const plan = planEnrolmentFile(
      file('E-mail,Country\namina@example.org,Atlantis\n'),
      suggestMapping(['E-mail', 'Country']),
      context,
    );
    expect(plan.enrol.map((r) => r.personId)).toEqual(['p-amina']);
    expect(plan.errors).toEqual([]);
  });

  it('matches nothing when no column holds e-mail addresses', () => {
    const names = file('Name\nAmina Bello\n');
    const plan = planEnrolmentFile(names, suggestMapping(names.headers), context);
    expect(enrolmentFileCounts(plan)).toMatchObject({ enrol: 0, unknown: 0, errorRows: 0 });
  });
});

describe('enrolmentFileCalls', () => {
  it('requests a place for each row in order, adding a new person right before their request', () => {
    const plan = planEnrolmentFile(
      file('E-mail,Name\namina@example.org,\nnew@example.org,Ngozi Eze\n'),
      suggestMapping(['E-mail', 'Name']),
      { ...context, createUnknown: true, newId: () => 'p-new' },
    );
    const { calls, rows, requests } = enrolmentFileCalls(plan, 's-1', () => 'enr');
    const subject = (c: (typeof calls)[number]): string =>
      c.name === 'enrolment.request' ? c.args.personId : c.name === 'person.create' ? c.args.id : '';
    expect(calls.map((c) => [c.name, subject(c)])).toEqual([
      ['enrolment.request', 'p-amina'],
      ['person.create', 'p-new'],
      ['enrolment.request', 'p-new'],
    ]);
    expect(rows).toEqual([2, 3, 3]);
    expect(requests).toEqual([true, false, true]);
  });
});
