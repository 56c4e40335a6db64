// A day's attendance costs little on an expensive link: 100 marks go up and are answered in two
// requests and under 4 KB of compressed bodies, because change ids compress, applied changes are
// answered by number, and the hub does not send a device back the rows it already holds as stored.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseArgs, enrolmentArgs, personArgs, programmeArgs, sessionArgs } from '../../shared/testing/factories';
import type { MutationCall } from '../../shared/mutations';
import { readStatus } from '../../renderer/sync/state';
import { snapshot, startDevice, startTestHub } from '../support/hub';

const during = '2026-02-01T10:00:00.000Z';
let hub: Awaited<ReturnType<typeof startTestHub>>;
beforeAll(async () => {
  hub = await startTestHub();
  await hub.account('amina@centre.org', 'coordinator');
  await hub.account('li.wei@example.org', 'instructor', 'p-instructor');
});
afterAll(() => hub.stop());

describe('the cost of a day of attendance on the wire', () => {
  it('100 marks: two requests, under 4 KB compressed, none of them pulled back, every device the same', async () => {
    const office = await startDevice(hub.url, 'amina@centre.org', { role: 'coordinator', deviceId: 'office' });
    const trainees = Array.from({ length: 10 }, (_, i) => `p-trainee-${i}-${crypto.randomUUID().slice(0, 8)}`);
    const seed: MutationCall[] = [
      { name: 'programme.create', args: programmeArgs() },
      { name: 'course.create', args: courseArgs() },
      { name: 'session.create', args: sessionArgs({ capacity: 40, instructorIds: ['p-instructor'] }) },
      { name: 'person.create', args: personArgs({ id: 'p-instructor', nativeName: 'Li Wei', email: 'li.wei@example.org', roles: ['instructor'] }) },
      ...trainees.map((id): MutationCall => ({ name: 'person.create', args: personArgs({ id, nativeName: `Trainee ${id}`, latinName: '', email: `${id}@example.org` }) })),
      ...trainees.map((id, i): MutationCall => ({ name: 'enrolment.request', args: enrolmentArgs({ id: `e-${i}`, personId: id }) })),
    ];
    expect((await office.run(seed, during)).every((o) => o.ok)).toBe(true);
    await office.sync();

    const classroom = await startDevice(hub.url, 'li.wei@example.org', { role: 'instructor', deviceId: 'classroom laptop' });
    await classroom.sync();
    const meetings = (await classroom.db.meetings.orderBy('date').toArray()).slice(0, 10);
    expect(meetings).toHaveLength(10);
    // One mark at a time, as the register records them.
    for (const meeting of meetings)
      for (const personId of trainees) expect((await classroom.run([{ name: 'attendance.mark', args: { meetingId: meeting.id, personId, status: 'present' } }]))[0]!.ok).toBe(true);

    const before = await readStatus(classroom.db);
    const report = await classroom.sync();
    const after = await readStatus(classroom.db);
    expect(report).toMatchObject({ pushed: 100, rejected: 0, adjusted: 0, requests: 2, pulled: 0 });
    const bytes = (after.bytesUp ?? 0) - (before.bytesUp ?? 0) + (after.bytesDown ?? 0) - (before.bytesDown ?? 0);
    expect(bytes).toBeLessThanOrEqual(4096);

    // What the classroom holds is what the hub holds: the office sees exactly the same marks.
    await office.sync();
    const tables = ['attendance', 'enrolments', 'sessions', 'meetings'];
    expect(await snapshot(office.db, tables)).toEqual(await snapshot(classroom.db, tables));
    expect(await office.db.attendance.count()).toBe(100);
  });
});
