// What other features may use of enrolment.
export { PersonName } from './PersonName';
export { useNoticeText } from './notices';
export { useSessionRoster } from './data';
