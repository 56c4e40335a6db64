import type { Migration } from './types';

/**
 * Version 3: people and institutions, enrolments, teams, attendance marks and assessment
 * results. Stored courses get the fields completion needs (no approval, no assessments, late
 * counts as present) and sessions an empty list of instructor people, as their schemas default.
 */
export const migration0003: Migration = {
  version: 3,
  stores: {
    institutions: 'id, name',
    people: 'id, email, institutionId, mergedInto',
    enrolments: 'id, sessionId, personId',
    teams: 'id, sessionId',
    attendance: 'id, sessionId, meetingId, personId',
    results: 'id, sessionId, enrolmentId',
  },
  async upgrade(tx) {
    await tx
      .table('courses')
      .toCollection()
      .modify((course: Record<string, unknown>) => {
        course.requiresApproval ??= false;
        course.assessments ??= [];
        const rule = course.completionRule as Record<string, unknown> | undefined;
        if (rule && typeof rule === 'object') {
          rule.lateCounts ??= 'present';
          rule.requiredAssessments ??= [];
        }
      });
    await tx
      .table('sessions')
      .toCollection()
      .modify((session: Record<string, unknown>) => {
        session.instructorIds ??= [];
      });
  },
};
