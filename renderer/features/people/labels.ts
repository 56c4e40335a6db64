import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { genders } from '../../../shared/domain/people';
import {
  courseLanguages,
  partnerCountries,
  personRoles,
  type EnrolmentState,
  type PersonRole,
} from '../../../shared/domain/vocabulary';
import { useT } from '../../i18n';

/** Names of roles, countries, languages, genders and states in the user's language. */
export function usePeopleLabels() {
  const intl = useIntl();
  const t = useT();
  return useMemo(() => {
    const regions = new Intl.DisplayNames([intl.locale], { type: 'region' });
    const languages = new Intl.DisplayNames([intl.locale], { type: 'language' });
    const listFormat = new Intl.ListFormat(intl.locale, { style: 'narrow', type: 'unit' });
    const country = (code: string) => {
      if (!code) return '';
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    };
    const language = (code: string) => languages.of(code) ?? code;
    const role = (r: PersonRole) => t(`people.role.${r}`);
    const byLabel = (a: { label: string }, b: { label: string }) =>
      a.label.localeCompare(b.label, intl.locale);
    return {
      list: (items: readonly string[]) => listFormat.format(items),
      country,
      language,
      role,
      roles: (roles: readonly PersonRole[]) => listFormat.format(roles.map(role)),
      gender: (g: (typeof genders)[number]) => (g ? t(`people.gender.${g}`) : ''),
      state: (s: EnrolmentState) => t(`people.state.${s}`),
      /** Countries to choose from; `extra` keeps a stored code that is not in the usual list. */
      countryOptions: (extra = '') =>
        [
          ...partnerCountries,
          ...(extra && !(partnerCountries as readonly string[]).includes(extra) ? [extra] : []),
        ]
          .map((code) => ({ value: code, label: country(code) }))
          .sort(byLabel),
      languageOptions: courseLanguages
        .map((code) => ({ value: code, label: language(code) }))
        .sort(byLabel),
      roleOptions: personRoles.map((value) => ({ value, label: role(value) })),
      genderOptions: genders.map((value) => ({
        value,
        label: value ? t(`people.gender.${value}`) : t('people.gender.unspecified'),
      })),
    };
  }, [intl.locale, t]);
}
