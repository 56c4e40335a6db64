import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { ar } from './ar';
import { en, type MessageId } from './en';
import { zh } from './zh';

/** A value for every placeholder of a message: 3 suits plain, number and plural arguments. */
const samplesFor = (message: string) =>
  Object.fromEntries([...message.matchAll(/\{\s*(\w+)/g)].map((m) => [m[1]!, 3]));

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
      const text = intl.formatMessage({ id }, samplesFor(messages[id]));
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
