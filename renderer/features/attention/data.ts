import type { Course, Meeting, Session } from '../../../shared/domain/catalogue';
import type { Conflict } from '../../../shared/domain/conflicts';
import { displayName } from '../../../shared/domain/people';
import { db, useLiveQuery } from '../../db';
import type { InboxEntry } from '../../db/schema';
import { useSession } from '../../state/session';
import { useSettings } from '../../state/settings';
import { changeRefs, openCount, recorderOf, type Subject } from './describe';

/** An inbox entry with the record it concerned, ready to be said in words. */
export type DescribedEntry = { entry: InboxEntry; subject: Subject };

/** Looks up what a change was about; every missing row is reported, never guessed. */
async function subjectOf(entry: InboxEntry): Promise<Subject> {
  const refs = changeRefs(entry.name, entry.args);
  let { personId, sessionId, meetingId, courseId } = refs;
  const subject: Subject = { gone: false };
  const missing = () => (subject.gone = true);
  if (refs.conflictId) {
    const conflict = await db.conflicts.get(refs.conflictId);
    if (conflict) ({ personId, sessionId, meetingId } = conflict);
    else missing();
  }
  if (refs.enrolmentId) {
    const enrolment = await db.enrolments.get(refs.enrolmentId);
    if (enrolment) {
      personId ??= enrolment.personId;
      sessionId ??= enrolment.sessionId;
    } else if (!personId) missing();
  }
  if (refs.certificateId) {
    const certificate = await db.certificates.get(refs.certificateId);
    if (certificate) {
      personId ??= certificate.personId;
      sessionId ??= certificate.sessionId;
      subject.other = certificate.serial;
    } else missing();
  }
  if (refs.teamId) {
    const team = await db.teams.get(refs.teamId);
    if (team) {
      sessionId ??= team.sessionId;
      subject.other = team.name;
    } else missing();
  }
  if (meetingId) {
    const meeting: Meeting | undefined = await db.meetings.get(meetingId);
    if (meeting) {
      sessionId ??= meeting.sessionId;
      subject.meetingDate = meeting.date;
    } else missing();
  }
  if (sessionId) {
    const session = await db.sessions.get(sessionId);
    if (session) {
      courseId ??= session.courseId;
      subject.session = { startDate: session.startDate, endDate: session.endDate };
    } else missing();
  }
  if (courseId) {
    const course = await db.courses.get(courseId);
    if (course) subject.course = { code: course.code, title: course.title };
    else if (!refs.label) missing();
  }
  if (personId) {
    const person = await db.people.get(personId);
    if (person) subject.person = displayName(person);
    else if (!refs.label) missing();
  }
  if (refs.programmeId) subject.other = (await db.programmes.get(refs.programmeId))?.name;
  if (refs.institutionId) subject.other = (await db.institutions.get(refs.institutionId))?.name;
  // A creation the hub refused is gone from this device: the name typed into it still says which.
  if (!subject.person && !subject.course && !subject.other && refs.label) {
    subject.other = refs.label;
    subject.gone = false;
  }
  return subject;
}

/** This device's "Needs attention" entries, newest first, each with what it concerned. */
export function useInboxEntries(): DescribedEntry[] | undefined {
  return useLiveQuery(async () => {
    const entries = await db.inbox.orderBy('receivedAt').reverse().toArray();
    return Promise.all(entries.map(async (entry) => ({ entry, subject: await subjectOf(entry) })));
  }, []);
}

/** Marks an entry as seen ("Got it"); it stays listed under "already seen". */
export async function dismissEntry(id: string): Promise<void> {
  await db.inbox.update(id, { dismissed: true });
}

/** A conflict with its trainee, session and class day in words, and who recorded each value. */
export type DescribedConflict = {
  conflict: Conflict;
  trainee?: string;
  course?: Pick<Course, 'code' | 'title'>;
  session?: Pick<Session, 'startDate' | 'endDate'>;
  meetingDate?: string;
  /** Who recorded each value (a person's name when this device knows them) and on which device. */
  recorders: { device: string; person?: string }[];
  resolvedBy?: { device: string; person?: string };
};

async function recorder(recordedBy: string): Promise<{ device: string; person?: string }> {
  const { device, personId } = recorderOf(recordedBy);
  const person = personId ? await db.people.get(personId) : undefined;
  return person ? { device, person: displayName(person) } : { device };
}

/** Attendance conflicts on this device, open ones first then settled ones, newest first within each. */
export function useConflicts(): DescribedConflict[] | undefined {
  return useLiveQuery(async () => {
    const conflicts = await db.conflicts.toArray();
    conflicts.sort((a, b) => (a.state === b.state ? b.createdAt.localeCompare(a.createdAt) : a.state === 'open' ? -1 : 1));
    return Promise.all(
      conflicts.map(async (conflict): Promise<DescribedConflict> => {
        const [person, meeting, session] = await Promise.all([
          db.people.get(conflict.personId),
          db.meetings.get(conflict.meetingId),
          db.sessions.get(conflict.sessionId),
        ]);
        const course = session ? await db.courses.get(session.courseId) : undefined;
        return {
          conflict,
          trainee: person ? displayName(person) : undefined,
          course: course && { code: course.code, title: course.title },
          session: session && { startDate: session.startDate, endDate: session.endDate },
          meetingDate: meeting?.date,
          recorders: await Promise.all(conflict.values.map((v) => recorder(v.recordedBy))),
          resolvedBy: conflict.resolvedBy ? await recorder(conflict.resolvedBy) : undefined,
        };
      }),
    );
  }, []);
}

/** How many items wait for the current user: undismissed entries, and open conflicts for coordinators. */
export function useAttentionCount(): number {
  // The signed-in account's role, else the "Acting as" choice (the frame loads this, so no hubAdmin import).
  const accountRole = useSession((s) => s.session?.account.role);
  const chosen = useSettings((s) => s.role);
  const role = accountRole ?? chosen;
  return (
    useLiveQuery(async () => {
      const entries = await db.inbox.toArray();
      const conflicts = role === 'coordinator' ? await db.conflicts.where('state').equals('open').count() : 0;
      return openCount(entries, conflicts);
    }, [role]) ?? 0
  );
}
