import { defineMessages } from '../../i18n/define';

/** Interface text of the enrolment screens (ICU MessageFormat; use ’ rather than '). */
export const enrolmentMessages = defineMessages({
  en: {
    'enrolment.title': 'Enrolment',
  },
  zh: {
    'enrolment.title': '报名',
  },
  ar: {
    'enrolment.title': 'التسجيل',
  },
});
