import { z } from 'zod';
import { assessmentResultId, attendanceMarkId, attendanceStatuses, type AssessmentResult } from '../domain/enrolment';
import { optionalText, recordId } from '../domain/values';
import type { Assessment, Meeting, Session } from '../domain/catalogue';
import { defineMutation, ok, refuse, type Actor, type MutationResult, type MutationStore } from './types';

/** Either what was looked up, or the refusal to answer. */
type Found<T> = T | { refused: MutationResult };
import { actorLabel, attendingStates, teachersOnly, teachingRefusal } from './enrolment';

/** The session of a class day, when the actor may take its attendance. */
async function meetingForTeacher(
  store: MutationStore,
  meetingId: string,
  actor: Actor,
): Promise<Found<{ meeting: Meeting; session: Session }>> {
  const meeting = await store.get('meetings', meetingId);
  if (!meeting) return { refused: refuse('not-found', {}, 'meetingId') };
  const session = await store.get('sessions', meeting.sessionId);
  if (!session) return { refused: refuse('not-found', {}, 'meetingId') };
  const refused = teachingRefusal(actor, session, 'meetingId');
  if (refused) return { refused };
  if (meeting.cancelled) return { refused: refuse('meeting-cancelled', {}, 'meetingId') };
  return { meeting, session };
}

/** Records (or, with `null`, clears) one trainee's attendance on one class day. */
export const markAttendance = defineMutation({
  name: 'attendance.mark',
  version: 1,
  summary: 'Record attendance',
  args: z.object({
    meetingId: recordId,
    personId: recordId,
    status: z.enum(attendanceStatuses, { error: 'invalid-choice' }).nullable(),
  }),
  permission: teachersOnly,
  reads: (args) => [
    { table: 'meetings', id: args.meetingId },
    { table: 'attendance', id: attendanceMarkId(args.meetingId, args.personId) },
    { table: 'enrolments', field: 'personId', value: args.personId },
  ],
  async apply(store, { meetingId, personId, status }, { actor, now }) {
    const found = await meetingForTeacher(store, meetingId, actor);
    if ('refused' in found) return found.refused;
    const id = attendanceMarkId(meetingId, personId);
    if (status === null) {
      await store.delete('attendance', id);
      return ok;
    }
    const enrolments = await store.findBy('enrolments', 'personId', personId);
    if (!enrolments.some((e) => e.sessionId === found.session.id && attendingStates.includes(e.state)))
      return refuse('not-in-session', {}, 'personId');
    await store.put('attendance', {
      id,
      meetingId,
      sessionId: found.session.id,
      personId,
      status,
      recordedBy: actorLabel(actor),
      recordedAt: now,
    });
    return ok;
  },
});

/** Marks present every trainee of the session who has no mark yet for this class day. */
export const markAllPresent = defineMutation({
  name: 'attendance.markAllPresent',
  version: 1,
  summary: 'Mark everyone present',
  args: z.object({ meetingId: recordId }),
  permission: teachersOnly,
  async apply(store, { meetingId }, { actor, now }) {
    const found = await meetingForTeacher(store, meetingId, actor);
    if ('refused' in found) return found.refused;
    const marked = new Set((await store.findBy('attendance', 'meetingId', meetingId)).map((m) => m.personId));
    const enrolments = await store.findBy('enrolments', 'sessionId', found.session.id);
    for (const enrolment of enrolments) {
      if (!attendingStates.includes(enrolment.state) || marked.has(enrolment.personId)) continue;
      marked.add(enrolment.personId);
      await store.put('attendance', {
        id: attendanceMarkId(meetingId, enrolment.personId),
        meetingId,
        sessionId: found.session.id,
        personId: enrolment.personId,
        status: 'present',
        recordedBy: actorLabel(actor),
        recordedAt: now,
      });
    }
    return ok;
  },
});

const resultFields = {
  assessmentId: recordId,
  passed: z.boolean(),
  score: z.number().min(0).max(100).nullable(),
  note: optionalText(500),
};

/** The course assessment of a session, when the actor may grade it. */
async function assessmentForTeacher(
  store: MutationStore,
  sessionId: string,
  assessmentId: string,
  actor: Actor,
  field: string,
): Promise<Found<{ session: Session; assessment: Assessment }>> {
  const session = await store.get('sessions', sessionId);
  if (!session) return { refused: refuse('not-found', {}, field) };
  const refused = teachingRefusal(actor, session, field);
  if (refused) return { refused };
  const course = await store.get('courses', session.courseId);
  const assessment = course?.assessments.find((a) => a.id === assessmentId);
  if (!assessment) return { refused: refuse('not-found', {}, 'assessmentId') };
  return { session, assessment };
}

/** Records one trainee's result in an individual assessment (a new result replaces the old). */
export const recordAssessment = defineMutation({
  name: 'assessment.record',
  version: 1,
  summary: 'Record an assessment result',
  args: z.object({ enrolmentId: recordId, ...resultFields }),
  permission: teachersOnly,
  async apply(store, args, { actor, now }) {
    const enrolment = await store.get('enrolments', args.enrolmentId);
    if (!enrolment) return refuse('not-found', {}, 'enrolmentId');
    const found = await assessmentForTeacher(store, enrolment.sessionId, args.assessmentId, actor, 'enrolmentId');
    if ('refused' in found) return found.refused;
    if (found.assessment.kind !== 'individual') return refuse('assessment-kind', { kind: found.assessment.kind }, 'assessmentId');
    if (!attendingStates.includes(enrolment.state)) return refuse('invalid-state', { state: enrolment.state }, 'enrolmentId');
    await store.put('results', {
      id: assessmentResultId(enrolment.id, args.assessmentId),
      enrolmentId: enrolment.id,
      sessionId: enrolment.sessionId,
      assessmentId: args.assessmentId,
      passed: args.passed,
      score: args.score,
      teamId: '',
      note: args.note,
      recordedBy: actorLabel(actor),
      recordedAt: now,
    } satisfies AssessmentResult);
    return ok;
  },
});

/** Records a team assessment: every member of the team gets the team's result. */
export const recordTeamAssessment = defineMutation({
  name: 'assessment.recordTeam',
  version: 1,
  summary: 'Record a team assessment result',
  args: z.object({ teamId: recordId, ...resultFields }),
  permission: teachersOnly,
  async apply(store, args, { actor, now }) {
    const team = await store.get('teams', args.teamId);
    if (!team) return refuse('not-found', {}, 'teamId');
    const found = await assessmentForTeacher(store, team.sessionId, args.assessmentId, actor, 'teamId');
    if ('refused' in found) return found.refused;
    if (found.assessment.kind !== 'team') return refuse('assessment-kind', { kind: found.assessment.kind }, 'assessmentId');
    const members = (await store.findBy('enrolments', 'sessionId', team.sessionId)).filter(
      (e) => e.teamId === team.id && attendingStates.includes(e.state),
    );
    if (!members.length) return refuse('team-empty', {}, 'teamId');
    for (const member of members)
      await store.put('results', {
        id: assessmentResultId(member.id, args.assessmentId),
        enrolmentId: member.id,
        sessionId: team.sessionId,
        assessmentId: args.assessmentId,
        passed: args.passed,
        score: args.score,
        teamId: team.id,
        note: args.note,
        recordedBy: actorLabel(actor),
        recordedAt: now,
      } satisfies AssessmentResult);
    return ok;
  },
});
