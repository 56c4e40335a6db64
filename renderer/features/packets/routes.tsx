// The "Sync by file" screen; the app's router loads this file on first visit.
export { PacketsScreen as Packets } from './PacketsScreen';
