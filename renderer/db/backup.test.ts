import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coordinator, courseArgs, programmeArgs, sessionArgs } from '../../shared/testing/factories';
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
