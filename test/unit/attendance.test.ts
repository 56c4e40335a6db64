import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attendanceMarkId, assessmentResultId } from '../../shared/domain/enrolment';
import type { MutationCall } from '../../shared/mutations';
import { coordinator, instructor, sessionArgs, trainee } from '../../shared/testing/factories';
import type { ApogeeDb } from '../../renderer/db/schema';
import { openDb, requests, run, runOne, seedWorld } from './enrolmentWorld';

let db: ApogeeDb;
beforeEach(async () => {
  db = await openDb();
});
afterEach(async () => {
  await db.delete();
});

const day1 = 'session-1@2026-03-09';
const day2 = 'session-1@2026-03-10';
const mark = (personId: string, status: 'present' | 'late' | 'excused' | 'absent' | null, meetingId = day1): MutationCall => ({
  name: 'attendance.mark',
  args: { meetingId, personId, status },
});
const assessments = [
  { id: 'quiz', title: 'Subsystems quiz', kind: 'individual' as const, passScore: 60 },
  { id: 'cdr', title: 'Critical design review', kind: 'team' as const, passScore: null },
];

describe('attendance.mark', () => {
  it('records a mark with who recorded it and when, and clears it with null', async () => {
    await seedWorld(db);
    await run(db, requests(['t-1']));
    expect(await runOne(db, mark('t-1', 'late'), instructor, '2026-03-09T04:05:00.000Z')).toMatchObject({ ok: true });
    expect(await db.attendance.get(attendanceMarkId(day1, 't-1'))).toEqual({
      id: `${day1}|t-1`,
      meetingId: day1,
      sessionId: 'session-1',
      personId: 't-1',
      status: 'late',
      recordedBy: 'device-test/p-instructor',
      recordedAt: '2026-03-09T04:05:00.000Z',
    });
    await runOne(db, mark('t-1', null));
    expect(await db.attendance.count()).toBe(0);
  });

  it('refuses not-in-session when the person is not enrolled in the meeting’s session', async () => {
    await seedWorld(db, { trainees: 2, session: { capacity: 1 } });
    await run(db, requests(['t-1', 't-2']));
    expect(await runOne(db, mark('t-2', 'present'))).toMatchObject({
      ok: false,
      error: { code: 'not-in-session', fields: [{ path: 'personId' }] },
    });
    expect(await db.attendance.count()).toBe(0);
  });

  it('refuses meeting-cancelled when the class day is cancelled', async () => {
    await seedWorld(db);
    await run(db, requests(['t-1']));
    const meeting = (await db.meetings.get(day1))!;
    await runOne(db, { name: 'meeting.update', args: { ...meeting, cancelled: true } });
    expect(await runOne(db, mark('t-1', 'present'))).toMatchObject({
      ok: false,
      error: { code: 'meeting-cancelled', fields: [{ path: 'meetingId' }] },
    });
  });

  it('lets an instructor mark only the sessions they are named on', async () => {
    await seedWorld(db);
    await run(db, [
      { name: 'session.create', args: sessionArgs({ id: 'session-2', instructorIds: [] }) },
      ...requests(['t-1']),
      ...requests(['t-2'], 'session-2').map((c) => ({ ...c, args: { ...c.args, id: 'e2-t-2' } }) as MutationCall),
    ]);
    expect(await runOne(db, mark('t-1', 'present'), instructor)).toMatchObject({ ok: true });
    expect(await runOne(db, mark('t-2', 'present', 'session-2@2026-03-09'), instructor)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await db.attendance.count()).toBe(1);
  });

  it('refuses a trainee who tries to mark attendance', async () => {
    await seedWorld(db);
    await run(db, requests(['t-1']));
    expect(await runOne(db, mark('t-1', 'present'), trainee)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('attendance.markAllPresent', () => {
  it('marks every enrolled trainee present and skips those already marked and those waitlisted', async () => {
    await seedWorld(db, { trainees: 4, session: { capacity: 3 } });
    await run(db, [...requests(['t-1', 't-2', 't-3', 't-4']), mark('t-2', 'excused')]);
    expect(await runOne(db, { name: 'attendance.markAllPresent', args: { meetingId: day1 } }, instructor)).toMatchObject({ ok: true });
    const marks = await db.attendance.where('meetingId').equals(day1).sortBy('personId');
    expect(marks.map((m) => [m.personId, m.status])).toEqual([
      ['t-1', 'present'],
      ['t-2', 'excused'],
      ['t-3', 'present'],
    ]);
    expect(await db.attendance.where('meetingId').equals(day2).count()).toBe(0);
  });
});

describe('assessment.record', () => {
  it('records an individual result and refuses not-found for an assessment the course does not have', async () => {
    await seedWorld(db, { course: { assessments } });
    await run(db, requests(['t-1']));
    const record = { enrolmentId: 'e-t-1', assessmentId: 'quiz', passed: true, score: 72 };
    expect(await runOne(db, { name: 'assessment.record', args: record }, instructor)).toMatchObject({ ok: true });
    expect(await db.results.get(assessmentResultId('e-t-1', 'quiz'))).toMatchObject({ passed: true, score: 72, teamId: '', sessionId: 'session-1' });
    expect(await runOne(db, { name: 'assessment.record', args: { ...record, assessmentId: 'exam' } })).toMatchObject({
      ok: false,
      error: { code: 'not-found', fields: [{ path: 'assessmentId' }] },
    });
    expect(await runOne(db, { name: 'assessment.record', args: { ...record, assessmentId: 'cdr' } })).toMatchObject({
      ok: false,
      error: { code: 'assessment-kind', params: { kind: 'team' } },
    });
    expect(await db.results.count()).toBe(1);
  });
});

describe('assessment.recordTeam', () => {
  it('copies the team’s result to every member of the team', async () => {
    await seedWorld(db, { course: { assessments } });
    await run(db, [
      ...requests(['t-1', 't-2', 't-3']),
      { name: 'team.create', args: { id: 'team-a', sessionId: 'session-1', name: 'Team A' } },
      { name: 'team.assign', args: { enrolmentId: 'e-t-1', teamId: 'team-a' } },
      { name: 'team.assign', args: { enrolmentId: 'e-t-2', teamId: 'team-a' } },
    ]);
    const outcome = await runOne(
      db,
      { name: 'assessment.recordTeam', args: { teamId: 'team-a', assessmentId: 'cdr', passed: true, score: null, note: 'Strong power budget' } },
      instructor,
    );
    expect(outcome).toMatchObject({ ok: true });
    const results = await db.results.orderBy('enrolmentId').toArray();
    expect(results.map((r) => [r.enrolmentId, r.assessmentId, r.passed, r.teamId, r.note])).toEqual([
      ['e-t-1', 'cdr', true, 'team-a', 'Strong power budget'],
      ['e-t-2', 'cdr', true, 'team-a', 'Strong power budget'],
    ]);
  });

  it('refuses team-empty when nobody is in the team', async () => {
    await seedWorld(db, { course: { assessments } });
    await runOne(db, { name: 'team.create', args: { id: 'team-a', sessionId: 'session-1', name: 'Team A' } }, coordinator);
    expect(
      await runOne(db, { name: 'assessment.recordTeam', args: { teamId: 'team-a', assessmentId: 'cdr', passed: true, score: null } }),
    ).toMatchObject({ ok: false, error: { code: 'team-empty' } });
  });
});
