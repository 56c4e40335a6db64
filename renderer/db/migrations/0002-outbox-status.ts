import type { Migration } from './types';

/**
 * Version 2: outbox entries get a `status` (pending until the hub answers), indexed so the sync
 * client finds what to send without reading everything; class days get an `edited` flag so a
 * change of schedule keeps days a coordinator changed by hand. Course codes are no longer a
 * unique index: two offline devices may briefly hold the same code until the hub decides, and
 * the unique index would make the second one unreadable.
 */
export const migration0002: Migration = {
  version: 2,
  stores: {
    courses: 'id, code, programmeId',
    outbox: '++seq, &id, status',
  },
  async upgrade(tx) {
    await tx
      .table('outbox')
      .toCollection()
      .modify((entry: Record<string, unknown>) => {
        entry.status ??= 'pending';
      });
    await tx
      .table('meetings')
      .toCollection()
      .modify((meeting: Record<string, unknown>) => {
        meeting.edited ??= false;
        meeting.room ??= '';
        meeting.note ??= '';
        meeting.cancelled ??= false;
      });
  },
};
