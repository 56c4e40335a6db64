import type { ErrorCode } from '../errors';
import type { Actor, MutationArgs, MutationCall, MutationName } from '../mutations';
import { meetingId } from '../domain/schedule';
import { courseArgs, institutionArgs, personArgs, sessionArgs } from './factories';

/**
 * A world for site coordinators, the same on the hub and on a device: a site coordinator for
 * Pakistan, sessions in Pakistan and in Türkiye, people from both and from nowhere. Built by an
 * organisation coordinator on top of a programme (`programmeId`).
 */
export const site = {
  /** The country the site coordinator runs. */
  country: 'PK',
  /** Another country, whose records the site coordinator may not change. */
  abroad: 'TR',
  course: 'course-sites',
  /** A session held in the site. */
  sessionHere: 'session-site-pk',
  /** A session held abroad. */
  sessionAbroad: 'session-site-tr',
  institutionAbroad: 'inst-site-itu',
  /** From Türkiye, on the list of the session abroad only. */
  personAbroad: 'p-site-tr',
  /** From Türkiye, on the list of the session held in the site. */
  visitor: 'p-site-visitor',
  /** No country, on no list. */
  nobody: 'p-site-nobody',
  /** The site coordinator's own record (from Türkiye: seen because it is their own). */
  coordinatorPerson: 'p-site-coordinator',
  enrolmentAbroad: 'enr-site-tr',
  enrolmentVisitor: 'enr-site-visitor',
  teamAbroad: 'team-site-tr',
  certificateAbroad: 'cert-site-tr',
  certificateHere: 'cert-site-visitor',
  root: 'issuer-site-root',
  device: 'issuer-site-device',
  rootDid: 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
  deviceDid: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
  /** The site coordinator's own device key. */
  ownDeviceDid: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doL',
} as const;

/** The site coordinator, as the device and the hub build it from the account. */
export const siteCoordinator: Actor = { role: 'coordinator', site: site.country, personId: site.coordinatorPerson, deviceId: 'device-site' };

/** The date `days` after today (UTC), as YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A class day of a session (its sessions meet every day from a week ago to a week on). */
export const classDay = (sessionId: string, days: number) => meetingId(sessionId, dayFromToday(days));

/** A session open for enrolment now, meeting every day from 7 days ago to 7 days on. */
export function siteSession(id: string, country: string, over: Partial<MutationArgs['session.create']> = {}): MutationArgs['session.create'] {
  return sessionArgs({
    id,
    courseId: site.course,
    startDate: dayFromToday(-7),
    endDate: dayFromToday(7),
    enrolmentOpens: dayFromToday(-30),
    enrolmentCloses: dayFromToday(7),
    capacity: 20,
    country,
    ...(country === 'TR' ? { timeZone: 'Europe/Istanbul', site: 'ITU Space Systems Lab', city: 'Istanbul' } : {}),
    schedule: { weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '09:00', endTime: '16:00' },
    ...over,
  });
}

const assessments = [
  { id: 'asm-site-quiz', title: 'Quiz', kind: 'individual' as const, passScore: null },
  { id: 'asm-site-review', title: 'Design review', kind: 'team' as const, passScore: null },
];

/** What a certificate's credential must say for `certificate.issue` to take it (the proof is the verifiers' business). */
export function credentialFor(id: string, sequence: number) {
  return {
    id: `urn:uuid:${id}`,
    issuer: { id: site.deviceDid },
    credentialSubject: { achievement: { id: `urn:apogee:course:${site.course}` } },
    credentialStatus: { statusListIndex: String(sequence) },
    proof: { type: 'DataIntegrityProof' },
  };
}

/** The calls (as an organisation coordinator) that build the world; run them in one batch, in order. */
export function siteWorldCalls(programmeId: string): MutationCall[] {
  const person = (id: string, country: string, roles: ('trainee' | 'coordinator')[] = ['trainee']): MutationCall => ({
    name: 'person.create',
    args: personArgs({ id, nativeName: id, latinName: id, email: `${id}@example.org`, country, roles }),
  });
  const common = { name: 'Test', organisationCode: 'TEST', verifyUrl: 'https://verify.example/verify' };
  return [
    // Completion needs no attendance, so a certificate can be issued on the first day.
    { name: 'course.create', args: courseArgs({ id: site.course, code: 'SITES-101', programmeId, assessments, completionRule: { minAttendancePercent: 0, note: '' } }) },
    { name: 'institution.create', args: institutionArgs({ id: site.institutionAbroad, name: 'ITU', country: 'TR', city: 'Istanbul' }) },
    person(site.personAbroad, 'TR'),
    person(site.visitor, 'TR'),
    person(site.nobody, ''),
    person(site.coordinatorPerson, 'TR', ['coordinator']),
    { name: 'session.create', args: siteSession(site.sessionHere, 'PK') },
    { name: 'session.create', args: siteSession(site.sessionAbroad, 'TR') },
    { name: 'enrolment.request', args: { id: site.enrolmentAbroad, personId: site.personAbroad, sessionId: site.sessionAbroad } },
    { name: 'enrolment.request', args: { id: site.enrolmentVisitor, personId: site.visitor, sessionId: site.sessionHere } },
    { name: 'team.create', args: { id: site.teamAbroad, sessionId: site.sessionAbroad, name: 'Team TR' } },
    { name: 'team.assign', args: { enrolmentId: site.enrolmentAbroad, teamId: site.teamAbroad } },
    { name: 'attendance.mark', args: { meetingId: classDay(site.sessionAbroad, -2), personId: site.personAbroad, status: 'present' } },
    { name: 'attendance.mark', args: { meetingId: classDay(site.sessionHere, -2), personId: site.visitor, status: 'late' } },
    { name: 'assessment.record', args: { enrolmentId: site.enrolmentAbroad, assessmentId: 'asm-site-quiz', passed: true, score: 90, note: '' } },
    { name: 'issuer.register', args: { id: site.root, kind: 'root', did: site.rootDid, keyCode: 'R00T', ...common } },
    {
      name: 'issuer.register',
      args: { id: site.device, kind: 'device', did: site.deviceDid, keyCode: 'K7Q2', rootId: site.root, endorsement: { type: ['EndorsementCredential'] }, ...common },
    },
    {
      name: 'certificate.issue',
      args: { id: site.certificateAbroad, enrolmentId: site.enrolmentAbroad, issuerId: site.device, sequence: 0, serial: 'TEST-K7Q2-000000', credential: credentialFor(site.certificateAbroad, 0) },
    },
    {
      name: 'certificate.issue',
      args: { id: site.certificateHere, enrolmentId: site.enrolmentVisitor, issuerId: site.device, sequence: 1, serial: 'TEST-K7Q2-000001', credential: credentialFor(site.certificateHere, 1) },
    },
  ];
}

/** What a mutation answers: `ok`, or the code of its refusal. */
export type Expected = 'ok' | ErrorCode;

/**
 * One call of every mutation by the site coordinator on records abroad (or, where the mutation
 * has no place, on the organisation's catalogue), with what it must answer. `conflictId`: an
 * open conflict of attendance in the session abroad. Ids made here carry `suffix`, so a second
 * run does not collide.
 */
export function callsAbroad(conflictId: string, suffix = ''): { [N in MutationName]: { args: MutationArgs[N]; expected: Expected } } {
  const abroadDay = classDay(site.sessionAbroad, -1);
  const result = { passed: true, score: 80, note: '' };
  return {
    // Above every site: organisation coordinators only.
    'programme.create': { args: { id: `prog-site${suffix}`, name: 'Programme', description: '' }, expected: 'forbidden' },
    'programme.update': { args: { id: 'prog-cubesat', name: 'CubeSat Design', description: 'edited' }, expected: 'forbidden' },
    'programme.archive': { args: { id: 'prog-cubesat', archived: false }, expected: 'forbidden' },
    'course.create': { args: courseArgs({ id: `course-site${suffix}-new`, code: `SITE-2${suffix.length}`, programmeId: 'prog-cubesat' }), expected: 'forbidden' },
    'course.update': { args: courseArgs({ id: site.course, code: 'SITES-101', programmeId: 'prog-cubesat', assessments }), expected: 'forbidden' },
    'course.archive': { args: { id: site.course, archived: false }, expected: 'forbidden' },
    'certificateTemplate.save': { args: { courseId: site.course, title: 'Certificate', body: 'Awarded to {name}' }, expected: 'forbidden' },
    'issuer.register': {
      // Its own device's key: allowed (a root key is the organisation's: refused, see the role table).
      args: {
        id: `issuer-site-own${suffix}`,
        kind: 'device',
        did: site.ownDeviceDid,
        keyCode: 'K7Q3',
        rootId: site.root,
        endorsement: { type: ['EndorsementCredential'] },
        name: 'Test',
        organisationCode: 'TEST',
        verifyUrl: 'https://verify.example/verify',
      },
      expected: 'ok',
    },
    'issuer.retire': { args: { id: site.device }, expected: 'forbidden' },
    // Sessions abroad, and everything in them.
    'session.create': { args: siteSession(`session-site-new${suffix}`, 'TR'), expected: 'outside-site' },
    'session.update': { args: siteSession(site.sessionAbroad, 'TR', { capacity: 30 }), expected: 'outside-site' },
    'session.archive': { args: { id: site.sessionAbroad, archived: true }, expected: 'outside-site' },
    'meeting.update': { args: { id: abroadDay, date: dayFromToday(-1), startTime: '10:00', endTime: '15:00', room: 'B', note: '', cancelled: false }, expected: 'outside-site' },
    'meeting.add': { args: { id: `meeting-site${suffix}`, sessionId: site.sessionAbroad, date: dayFromToday(20), startTime: '09:00', endTime: '12:00', room: '', note: '', cancelled: false }, expected: 'outside-site' },
    'enrolment.request': { args: { id: `enr-site-new${suffix}`, personId: site.visitor, sessionId: site.sessionAbroad }, expected: 'outside-site' },
    'enrolment.approve': { args: { id: site.enrolmentAbroad }, expected: 'outside-site' },
    'enrolment.reject': { args: { id: site.enrolmentAbroad, reason: 'no' }, expected: 'outside-site' },
    'enrolment.withdraw': { args: { id: site.enrolmentAbroad }, expected: 'outside-site' },
    'enrolment.setOutcome': { args: { id: site.enrolmentAbroad, outcome: 'completed' }, expected: 'outside-site' },
    'team.create': { args: { id: `team-site-new${suffix}`, sessionId: site.sessionAbroad, name: 'New' }, expected: 'outside-site' },
    'team.assign': { args: { enrolmentId: site.enrolmentAbroad, teamId: '' }, expected: 'outside-site' },
    'attendance.mark': { args: { meetingId: abroadDay, personId: site.personAbroad, status: 'absent' }, expected: 'outside-site' },
    'attendance.markAllPresent': { args: { meetingId: abroadDay }, expected: 'outside-site' },
    'assessment.record': { args: { enrolmentId: site.enrolmentAbroad, assessmentId: 'asm-site-quiz', ...result }, expected: 'outside-site' },
    'assessment.recordTeam': { args: { teamId: site.teamAbroad, assessmentId: 'asm-site-review', ...result }, expected: 'outside-site' },
    'certificate.issue': {
      args: { id: `cert-site-new${suffix}`, enrolmentId: site.enrolmentAbroad, issuerId: site.device, sequence: 2, serial: `TEST-K7Q2-${String(2 + suffix.length).padStart(6, '0')}`, credential: credentialFor(`cert-site-new${suffix}`, 2) },
      expected: 'outside-site',
    },
    'certificate.revoke': { args: { id: site.certificateAbroad, reason: 'test' }, expected: 'outside-site' },
    'conflict.resolve': { args: { id: conflictId, status: 'present' }, expected: 'outside-site' },
    // The registry: institutions and people of any country may be added; those abroad not changed.
    'institution.create': { args: institutionArgs({ id: `inst-site-new${suffix}`, name: `Visiting institute${suffix}`, country: 'TR' }), expected: 'ok' },
    'institution.update': { args: institutionArgs({ id: site.institutionAbroad, name: 'ITU', country: 'TR', city: 'Ankara' }), expected: 'institution-outside-site' },
    'institution.archive': { args: { id: site.institutionAbroad, archived: true }, expected: 'institution-outside-site' },
    'person.create': { args: personArgs({ id: `p-site-new${suffix}`, email: `p-site-new${suffix}@example.org`, country: 'TR' }), expected: 'ok' },
    'person.update': { args: personArgs({ id: site.personAbroad, email: `${site.personAbroad}@example.org`, nativeName: 'Edited', country: 'TR' }), expected: 'person-outside-site' },
    'person.archive': { args: { id: site.personAbroad, archived: true }, expected: 'person-outside-site' },
    'person.merge': { args: { keepId: site.visitor, mergeId: site.personAbroad }, expected: 'person-outside-site' },
  };
}
