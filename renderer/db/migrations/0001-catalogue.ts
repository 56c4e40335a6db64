import type { Migration } from './types';

/**
 * Version 1: the catalogue (programmes, courses, sessions, class days) and the outbox of
 * changes waiting for the hub. Shipped; never change it — add a new version instead.
 */
export const migration0001: Migration = {
  version: 1,
  stores: {
    programmes: 'id',
    courses: 'id, &code, programmeId',
    sessions: 'id, courseId, startDate',
    meetings: 'id, sessionId, date',
    outbox: '++seq, &id',
  },
};
