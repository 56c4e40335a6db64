import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { courseSchema, sessionSchema } from '../../../shared/domain/catalogue';
import { ApogeeDb } from '../schema';

describe('migration 0003 (people, enrolment, attendance)', () => {
  it('upgrades version-2 courses and sessions with the new fields and opens the new tables', async () => {
    const name = 'migration-0003-test';
    const v2 = new ApogeeDb(name, { untilVersion: 2 });
    await v2.open();
    // Rows exactly as version 2 wrote them: no approval flag, assessments, late policy or instructor ids.
    await v2.table('courses').put({
      id: 'c1', programmeId: 'p1', code: 'CSD-101', title: 'Fundamentals', summary: '', level: 'introductory',
      languages: ['en'], hours: 40, modules: [], prerequisites: [], tags: [],
      completionRule: { minAttendancePercent: 80, note: 'Final presentation' },
      archived: false, createdAt: 't', updatedAt: 't',
    });
    await v2.table('sessions').put({
      id: 's1', courseId: 'c1', title: '', startDate: '2026-03-09', endDate: '2026-03-20', timeZone: 'Asia/Karachi',
      mode: 'in-person', site: 'SUPARCO', city: 'Islamabad', country: 'PK', capacity: 24, instructors: ['Dr. Siddiqui'],
      enrolmentOpens: '2026-01-15', enrolmentCloses: '2026-03-01', status: 'open',
      schedule: { weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '16:00' },
      archived: false, createdAt: 't', updatedAt: 't',
    });
    v2.close();

    const db = new ApogeeDb(name, { untilVersion: 3 });
    await db.open();
    expect(db.verno).toBe(3);
    const course = await db.courses.get('c1');
    expect(course).toMatchObject({
      requiresApproval: false,
      assessments: [],
      completionRule: { minAttendancePercent: 80, lateCounts: 'present', requiredAssessments: [], note: 'Final presentation' },
    });
    expect(courseSchema.safeParse(course).success).toBe(true);
    const session = await db.sessions.get('s1');
    expect(session?.instructorIds).toEqual([]);
    expect(sessionSchema.safeParse(session).success).toBe(true);

    await db.people.bulkPut([
      { id: 'p1', email: 'a@example.org', institutionId: 'i1', mergedInto: '' } as never,
      { id: 'p2', email: '', institutionId: '', mergedInto: 'p1' } as never,
    ]);
    await db.enrolments.put({ id: 'e1', sessionId: 's1', personId: 'p1' } as never);
    await db.attendance.put({ id: 's1@2026-03-09|p1', sessionId: 's1', meetingId: 's1@2026-03-09', personId: 'p1' } as never);
    expect(await db.people.where('email').equals('a@example.org').primaryKeys()).toEqual(['p1']);
    expect(await db.people.where('mergedInto').equals('p1').primaryKeys()).toEqual(['p2']);
    expect(await db.enrolments.where('personId').equals('p1').count()).toBe(1);
    expect(await db.attendance.where('meetingId').equals('s1@2026-03-09').count()).toBe(1);
    for (const table of ['institutions', 'teams', 'results'] as const) expect(await db.table(table).count()).toBe(0);
    await db.delete();
  });
});
