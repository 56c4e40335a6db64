import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseArgs, enrolmentArgs, personArgs, programmeArgs, sessionArgs } from '../../shared/testing/factories';
import type { MutationCall } from '../../shared/mutations';
import { pendingChanges } from '../../renderer/db';
import { runMutations } from '../../renderer/db/mutate';
import { snapshot, startDevice, startTestHub } from '../support/hub';

const during = '2026-02-01T10:00:00.000Z';
const tables = ['programmes', 'courses', 'sessions', 'meetings', 'people', 'enrolments', 'attendance', 'conflicts'];

let hub: Awaited<ReturnType<typeof startTestHub>>;
beforeAll(async () => {
  hub = await startTestHub();
  await hub.account('amina@centre.org', 'coordinator');
  await hub.account('bo@centre.org', 'coordinator');
  await hub.account('li.wei@example.org', 'instructor', 'p-instructor');
  await hub.account('rafael@example.org', 'instructor', 'p-instructor2');
});
afterAll(() => hub.stop());

const seed: MutationCall[] = [
  { name: 'programme.create', args: programmeArgs() },
  { name: 'course.create', args: courseArgs() },
  { name: 'session.create', args: sessionArgs({ capacity: 2, instructorIds: ['p-instructor', 'p-instructor2'] }) },
  { name: 'person.create', args: personArgs({ id: 'p-instructor', nativeName: 'Li Wei', email: 'li.wei@example.org', roles: ['instructor'] }) },
  { name: 'person.create', args: personArgs({ id: 'p-instructor2', nativeName: 'Rafael', email: 'rafael@example.org', roles: ['instructor'] }) },
  ...['t-1', 't-2', 't-3'].map((id): MutationCall => ({ name: 'person.create', args: personArgs({ id, nativeName: `Trainee ${id}`, latinName: '', email: `${id}@example.org` }) })),
];

describe('sync between devices through a real hub', () => {
  it('two coordinators working offline converge; the late enrolment is waitlisted and said so', async () => {
    const a = await startDevice(hub.url, 'amina@centre.org', { role: 'coordinator', deviceId: 'a' });
    const b = await startDevice(hub.url, 'bo@centre.org', { role: 'coordinator', deviceId: 'b' });
    expect((await a.run(seed, during)).every((o) => o.ok)).toBe(true);
    await a.sync();
    await b.sync();
    expect(await b.db.sessions.get('session-1')).toBeTruthy();

    // Offline, each fills the session's two places on their own device.
    await a.run([{ name: 'enrolment.request', args: enrolmentArgs({ id: 'e-1', personId: 't-1' }) }, { name: 'enrolment.request', args: enrolmentArgs({ id: 'e-2', personId: 't-2' }) }], during);
    await b.run([{ name: 'enrolment.request', args: enrolmentArgs({ id: 'e-3', personId: 't-3' }) }], during);
    expect((await b.db.enrolments.get('e-3'))?.state).toBe('enrolled');
    expect(await pendingChanges(a.db)).toBe(2);

    await a.sync();
    const reportB = await b.sync();
    await a.sync();
    expect(reportB.adjusted).toBe(1);
    const [adjusted] = await b.db.inbox.toArray();
    expect(adjusted).toMatchObject({ kind: 'adjusted', name: 'enrolment.request', notices: [{ code: 'waitlisted', params: { position: 1 } }] });
    expect((await b.db.enrolments.get('e-3'))?.state).toBe('waitlisted');
    expect(await pendingChanges(a.db)).toBe(0);
    expect(await pendingChanges(b.db)).toBe(0);
    expect(await snapshot(a.db, tables)).toEqual(await snapshot(b.db, tables));
  });

  it('a refused change lands in Needs attention and its local effect is undone', async () => {
    const a = await startDevice(hub.url, 'amina@centre.org', { role: 'coordinator', deviceId: 'a' });
    await a.sync();
    // Made offline by an instructor device for a session it does not teach: the hub refuses.
    const li = await startDevice(hub.url, 'li.wei@example.org', { role: 'instructor', deviceId: 'li' });
    await li.sync();
    // A second session that Li does not teach, created by the coordinator.
    await a.run([{ name: 'session.create', args: sessionArgs({ id: 'session-2', instructorIds: ['p-instructor2'] }) }], during);
    await a.sync();
    await li.sync();
    expect(await li.db.sessions.get('session-2')).toBeTruthy(); // the catalogue is public
    const before = await li.db.teams.count();
    // Locally Li acts as a coordinator (e.g. the role picker before sign-in): the hub checks the account.
    await runMutations(li.db, [{ name: 'team.create', args: { id: 'team-x', sessionId: 'session-2', name: 'Rogue team' } }], { actor: { role: 'coordinator', deviceId: 'li' } });
    expect(await li.db.teams.count()).toBe(before + 1);
    const report = await li.sync();
    expect(report.rejected).toBe(1);
    const [entry] = await li.db.inbox.where('id').notEqual('').toArray();
    expect(entry).toMatchObject({ kind: 'rejected', name: 'team.create', error: { code: 'forbidden' } });
    expect(await li.db.teams.get('team-x')).toBeUndefined();
    expect(await pendingChanges(li.db)).toBe(0);
  });

  it('two instructors who marked the same slot differently produce a conflict a coordinator settles', async () => {
    const a = await startDevice(hub.url, 'amina@centre.org', { role: 'coordinator', deviceId: 'a' });
    await a.sync();
    const li = await startDevice(hub.url, 'li.wei@example.org', { role: 'instructor', deviceId: 'li' });
    const rafael = await startDevice(hub.url, 'rafael@example.org', { role: 'instructor', deviceId: 'rafael' });
    await li.sync();
    await rafael.sync();
    const meetingId = (await li.db.meetings.where('sessionId').equals('session-1').first())!.id;
    await li.run([{ name: 'attendance.mark', args: { meetingId, personId: 't-1', status: 'present' } }], '2026-03-09T09:05:00.000Z');
    await rafael.run([{ name: 'attendance.mark', args: { meetingId, personId: 't-1', status: 'absent' } }], '2026-03-09T09:10:00.000Z');
    await li.sync();
    await rafael.sync();
    await a.sync();
    const conflicts = await a.db.conflicts.toArray();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.values.map((v) => v.status)).toEqual(['present', 'absent']);
    expect((await a.db.attendance.get(`${meetingId}|t-1`))?.status).toBe('absent');
    // Instructors do not see the conflict inbox.
    await li.sync();
    expect(await li.db.conflicts.count()).toBe(0);

    await a.run([{ name: 'conflict.resolve', args: { id: conflicts[0]!.id, status: 'present' } }]);
    await a.sync();
    await li.sync();
    await rafael.sync();
    expect((await a.db.conflicts.get(conflicts[0]!.id))?.state).toBe('resolved');
    expect((await li.db.attendance.get(`${meetingId}|t-1`))?.status).toBe('present');
    expect((await rafael.db.attendance.get(`${meetingId}|t-1`))?.status).toBe('present');
  });
});
