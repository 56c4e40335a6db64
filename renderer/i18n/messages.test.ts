import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { ar } from './ar';
import { en, type MessageId } from './en';
import { zh } from './zh';

const samples = {
  count: 3, total: 2000, done: 10, n: 2, hours: 40, percent: 80, kb: 12, courses: 33, sessions: 58,
  date: '3 May 2027', place: 'Islamabad', country: 'Pakistan', code: 'CSD-101', name: 'backup.json',
  start: '1 May', end: '3 May', zone: 'Asia/Karachi', path: '/data', reason: 'why.', where: 'courses, row 1',
  detail: 'x', field: 'Course code', text: 'fix it', max: 20, min: 1,
};

describe.each([
  ['en', en],
  ['zh', zh],
  ['ar', ar],
] as const)('interface messages in %s', (locale, messages) => {
  it('translates every message and each one formats without an ICU error', () => {
    const errors: string[] = [];
    const intl = createIntl({ locale, messages, onError: (e) => errors.push(e.message) });
    for (const id of Object.keys(en) as MessageId[]) {
      expect(messages[id], id).toBeTruthy();
      const text = intl.formatMessage({ id }, samples);
      expect(text, id).not.toContain('{');
    }
    expect(errors).toEqual([]);
  });

  it('uses the plural rules of the language for counts', () => {
    const intl = createIntl({ locale, messages });
    const one = intl.formatMessage({ id: 'status.pending' }, { count: 1 });
    const many = intl.formatMessage({ id: 'status.pending' }, { count: 12 });
    expect(one).not.toEqual(many);
  });
});
