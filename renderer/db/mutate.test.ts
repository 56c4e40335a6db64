import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coordinator, courseArgs, programmeArgs, sessionArgs, trainee } from '../../shared/testing/factories';
import { mutate, runMutations } from './mutate';
import { ApogeeDb } from './schema';

let db: ApogeeDb;
let n = 0;
beforeEach(async () => {
  db = new ApogeeDb(`mutate-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const seed = () =>
  runMutations(
    db,
    [
      { name: 'programme.create', args: programmeArgs() },
      { name: 'course.create', args: courseArgs() },
    ],
    { actor: coordinator },
  );

describe('mutate', () => {
  it('stores the course and queues the change in the outbox together', async () => {
    await seed();
    const course = await db.courses.get('course-csd101');
    expect(course).toMatchObject({ code: 'CSD-101', archived: false });
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.name)).toEqual(['programme.create', 'course.create']);
    expect(outbox[1]).toMatchObject({ status: 'pending', version: 1, actor: coordinator });
  });

  it('gives every queued change its own id, rising in queue order, that compresses on the wire', async () => {
    await seed();
    const calls = Array.from({ length: 300 }, (_, i) => ({ name: 'programme.create' as const, args: programmeArgs({ id: `prog-${i}`, name: `Programme ${i}` }) }));
    await runMutations(db, calls, { actor: coordinator, chunkSize: 50 });
    await mutate(db, { name: 'programme.create', args: programmeArgs({ id: 'prog-last', name: 'Last' }) }, coordinator);
    const ids = (await db.outbox.orderBy('seq').toArray()).map((e) => e.id);
    expect(ids).toHaveLength(303);
    expect(new Set(ids).size).toBe(303);
    const [prefix] = ids[0]!.split('.');
    const times = ids.map((id) => {
      expect(id.startsWith(`${prefix}.`)).toBe(true);
      return parseInt(id.split('.')[1]!, 36);
    });
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]!);
    // Short, and alike: what a push carries of them gzips to a few bytes each.
    expect(Math.max(...ids.map((id) => id.length))).toBeLessThan(20);
  });

  it('refuses invalid arguments with the field and reason, and changes nothing', async () => {
    await seed();
    const before = await db.courses.toArray();
    const outcome = await mutate(db, { name: 'course.update', args: courseArgs({ code: 'x', hours: 0 }) }, coordinator);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('invalid-args');
    expect(outcome.error.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'code', code: 'code-format' }),
        expect.objectContaining({ path: 'hours', code: 'too-small' }),
      ]),
    );
    expect(await db.courses.toArray()).toEqual(before);
    expect(await db.outbox.count()).toBe(2);
  });

  it('refuses a second course with the same code, naming the code', async () => {
    await seed();
    const outcome = await mutate(db, { name: 'course.create', args: courseArgs({ id: 'other', code: 'csd-101' }) }, coordinator);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'code-taken', params: { code: 'CSD-101' }, fields: [{ path: 'code' }] } });
    expect(await db.courses.count()).toBe(1);
  });

  it('refuses a trainee who tries to change the catalogue', async () => {
    await seed();
    const outcome = await mutate(db, { name: 'course.archive', args: { id: 'course-csd101', archived: true } }, trainee);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await db.courses.get('course-csd101'))?.archived).toBe(false);
  });

  it('refuses a change it does not know', async () => {
    const outcome = await mutate(db, { name: 'course.explode', args: {} } as never, coordinator);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unknown-mutation' } });
    expect(await db.outbox.count()).toBe(0);
  });

  it('generates the class days of a new session and moves them when the schedule changes', async () => {
    await seed();
    await mutate(db, { name: 'session.create', args: sessionArgs() }, coordinator);
    expect(await db.meetings.where('sessionId').equals('session-1').count()).toBe(10);

    const firstDay = (await db.meetings.get('session-1@2026-03-09'))!;
    await mutate(db, { name: 'meeting.update', args: { ...firstDay, room: 'Lab 2' } }, coordinator);
    const outcome = await mutate(
      db,
      { name: 'session.update', args: sessionArgs({ schedule: { weekdays: [2, 4], startTime: '10:00', endTime: '13:00' } }) },
      coordinator,
    );
    expect(outcome.ok).toBe(true);
    const days = await db.meetings.where('sessionId').equals('session-1').sortBy('date');
    expect(days.map((d) => d.date)).toEqual(['2026-03-09', '2026-03-10', '2026-03-12', '2026-03-17', '2026-03-19']);
    expect(days[0]).toMatchObject({ room: 'Lab 2', startTime: '09:00', edited: true });
    expect(days[1]).toMatchObject({ startTime: '10:00', endTime: '13:00' });
  });

  it('keeps the valid calls of a batch and reports the refused ones', async () => {
    await seed();
    const outcomes = await runMutations(
      db,
      [
        { name: 'course.create', args: courseArgs({ id: 'c2', code: 'CSD-102' }) },
        { name: 'course.create', args: courseArgs({ id: 'c3', code: 'CSD-102' }) },
        { name: 'course.create', args: courseArgs({ id: 'c4', code: 'CSD-104', prerequisites: ['c2'] }) },
      ],
      { actor: coordinator },
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect((await db.courses.toArray()).map((c) => c.code).sort()).toEqual(['CSD-101', 'CSD-102', 'CSD-104']);
    expect(await db.outbox.count()).toBe(4);
  });

  it('rolls back the whole chunk when asked to be atomic', async () => {
    await seed();
    await runMutations(
      db,
      [
        { name: 'course.create', args: courseArgs({ id: 'c2', code: 'CSD-102' }) },
        { name: 'course.create', args: courseArgs({ id: 'c3', code: 'CSD-102' }) },
      ],
      { actor: coordinator, atomic: true },
    );
    expect(await db.courses.count()).toBe(1);
    expect(await db.outbox.count()).toBe(2);
  });

  it('reports progress chunk by chunk and stops when cancelled', async () => {
    await seed();
    const progress: number[] = [];
    const calls = Array.from({ length: 25 }, (_, i) => ({
      name: 'course.create' as const,
      args: courseArgs({ id: `c${i}`, code: `BULK-${i}` }),
    }));
    await runMutations(db, calls, {
      actor: coordinator,
      chunkSize: 10,
      onProgress: (done) => progress.push(done),
      cancelled: () => progress.length === 2,
    });
    expect(progress).toEqual([10, 20]);
    expect(await db.courses.count()).toBe(21);
  });
});

describe('pendingChanges', () => {
  it('counts the outbox as a queue: every change appended, none when empty, the rest after the front is drained', async () => {
    const { pendingChanges } = await import('./index');
    const database = new ApogeeDb(`pending-${Math.random()}`);
    await database.open();
    expect(await pendingChanges(database)).toBe(0);
    const calls = Array.from({ length: 7 }, (_, i) => ({ name: 'programme.create' as const, args: programmeArgs({ id: `p-${i}`, name: `Programme ${i}` }) }));
    await runMutations(database, calls, { actor: coordinator, now: () => '2026-01-01T00:00:00.000Z' });
    expect(await pendingChanges(database)).toBe(await database.outbox.count());
    expect(await pendingChanges(database)).toBe(7);
    // What sync will do: remove acknowledged entries from the front.
    const firstThree = (await database.outbox.orderBy(':id').limit(3).primaryKeys()) as number[];
    await database.outbox.bulkDelete(firstThree);
    expect(await pendingChanges(database)).toBe(4);
    await database.delete();
  });
});
