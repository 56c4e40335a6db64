// The device judges a site coordinator's changes as the hub does (server/roles.test.ts runs the
// same table there): refused at once, with nothing written and nothing queued for the hub.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mutations, type MutationCall, type MutationName } from '../../shared/mutations';
import { coordinator, programmeArgs } from '../../shared/testing/factories';
import { callsAbroad, classDay, site, siteCoordinator, siteSession, siteWorldCalls } from '../../shared/testing/siteWorld';
import type { ApogeeDb } from '../../renderer/db/schema';
import type { Conflict } from '../../shared/domain/conflicts';
import { openDb, run, runOne } from './enrolmentWorld';

const now = () => new Date().toISOString();
const conflictId = 'conflict-site-tr';

/** Every table of the device, outbox included: to check that a refusal left nothing behind. */
async function snapshot(db: ApogeeDb) {
  return Object.fromEntries(await Promise.all(db.tables.filter((t) => t.name !== 'syncState').map(async (t) => [t.name, await t.toArray()] as const)));
}

let db: ApogeeDb;
beforeEach(async () => {
  db = await openDb();
  const outcomes = await run(db, [{ name: 'programme.create', args: programmeArgs() }, ...siteWorldCalls('prog-cubesat')], coordinator, now());
  expect(outcomes.filter((o) => !o.ok)).toEqual([]);
  // A conflict of attendance abroad, as the hub's pull brings it.
  const at = now();
  const conflict: Conflict = {
    id: conflictId,
    kind: 'attendance',
    meetingId: classDay(site.sessionAbroad, -3),
    sessionId: site.sessionAbroad,
    personId: site.personAbroad,
    values: [
      { status: 'present', recordedBy: 'a', recordedAt: at },
      { status: 'absent', recordedBy: 'b', recordedAt: at },
    ],
    state: 'open',
    chosen: null,
    resolvedBy: '',
    createdAt: at,
    updatedAt: at,
  };
  await db.conflicts.put(conflict);
});
afterEach(async () => {
  await db.delete();
});

describe('a site coordinator on this device', () => {
  const names = Object.keys(mutations) as MutationName[];
  it.each(names)('answers %s on records abroad as the hub does', async (name) => {
    const { args, expected } = callsAbroad(conflictId)[name];
    const before = await snapshot(db);
    const outcome = await runOne(db, { name, args } as MutationCall, siteCoordinator, now());
    if (expected === 'ok') {
      expect(outcome, name).toMatchObject({ ok: true });
      return;
    }
    expect(outcome.ok ? 'ok' : outcome.error.code, name).toBe(expected);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses moving a session of its site to another country, pinned to the country field', async () => {
    const before = await snapshot(db);
    const outcome = await runOne(db, { name: 'session.update', args: siteSession(site.sessionHere, 'TR') }, siteCoordinator, now());
    expect(outcome).toMatchObject({ ok: false, error: { code: 'outside-site', params: { site: 'PK', country: 'TR' }, fields: [{ path: 'country' }] } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('runs the sessions of its site like any coordinator: edit, class days, enrol, attendance, outcome, conflicts', async () => {
    const here = classDay(site.sessionHere, -1);
    await db.conflicts.put({ ...(await db.conflicts.get(conflictId))!, id: 'conflict-here', sessionId: site.sessionHere, meetingId: here, personId: site.visitor });
    const outcomes = await run(
      db,
      [
        { name: 'session.update', args: siteSession(site.sessionHere, 'PK', { capacity: 25 }) },
        { name: 'session.create', args: siteSession('session-site-another', 'PK') },
        { name: 'meeting.update', args: { id: here, date: here.split('@')[1]!, startTime: '10:00', endTime: '15:00', room: 'Lab 2', note: '', cancelled: false } },
        { name: 'enrolment.request', args: { id: 'enr-site-p', personId: site.personAbroad, sessionId: site.sessionHere } },
        { name: 'attendance.mark', args: { meetingId: here, personId: site.personAbroad, status: 'present' } },
        { name: 'enrolment.setOutcome', args: { id: site.enrolmentVisitor, outcome: 'completed' } },
        { name: 'conflict.resolve', args: { id: 'conflict-here', status: 'late' } },
        { name: 'person.update', args: { ...(await db.people.get(site.visitor))!, latinName: 'Visitor' } },
      ],
      siteCoordinator,
      now(),
    );
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.error.code))).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    expect((await db.outbox.toArray()).filter((e) => e.actor.site === 'PK')).toHaveLength(8);
  });
});
