import { useEffect, useMemo, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { errorText, fillParams, type ErrorCode, type ErrorParams } from '../../shared/errors';
import { useSettings, type UiLocale } from '../state/settings';
import { ar } from './ar';
import { en, type MessageId } from './en';
import { zh } from './zh';

export type { MessageId } from './en';

const catalogues: Record<UiLocale, Record<MessageId, string>> = { en, zh, ar };

/** Text direction of an interface language. */
export function directionOf(locale: UiLocale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** Provides ICU messages in the chosen language and mirrors the page for right-to-left. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useSettings((s) => s.locale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);
  // Format dates and numbers in the person's own region when it speaks the chosen language
  // (en-GB: 3 May 2027, en-US: May 3, 2027); otherwise in the language's default.
  const regional = globalThis.navigator?.languages?.find((l) => l.split('-')[0] === locale) ?? locale;
  return (
    <IntlProvider locale={regional} messages={catalogues[locale]} defaultLocale="en" onError={reportMissing}>
      {children}
    </IntlProvider>
  );
}

function reportMissing(error: { code?: string; message: string }) {
  if (error.code === 'MISSING_TRANSLATION') return;
  console.error(error.message);
}

/** Values an ICU message may take. */
export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;

/** The translate function: `t('catalogue.count', {count})`. */
export function useT(): (id: MessageId, values?: MessageValues) => string {
  const intl = useIntl();
  return useMemo(() => (id: MessageId, values?: MessageValues) => intl.formatMessage({ id }, values), [intl]);
}

/** Turns an error code into text in the user's language, prefixed with the field's label. */
export function useErrorText(): (error: { code: ErrorCode; params: ErrorParams }, label?: string) => string {
  const intl = useIntl();
  const countryName = useCountryName();
  return useMemo(
    () => (error: { code: ErrorCode; params: ErrorParams }, label?: string) => {
      const id = `error.${error.code}` as MessageId;
      // Sites and countries travel as ISO codes (the hub says them too): shown by name.
      const params = { ...error.params };
      for (const key of ['site', 'country'] as const) if (typeof params[key] === 'string') params[key] = countryName(params[key]);
      const text = intl.messages[id]
        ? intl.formatMessage({ id }, params)
        : fillParams(errorText[error.code], params);
      return label ? intl.formatMessage({ id: 'error.withField' }, { field: label, text }) : text;
    },
    [intl, countryName],
  );
}

/** The name of a country (ISO 3166 alpha-2) in the user's language; the code itself when unknown. */
export function useCountryName(): (code: string) => string {
  const intl = useIntl();
  return useMemo(() => {
    const regions = new Intl.DisplayNames([intl.locale], { type: 'region' });
    return (code: string) => {
      try {
        return (code && regions.of(code)) || code;
      } catch {
        return code;
      }
    };
  }, [intl.locale]);
}

/** Formats a plain calendar date (YYYY-MM-DD) in the user's locale without shifting its day. */
export function useFormatDay(): (date: string, style?: 'short' | 'medium' | 'long') => string {
  const intl = useIntl();
  return useMemo(
    () =>
      (date: string, style: 'short' | 'medium' | 'long' = 'medium') => {
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        return intl.formatDate(Date.UTC(y, m - 1, d), { dateStyle: style, timeZone: 'UTC' });
      },
    [intl],
  );
}
