import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coordinator, courseArgs, enrolmentArgs, personArgs, sessionArgs, trainee } from '../../shared/testing/factories';
import type { ApogeeDb } from '../../renderer/db/schema';
import { openDb, requests, run, runOne, seedWorld, traineeIds } from './enrolmentWorld';

let db: ApogeeDb;
beforeEach(async () => {
  db = await openDb();
});
afterEach(async () => {
  await db.delete();
});

const stateOf = async (id: string) => (await db.enrolments.get(id))?.state;

describe('enrolment.request', () => {
  it('enrols while there is room and waitlists with the position once the session is full', async () => {
    await seedWorld(db, { trainees: 4, session: { capacity: 2 } });
    const outcomes = await run(db, requests(['t-1', 't-2']));
    expect(outcomes.every((o) => o.ok && !o.notices)).toBe(true);
    const third = await runOne(db, requests(['t-3'])[0]!);
    expect(third).toMatchObject({ ok: true, notices: [{ code: 'waitlisted', params: { position: 1 } }] });
    const fourth = await runOne(db, requests(['t-4'])[0]!);
    expect(fourth).toMatchObject({ ok: true, notices: [{ code: 'waitlisted', params: { position: 2 } }] });
    expect((await db.enrolments.toArray()).map((e) => [e.personId, e.state, e.waitlistRank])).toEqual([
      ['t-1', 'enrolled', 0],
      ['t-2', 'enrolled', 0],
      ['t-3', 'waitlisted', 1],
      ['t-4', 'waitlisted', 2],
    ]);
  });

  it('respects capacity when five requests for three places come in one batch', async () => {
    await seedWorld(db, { trainees: 5, session: { capacity: 3 } });
    const outcomes = await run(db, requests(traineeIds(5)));
    expect(outcomes.map((o) => (o.ok ? (o.notices?.[0]?.params.position ?? 'enrolled') : o.error.code))).toEqual([
      'enrolled',
      'enrolled',
      'enrolled',
      1,
      2,
    ]);
    const rows = await db.enrolments.where('sessionId').equals('session-1').toArray();
    expect(rows.filter((e) => e.state === 'enrolled')).toHaveLength(3);
    expect(rows.filter((e) => e.state === 'waitlisted').map((e) => e.waitlistRank)).toEqual([1, 2]);
  });

  it('records who enrolled and when in the history when a coordinator enrols', async () => {
    await seedWorld(db);
    await runOne(db, requests(['t-1'])[0]!);
    expect((await db.enrolments.get('e-t-1'))?.history).toEqual([
      { state: 'enrolled', at: '2026-02-01T10:00:00.000Z', by: 'device-test', reason: '' },
    ]);
  });

  it('leaves the enrolment requested when the course needs approval', async () => {
    await seedWorld(db, { course: { requiresApproval: true } });
    expect(await runOne(db, requests(['t-1'])[0]!)).toMatchObject({ ok: true });
    expect(await stateOf('e-t-1')).toBe('requested');
  });

  it('refuses session-cancelled when the session is cancelled', async () => {
    await seedWorld(db, { session: { status: 'cancelled' } });
    expect(await runOne(db, requests(['t-1'])[0]!)).toMatchObject({
      ok: false,
      error: { code: 'session-cancelled', fields: [{ path: 'sessionId' }] },
    });
    expect(await db.enrolments.count()).toBe(0);
  });

  it.each(['draft', 'closed'] as const)('refuses session-not-open when the session is %s', async (status) => {
    await seedWorld(db, { session: { status } });
    expect(await runOne(db, requests(['t-1'])[0]!)).toMatchObject({ ok: false, error: { code: 'session-not-open' } });
    expect(await db.enrolments.count()).toBe(0);
  });

  it.each([
    ['before it opens', '2026-01-14T12:00:00.000Z'],
    ['after it closes', '2026-03-02T08:00:00.000Z'],
  ])('refuses enrolment-window-closed with the dates when asked %s', async (_, now) => {
    await seedWorld(db);
    expect(await runOne(db, requests(['t-1'])[0]!, coordinator, now)).toMatchObject({
      ok: false,
      error: { code: 'enrolment-window-closed', params: { opens: '2026-01-15', closes: '2026-03-01' }, fields: [{ path: 'sessionId' }] },
    });
  });

  it('accepts a request on the last day of the window', async () => {
    await seedWorld(db);
    expect(await runOne(db, requests(['t-1'])[0]!, coordinator, '2026-03-01T23:00:00.000Z')).toMatchObject({ ok: true });
  });

  it('refuses already-enrolled when the person is on the list, and accepts again after a withdrawal', async () => {
    await seedWorld(db);
    await runOne(db, requests(['t-1'])[0]!);
    const again = await runOne(db, { name: 'enrolment.request', args: enrolmentArgs({ id: 'e-again', personId: 't-1' }) });
    expect(again).toMatchObject({ ok: false, error: { code: 'already-enrolled', fields: [{ path: 'personId' }] } });
    await runOne(db, { name: 'enrolment.withdraw', args: { id: 'e-t-1' } });
    expect(await runOne(db, { name: 'enrolment.request', args: enrolmentArgs({ id: 'e-again', personId: 't-1' }) })).toMatchObject({ ok: true });
  });

  it('refuses not-a-trainee when the person lacks the trainee role', async () => {
    await seedWorld(db);
    expect(await runOne(db, requests(['p-instructor'])[0]!)).toMatchObject({
      ok: false,
      error: { code: 'not-a-trainee', fields: [{ path: 'personId' }] },
    });
  });

  it('refuses prerequisites-missing with the course codes until a session of the prerequisite is completed', async () => {
    await seedWorld(db);
    await run(db, [
      { name: 'course.create', args: courseArgs({ id: 'course-csd201', code: 'CSD-201', prerequisites: ['course-csd101'] }) },
      { name: 'session.create', args: sessionArgs({ id: 'session-2', courseId: 'course-csd201' }) },
    ]);
    expect(await runOne(db, requests(['t-1'], 'session-2')[0]!)).toMatchObject({
      ok: false,
      error: { code: 'prerequisites-missing', params: { codes: 'CSD-101' }, fields: [{ path: 'personId' }] },
    });
    await runOne(db, requests(['t-1'])[0]!);
    await runOne(db, { name: 'enrolment.setOutcome', args: { id: 'e-t-1', outcome: 'completed' } });
    const second = await runOne(db, { name: 'enrolment.request', args: enrolmentArgs({ id: 'e-2', personId: 't-1', sessionId: 'session-2' }) });
    expect(second).toMatchObject({ ok: true });
  });

  it('lets a trainee request a place for themselves only', async () => {
    await seedWorld(db);
    await runOne(db, { name: 'person.create', args: personArgs() });
    expect(await runOne(db, { name: 'enrolment.request', args: enrolmentArgs() }, trainee)).toMatchObject({ ok: true });
    expect(await runOne(db, requests(['t-1'])[0]!, trainee)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await db.enrolments.count()).toBe(1);
  });
});

describe('enrolment.withdraw', () => {
  it('promotes the first of the waiting list and names them in a notice when a place frees up', async () => {
    await seedWorld(db, { trainees: 4, session: { capacity: 2 } });
    await run(db, requests(traineeIds(4)));
    const outcome = await runOne(db, { name: 'enrolment.withdraw', args: { id: 'e-t-1', reason: 'Visa refused' } });
    expect(outcome).toMatchObject({ ok: true, notices: [{ code: 'promoted', params: { personId: 't-3', name: 'Trainee t-3' } }] });
    expect(await db.enrolments.get('e-t-1')).toMatchObject({ state: 'withdrawn', reason: 'Visa refused' });
    expect(await stateOf('e-t-3')).toBe('enrolled');
    expect(await stateOf('e-t-4')).toBe('waitlisted');
    expect((await db.enrolments.get('e-t-3'))?.history.map((h) => h.state)).toEqual(['waitlisted', 'enrolled']);
  });

  it('promotes nobody when a waitlisted trainee withdraws', async () => {
    await seedWorld(db, { trainees: 4, session: { capacity: 2 } });
    await run(db, requests(traineeIds(4)));
    const outcome = await runOne(db, { name: 'enrolment.withdraw', args: { id: 'e-t-3' } });
    expect(outcome.ok && outcome.notices).toBe(undefined);
    expect(await stateOf('e-t-4')).toBe('waitlisted');
  });

  it('lets a trainee withdraw their own enrolment but not someone else’s', async () => {
    await seedWorld(db);
    await runOne(db, { name: 'person.create', args: personArgs() });
    await run(db, [...requests(['t-1']), { name: 'enrolment.request', args: enrolmentArgs() }]);
    expect(await runOne(db, { name: 'enrolment.withdraw', args: { id: 'e-t-1' } }, trainee)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await stateOf('e-t-1')).toBe('enrolled');
    expect(await runOne(db, { name: 'enrolment.withdraw', args: { id: 'enr-1' } }, trainee)).toMatchObject({ ok: true });
    expect(await stateOf('enr-1')).toBe('withdrawn');
  });

  it('refuses invalid-state when the enrolment is already withdrawn', async () => {
    await seedWorld(db);
    await runOne(db, requests(['t-1'])[0]!);
    await runOne(db, { name: 'enrolment.withdraw', args: { id: 'e-t-1' } });
    expect(await runOne(db, { name: 'enrolment.withdraw', args: { id: 'e-t-1' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-state', params: { state: 'withdrawn' } },
    });
  });
});

describe('enrolment.approve and enrolment.reject', () => {
  it('enrols an approved request, or waitlists it with a notice when the session is full', async () => {
    await seedWorld(db, { course: { requiresApproval: true }, session: { capacity: 1 } });
    await run(db, requests(['t-1', 't-2']));
    const first = await runOne(db, { name: 'enrolment.approve', args: { id: 'e-t-1' } });
    expect(first.ok && first.notices).toBe(undefined);
    expect(await runOne(db, { name: 'enrolment.approve', args: { id: 'e-t-2' } })).toMatchObject({
      ok: true,
      notices: [{ code: 'waitlisted', params: { position: 1 } }],
    });
    expect([await stateOf('e-t-1'), await stateOf('e-t-2')]).toEqual(['enrolled', 'waitlisted']);
    expect(await runOne(db, { name: 'enrolment.approve', args: { id: 'e-t-1' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-state' },
    });
  });

  it('rejects a request with its reason, and refuses a rejection without one', async () => {
    await seedWorld(db, { course: { requiresApproval: true } });
    await runOne(db, requests(['t-1'])[0]!);
    expect(await runOne(db, { name: 'enrolment.reject', args: { id: 'e-t-1', reason: ' ' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-args', fields: [{ path: 'reason', code: 'required' }] },
    });
    await runOne(db, { name: 'enrolment.reject', args: { id: 'e-t-1', reason: 'Course is for engineers' } });
    const rejected = await db.enrolments.get('e-t-1');
    expect(rejected).toMatchObject({ state: 'rejected', reason: 'Course is for engineers' });
    expect(rejected?.history.at(-1)).toMatchObject({ state: 'rejected', reason: 'Course is for engineers' });
  });

  it('refuses approval when the actor is a trainee', async () => {
    await seedWorld(db, { course: { requiresApproval: true } });
    await runOne(db, requests(['t-1'])[0]!);
    expect(await runOne(db, { name: 'enrolment.approve', args: { id: 'e-t-1' } }, trainee)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('enrolment.setOutcome', () => {
  it('records completion of an enrolled trainee and refuses invalid-state for a waitlisted one', async () => {
    await seedWorld(db, { trainees: 2, session: { capacity: 1 } });
    await run(db, requests(['t-1', 't-2']));
    expect(await runOne(db, { name: 'enrolment.setOutcome', args: { id: 'e-t-1', outcome: 'completed' } })).toMatchObject({ ok: true });
    expect(await stateOf('e-t-1')).toBe('completed');
    expect(await runOne(db, { name: 'enrolment.setOutcome', args: { id: 'e-t-2', outcome: 'completed' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-state', params: { state: 'waitlisted' } },
    });
  });
});

describe('team.assign', () => {
  it('puts a trainee in a team of their session and refuses a team of another session', async () => {
    await seedWorld(db);
    await run(db, [
      { name: 'session.create', args: sessionArgs({ id: 'session-2' }) },
      { name: 'team.create', args: { id: 'team-a', sessionId: 'session-1', name: 'Team A' } },
      { name: 'team.create', args: { id: 'team-x', sessionId: 'session-2', name: 'Team X' } },
      ...requests(['t-1']),
    ]);
    expect(await runOne(db, { name: 'team.assign', args: { enrolmentId: 'e-t-1', teamId: 'team-x' } })).toMatchObject({
      ok: false,
      error: { code: 'team-not-in-session', fields: [{ path: 'teamId' }] },
    });
    await runOne(db, { name: 'team.assign', args: { enrolmentId: 'e-t-1', teamId: 'team-a' } });
    expect((await db.enrolments.get('e-t-1'))?.teamId).toBe('team-a');
    await runOne(db, { name: 'team.assign', args: { enrolmentId: 'e-t-1', teamId: '' } });
    expect((await db.enrolments.get('e-t-1'))?.teamId).toBe('');
  });
});
