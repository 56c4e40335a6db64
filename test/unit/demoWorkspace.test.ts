import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoCountries, demoWorkspace, type PartnerCountry } from '../../shared/demo';
import { demoAssessmentId, demoFinishedSessionId, demoPersonId, demoTeamSessionId } from '../../shared/demo/workspace';
import { completionOf } from '../../shared/domain/completion';
import { addDays } from '../../shared/domain/schedule';
import { describeFieldError, fieldErrors } from '../../shared/errors';
import { findMutation, type MutationArgs, type MutationCall } from '../../shared/mutations';
import { coordinator } from '../../shared/testing/factories';
import { runMutations } from '../../renderer/db/mutate';
import { ApogeeDb } from '../../renderer/db/schema';

// A Wednesday, a Sunday (the week's last day) and a leap day, so relative dates are tried at
// different points of the week.
const days = ['2026-03-11', '2025-12-28', '2028-02-29'];
const today = days[0]!;

type SessionArgs = MutationArgs['session.create'];
const sessionsOf = (calls: MutationCall[]): SessionArgs[] =>
  calls.flatMap((c) => (c.name === 'session.create' ? [c.args] : []));
const coursesOf = (calls: MutationCall[]): MutationArgs['course.create'][] =>
  calls.flatMap((c) => (c.name === 'course.create' ? [c.args] : []));

/** The problems of each call that its mutation's schema refuses, as readable lines. */
function schemaProblems(calls: readonly MutationCall[]): string[] {
  const problems: string[] = [];
  for (const call of calls) {
    const def = findMutation(call.name);
    if (!def) {
      problems.push(`${call.name}: unknown mutation`);
      continue;
    }
    const parsed = def.args.safeParse(call.args);
    if (!parsed.success) {
      const id = (call.args as { id?: string }).id ?? '?';
      for (const error of fieldErrors(parsed.error))
        problems.push(`${call.name} ${id}: ${describeFieldError(error)}`);
    }
  }
  return problems;
}

const scriptOf = (text: string): string | undefined =>
  /\p{Script=Han}/u.test(text)
    ? 'Han'
    : /\p{Script=Arabic}/u.test(text)
      ? 'Arabic'
      : /\p{Script=Cyrillic}/u.test(text)
        ? 'Cyrillic'
        : /\p{Script=Latin}/u.test(text)
          ? 'Latin'
          : undefined;

describe('demoWorkspace', () => {
  it('passes every mutation argument schema when built for any day of the week', () => {
    for (const day of days) expect(schemaProblems(demoWorkspace(day))).toEqual([]);
  });

  it('lists programmes, then courses after their prerequisites, then sessions when read in order', () => {
    const calls = demoWorkspace(today);
    const order = calls.map((c) => c.name);
    expect(order.lastIndexOf('programme.create')).toBeLessThan(order.indexOf('course.create'));
    expect(order.lastIndexOf('course.create')).toBeLessThan(order.indexOf('session.create'));
    const seen = new Set<string>();
    for (const call of calls) {
      if (call.name === 'course.create') {
        expect(seen.has(call.args.programmeId)).toBe(true);
        for (const prerequisite of call.args.prerequisites)
          expect(seen, `${call.args.code} needs ${prerequisite}`).toContain(prerequisite);
      }
      if (call.name === 'session.create') expect(seen.has(call.args.courseId)).toBe(true);
      seen.add((call.args as { id: string }).id);
    }
    const withIds = calls.filter((c) => 'id' in c.args);
    expect(seen.size).toBe(withIds.length + 1); // + undefined, for the calls without an id
  });

  it('creates institutions and people before the sessions and enrolments that name them', () => {
    const calls = demoWorkspace(today);
    const order = calls.map((c) => c.name);
    const firstSession = order.indexOf('session.create');
    expect(order.lastIndexOf('institution.create')).toBeLessThan(order.indexOf('person.create'));
    expect(order.lastIndexOf('person.create')).toBeLessThan(firstSession);
    expect(order.lastIndexOf('session.create')).toBeLessThan(order.indexOf('enrolment.request'));
    expect(order.lastIndexOf('enrolment.request')).toBeLessThan(order.indexOf('team.create'));
    expect(order.lastIndexOf('team.assign')).toBeLessThan(order.indexOf('attendance.mark'));
    expect(order.lastIndexOf('attendance.mark')).toBeLessThan(
      order.indexOf('assessment.recordTeam'),
    );
    const institutions = new Set(
      calls.flatMap((c) => (c.name === 'institution.create' ? [c.args.id] : [])),
    );
    expect(institutions.size).toBeGreaterThanOrEqual(12);
    const people = calls.flatMap((c) => (c.name === 'person.create' ? [c.args] : []));
    expect(people.length).toBeGreaterThanOrEqual(55);
    expect(people.length).toBeLessThanOrEqual(65);
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
    for (const p of people) {
      expect(p.email, p.id).toMatch(/@example\./);
      expect(p.latinName, p.id).toMatch(/^[A-Za-z' .-]+$/);
      if (p.institutionId) expect(institutions, p.id).toContain(p.institutionId);
    }
    const withRole = (role: string) => people.filter((p) => p.roles.includes(role as never));
    expect(withRole('coordinator')).toHaveLength(2);
    expect(withRole('instructor').length).toBeGreaterThanOrEqual(6);
    expect(withRole('trainee').length).toBeGreaterThanOrEqual(45);
    const scripts = new Set(people.map((p) => scriptOf(p.nativeName)));
    expect(scripts).toEqual(new Set(['Han', 'Arabic', 'Cyrillic', 'Latin', undefined]));
    // Instructors are named on sessions by id, so "Acting as" one shows their class days.
    const instructorIds = new Set(withRole('instructor').map((p) => p.id));
    const taught = sessionsOf(calls).filter((s) => (s.instructorIds ?? []).length > 0);
    expect(taught.length).toBeGreaterThanOrEqual(5);
    for (const s of taught) for (const id of s.instructorIds!) expect(instructorIds).toContain(id);
    for (const id of instructorIds)
      expect(
        taught.some((s) => s.instructorIds!.includes(id)),
        id,
      ).toBe(true);
  });

  it('runs one CSD-101 session now, open for late enrolment, with marks only on days already held', () => {
    for (const day of days) {
      const calls = demoWorkspace(day);
      const team = sessionsOf(calls).find((s) => s.id === demoTeamSessionId)!;
      expect(team.status).toBe('open');
      expect(team.capacity).toBe(12);
      expect(team.startDate < day && day < team.endDate).toBe(true);
      expect(team.enrolmentOpens < team.startDate && day < team.enrolmentCloses).toBe(true);
      const marks = calls.flatMap((c) => (c.name === 'attendance.mark' && !c.args.meetingId.startsWith(`${demoFinishedSessionId}@`) ? [c.args] : []));
      expect(marks.length, day).toBeGreaterThanOrEqual(12 * 5);
      for (const m of marks) {
        expect(m.meetingId.startsWith(`${demoTeamSessionId}@`)).toBe(true);
        expect(m.meetingId.slice(-10) < day, m.meetingId).toBe(true);
      }
      const statuses = marks.map((m) => m.status);
      expect(statuses.filter((s) => s === 'present').length).toBeGreaterThan(marks.length * 0.85);
      expect(statuses.filter((s) => s === 'late').length).toBeGreaterThanOrEqual(2);
      expect(statuses.filter((s) => s === 'excused')).toHaveLength(1);
      expect(statuses.filter((s) => s === 'absent').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('builds five programmes, about thirty courses and 45 to 60 sessions when loaded', () => {
    const calls = demoWorkspace(today);
    expect(calls.filter((c) => c.name === 'programme.create')).toHaveLength(5);
    expect(coursesOf(calls).length).toBeGreaterThanOrEqual(28);
    expect(coursesOf(calls).length).toBeLessThanOrEqual(35);
    expect(sessionsOf(calls).length).toBeGreaterThanOrEqual(45);
    expect(sessionsOf(calls).length).toBeLessThanOrEqual(60);
    for (const course of coursesOf(calls)) {
      expect(course.modules.length, course.code).toBeGreaterThanOrEqual(3);
      expect(course.modules.length, course.code).toBeLessThanOrEqual(6);
      expect(course.hours).toBe(course.modules.reduce((sum, m) => sum + m.hours, 0));
      expect(course.completionRule.minAttendancePercent).toBeGreaterThanOrEqual(75);
      expect(course.completionRule.minAttendancePercent).toBeLessThanOrEqual(90);
    }
    expect(sessionsOf(calls).some((s) => s.courseId === 'demo-course-csd-101')).toBe(true);
  });

  it('has past, running, open, draft and cancelled sessions when dated against today', () => {
    for (const day of days) {
      const sessions = sessionsOf(demoWorkspace(day));
      // The finished short course stays open for its certificates' paperwork (tested below).
      const past = sessions.filter((s) => s.endDate < day && s.id !== demoFinishedSessionId);
      const running = sessions.filter((s) => s.startDate <= day && day <= s.endDate);
      const enrolling = sessions.filter(
        (s) => s.status === 'open' && s.enrolmentOpens <= day && day <= s.enrolmentCloses,
      );
      expect(past.length, day).toBeGreaterThanOrEqual(10);
      expect(past.every((s) => s.status === 'closed')).toBe(true);
      const finished = sessions.find((s) => s.id === demoFinishedSessionId)!;
      expect(finished.endDate < day && finished.status === 'open' && day <= finished.enrolmentCloses, day).toBe(true);
      expect(sessions.filter((s) => s.status === 'closed').every((s) => s.endDate < day)).toBe(
        true,
      );
      expect(sessions.filter((s) => s.status === 'open' && s.id !== demoFinishedSessionId).every((s) => s.endDate >= day)).toBe(true);
      expect(running.length, day).toBeGreaterThanOrEqual(3);
      expect(running.every((s) => s.status === 'open')).toBe(true);
      expect(enrolling.length, day).toBeGreaterThanOrEqual(3);
      // Only the team-project cohort (while it runs) and the finished short course (for its
      // paperwork) still take late enrolments.
      expect(
        enrolling.filter((s) => s.startDate <= day).map((s) => s.id).sort(),
        day,
      ).toEqual([demoTeamSessionId, demoFinishedSessionId].sort());
      expect(sessions.filter((s) => s.status === 'cancelled')).toHaveLength(1);
      expect(sessions.filter((s) => s.status === 'draft')).toHaveLength(1);
    }
  });

  it('writes titles in Chinese, Arabic, Cyrillic and Latin with diacritics when listing courses', () => {
    const courses = coursesOf(demoWorkspace(today));
    const scripts = courses.map((c) => scriptOf(c.title));
    expect(new Set(scripts).size).toBeGreaterThanOrEqual(4);
    expect(scripts.filter((s) => s === 'Han').length).toBeGreaterThanOrEqual(3);
    expect(scripts.filter((s) => s === 'Arabic').length).toBeGreaterThanOrEqual(3);
    expect(scripts.filter((s) => s === 'Cyrillic').length).toBeGreaterThanOrEqual(2);
    const offeredIn = (lang: string) => courses.filter((c) => c.languages[0] === lang).length;
    expect(offeredIn('zh')).toBeGreaterThanOrEqual(3);
    expect(offeredIn('ar')).toBeGreaterThanOrEqual(3);
    expect(offeredIn('ru')).toBeGreaterThanOrEqual(2);
    expect(offeredIn('fr')).toBeGreaterThanOrEqual(1);
    expect(offeredIn('es')).toBeGreaterThanOrEqual(1);
    expect(courses.some((c) => /[şğıİçöüéèã]/u.test(c.title))).toBe(true);
  });

  it('hosts sessions in many partner countries with their own time zones when built', () => {
    const sessions = sessionsOf(demoWorkspace(today));
    expect(new Set(sessions.map((s) => s.country)).size).toBeGreaterThanOrEqual(20);
    for (const s of sessions) {
      expect(s.timeZone, s.id).toBe(demoCountries[s.country as PartnerCountry].timeZone);
      expect(s.capacity).toBeGreaterThanOrEqual(12);
      expect(s.capacity).toBeLessThanOrEqual(40);
      expect(s.instructors.length).toBeGreaterThan(0);
      if (s.site === '') expect(s.mode, s.id).toBe('online');
    }
    expect(new Set(sessions.map((s) => s.mode))).toEqual(
      new Set(['in-person', 'online', 'hybrid']),
    );
  });

  it('returns the same calls when called twice for the same day', () => {
    expect(demoWorkspace(today)).toEqual(demoWorkspace(today));
    expect(demoWorkspace(today)).not.toEqual(demoWorkspace('2026-06-01'));
  });

  it('throws when today is not a YYYY-MM-DD date', () => {
    expect(() => demoWorkspace('11/03/2026')).toThrow(RangeError);
    expect(() => demoWorkspace('2026-02-30')).toThrow(RangeError);
  });
});

describe('demoWorkspace loaded through runMutations', () => {
  let db: ApogeeDb;
  let n = 0;
  beforeEach(async () => {
    db = new ApogeeDb(`demo-workspace-test-${n++}`);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('accepts every call and stores the catalogue when run by a coordinator on a fresh database', async () => {
    const calls = demoWorkspace(today);
    const outcomes = await runMutations(db, calls, {
      actor: coordinator,
      chunkSize: 500,
      now: () => `${today}T09:00:00.000Z`,
    });
    const refused = outcomes.flatMap((o, i) =>
      o.ok ? [] : [`${calls[i]!.name}: ${JSON.stringify(o.error)}`],
    );
    expect(refused).toEqual([]);
    expect(await db.programmes.count()).toBe(5);
    expect(await db.courses.count()).toBe(coursesOf(calls).length);
    const sessions = await db.sessions.toArray();
    expect(sessions).toHaveLength(sessionsOf(calls).length);
    expect(new Set(sessions.map((s) => s.country)).size).toBeGreaterThanOrEqual(5);
    expect(
      new Set((await db.courses.toArray()).map((c) => scriptOf(c.title))).size,
    ).toBeGreaterThanOrEqual(4);
    const open = sessions.filter(
      (s) => s.status === 'open' && s.enrolmentOpens <= today && today <= s.enrolmentCloses,
    );
    expect(open.length).toBeGreaterThanOrEqual(3);
    expect(sessions.filter((s) => s.status === 'cancelled')).toHaveLength(1);
    expect(await db.meetings.count()).toBeGreaterThan(sessions.length * 4);
    expect(await db.outbox.count()).toBe(calls.length);
    expect(await db.institutions.count()).toBeGreaterThanOrEqual(12);
    expect(await db.people.count()).toBe(calls.filter((c) => c.name === 'person.create').length);
  });

  it('loads the team-project cohort with a waiting list, teams, marks and a PDR result on any day', async () => {
    for (const day of days) {
      const calls = demoWorkspace(day);
      const outcomes = await runMutations(db, calls, {
        actor: coordinator,
        chunkSize: 500,
        now: () => `${day}T09:00:00.000Z`,
      });
      expect(outcomes.flatMap((o, i) => (o.ok ? [] : [`${calls[i]!.name} ${day}`]))).toEqual([]);

      const enrolments = await db.enrolments.where('sessionId').equals(demoTeamSessionId).toArray();
      const enrolled = enrolments.filter((e) => e.state === 'enrolled');
      const waitlisted = enrolments.filter((e) => e.state === 'waitlisted');
      expect(enrolled).toHaveLength(12);
      expect(waitlisted.map((e) => e.waitlistRank).sort()).toEqual([1, 2]);
      expect(waitlisted.map((e) => e.personId).sort()).toEqual(
        [demoPersonId('awa-ndiaye'), demoPersonId('negar-mousavi')].sort(),
      );
      const teams = await db.teams.where('sessionId').equals(demoTeamSessionId).toArray();
      expect(teams).toHaveLength(3);
      for (const t of teams)
        expect(
          enrolled.filter((e) => e.teamId === t.id),
          t.name,
        ).toHaveLength(4);
      const others = (await db.enrolments.toArray()).filter(
        (e) => e.sessionId !== demoTeamSessionId,
      );
      expect(others.length).toBeGreaterThanOrEqual(10);
      expect(others.every((e) => e.state === 'enrolled')).toBe(true);

      const meetings = await db.meetings.where('sessionId').equals(demoTeamSessionId).toArray();
      const marks = await db.attendance.where('sessionId').equals(demoTeamSessionId).toArray();
      const held = meetings.filter((m) => m.date < day);
      expect(marks).toHaveLength(held.length * 12);
      expect(marks.every((m) => m.meetingId.slice(-10) < day)).toBe(true);

      const results = await db.results.where('sessionId').equals(demoTeamSessionId).toArray();
      const pdr = results.filter((r) => r.assessmentId === demoAssessmentId('pdr'));
      const graded = enrolled.filter((e) => e.teamId === pdr[0]?.teamId);
      expect(pdr).toHaveLength(4);
      expect(new Set(pdr.map((r) => r.enrolmentId))).toEqual(new Set(graded.map((e) => e.id)));
      expect(pdr.every((r) => r.passed)).toBe(true);

      // Where each trainee stands as of yesterday: none complete mid-course, for different reasons.
      const course = (await db.courses.get('demo-course-csd-101'))!;
      expect(course.completionRule.requiredAssessments).toHaveLength(3);
      const completions = enrolled.map((e) =>
        completionOf({
          course,
          meetings,
          marks: marks.filter((m) => m.personId === e.personId),
          results: results.filter((r) => r.enrolmentId === e.id),
          asOf: addDays(day, -1),
        }),
      );
      const codes = completions.map((c) => c.explanation.code);
      expect(codes.filter((c) => c === 'completion-attendance-short')).toHaveLength(1);
      expect(codes.filter((c) => c === 'completion-assessments-missing')).toHaveLength(11);
      expect(completions.filter((c) => c.lateCount > 0).length).toBeGreaterThanOrEqual(2);
      const onlyCdrLeft = completions.filter(
        (c) => c.missingAssessments.join() === demoAssessmentId('cdr'),
      );
      expect(onlyCdrLeft).toHaveLength(4);

      // The finished short course: all 14 enrolled, 12 ready for a certificate, 2 short of attendance.
      const finishedCourse = (await db.courses.get('demo-course-dst-101'))!;
      const finishedMeetings = await db.meetings.where('sessionId').equals(demoFinishedSessionId).toArray();
      const finishedMarks = await db.attendance.where('sessionId').equals(demoFinishedSessionId).toArray();
      const finishedEnrolments = await db.enrolments.where('sessionId').equals(demoFinishedSessionId).toArray();
      expect(finishedEnrolments.map((e) => e.state)).toEqual(Array(14).fill('enrolled'));
      const ready = finishedEnrolments.filter(
        (e) =>
          completionOf({
            course: finishedCourse,
            meetings: finishedMeetings,
            marks: finishedMarks.filter((m) => m.personId === e.personId),
            results: [],
            asOf: day,
          }).complete,
      );
      expect(ready).toHaveLength(12);
      await db.delete();
      await db.open();
    }
  });
});
