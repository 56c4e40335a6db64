import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decadeCatalogue,
  decadeHistoryCatalogue,
  decadePeople,
  planDecadePeople,
  type DecadePeopleOptions,
} from '../../shared/demo';
import { partnerCountries } from '../../shared/domain/values';
import { describeFieldError, fieldErrors } from '../../shared/errors';
import { findMutation, type MutationArgs, type MutationCall } from '../../shared/mutations';
import { coordinator } from '../../shared/testing/factories';
import { runMutations } from '../../renderer/db/mutate';
import { ApogeeDb } from '../../renderer/db/schema';

// The full default set, generated once: its batches are walked here, never kept whole.
const started = performance.now();
const fullPlan = planDecadePeople();
const counts: Record<string, number> = {};
const emails = new Set<string>();
const ids = new Set<string>();
const people: MutationArgs['person.create'][] = [];
const sample: MutationCall[] = [];
let calls = 0;
let clockInOrder = true;
let lastNow = '';
for (const batch of fullPlan.batches()) {
  if (batch.now < lastNow) clockInOrder = false;
  lastNow = batch.now;
  for (const call of batch.calls) {
    counts[call.name] = (counts[call.name] ?? 0) + 1;
    if (calls++ % 97 === 0 || call.name === 'institution.create') sample.push(call);
    if (call.name === 'person.create') {
      emails.add(call.args.email!);
      ids.add(call.args.id);
      people.push(call.args);
    } else if (call.name === 'enrolment.request' || call.name === 'institution.create')
      ids.add(call.args.id);
  }
}
const fullMs = performance.now() - started;

function schemaProblems(list: readonly MutationCall[]): string[] {
  return list.flatMap((call) => {
    const parsed = findMutation(call.name)?.args.safeParse(call.args);
    if (!parsed) return [`${call.name}: unknown mutation`];
    if (parsed.success) return [];
    return fieldErrors(parsed.error).map((e) => `${call.name}: ${describeFieldError(e)}`);
  });
}

describe('planDecadePeople', () => {
  it('makes 500 institutions, 100,000 people and 300,000 requests with unique ids and e-mails when called with the defaults', () => {
    const { stats } = fullPlan;
    expect(counts['institution.create']).toBe(500);
    expect(counts['person.create']).toBe(100_000);
    // Sessions of courses with prerequisites take only trainees who completed them, so a few
    // requests may be left over at the very end; nearly all are made.
    expect(counts['enrolment.request']).toBe(stats.requests);
    expect(stats.requests).toBeGreaterThan(295_000);
    expect(stats.requests).toBeLessThanOrEqual(300_000);
    expect(stats.placed + stats.waitlisted).toBe(stats.requests);
    expect(counts['enrolment.setOutcome']).toBe(stats.completed + stats.notCompleted);
    expect(counts['attendance.mark']).toBe(stats.marks);
    expect(stats.marks).toBeGreaterThan(190_000);
    expect(stats.marks).toBeLessThanOrEqual(200_000);
    expect(stats.projectedMarks).toBeGreaterThan(stats.marks);
    expect(counts['session.update']).toBe(stats.closing);
    expect(calls).toBe(stats.calls);
    expect(emails.size).toBe(100_000);
    expect(ids.size).toBe(500 + 100_000 + stats.requests);
    expect(clockInOrder).toBe(true);
    // Generating every call of the set (~700,000) took ~5.5 s on a 2-core machine at load 11,
    // of which ~2.6 s for the 100,000 people; the bound leaves room for slower machines.
    expect(fullMs).toBeLessThan(15_000);
  });

  it('gives about 2% of people the instructor role and spreads them over every partner country', () => {
    const instructors = people.filter((p) => p.roles.includes('instructor')).length;
    expect(instructors / people.length).toBeGreaterThan(0.015);
    expect(instructors / people.length).toBeLessThan(0.025);
    expect(people.filter((p) => p.roles.includes('trainee')).length).toBe(fullPlan.stats.trainees);
    expect(new Set(people.map((p) => p.country))).toEqual(new Set(partnerCountries));
    expect(people.filter((p) => p.institutionId === '').length).toBeLessThan(10_000);
  });

  it('writes native names in their scripts with a Latin transliteration when the script is not Latin', () => {
    const native = people.map((p) => p.nativeName);
    for (const script of [
      /\p{Script=Han}/u,
      /\p{Script=Arabic}/u,
      /\p{Script=Cyrillic}/u,
      /\p{Script=Thai}/u,
      /\p{Script=Ethiopic}/u,
      /\p{Script=Hiragana}|\p{Script=Han} /u,
      /[şğüöçéèáíóəåñ]/u,
    ])
      expect(native.filter((n) => script.test(n)).length, String(script)).toBeGreaterThan(500);
    for (const p of people.slice(0, 5_000)) {
      if (/\p{Script=Latin}/u.test(p.nativeName)) expect(p.latinName).toBe('');
      else expect(p.latinName, p.nativeName).toMatch(/^[\p{Script=Latin}\s’'-]+$/u);
    }
    expect(native.filter((n) => n.includes('Соколова')).length).toBeGreaterThan(10);
    expect(native.filter((n) => /[ہےٹڈ]/u.test(n)).length).toBeGreaterThan(500);
  });

  it('passes the mutation argument schemas when every institution and every 97th call is parsed', () => {
    expect(sample.length).toBeGreaterThan(7_000);
    expect(new Set(sample.map((c) => c.name)).size).toBe(6);
    expect(schemaProblems(sample)).toEqual([]);
  });

  it('returns the same calls when the seed is the same and different ones when it changes', () => {
    const options: DecadePeopleOptions = {
      institutions: 30,
      people: 300,
      enrolments: 500,
      marks: 300,
      catalogue: { courses: 40, sessions: 100 },
      seed: 3,
    };
    const a = decadePeople(options);
    expect(decadePeople(options)).toEqual(a);
    expect(decadePeople({ ...options, seed: 4 })).not.toEqual(a);
    expect(a.filter((c) => c.name === 'person.create')).toHaveLength(300);
  });
});

describe('decade people loaded through runMutations', () => {
  let db: ApogeeDb;
  let n = 0;
  beforeEach(async () => {
    db = new ApogeeDb(`decade-people-test-${n++}`);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('accepts every call, each batch at its own clock, and ends with the catalogue statuses of today', async () => {
    const catalogue = { courses: 30, sessions: 120, seed: 11 };
    const options: DecadePeopleOptions = {
      institutions: 40,
      people: 300,
      enrolments: 1_000,
      marks: 800,
      catalogue,
    };
    const plan = planDecadePeople(options);
    const refused: string[] = [];
    const run = async (list: MutationCall[], now: string) => {
      const outcomes = await runMutations(db, list, {
        actor: coordinator,
        now: () => now,
        chunkSize: 500,
      });
      outcomes.forEach((o, i) => {
        if (!o.ok)
          refused.push(`${list[i]!.name} ${JSON.stringify(list[i]!.args)}: ${o.error.code}`);
      });
    };
    await run(decadeHistoryCatalogue(catalogue), '2019-11-01T09:00:00.000Z');
    for (const batch of plan.batches()) await run(batch.calls, batch.now);
    expect(refused.slice(0, 5)).toEqual([]);

    const { stats } = plan;
    expect(stats.requests).toBeGreaterThan(600);
    expect(stats.completed).toBeGreaterThan(0);
    expect(stats.marks).toBeGreaterThan(0);
    expect(await db.institutions.count()).toBe(40);
    expect(await db.people.count()).toBe(300);
    const enrolments = await db.enrolments.toArray();
    const byState = (state: string) => enrolments.filter((e) => e.state === state).length;
    expect(enrolments).toHaveLength(stats.requests);
    expect(byState('enrolled')).toBe(stats.enrolled);
    expect(byState('waitlisted')).toBe(stats.waitlisted);
    expect(byState('completed')).toBe(stats.completed);
    expect(byState('not-completed')).toBe(stats.notCompleted);
    expect(await db.attendance.count()).toBe(stats.marks);

    const sessions = new Map((await db.sessions.toArray()).map((s) => [s.id, s.status]));
    for (const call of decadeCatalogue(catalogue))
      if (call.name === 'session.create')
        expect(sessions.get(call.args.id), call.args.id).toBe(call.args.status);
  });
});
