// The enrolment screens, one component per route; the app's router loads this file on first visit.
export { RosterScreen as Roster } from './RosterScreen';
