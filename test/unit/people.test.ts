import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attendanceMarkId, assessmentResultId } from '../../shared/domain/enrolment';
import { institutionArgs, personArgs } from '../../shared/testing/factories';
import type { ApogeeDb } from '../../renderer/db/schema';
import { openDb, requests, run, runOne, seedWorld } from './enrolmentWorld';

let db: ApogeeDb;
beforeEach(async () => {
  db = await openDb();
});
afterEach(async () => {
  await db.delete();
});

describe('person.create and person.update', () => {
  it('stores a person with the e-mail lower-cased and refuses email-taken for the same address', async () => {
    await runOne(db, { name: 'person.create', args: personArgs({ email: ' Ayesha@Example.org ' }) });
    expect((await db.people.get('p-1'))?.email).toBe('ayesha@example.org');
    const second = await runOne(db, { name: 'person.create', args: personArgs({ id: 'p-2', email: 'AYESHA@example.org' }) });
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'email-taken', params: { email: 'ayesha@example.org' }, fields: [{ path: 'email' }] },
    });
    expect(await db.people.count()).toBe(1);
  });

  it('lets several people have no e-mail address', async () => {
    const outcomes = await run(db, [
      { name: 'person.create', args: personArgs({ id: 'p-1', email: '' }) },
      { name: 'person.create', args: personArgs({ id: 'p-2', email: '' }) },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, true]);
  });

  it('refuses email-taken within one batch (an import with the same address twice)', async () => {
    const outcomes = await run(db, [
      { name: 'person.create', args: personArgs({ id: 'p-1' }) },
      { name: 'person.create', args: personArgs({ id: 'p-2' }) },
    ]);
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.error.code))).toEqual(['ok', 'email-taken']);
  });

  it('keeps a person’s own address on update and refuses another person’s', async () => {
    await run(db, [
      { name: 'person.create', args: personArgs({ id: 'p-1' }) },
      { name: 'person.create', args: personArgs({ id: 'p-2', email: 'other@example.org' }) },
    ]);
    expect(await runOne(db, { name: 'person.update', args: personArgs({ id: 'p-1', phone: '+92 51 1234567' }) })).toMatchObject({ ok: true });
    expect(await runOne(db, { name: 'person.update', args: personArgs({ id: 'p-2' }) })).toMatchObject({
      ok: false,
      error: { code: 'email-taken' },
    });
  });

  it('refuses invalid-email with the field when the address is malformed', async () => {
    expect(await runOne(db, { name: 'person.create', args: personArgs({ email: 'ayesha@' }) })).toMatchObject({
      ok: false,
      error: { code: 'invalid-args', fields: [{ path: 'email', code: 'invalid-email' }] },
    });
  });

  it('refuses not-found when the institution does not exist, and accepts it once added', async () => {
    expect(await runOne(db, { name: 'person.create', args: personArgs({ institutionId: 'inst-suparco' }) })).toMatchObject({
      ok: false,
      error: { code: 'not-found', fields: [{ path: 'institutionId' }] },
    });
    await runOne(db, { name: 'institution.create', args: institutionArgs() });
    expect(await runOne(db, { name: 'person.create', args: personArgs({ institutionId: 'inst-suparco' }) })).toMatchObject({ ok: true });
  });
});

describe('person.merge', () => {
  const seedDuplicates = async () => {
    await seedWorld(db, { trainees: 2, course: { assessments: [{ id: 'quiz', title: 'Quiz', kind: 'individual', passScore: null }] } });
    await run(db, [
      { name: 'person.create', args: personArgs({ id: 'dup', nativeName: 'Trainee t-1 (old)', email: 'old@example.org', phone: '+92 300 1111111' }) },
      { name: 'session.create', args: { ...(await db.sessions.get('session-1'))!, id: 'session-2', status: 'open' } },
      ...requests(['t-1']),
      ...requests(['dup'], 'session-2'),
      { name: 'attendance.mark', args: { meetingId: 'session-1@2026-03-09', personId: 't-1', status: 'present' } },
      { name: 'attendance.mark', args: { meetingId: 'session-2@2026-03-09', personId: 'dup', status: 'late' } },
      { name: 'assessment.record', args: { enrolmentId: 'e-dup', assessmentId: 'quiz', passed: true, score: null } },
    ]);
  };

  it('keeps every enrolment, mark and result under the kept person and archives the merged record', async () => {
    await seedDuplicates();
    expect(await runOne(db, { name: 'person.merge', args: { keepId: 't-1', mergeId: 'dup' } })).toMatchObject({ ok: true });
    expect((await db.enrolments.where('personId').equals('t-1').toArray()).map((e) => [e.id, e.state]).sort()).toEqual([
      ['e-dup', 'enrolled'],
      ['e-t-1', 'enrolled'],
    ]);
    expect((await db.attendance.where('personId').equals('t-1').toArray()).map((m) => m.id).sort()).toEqual([
      attendanceMarkId('session-1@2026-03-09', 't-1'),
      attendanceMarkId('session-2@2026-03-09', 't-1'),
    ]);
    expect(await db.attendance.where('personId').equals('dup').count()).toBe(0);
    expect(await db.results.get(assessmentResultId('e-dup', 'quiz'))).toMatchObject({ passed: true });
    expect(await db.people.get('dup')).toMatchObject({ mergedInto: 't-1', archived: true });
    expect(await db.people.get('t-1')).toMatchObject({ email: 't-1@example.org', phone: '+92 300 1111111' });
  });

  it('keeps the enrolment further along and its marks when both were in the same session', async () => {
    await seedDuplicates();
    const outcomes = await run(db, [
      { name: 'enrolment.request', args: { id: 'e-dup-1', personId: 'dup', sessionId: 'session-1' } },
      { name: 'attendance.mark', args: { meetingId: 'session-1@2026-03-09', personId: 'dup', status: 'absent' } },
      { name: 'attendance.mark', args: { meetingId: 'session-1@2026-03-10', personId: 'dup', status: 'present' } },
      { name: 'enrolment.setOutcome', args: { id: 'e-dup-1', outcome: 'completed' } },
    ]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    await runOne(db, { name: 'person.merge', args: { keepId: 't-1', mergeId: 'dup' } });
    const inSession1 = await db.enrolments.where('sessionId').equals('session-1').toArray();
    expect(inSession1.map((e) => [e.id, e.personId, e.state]).sort()).toEqual([
      ['e-dup-1', 't-1', 'completed'],
      ['e-t-1', 't-1', 'withdrawn'],
    ]);
    const marks = await db.attendance.where('sessionId').equals('session-1').sortBy('meetingId');
    expect(marks.map((m) => [m.meetingId, m.personId, m.status])).toEqual([
      ['session-1@2026-03-09', 't-1', 'absent'],
      ['session-1@2026-03-10', 't-1', 'present'],
    ]);
  });

  it('lets the merged record’s e-mail address be used again', async () => {
    await seedDuplicates();
    await runOne(db, { name: 'person.merge', args: { keepId: 't-1', mergeId: 'dup' } });
    expect(await runOne(db, { name: 'person.create', args: personArgs({ id: 'p-new', email: 'old@example.org' }) })).toMatchObject({ ok: true });
  });

  it('refuses merge-same-person and already-merged, changing nothing', async () => {
    await seedDuplicates();
    expect(await runOne(db, { name: 'person.merge', args: { keepId: 't-1', mergeId: 't-1' } })).toMatchObject({
      ok: false,
      error: { code: 'merge-same-person', fields: [{ path: 'mergeId' }] },
    });
    await runOne(db, { name: 'person.merge', args: { keepId: 't-1', mergeId: 'dup' } });
    expect(await runOne(db, { name: 'person.merge', args: { keepId: 't-2', mergeId: 'dup' } })).toMatchObject({
      ok: false,
      error: { code: 'already-merged', fields: [{ path: 'mergeId' }] },
    });
    expect((await db.people.get('dup'))?.mergedInto).toBe('t-1');
  });
});
