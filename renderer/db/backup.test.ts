import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coordinator, courseArgs, enrolmentArgs, institutionArgs, personArgs, programmeArgs, sessionArgs } from '../../shared/testing/factories';
import { exportBackup, parseBackup, restoreBackup } from './backup';
import { mutate, runMutations } from './mutate';
import { ApogeeDb } from './schema';

let db: ApogeeDb;
let n = 0;
beforeEach(async () => {
  db = new ApogeeDb(`backup-test-${n++}`);
  await runMutations(
    db,
    [
      { name: 'programme.create', args: programmeArgs() },
      { name: 'course.create', args: courseArgs() },
      { name: 'session.create', args: sessionArgs() },
    ],
    { actor: coordinator },
  );
});
afterEach(() => db.delete());

describe('backups', () => {
  it('restores the catalogue and the waiting changes exactly as they were', async () => {
    const json = await exportBackup(db);
    await mutate(db, { name: 'course.update', args: courseArgs({ title: 'Changed after the backup' }) }, coordinator);
    const parsed = parseBackup(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await restoreBackup(db, parsed.backup);
    expect((await db.courses.get('course-csd101'))?.title).toBe('CubeSat Systems Engineering Fundamentals');
    expect(await db.meetings.count()).toBe(10);
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['programme.create', 'course.create', 'session.create']);
  });

  it('forgets where sync had got to, so the next sync downloads a fresh copy of the hub', async () => {
    await db.syncState.put({ key: 'cursor', seq: 42, text: '42.org' });
    await db.syncState.put({ key: 'client', clientId: 'client-kept' });
    const parsed = parseBackup(await exportBackup(db));
    if (!parsed.ok) throw new Error('backup not read');
    await restoreBackup(db, parsed.backup);
    expect(await db.syncState.get('cursor')).toBeUndefined();
    // This device stays the same device for the hub.
    expect(await db.syncState.get('client')).toMatchObject({ clientId: 'client-kept' });
  });

  it('restores people, enrolments and attendance marks when the backup had them', async () => {
    await runMutations(
      db,
      [
        { name: 'institution.create', args: institutionArgs() },
        { name: 'person.create', args: personArgs({ institutionId: 'inst-suparco' }) },
        { name: 'enrolment.request', args: enrolmentArgs() },
        { name: 'attendance.mark', args: { meetingId: 'session-1@2026-03-09', personId: 'p-1', status: 'late' } },
      ],
      { actor: coordinator, now: () => '2026-02-01T10:00:00.000Z' },
    );
    const json = await exportBackup(db);
    await mutate(db, { name: 'enrolment.withdraw', args: { id: 'enr-1' } }, coordinator);
    const parsed = parseBackup(json);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await restoreBackup(db, parsed.backup);
    expect(await db.institutions.count()).toBe(1);
    expect((await db.people.get('p-1'))?.institutionId).toBe('inst-suparco');
    expect((await db.enrolments.get('enr-1'))?.state).toBe('enrolled');
    expect((await db.attendance.toArray()).map((m) => m.status)).toEqual(['late']);
  });

  it('restores a backup made before people existed, leaving the new tables empty', async () => {
    const doc = JSON.parse(await exportBackup(db)) as { schemaVersion: number; tables: Record<string, unknown> };
    doc.schemaVersion = 2;
    for (const table of ['institutions', 'people', 'enrolments', 'teams', 'attendance', 'results']) delete doc.tables[table];
    const parsed = parseBackup(JSON.stringify(doc));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await restoreBackup(db, parsed.backup);
    expect(await db.courses.count()).toBe(1);
    expect(await db.people.count()).toBe(0);
  });

  it('says a file that is not JSON is not a backup, before touching anything', () => {
    expect(parseBackup('PK\u0003\u0004 zip bytes')).toMatchObject({ ok: false, problem: { code: 'not-json' } });
    expect(parseBackup('{"hello":"world"}')).toMatchObject({ ok: false, problem: { code: 'not-a-backup' } });
  });

  it('names the table, row and field of a corrupt row', async () => {
    const doc = JSON.parse(await exportBackup(db)) as { tables: { courses: { code: string }[] } };
    doc.tables.courses[0]!.code = 'not a code!';
    expect(parseBackup(JSON.stringify(doc))).toMatchObject({
      ok: false,
      problem: { code: 'invalid-row', where: 'courses, row 1, code' },
    });
  });

  it('refuses a backup from a newer version of Apogee', async () => {
    const doc = JSON.parse(await exportBackup(db)) as { schemaVersion: number };
    doc.schemaVersion = 99;
    expect(parseBackup(JSON.stringify(doc))).toMatchObject({ ok: false, problem: { code: 'newer-version' } });
  });
});
