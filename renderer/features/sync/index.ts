// What other parts of the app may use of the sync status.
export { SyncStatus } from './SyncStatus';
export { syncMessages } from './messages';
