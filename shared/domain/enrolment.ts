import { z } from 'zod';
import { attendanceStatuses, enrolmentStates, type EnrolmentState } from './vocabulary';
import { optionalText, recordId, requiredText } from './values';

export { attendanceStatuses, enrolmentStates, type AttendanceStatus, type EnrolmentState } from './vocabulary';

/** One step in an enrolment's life: what it became, when, who did it, and why. */
export const enrolmentStep = z.object({
  state: z.enum(enrolmentStates),
  at: z.string(),
  /** The device (and person, when known) that made the change. */
  by: z.string(),
  reason: z.string().default(''),
});
/** One step of an enrolment's history. */
export type EnrolmentStep = z.infer<typeof enrolmentStep>;

/** A person in a session. Every change of state is kept in `history`. */
export const enrolmentSchema = z.object({
  id: recordId,
  personId: recordId,
  sessionId: recordId,
  state: z.enum(enrolmentStates),
  /** Place in the waitlist queue (lower goes first); only meaningful while waitlisted. */
  waitlistRank: z.number().int().nonnegative().default(0),
  /** Why a request was rejected, or a withdrawal's note. */
  reason: z.string().default(''),
  teamId: z.string().default(''),
  history: z.array(enrolmentStep),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** An enrolment as stored. */
export type Enrolment = z.infer<typeof enrolmentSchema>;

/** States in which a person holds (or waits for) a place in the session. */
export const activeStates: readonly EnrolmentState[] = ['requested', 'enrolled', 'waitlisted', 'completed', 'not-completed'];

/** A team of trainees in a session (CubeSat design courses are team projects). */
export const teamInput = z.object({ sessionId: recordId, name: requiredText(80) });
/** A team as stored. */
export const teamSchema = teamInput.extend({ id: recordId, createdAt: z.string(), updatedAt: z.string() });
/** A team. */
export type Team = z.infer<typeof teamSchema>;

/** Id of the one attendance mark of a trainee on a class day. */
export function attendanceMarkId(meetingId: string, personId: string): string {
  return `${meetingId}|${personId}`;
}

/** A trainee's attendance on one class day, with who recorded it and when. */
export const attendanceMarkSchema = z.object({
  id: z.string(),
  meetingId: recordId,
  sessionId: recordId,
  personId: recordId,
  status: z.enum(attendanceStatuses),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
/** An attendance mark as stored. */
export type AttendanceMark = z.infer<typeof attendanceMarkSchema>;

/** Id of the result of one assessment for one enrolment. */
export function assessmentResultId(enrolmentId: string, assessmentId: string): string {
  return `${enrolmentId}|${assessmentId}`;
}

/** The result of one assessment for one enrolment (for a team assessment, copied to each member). */
export const assessmentResultSchema = z.object({
  id: z.string(),
  enrolmentId: recordId,
  sessionId: recordId,
  assessmentId: recordId,
  passed: z.boolean(),
  score: z.number().min(0).max(100).nullable(),
  /** Set when the result was given to the team. */
  teamId: z.string().default(''),
  note: optionalText(500),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
/** An assessment result as stored. */
export type AssessmentResult = z.infer<typeof assessmentResultSchema>;
