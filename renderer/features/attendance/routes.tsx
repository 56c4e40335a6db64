// The attendance screens, one component per route; the app's router loads this file on first visit.
export { AttendanceScreen as Attendance } from './AttendanceScreen';
export { SignInSheet } from './SignInSheet';
export { TodayScreen as Today } from './TodayScreen';
