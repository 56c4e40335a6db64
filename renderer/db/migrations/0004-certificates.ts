import type { Migration } from './types';

/**
 * Version 4: certificates — the keys that sign them (public halves only: secret keys live in
 * the device keystore, never in this database), a template per course, and the issued
 * certificates with their signed credentials, looked up by serial, trainee, session and key.
 */
export const migration0004: Migration = {
  version: 4,
  stores: {
    issuers: 'id',
    certificateTemplates: 'id, courseId',
    certificates: 'id, serial, enrolmentId, personId, sessionId, courseId, issuerId',
  },
};
