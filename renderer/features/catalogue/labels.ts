import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import {
  courseLanguages,
  courseLevels,
  partnerCountries,
  sessionModes,
  sessionStatuses,
} from '../../../shared/domain/vocabulary';
import { useT } from '../../i18n';

/** Names of countries, languages, levels, modes and statuses in the user's language. */
export function useCatalogueLabels() {
  const intl = useIntl();
  const t = useT();
  return useMemo(() => {
    const regions = new Intl.DisplayNames([intl.locale], { type: 'region' });
    const languages = new Intl.DisplayNames([intl.locale], { type: 'language' });
    const listFormat = new Intl.ListFormat(intl.locale, { style: 'narrow', type: 'unit' });
    const country = (code: string) => regions.of(code) ?? code;
    const language = (code: string) => languages.of(code) ?? code;
    const sortByLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, intl.locale);
    return {
      /** A list in the user's language ("English, French" / "英语、法语"). */
      list: (items: readonly string[]) => listFormat.format(items),
      country,
      language,
      level: (level: string) => t(`level.${level}` as never),
      mode: (mode: string) => t(`mode.${mode}` as never),
      status: (status: string) => t(`status.${status}` as never),
      countryOptions: partnerCountries.map((code) => ({ value: code, label: country(code) })).sort(sortByLabel),
      languageOptions: courseLanguages.map((code) => ({ value: code, label: language(code) })).sort(sortByLabel),
      levelOptions: courseLevels.map((value) => ({ value, label: t(`level.${value}`) })),
      modeOptions: sessionModes.map((value) => ({ value, label: t(`mode.${value}`) })),
      statusOptions: sessionStatuses.map((value) => ({ value, label: t(`status.${value}`) })),
    };
  }, [intl.locale, t]);
}
