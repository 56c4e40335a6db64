import type { Migration } from './types';

/**
 * Version 5: sync with the hub. `conflicts` holds attendance conflicts the hub found (synced);
 * `syncState` keeps this device's sync facts by key (its client id, the pull cursor, the signed-in
 * session, counters); `inbox` keeps what the hub adjusted or refused ("Needs attention"), newest
 * first. Outbox entries made from now on also record what the device had pulled (`seen`) and
 * which rows they wrote (`writes`); older entries simply lack them.
 */
export const migration0005: Migration = {
  version: 5,
  stores: {
    conflicts: 'id, sessionId, state',
    syncState: 'key',
    inbox: 'id, receivedAt',
  },
};
