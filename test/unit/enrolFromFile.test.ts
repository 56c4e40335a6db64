import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMutations } from '../../renderer/db/mutate';
import type { ApogeeDb } from '../../renderer/db/schema';
import { enrolmentFileCalls, planEnrolmentFile } from '../../renderer/features/enrolment/enrolFromFile';
import { readPeopleFile } from '../../renderer/features/people';
import { suggestMapping } from '../../renderer/features/people/csv/mapping';
import { coordinator } from '../../shared/testing/factories';
import { duringEnrolment, openDb, seedWorld } from './enrolmentWorld';

/** Reads a CSV text, plans it against the stored people and roster of session-1, and runs it. */
async function enrolFrom(db: ApogeeDb, text: string, createUnknown = false) {
  const read = readPeopleFile('people.csv', new TextEncoder().encode(text));
  if (!read.ok) throw new Error(read.problem);
  const mapping = suggestMapping(read.file.headers);
  const people = await db.people.toArray();
  const plan = planEnrolmentFile(read.file, mapping, {
    existingByEmail: new Map(people.map((p) => [p.email, p])),
    enrolments: await db.enrolments.where('sessionId').equals('session-1').toArray(),
    createUnknown,
    institutionsByName: new Map(),
    newId: () => crypto.randomUUID(),
  });
  const { calls } = enrolmentFileCalls(plan, 'session-1', () => crypto.randomUUID());
  const outcomes = await runMutations(db, calls, { actor: coordinator, now: () => duringEnrolment, chunkSize: 2 });
  return { plan, outcomes };
}

describe('enrolling from a file through the mutations', () => {
  let db: ApogeeDb;
  beforeEach(async () => {
    db = await openDb();
    await seedWorld(db, { trainees: 4, session: { capacity: 2 } });
  });
  afterEach(async () => {
    await db.delete();
  });

  it('enrols matched rows until the session is full and waitlists the rest, leaving unknown and bad rows out', async () => {
    const { plan, outcomes } = await enrolFrom(
      db,
      'E-mail\nt-1@example.org\nnobody@example.org\nt-2@example.org\nnot an e-mail\nt-3@example.org\n',
    );
    expect(plan.unknown.map((u) => u.row)).toEqual([3]);
    expect(plan.errors.map((e) => e.row)).toEqual([5]);
    expect(outcomes.map((o) => (o.ok ? (o.notices?.[0]?.code ?? 'enrolled') : o.error.code))).toEqual([
      'enrolled',
      'enrolled',
      'waitlisted',
    ]);
    const states = (await db.enrolments.toArray()).map((e) => [e.personId, e.state]).sort();
    expect(states).toEqual([
      ['t-1', 'enrolled'],
      ['t-2', 'enrolled'],
      ['t-3', 'waitlisted'],
    ]);
    expect(await db.people.count()).toBe(5);
  });

  it('lists people already on the roster instead of enrolling them twice when the same file is enrolled again', async () => {
    await enrolFrom(db, 'E-mail\nt-1@example.org\n');
    const again = await enrolFrom(db, 'E-mail\nt-1@example.org\nt-4@example.org\n');
    expect(again.plan.alreadyOnRoster.map((r) => r.personId)).toEqual(['t-1']);
    expect(again.outcomes).toHaveLength(1);
    expect(await db.enrolments.count()).toBe(2);
  });

  it('adds people not yet on this device before enrolling them, when asked', async () => {
    const { outcomes } = await enrolFrom(db, 'E-mail,Name\nngozi@example.org,Ngozi Eze\n', true);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const added = await db.people.where('email').equals('ngozi@example.org').first();
    expect(added?.nativeName).toBe('Ngozi Eze');
    expect((await db.enrolments.toArray()).map((e) => e.personId)).toEqual([added?.id]);
  });

  it('changes nothing stored when the file is not a CSV, is empty or has no header', async () => {
    const before = [await db.people.count(), await db.enrolments.count(), await db.outbox.count()];
    for (const bytes of [new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]), new Uint8Array(), new TextEncoder().encode('1,2\n3,4\n')])
      expect(readPeopleFile('x.csv', bytes).ok).toBe(false);
    expect([await db.people.count(), await db.enrolments.count(), await db.outbox.count()]).toEqual(before);
  });
});
