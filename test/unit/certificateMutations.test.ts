import { describe, expect, it } from 'vitest';
import type { MutationArgs, MutationCall } from '../../shared/mutations';
import { coordinator } from '../../shared/testing/factories';
import { openDb, requests, run, runOne, seedWorld } from './enrolmentWorld';
import type { ApogeeDb } from '../../renderer/db/schema';

/** After the session of `seedWorld` (9–20 March 2026): every class day has happened. */
const afterSession = '2026-03-25T10:00:00.000Z';
const rootDid = 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
const deviceDid = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';

const classDays = ['09', '10', '11', '12', '13', '16', '17', '18', '19', '20'].map((d) => `session-1@2026-03-${d}`);

function issuerCalls(): MutationCall[] {
  const common = { name: 'IDSEA', organisationCode: 'IDSEA', verifyUrl: 'https://verify.idsea.example/verify' };
  return [
    { name: 'issuer.register', args: { id: 'root', kind: 'root', did: rootDid, keyCode: 'R00T', ...common } },
    {
      name: 'issuer.register',
      args: { id: 'dev', kind: 'device', did: deviceDid, keyCode: 'K7Q2', rootId: 'root', endorsement: { type: ['EndorsementCredential'] }, ...common },
    },
  ];
}

/** The credential fields the issue mutation checks; the signature itself is checked by verifiers. */
function credentialFor(id: string, sequence: number, over: Record<string, unknown> = {}) {
  return {
    id: `urn:uuid:${id}`,
    issuer: { id: deviceDid },
    credentialSubject: { achievement: { id: 'urn:apogee:course:course-csd101' } },
    credentialStatus: { statusListIndex: String(sequence) },
    proof: { type: 'DataIntegrityProof' },
    ...over,
  };
}

function issue(id: string, personId: string, sequence: number, over: Partial<MutationArgs['certificate.issue']> = {}): MutationCall {
  return {
    name: 'certificate.issue',
    args: { id, enrolmentId: `e-${personId}`, issuerId: 'dev', sequence, serial: `IDSEA-K7Q2-${String(sequence).padStart(6, '0')}`, credential: credentialFor(id, sequence), ...over },
  };
}

/** t-1 attends every day, t-2 only half of them; keys registered. */
async function completedSession(): Promise<ApogeeDb> {
  const db = await openDb();
  await seedWorld(db, { trainees: 2 });
  await run(db, [...requests(['t-1', 't-2']), ...issuerCalls()]);
  const marks: MutationCall[] = classDays.flatMap((meetingId, i) => [
    { name: 'attendance.mark', args: { meetingId, personId: 't-1', status: 'present' } },
    { name: 'attendance.mark', args: { meetingId, personId: 't-2', status: i % 2 ? 'present' : 'absent' } },
  ]);
  const outcomes = await run(db, marks, coordinator, afterSession);
  expect(outcomes.every((o) => o.ok)).toBe(true);
  return db;
}

describe('certificate mutations', () => {
  it('issues a certificate to a trainee who meets the completion rule and stores the credential verbatim', async () => {
    const db = await completedSession();
    const outcome = await runOne(db, issue('c-1', 't-1', 0), coordinator, afterSession);
    expect(outcome.ok).toBe(true);
    const stored = await db.certificates.get('c-1');
    expect(stored).toMatchObject({ personId: 't-1', sessionId: 'session-1', courseId: 'course-csd101', issuerId: 'dev', serial: 'IDSEA-K7Q2-000000', revokedAt: '' });
    expect(stored?.credential).toEqual(credentialFor('c-1', 0));
    expect((await db.outbox.toArray()).filter((entry) => entry.name === 'certificate.issue')).toHaveLength(1);
  });

  it('refuses a trainee below the attendance rule, and leaves nothing', async () => {
    const db = await completedSession();
    const outcome = await runOne(db, issue('c-2', 't-2', 0), coordinator, afterSession);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not-ready-for-certificate' } });
    expect(await db.certificates.count()).toBe(0);
  });

  it('refuses a second active certificate for one enrolment, and a taken serial', async () => {
    const db = await completedSession();
    await runOne(db, issue('c-1', 't-1', 0), coordinator, afterSession);
    expect(await runOne(db, issue('c-3', 't-1', 1), coordinator, afterSession)).toMatchObject({
      ok: false,
      error: { code: 'already-certified', params: { serial: 'IDSEA-K7Q2-000000' } },
    });
    await runOne(db, { name: 'certificate.revoke', args: { id: 'c-1', reason: 'Name corrected' } }, coordinator, afterSession);
    expect(await runOne(db, issue('c-4', 't-1', 0, { serial: 'IDSEA-K7Q2-000000' }), coordinator, afterSession)).toMatchObject({
      ok: false,
      error: { code: 'serial-taken' },
    });
    // Revoke and reissue: a correction gets a new serial.
    expect(await runOne(db, issue('c-4', 't-1', 1), coordinator, afterSession)).toMatchObject({ ok: true });
  });

  it('refuses a credential that does not match its enrolment, course or key', async () => {
    const db = await completedSession();
    const wrongCourse = credentialFor('c-1', 0, { credentialSubject: { achievement: { id: 'urn:apogee:course:other' } } });
    const wrongKey = credentialFor('c-1', 0, { issuer: { id: rootDid } });
    const wrongIndex = credentialFor('c-1', 0, { credentialStatus: { statusListIndex: '7' } });
    const unsigned = { ...credentialFor('c-1', 0), proof: undefined };
    for (const credential of [wrongCourse, wrongKey, wrongIndex, unsigned, { id: 'urn:uuid:someone-else' }]) {
      const outcome = await runOne(db, issue('c-1', 't-1', 0, { credential }), coordinator, afterSession);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'credential-mismatch', fields: [{ path: 'credential' }] } });
    }
    expect(await db.certificates.count()).toBe(0);
  });

  it('lets only coordinators issue, revoke and register keys', async () => {
    const db = await completedSession();
    const instructor = { role: 'instructor' as const, personId: 'p-instructor', deviceId: 'dev-2' };
    const trainee = { role: 'trainee' as const, personId: 't-1', deviceId: 'dev-3' };
    for (const actor of [instructor, trainee]) {
      expect(await runOne(db, issue('c-1', 't-1', 0), actor, afterSession)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await runOne(db, issuerCalls()[0]!, actor)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('refuses a device key without an endorsement from a registered root, and a retired key', async () => {
    const db = await openDb();
    await seedWorld(db, { trainees: 1 });
    await run(db, requests(['t-1']));
    const [root, device] = issuerCalls() as [MutationCall & { name: 'issuer.register' }, MutationCall & { name: 'issuer.register' }];
    expect(await runOne(db, device)).toMatchObject({ ok: false, error: { code: 'issuer-unknown' } });
    await runOne(db, root);
    expect(await runOne(db, { name: 'issuer.register', args: { ...device.args, endorsement: null } })).toMatchObject({
      ok: false,
      error: { code: 'required', fields: [{ path: 'endorsement' }] },
    });
    expect(await runOne(db, device)).toMatchObject({ ok: true });
    await runOne(db, { name: 'issuer.retire', args: { id: 'dev' } });
    expect((await db.issuers.get('dev'))?.retiredAt).not.toBe('');
    expect(await runOne(db, issue('c-1', 't-1', 0), coordinator, afterSession)).toMatchObject({ ok: false, error: { code: 'issuer-retired' } });
  });

  it('revokes once, with the reason and the date', async () => {
    const db = await completedSession();
    await runOne(db, issue('c-1', 't-1', 0), coordinator, afterSession);
    expect(await runOne(db, { name: 'certificate.revoke', args: { id: 'c-1', reason: '  ' } })).toMatchObject({ ok: false });
    await runOne(db, { name: 'certificate.revoke', args: { id: 'c-1', reason: 'Issued in error' } }, coordinator, '2026-04-01T08:00:00.000Z');
    expect(await db.certificates.get('c-1')).toMatchObject({ revokedAt: '2026-04-01T08:00:00.000Z', revocationReason: 'Issued in error' });
    expect(await runOne(db, { name: 'certificate.revoke', args: { id: 'c-1', reason: 'again' } })).toMatchObject({
      ok: false,
      error: { code: 'already-revoked', params: { date: '2026-04-01' } },
    });
  });

  it('saves one template per course and refuses an unknown course or an oversized logo', async () => {
    const db = await completedSession();
    const template = { courseId: 'course-csd101', title: 'Certificate of completion', body: '{name} completed {course}.' };
    expect(await runOne(db, { name: 'certificateTemplate.save', args: template })).toMatchObject({ ok: true });
    expect(await runOne(db, { name: 'certificateTemplate.save', args: { ...template, title: 'Certificate' } })).toMatchObject({ ok: true });
    expect(await db.certificateTemplates.count()).toBe(1);
    expect(await db.certificateTemplates.get('course-csd101')).toMatchObject({ title: 'Certificate', validityYears: 0, pageSize: 'A4', language: 'en' });
    expect(await runOne(db, { name: 'certificateTemplate.save', args: { ...template, courseId: 'nope' } })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const hugeLogo = `data:image/png;base64,${'A'.repeat(300_000)}`;
    expect(await runOne(db, { name: 'certificateTemplate.save', args: { ...template, logo: hugeLogo } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-args' },
    });
    expect((await db.certificateTemplates.get('course-csd101'))?.title).toBe('Certificate');
  });
});
