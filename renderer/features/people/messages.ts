import { defineMessages } from '../../i18n/define';

/** Interface text of the people screens (ICU MessageFormat; use ’ rather than '). */
export const peopleMessages = defineMessages({
  en: {
    'people.title': 'People',
  },
  zh: {
    'people.title': '人员',
  },
  ar: {
    'people.title': 'الأشخاص',
  },
});
