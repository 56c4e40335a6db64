import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decadeCatalogue,
  decadeCounts,
  decadeDefaults,
  demoCountries,
  mulberry32,
  type PartnerCountry,
} from '../../shared/demo';
import { classDayCount } from '../../shared/demo/decade';
import { classDates } from '../../shared/domain/schedule';
import { partnerCountries } from '../../shared/domain/values';
import { describeFieldError, fieldErrors } from '../../shared/errors';
import { findMutation, type MutationArgs, type MutationCall } from '../../shared/mutations';
import { coordinator } from '../../shared/testing/factories';
import { runMutations } from '../../renderer/db/mutate';
import { ApogeeDb } from '../../renderer/db/schema';

const started = performance.now();
const full = decadeCatalogue();
const fullMs = performance.now() - started;

const sessionsOf = (calls: MutationCall[]): MutationArgs['session.create'][] =>
  calls.flatMap((c) => (c.name === 'session.create' ? [c.args] : []));
const coursesOf = (calls: MutationCall[]): MutationArgs['course.create'][] =>
  calls.flatMap((c) => (c.name === 'course.create' ? [c.args] : []));

function schemaProblems(calls: readonly MutationCall[]): string[] {
  return calls.flatMap((call) => {
    const parsed = findMutation(call.name)?.args.safeParse(call.args);
    if (!parsed) return [`${call.name}: unknown mutation`];
    if (parsed.success) return [];
    return fieldErrors(parsed.error).map(
      (e) => `${call.name} ${(call.args as { id?: string }).id}: ${describeFieldError(e)}`,
    );
  });
}

describe('mulberry32', () => {
  it('repeats its sequence of floats in [0, 1) when given the same seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(1000);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });
});

describe('decadeCatalogue', () => {
  it('makes 5 programmes, exactly 2,000 courses, 10,000 sessions and ~108,000 class days in under a second when called with the defaults', () => {
    const counts = decadeCounts(full);
    expect(counts).toMatchObject({ programmes: 5, courses: 2_000, sessions: 10_000 });
    // ~10.8 class days a session: enough for 300,000 enrolments to hold ~3,000,000 marks.
    expect(counts.meetings).toBeGreaterThan(100_000);
    expect(counts.meetings).toBeLessThan(115_000);
    expect(full).toHaveLength(12_005);
    expect(fullMs).toBeLessThan(1_000);
  });

  it('gives every course a unique code and every record a unique id when generated at full size', () => {
    const codes = coursesOf(full).map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((code) => /^[A-Z0-9][A-Z0-9-]{1,19}$/.test(code))).toBe(true);
    expect(new Set(full.map((c) => (c.args as { id: string }).id)).size).toBe(full.length);
  });

  it('passes the mutation argument schemas when every programme and every 50th call is parsed', () => {
    const sample = full.filter((c, i) => c.name === 'programme.create' || i % 50 === 0);
    expect(sample.length).toBeGreaterThan(240);
    expect(schemaProblems(sample)).toEqual([]);
  });

  it('lists every prerequisite before the course that needs it when read in order', () => {
    const seen = new Set<string>();
    let withPrerequisites = 0;
    let withTwo = 0;
    for (const course of coursesOf(full)) {
      if (course.prerequisites.length) withPrerequisites++;
      if (course.prerequisites.length > 1) withTwo++;
      for (const p of course.prerequisites) expect(seen.has(p)).toBe(true);
      seen.add(course.id);
    }
    // About one course in five, a few of them with two.
    expect(withPrerequisites).toBeGreaterThan(300);
    expect(withPrerequisites).toBeLessThan(500);
    expect(withTwo).toBeGreaterThan(30);
  });

  it('holds most sessions before today, with schools of one to three weeks and part-time courses up to eight', () => {
    const sessions = sessionsOf(full);
    const past = sessions.filter((s) => s.startDate < decadeDefaults.today).length;
    expect(past / sessions.length).toBeGreaterThan(0.85);
    expect(past / sessions.length).toBeLessThan(0.9);
    const days = new Map<number, number>();
    let total = 0;
    sessions.forEach((s, i) => {
      const n = classDayCount(s.startDate, s.endDate, s.schedule.weekdays);
      total += n;
      days.set(n, (days.get(n) ?? 0) + 1);
      if (i % 50 === 0)
        expect(n, s.id).toBe(classDates(s.startDate, s.endDate, s.schedule.weekdays).length);
    });
    expect([...days.keys()].sort((a, b) => a - b)).toEqual([5, 8, 10, 12, 15, 16]);
    expect(total / sessions.length).toBeGreaterThan(10);
    expect(total / sessions.length).toBeLessThan(11.5);
    const mean = (mode: string) => {
      const of = sessions.filter((s) => s.mode === mode);
      return of.reduce((sum, s) => sum + s.capacity, 0) / of.length;
    };
    expect(mean('online')).toBeGreaterThan(mean('hybrid'));
    expect(mean('hybrid')).toBeGreaterThan(mean('in-person'));
    for (const s of sessions) expect(s.capacity >= 16 && s.capacity <= 90, s.id).toBe(true);
  });

  it('spreads sessions over 2020 to 2030 in partner countries with their time zones when generated', () => {
    const sessions = sessionsOf(full);
    const countries = new Set<string>(partnerCountries);
    for (const s of sessions) {
      expect(s.startDate >= '2020-01-01' && s.endDate <= '2030-12-31', s.id).toBe(true);
      expect(countries.has(s.country)).toBe(true);
      expect(s.timeZone).toBe(demoCountries[s.country as PartnerCountry].timeZone);
      if (s.site === '') expect(s.mode).toBe('online');
    }
    const years = new Set(sessions.map((s) => s.startDate.slice(0, 4)));
    expect([...years].sort()).toEqual(Array.from({ length: 11 }, (_, i) => String(2020 + i)));
    expect(new Set(sessions.map((s) => s.country)).size).toBe(partnerCountries.length);
    expect(new Set(sessions.map((s) => s.status))).toEqual(
      new Set(['draft', 'open', 'closed', 'cancelled']),
    );
  });

  it('writes course titles in Chinese, Arabic, Cyrillic and Latin scripts when generated', () => {
    const titles = coursesOf(full).map((c) => c.title);
    for (const script of [
      /\p{Script=Han}/u,
      /\p{Script=Arabic}/u,
      /\p{Script=Cyrillic}/u,
      /[şğüöçéèáíó]/u,
    ])
      expect(titles.filter((t) => script.test(t)).length, String(script)).toBeGreaterThan(50);
  });

  it('returns the same calls when the seed is the same and different ones when it changes', () => {
    const options = { courses: 200, sessions: 500, seed: 7 };
    expect(decadeCatalogue(options)).toEqual(decadeCatalogue(options));
    expect(decadeCatalogue(options)).not.toEqual(decadeCatalogue({ ...options, seed: 8 }));
  });

  it('honours smaller sizes and extra programmes when given options', () => {
    const calls = decadeCatalogue({ programmes: 7, courses: 30, sessions: 12 });
    expect(decadeCounts(calls)).toMatchObject({ programmes: 7, courses: 30, sessions: 12 });
    expect(schemaProblems(calls)).toEqual([]);
    expect(() => decadeCatalogue({ programmes: 0, courses: 1 })).toThrow(RangeError);
  });
});

describe('decadeCatalogue loaded through runMutations', () => {
  let db: ApogeeDb;
  let n = 0;
  beforeEach(async () => {
    db = new ApogeeDb(`decade-test-${n++}`);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('accepts every call and makes the counted class days when a small set is run by a coordinator', async () => {
    const calls = decadeCatalogue({ courses: 100, sessions: 400, seed: 11 });
    const outcomes = await runMutations(db, calls, { actor: coordinator, chunkSize: 200 });
    const refused = outcomes.flatMap((o, i) =>
      o.ok ? [] : [`${(calls[i]!.args as { id?: string }).id}: ${JSON.stringify(o.error)}`],
    );
    expect(refused).toEqual([]);
    const counts = decadeCounts(calls);
    expect(await db.programmes.count()).toBe(counts.programmes);
    expect(await db.courses.count()).toBe(100);
    expect(await db.sessions.count()).toBe(400);
    expect(await db.meetings.count()).toBe(counts.meetings);
  });
});
