import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { peopleMessages } from './messages';

/** A value for every parameter the people messages take. */
const samples = {
  count: 3,
  total: 2000,
  done: 10,
  n: 2,
  name: 'people.csv',
  row: 4,
  rows: 12,
  columns: 5,
  error: 'E-mail: fix it',
  column: 'E-mail',
  value: 'x@y',
  present: 8,
  late: 1,
  excused: 1,
  absent: 2,
  created: 9,
  updated: 1,
  kept: 'Ayesha',
  merged: 'A. Siddiqui',
  from: 'a',
  to: 'b',
  field: 'Phone',
  start: '1 May',
  end: '3 May',
};

/** The parameter names of an ICU message (arguments, not the branches of a plural). */
function parameters(message: string): string[] {
  return [
    ...new Set(
      [
        ...message.matchAll(/(?<!(?:=\d+|zero|one|two|few|many|other)\s*)\{\s*([a-zA-Z]+)\s*[,}]/g),
      ].map((m) => m[1]!),
    ),
  ].sort();
}

describe.each([
  ['en', peopleMessages.en],
  ['zh', peopleMessages.zh],
  ['ar', peopleMessages.ar],
] as const)('people messages in %s', (locale, messages) => {
  it('formats every message without an ICU error or a placeholder left over', () => {
    const errors: string[] = [];
    const intl = createIntl({ locale, messages, onError: (e) => errors.push(e.message) });
    for (const id of Object.keys(peopleMessages.en) as (keyof typeof messages)[]) {
      const text = intl.formatMessage({ id }, samples);
      expect(text, id).not.toMatch(/[{}]/);
      expect(messages[id], id).not.toContain("'");
    }
    expect(errors).toEqual([]);
  });

  it('takes the same parameters as the English message', () => {
    for (const id of Object.keys(peopleMessages.en) as (keyof typeof messages)[]) {
      expect(parameters(messages[id]), id).toEqual(parameters(peopleMessages.en[id]));
    }
  });
});
