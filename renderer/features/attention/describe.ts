import type { Course, Session } from '../../../shared/domain/catalogue';
import type { ErrorCode, ErrorParams, Notice, NoticeCode } from '../../../shared/errors';
import type { MutationName } from '../../../shared/mutations';
import type { InboxEntry } from '../../db/schema';

/**
 * The records a change was about, read from its arguments: which person, session, class day,
 * course… Ids only; the screen looks them up and says them in words. Names typed into the change
 * itself (a new course's title, a new person's name) come along, for when the record is gone
 * because the hub refused to create it.
 */
export type ChangeRefs = {
  personId?: string;
  sessionId?: string;
  meetingId?: string;
  courseId?: string;
  programmeId?: string;
  institutionId?: string;
  enrolmentId?: string;
  teamId?: string;
  certificateId?: string;
  conflictId?: string;
  /** A name or title written in the change (for creations). */
  label?: string;
};

/** The table each mutation's own `id` names, by the mutation's prefix. */
const idField: Record<string, keyof ChangeRefs> = {
  programme: 'programmeId',
  course: 'courseId',
  session: 'sessionId',
  institution: 'institutionId',
  person: 'personId',
  enrolment: 'enrolmentId',
  team: 'teamId',
  certificate: 'certificateId',
  conflict: 'conflictId',
};

const refFields = ['personId', 'sessionId', 'meetingId', 'courseId', 'programmeId', 'institutionId', 'enrolmentId', 'teamId'] as const;

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** Reads the records a change concerned from its name and arguments (never throws on odd input). */
export function changeRefs(name: string, args: unknown): ChangeRefs {
  const refs: ChangeRefs = {};
  if (!args || typeof args !== 'object') return refs;
  const a = args as Record<string, unknown>;
  for (const field of refFields) {
    const value = text(a[field]);
    if (value) refs[field] = value;
  }
  const prefix = name.split('.')[0] ?? '';
  const own = idField[prefix];
  if (own && text(a.id)) refs[own] = text(a.id);
  // person.merge names two people: the one merged away is what the change was about.
  if (name === 'person.merge' && text(a.mergeId)) refs.personId = text(a.mergeId);
  const label = text(a.latinName) ?? text(a.nativeName) ?? text(a.title) ?? text(a.name) ?? text(a.code) ?? text(a.serial);
  if (label) refs.label = label;
  return refs;
}

/** Why the hub did not take a change as it was made: a refusal with its code, or the notices it brought. */
export type HubReason =
  | { kind: 'rejected'; error: { code: ErrorCode; params: ErrorParams } }
  | { kind: 'adjusted'; notices: Notice[] }
  | { kind: 'unexplained' };

/** Turns an inbox entry's stored answer into a reason the screen can put in words. */
export function reasonOf(entry: Pick<InboxEntry, 'kind' | 'error' | 'notices'>): HubReason {
  if (entry.kind === 'rejected') {
    // A code this version does not know still shows, as the hub's generic refusal.
    const error = entry.error ?? { code: 'hub-error', params: { reason: '?' } };
    return { kind: 'rejected', error: { code: error.code as ErrorCode, params: error.params } };
  }
  const notices = (entry.notices ?? []).map((n) => ({ code: n.code as NoticeCode, params: n.params }));
  return notices.length ? { kind: 'adjusted', notices } : { kind: 'unexplained' };
}

/** The message id of a change's one-line summary (every mutation has one, see messages.ts). */
export function summaryId(name: string): `attention.change.${MutationName}` | 'attention.change.unknown' {
  return name in changeSummariesEn ? (`attention.change.${name}` as `attention.change.${MutationName}`) : 'attention.change.unknown';
}

/** English summaries of every mutation (they match `summary` in shared/mutations; a test checks). */
export const changeSummariesEn: Record<MutationName, string> = {
  'programme.create': 'Add a programme',
  'programme.update': 'Edit a programme',
  'programme.archive': 'Archive or restore a programme',
  'course.create': 'Add a course',
  'course.update': 'Edit a course',
  'course.archive': 'Archive or restore a course',
  'session.create': 'Add a session',
  'session.update': 'Edit a session',
  'session.archive': 'Archive or restore a session',
  'meeting.update': 'Edit a class day',
  'meeting.add': 'Add a class day',
  'institution.create': 'Add an institution',
  'institution.update': 'Edit an institution',
  'institution.archive': 'Archive or restore an institution',
  'person.create': 'Add a person',
  'person.update': 'Edit a person',
  'person.archive': 'Archive or restore a person',
  'person.merge': 'Merge two records of the same person',
  'enrolment.request': 'Enrol a person in a session',
  'enrolment.approve': 'Approve an enrolment request',
  'enrolment.reject': 'Reject an enrolment request',
  'enrolment.withdraw': 'Withdraw from a session',
  'enrolment.setOutcome': 'Record whether a trainee completed the course',
  'team.create': 'Add a team',
  'team.assign': 'Put a trainee in a team',
  'attendance.mark': 'Record attendance',
  'attendance.markAllPresent': 'Mark everyone present',
  'assessment.record': 'Record an assessment result',
  'assessment.recordTeam': 'Record a team assessment result',
  'issuer.register': 'Register a key that signs certificates',
  'issuer.retire': 'Stop a key from signing new certificates',
  'certificateTemplate.save': 'Save the certificate template of a course',
  'certificate.issue': 'Issue a certificate',
  'certificate.revoke': 'Revoke a certificate',
  'conflict.resolve': 'Settle a conflict of attendance',
};

/** Items that need the reader: entries not yet dismissed, and (for coordinators) open conflicts. */
export function openCount(entries: readonly Pick<InboxEntry, 'dismissed'>[], openConflicts: number): number {
  return entries.filter((e) => !e.dismissed).length + openConflicts;
}

/** Splits a conflict value's `recordedBy` ("device/personId" or "device") into its parts. */
export function recorderOf(recordedBy: string): { device: string; personId?: string } {
  const slash = recordedBy.indexOf('/');
  if (slash < 0) return { device: recordedBy };
  const personId = recordedBy.slice(slash + 1);
  return personId ? { device: recordedBy.slice(0, slash), personId } : { device: recordedBy.slice(0, slash) };
}

/** A record named in words: who, which session of which course, which class day. */
export type Subject = {
  person?: string;
  course?: Pick<Course, 'code' | 'title'>;
  session?: Pick<Session, 'startDate' | 'endDate'>;
  meetingDate?: string;
  /** Another record's name (a programme, an institution, a team, a certificate serial…). */
  other?: string;
  /** True when the change named a record that this device no longer holds. */
  gone: boolean;
};

/** What subjectText needs to put dates and fixed words in the reader's language. */
export type SubjectWords = {
  day: (isoDate: string) => string;
  classDay: (date: string) => string;
  dateRange: (start: string, end: string) => string;
  gone: string;
  none: string;
};

/** The record a change concerned, in one line: "Amina Yusuf · CSD-101 CubeSat design · 1 Mar – 5 Mar 2027 · class day 2 Mar 2027". */
export function subjectText(subject: Subject, words: SubjectWords): string {
  const parts: string[] = [];
  if (subject.person) parts.push(subject.person);
  if (subject.course) parts.push(`${subject.course.code} ${subject.course.title}`);
  if (subject.session) parts.push(words.dateRange(words.day(subject.session.startDate), words.day(subject.session.endDate)));
  if (subject.meetingDate) parts.push(words.classDay(words.day(subject.meetingDate)));
  if (subject.other) parts.push(subject.other);
  if (subject.gone) parts.push(words.gone);
  return parts.length ? parts.join(' · ') : words.none;
}
