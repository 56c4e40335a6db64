// What other parts of the app may use of "Sync by file".
export { packetsMessages } from './messages';
