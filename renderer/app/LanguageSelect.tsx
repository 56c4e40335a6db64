import { useT } from '../i18n';
import { uiLocales, useSettings, type UiLocale } from '../state/settings';

const languageNames: Record<UiLocale, string> = { en: 'English', zh: '中文', ar: 'العربية' };

/** The interface language; remembered on this device. */
export function LanguageSelect({ id }: { id: string }) {
  const t = useT();
  const { locale, setLocale } = useSettings();
  return (
    <label className="inline-label" htmlFor={id}>
      <span>{t('settings.languageLabel')}</span>
      <select id={id} value={locale} onChange={(e) => setLocale(e.target.value as UiLocale)}>
        {uiLocales.map((l) => (
          <option key={l} value={l} lang={l}>
            {languageNames[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
