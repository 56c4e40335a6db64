import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoCountries, demoWorkspace, type PartnerCountry } from '../../shared/demo';
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
    expect(seen.size).toBe(calls.length);
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
      const past = sessions.filter((s) => s.endDate < day);
      const running = sessions.filter((s) => s.startDate <= day && day <= s.endDate);
      const enrolling = sessions.filter(
        (s) => s.status === 'open' && s.enrolmentOpens <= day && day <= s.enrolmentCloses,
      );
      expect(past.length, day).toBeGreaterThanOrEqual(10);
      expect(past.every((s) => s.status === 'closed')).toBe(true);
      expect(sessions.filter((s) => s.status === 'closed').every((s) => s.endDate < day)).toBe(
        true,
      );
      expect(sessions.filter((s) => s.status === 'open').every((s) => s.endDate >= day)).toBe(true);
      expect(running.length, day).toBeGreaterThanOrEqual(3);
      expect(running.every((s) => s.status === 'open')).toBe(true);
      expect(enrolling.length, day).toBeGreaterThanOrEqual(3);
      expect(enrolling.every((s) => s.startDate > day)).toBe(true);
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
    const outcomes = await runMutations(db, calls, { actor: coordinator, chunkSize: 500 });
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
  });
});
