import { defineMessages } from '../../i18n/define';

/** Interface text of the attendance screens (ICU MessageFormat; use ’ rather than '). */
export const attendanceMessages = defineMessages({
  en: {
    'attendance.title': 'Attendance',
  },
  zh: {
    'attendance.title': '出勤',
  },
  ar: {
    'attendance.title': 'الحضور',
  },
});
