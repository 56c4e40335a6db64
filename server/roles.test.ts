// Roles × mutations × rows, on both stores: every mutation is allowed or refused on the hub
// exactly as its `permission` says, and every role pulls exactly the rows it may see. The site
// coordinator (Pakistan) also meets every mutation on records abroad (Türkiye).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { findMutation, mutations, type Actor, type MutationArgs, type MutationName } from '../shared/mutations';
import { syncedTables } from '../shared/sync/protocol';
import { courseArgs, personArgs } from '../shared/testing/factories';
import { callsAbroad, classDay, site, siteWorldCalls } from '../shared/testing/siteWorld';
import type { Database } from './db/schema';
import { day, dumpRecords, loginAll, meetingsOf, openSession, startTestHub, TestClient, world, worldCalls, type AccountKey, type Transport } from './testing';
import { testStores } from './testStores';

/** The public catalogue every signed-in account pulls (written out here, not taken from scope.ts). */
const catalogueTables = ['programmes', 'courses', 'sessions', 'meetings', 'institutions', 'issuers', 'certificateTemplates'];

type Role = 'coordinator' | 'site' | 'instructor' | 'trainee';
const roles: { role: Role; account: AccountKey; actor: Actor }[] = [
  { role: 'coordinator', account: 'coordinator', actor: { role: 'coordinator', deviceId: 'x' } },
  { role: 'site', account: 'siteCoordinator', actor: { role: 'coordinator', site: site.country, deviceId: 'x', personId: site.coordinatorPerson } },
  { role: 'instructor', account: 'instructor', actor: { role: 'instructor', deviceId: 'x', personId: world.instructor } },
  { role: 'trainee', account: 'trainee1', actor: { role: 'trainee', deviceId: 'x', personId: 'p-1' } },
];

const rootDid = 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2';
const roleCourse = 'course-roles';
const roleSession = 'session-roles';

/** Valid arguments of every mutation for one role's turn; ids are per role so turns do not collide. */
function sampleArgs(r: Role, meetings: string[]): { [N in MutationName]: MutationArgs[N] } {
  const meeting = meetings[0]!;
  const result = { passed: true, score: 80, note: '' };
  const own = r === 'trainee' ? 'p-1' : 'p-4';
  return {
    'programme.create': { id: `prog-${r}`, name: `Programme ${r}`, description: '' },
    'programme.update': { id: world.programme, name: 'CubeSat Design', description: `edited by ${r}` },
    'programme.archive': { id: world.programme, archived: false },
    'course.create': courseArgs({ id: `course-${r}`, code: `RC-${r.slice(0, 3).toUpperCase()}`, programmeId: world.programme }),
    'course.update': courseArgs({ id: roleCourse, code: 'RL-101', programmeId: world.programme, summary: `edited by ${r}`, assessments: assessments() }),
    'course.archive': { id: roleCourse, archived: false },
    'session.create': openSession(`session-${r}`),
    'session.update': openSession(roleSession, { courseId: roleCourse, instructorIds: [world.instructor], capacity: 50 }),
    'session.archive': { id: roleSession, archived: false },
    'meeting.update': { id: meeting, date: meeting.split('@')[1]!, startTime: '09:00', endTime: '15:00', room: `Room ${r}`, note: '', cancelled: false },
    'meeting.add': { id: `meeting-${r}`, sessionId: roleSession, date: day(20), startTime: '09:00', endTime: '12:00', room: '', note: '', cancelled: false },
    'institution.create': { id: `inst-${r}`, name: `Institute ${r}`, country: 'PK', city: '' },
    'institution.update': { id: world.institution, name: 'SUPARCO', country: 'PK', city: `edited by ${r}` },
    'institution.archive': { id: world.institution, archived: false },
    'person.create': personArgs({ id: `person-${r}`, email: `${r}@example.org` }),
    'person.update': personArgs({ id: 'p-4', email: 'p-4@example.org', nativeName: `Person 4 (${r})` }),
    'person.archive': { id: `archive-${r}`, archived: true },
    'person.merge': { keepId: `keep-${r}`, mergeId: `drop-${r}` },
    'enrolment.request': { id: `enr-${r}`, personId: own, sessionId: `session-withdraw-${r}` },
    'enrolment.approve': { id: 'enr-roles-p3' },
    'enrolment.reject': { id: 'enr-roles-p3', reason: 'no' },
    'enrolment.withdraw': { id: `enr-withdraw-${r}` },
    'enrolment.setOutcome': { id: `enr-outcome-${r}`, outcome: 'completed' },
    'team.create': { id: `team-${r}`, sessionId: roleSession, name: `Team ${r}` },
    'team.assign': { enrolmentId: 'enr-roles-p3', teamId: 'team-roles' },
    'attendance.mark': { meetingId: meeting, personId: 'p-3', status: 'present' },
    'attendance.markAllPresent': { meetingId: meetings[1]! },
    'assessment.record': { enrolmentId: 'enr-roles-p3', assessmentId: 'asm-quiz', ...result },
    'assessment.recordTeam': { teamId: 'team-roles', assessmentId: 'asm-review', ...result },
    'issuer.register': { id: `root-${r}`, kind: 'root', did: rootDid, keyCode: 'R00T', name: 'Test', organisationCode: 'TEST', verifyUrl: 'https://verify.example/verify' },
    'issuer.retire': { id: 'root-coordinator' },
    'certificateTemplate.save': { courseId: roleCourse, title: 'Certificate', body: `Awarded to {name} (${r})` },
    'certificate.issue': { id: `cert-${r}`, enrolmentId: 'enr-roles-p3', issuerId: 'no-such-issuer', sequence: 0, serial: `S-${r}`, credential: {} },
    'certificate.revoke': { id: 'no-such-certificate', reason: 'test' },
    'conflict.resolve': { id: 'no-such-conflict', status: 'present' },
  };
}

function assessments() {
  return [
    { id: 'asm-quiz', title: 'Quiz', kind: 'individual' as const, passScore: null },
    { id: 'asm-review', title: 'Design review', kind: 'team' as const, passScore: null },
  ];
}

/** Sessions tables a site coordinator pulls for its sessions (written out here, not taken from scope.ts). */
const siteSessionTables = ['enrolments', 'teams', 'attendance', 'results', 'certificates', 'conflicts'];

/** Domain refusals that show the permission check was passed (the sample hit a domain rule instead). */
const domainRefusals = new Set(['not-found', 'invalid', 'invalid-state', 'issuer-unknown', 'conflict-resolved', 'already-enrolled', 'code-taken']);

describe.each(testStores('roles'))('roles on $name', (store) => {
  let db: Kysely<Database>;
  let app: FastifyInstance;
  let transport: Transport;
  let c: Record<AccountKey, TestClient>;
  let meetings: string[];
  /** An open conflict of attendance in the session abroad. */
  let conflictAbroad: string;

  beforeAll(async () => {
    db = await store.open();
    ({ app, transport } = await startTestHub(db));
    c = await loginAll(transport);
    const people = roles.flatMap(({ role }) =>
      [`archive-${role}`, `keep-${role}`, `drop-${role}`].map((id) => ({ name: 'person.create' as const, args: personArgs({ id, email: `${id}@example.org`, nativeName: id }) })),
    );
    await c.coordinator.pushOk([
      ...worldCalls(),
      ...people,
      { name: 'course.create', args: courseArgs({ id: roleCourse, code: 'RL-101', programmeId: world.programme, assessments: assessments() }) },
      { name: 'session.create', args: openSession(roleSession, { courseId: roleCourse, instructorIds: [world.instructor], capacity: 50 }) },
      ...roles.flatMap(({ role }) => [
        { name: 'session.create' as const, args: openSession(`session-withdraw-${role}`) },
        { name: 'enrolment.request' as const, args: { id: `enr-withdraw-${role}`, personId: 'p-1', sessionId: `session-withdraw-${role}` } },
      ]),
      { name: 'enrolment.request', args: { id: 'enr-roles-p3', personId: 'p-3', sessionId: roleSession } },
      ...roles.map(({ role }) => ({ name: 'enrolment.request' as const, args: { id: `enr-outcome-${role}`, personId: `keep-${role}`, sessionId: roleSession } })),
      { name: 'team.create', args: { id: 'team-roles', sessionId: roleSession, name: 'Team' } },
      { name: 'team.assign', args: { enrolmentId: 'enr-roles-p3', teamId: 'team-roles' } },
      // The other trainee's records in both sessions: trainee 1 must never see them.
      { name: 'enrolment.request', args: { id: 'enr-a-p2', personId: 'p-2', sessionId: world.sessionA } },
      { name: 'enrolment.request', args: { id: 'enr-b-p2', personId: 'p-2', sessionId: world.sessionB } },
      { name: 'enrolment.request', args: { id: 'enr-b-p4', personId: 'p-4', sessionId: world.sessionB } },
    ]);
    meetings = await meetingsOf(db, roleSession);
    const [meetingA] = await meetingsOf(db, world.sessionA);
    const [meetingB] = await meetingsOf(db, world.sessionB);
    await c.coordinator.pushOk([
      { name: 'attendance.mark', args: { meetingId: meetingA!, personId: 'p-2', status: 'present' } },
      { name: 'attendance.mark', args: { meetingId: meetingB!, personId: 'p-2', status: 'late' } },
      { name: 'attendance.mark', args: { meetingId: meetingB!, personId: 'p-4', status: 'absent' } },
      { name: 'attendance.mark', args: { meetingId: meetings[2]!, personId: 'p-3', status: 'absent' } },
      { name: 'assessment.record', args: { enrolmentId: 'enr-roles-p3', assessmentId: 'asm-quiz', passed: false, score: 10, note: '' } },
    ]);
    // The trainee's own enrolment in session A, with a mark.
    await c.trainee1.pushOk([{ name: 'enrolment.request', args: { id: 'enr-a-p1', personId: 'p-1', sessionId: world.sessionA } }]);
    await c.coordinator.pushOk([{ name: 'attendance.mark', args: { meetingId: meetingA!, personId: 'p-1', status: 'excused' } }]);
    // A conflict (two devices, neither had pulled the other's mark): only coordinators see it.
    await c.instructor.pushOk([{ name: 'attendance.mark', args: { meetingId: meetings[3]!, personId: 'p-3', status: 'present' } }]);
    await c.coordinator.pushOk([{ name: 'attendance.mark', args: { meetingId: meetings[3]!, personId: 'p-3', status: 'absent' } }]);
    // The site coordinator's world: sessions in Pakistan and in Türkiye, people from both and from
    // nowhere, with a certificate abroad and a conflict there (two coordinators' devices).
    await c.coordinator.pushOk(siteWorldCalls(world.programme));
    const abroadDay = classDay(site.sessionAbroad, -3);
    await c.coordinator.pushOk([{ name: 'attendance.mark', args: { meetingId: abroadDay, personId: site.personAbroad, status: 'present' } }]);
    const otherDevice = await TestClient.login(transport, 'coordinator@hub.test');
    await otherDevice.pushOk([{ name: 'attendance.mark', args: { meetingId: abroadDay, personId: site.personAbroad, status: 'absent' } }]);
    const conflict = await db.selectFrom('records').select('id').where('tbl', '=', 'conflicts').where('session_id', '=', site.sessionAbroad).executeTakeFirstOrThrow();
    conflictAbroad = conflict.id;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    await store.close();
  });

  describe.each(roles)('as $role', ({ role, account, actor }) => {
    const names = Object.keys(mutations) as MutationName[];
    it.each(names)('%s', async (name) => {
      const def = findMutation(name)!;
      const args = sampleArgs(role, meetings)[name];
      const parsed = def.args.safeParse(args);
      expect(parsed.success, `sample args of ${name} must be valid: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      const allowed = def.permission(actor, parsed.data);
      const before = await dumpRecords(db);
      const [result] = (await c[account].push([{ name, args } as never]));
      if (!allowed) {
        expect(result).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
        expect(await dumpRecords(db)).toEqual(before);
      } else if (result!.status === 'rejected') {
        expect(result!.error.code, `${role} ${name}: ${JSON.stringify(result!.error)}`).not.toBe('forbidden');
        expect(domainRefusals.has(result!.error.code), `${role} ${name}: ${JSON.stringify(result!.error)}`).toBe(true);
        expect(await dumpRecords(db)).toEqual(before);
      } else {
        expect(result!.status).toBe('ok');
      }
    });
  });

  describe('as site coordinator, on records abroad', () => {
    const names = Object.keys(mutations) as MutationName[];
    it.each(names)('%s', async (name) => {
      const def = findMutation(name)!;
      const { args, expected } = callsAbroad(conflictAbroad)[name];
      const parsed = def.args.safeParse(args);
      expect(parsed.success, `args of ${name} must be valid: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      // The table agrees with the permission rule: only `forbidden` where the rule says no.
      expect(def.permission(roles[1]!.actor, parsed.data), name).toBe(expected !== 'forbidden');
      const before = await dumpRecords(db);
      const [result] = await c.siteCoordinator.push([{ name, args } as never]);
      if (expected === 'ok') expect(result, name).toMatchObject({ status: 'ok' });
      else {
        expect(result!.status === 'rejected' && result!.error.code, `${name}: ${JSON.stringify(result)}`).toBe(expected);
        if (expected === 'outside-site') expect(result).toMatchObject({ error: { params: { site: 'PK', country: 'TR' } } });
        expect(await dumpRecords(db)).toEqual(before);
      }
    });
  });

  it('refuses an instructor every teaching change in a session they are not named on', async () => {
    const [meetingB] = await meetingsOf(db, world.sessionB);
    const before = await dumpRecords(db);
    const results = await c.instructor.push([
      { name: 'attendance.mark', args: { meetingId: meetingB!, personId: 'p-2', status: 'absent' } },
      { name: 'attendance.markAllPresent', args: { meetingId: meetingB! } },
      { name: 'team.create', args: { id: 'team-b', sessionId: world.sessionB, name: 'B' } },
      { name: 'team.assign', args: { enrolmentId: 'enr-b-p2', teamId: '' } },
      { name: 'assessment.record', args: { enrolmentId: 'enr-b-p2', assessmentId: 'asm-quiz', passed: true, score: null, note: '' } },
    ]);
    expect(results.map((r) => r.status === 'rejected' && r.error.code)).toEqual(['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden']);
    expect(await dumpRecords(db)).toEqual(before);
  });

  describe('pull scope', () => {
    type Row = { tbl: string; id: string; data: Record<string, unknown> };
    let rows: Row[];
    beforeAll(async () => {
      rows = (await db.selectFrom('records').select(['tbl', 'id', 'data']).where('data', 'is not', null).execute()) as Row[];
      // Every kind of row is there to be filtered.
      for (const table of ['conflicts', 'teams', 'results', 'attendance', 'enrolments', 'issuers', 'certificateTemplates'])
        expect(rows.some((r) => r.tbl === table), table).toBe(true);
      // … and every session-bound kind both in the site and abroad.
      for (const table of siteSessionTables) {
        const countries = new Set(rows.filter((r) => r.tbl === table).map((r) => rows.find((s) => s.tbl === 'sessions' && s.id === r.data.sessionId)?.data.country));
        expect([...countries].sort(), table).toEqual(expect.arrayContaining(['PK', 'TR']));
      }
    });

    /** What each role may see, worked out from the rows (independently of the hub's SQL). */
    function expected(role: Role): Set<string> {
      if (role === 'coordinator') return new Set(rows.map((r) => `${r.tbl}/${r.id}`));
      const isPublic = (r: Row) => catalogueTables.includes(r.tbl);
      // The records of some sessions, and people by a rule (given who is on those sessions' rosters).
      const ofSessions = (sessions: Set<string>, tables: readonly string[], person: (r: Row, roster: Set<string>) => boolean) => {
        const roster = new Set(rows.filter((r) => r.tbl === 'enrolments' && sessions.has(String(r.data.sessionId))).map((r) => String(r.data.personId)));
        return new Set(
          rows
            .filter((r) => isPublic(r) || (tables.includes(r.tbl) && sessions.has(String(r.data.sessionId))) || (r.tbl === 'people' && person(r, roster)))
            .map((r) => `${r.tbl}/${r.id}`),
        );
      };
      if (role === 'site') {
        const sessions = new Set(rows.filter((r) => r.tbl === 'sessions' && r.data.country === site.country).map((r) => r.id));
        return ofSessions(sessions, siteSessionTables, (r, roster) => r.id === site.coordinatorPerson || r.data.country === site.country || roster.has(r.id));
      }
      if (role === 'instructor') {
        const sessions = new Set(rows.filter((r) => r.tbl === 'sessions' && (r.data.instructorIds as string[]).includes(world.instructor)).map((r) => r.id));
        return ofSessions(sessions, ['enrolments', 'teams', 'attendance', 'results', 'certificates'], (r, roster) => r.id === world.instructor || roster.has(r.id));
      }
      const own = new Set(rows.filter((r) => r.tbl === 'enrolments' && r.data.personId === 'p-1').map((r) => r.id));
      return new Set(
        rows
          .filter(
            (r) =>
              isPublic(r) ||
              (r.tbl === 'people' && r.id === 'p-1') ||
              (['enrolments', 'attendance', 'certificates'].includes(r.tbl) && r.data.personId === 'p-1') ||
              (r.tbl === 'results' && own.has(String(r.data.enrolmentId))),
          )
          .map((r) => `${r.tbl}/${r.id}`),
      );
    }

    it.each(roles)('$role pulls exactly the rows of its scope, table by table', async ({ role, account }) => {
      const device = await TestClient.login(transport, `${account}@hub.test`);
      await device.pullAll(16 * 1024);
      const want = expected(role);
      for (const table of syncedTables) {
        const got = device.ids(table);
        const wanted = [...want].filter((k) => k.startsWith(`${table}/`)).map((k) => k.slice(table.length + 1)).sort();
        expect(got, `${role}: ${table}`).toEqual(wanted);
      }
      // Each pulled row is the hub's current state.
      for (const [key, row] of device.rows) expect(row, key).toEqual(rows.find((r) => `${r.tbl}/${r.id}` === key)?.data);
    });

    it('never sends a trainee another trainee’s enrolments, marks or person', async () => {
      const device = await TestClient.login(transport, 'trainee1@hub.test');
      await device.pullAll();
      const own = new Set(device.ids('enrolments'));
      const foreign = device.pulled.filter(
        (ch) =>
          ['enrolments', 'attendance', 'results', 'certificates', 'people', 'teams', 'conflicts'].includes(ch.t) &&
          (ch.t === 'people' ? ch.id !== 'p-1' : ch.t === 'results' ? !own.has(String(ch.r?.enrolmentId)) : ch.r?.personId !== 'p-1'),
      );
      expect(foreign).toEqual([]);
      expect(device.ids('enrolments')).toContain('enr-a-p1');
      expect(device.ids('attendance').length).toBeGreaterThan(0);
      expect(rows.some((r) => r.tbl === 'attendance' && r.data.personId === 'p-2')).toBe(true);
    });

    it('a site coordinator sees its own record, the people of its country and of its rosters, nobody else', async () => {
      const device = await TestClient.login(transport, 'siteCoordinator@hub.test');
      await device.pullAll();
      expect(device.ids('people')).toEqual(expect.arrayContaining([site.coordinatorPerson, site.visitor, 'p-1', 'p-4', world.instructor]));
      expect(device.ids('people')).not.toContain(site.personAbroad);
      expect(device.ids('people')).not.toContain(site.nobody);
      expect(device.ids('enrolments')).toContain(site.enrolmentVisitor);
      expect(device.ids('enrolments')).not.toContain(site.enrolmentAbroad);
      expect(device.ids('certificates')).not.toContain(site.certificateAbroad);
      expect(device.ids('conflicts')).not.toContain(conflictAbroad);
      expect(device.ids('conflicts').length).toBeGreaterThan(0);
      // The whole catalogue still: the session abroad is listed, only its records are not sent.
      expect(device.ids('sessions')).toContain(site.sessionAbroad);
    });

    it('a coordinator sees everything, an instructor the people of their rosters only', async () => {
      const instructor = await TestClient.login(transport, 'instructor@hub.test');
      await instructor.pullAll();
      expect(instructor.ids('people')).toEqual(expect.arrayContaining([world.instructor, 'p-3', 'p-2', 'p-1']));
      // p-4 is only in session B, which this instructor does not teach.
      expect(instructor.ids('people')).not.toContain('p-4');
      expect(instructor.ids('enrolments')).not.toContain('enr-b-p2');
      expect(instructor.ids('conflicts')).toEqual([]);
    });
  });
});
