import { defineMessages } from '../../i18n/define';

/** Interface text of a trainee's own courses. */
export const myCoursesMessages = defineMessages({
  en: {
    'mycourses.title': 'My courses',
    'mycourses.choosePerson': 'Choose who you are under “Acting as” to see your own courses.',
    'mycourses.none': 'You are not enrolled in any session yet. Browse the catalogue to find one.',
    'mycourses.state': 'Status: {state}',
    'mycourses.attendance': '{present, number} present, {late, number} late, {excused, number} excused, {absent, number} absent',
    'mycourses.waitlist': 'Waitlist position {position, number}',
    'mycourses.certificates': 'Certificates: none issued yet.',
  },
  zh: {
    'mycourses.title': '我的课程',
    'mycourses.choosePerson': '请在“当前身份”中选择您是谁，以查看您自己的课程。',
    'mycourses.none': '您还没有报名任何班次。请浏览课程目录。',
    'mycourses.state': '状态：{state}',
    'mycourses.attendance': '出席 {present, number}，迟到 {late, number}，请假 {excused, number}，缺席 {absent, number}',
    'mycourses.waitlist': '候补第 {position, number} 位',
    'mycourses.certificates': '证书：尚未颁发。',
  },
  ar: {
    'mycourses.title': 'دوراتي',
    'mycourses.choosePerson': 'اختر من أنت في «الدور الحالي» لعرض دوراتك.',
    'mycourses.none': 'لست مسجّلًا في أي جلسة بعد. تصفّح دليل الدورات للعثور على واحدة.',
    'mycourses.state': 'الحالة: {state}',
    'mycourses.attendance': 'حاضر {present, number}، متأخر {late, number}، معذور {excused, number}، غائب {absent, number}',
    'mycourses.waitlist': 'الترتيب في قائمة الانتظار: {position, number}',
    'mycourses.certificates': 'الشهادات: لم تُصدر أي شهادة بعد.',
  },
});
