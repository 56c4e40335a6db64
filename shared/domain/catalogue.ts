import { z } from 'zod';
import {
  countryCode,
  isoDate,
  languageCode,
  noRepeats,
  optionalText,
  recordId,
  requiredText,
  timeOfDay,
  timeZone,
} from './values';
import { assessmentKinds, courseLevels, latePolicies, sessionModes, sessionStatuses } from './vocabulary';

export { courseLevels, sessionModes, sessionStatuses } from './vocabulary';
export type { CourseLevel, SessionMode, SessionStatus } from './vocabulary';

/** Fields every stored record carries. */
export const recordMeta = {
  id: recordId,
  archived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** What a coordinator enters for a programme. */
export const programmeInput = z.object({
  name: requiredText(120),
  description: optionalText(2000),
});
/** A programme: a family of courses such as "CubeSat Design". */
export const programmeSchema = programmeInput.extend(recordMeta);
/** A programme as stored. */
export type Programme = z.infer<typeof programmeSchema>;
/** A programme as a coordinator enters it. */
export type ProgrammeInput = z.input<typeof programmeInput>;


/** One module of a course syllabus. */
export const syllabusModule = z.object({
  title: requiredText(160),
  hours: z.number().min(0).max(500),
});

/**
 * How completion will be decided. A placeholder for now (attendance threshold and a note);
 * the completion issue fills in assessments and the late policy.
 */
export const completionRule = z.object({
  minAttendancePercent: z.number().int().min(0).max(100),
  /** Whether arriving late counts as present, or as half a class day. */
  lateCounts: z.enum(latePolicies, { error: 'invalid-choice' }).default('present'),
  /** Ids of the course's assessments a trainee must pass. */
  requiredAssessments: z.array(recordId).max(20).default([]),
  note: optionalText(500),
});

/** One assessment of a course (a quiz, a design review); team assessments are graded per team. */
export const assessmentSchema = z.object({
  id: recordId,
  title: requiredText(160),
  kind: z.enum(assessmentKinds, { error: 'invalid-choice' }),
  /** Score needed to pass, when the assessment is scored (0–100); otherwise pass/fail. */
  passScore: z.number().min(0).max(100).nullable().default(null),
});
/** An assessment. */
export type Assessment = z.infer<typeof assessmentSchema>;

/** Course codes: capital letters, digits and dashes (CSD-101). */
export const courseCode = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase())
  .pipe(z.string().min(1).regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, 'code-format'));

/** What a coordinator enters for a course. */
export const courseInput = z.object({
  programmeId: recordId,
  code: courseCode,
  title: requiredText(200),
  summary: optionalText(4000),
  level: z.enum(courseLevels, { error: 'invalid-choice' }),
  languages: z.array(languageCode).min(1).max(10).superRefine((v, ctx) => noRepeats(v, ctx)),
  hours: z.number().min(1).max(2000),
  modules: z.array(syllabusModule).max(60),
  prerequisites: z.array(recordId).max(20).superRefine((v, ctx) => noRepeats(v, ctx)),
  tags: z
    .array(requiredText(40))
    .max(20)
    .superRefine((v, ctx) => noRepeats(v, ctx)),
  completionRule,
  /** When true, a coordinator approves each enrolment request. */
  requiresApproval: z.boolean().default(false),
  assessments: z
    .array(assessmentSchema)
    .max(20)
    .default([])
    .superRefine((v, ctx) => noRepeats(v, ctx, (a) => a.id)),
});
/** A course: one entry of the catalogue. */
export const courseSchema = courseInput.extend(recordMeta);
/** A course as stored. */
export type Course = z.infer<typeof courseSchema>;
/** A course as a coordinator enters it. */
export type CourseInput = z.input<typeof courseInput>;


/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const weekday = z.number().int().min(1).max(7);

/** The weekly pattern from which class days (meetings) are generated. */
export const scheduleSchema = z
  .object({
    weekdays: z.array(weekday).min(1, 'no-weekdays').max(7),
    startTime: timeOfDay,
    endTime: timeOfDay,
  })
  .superRefine((s, ctx) => {
    if (s.endTime <= s.startTime) ctx.addIssue({ code: 'custom', message: 'time-order', path: ['endTime'] });
  });
/** A weekly schedule. */
export type Schedule = z.infer<typeof scheduleSchema>;

const sessionFields = z.object({
  courseId: recordId,
  title: optionalText(200),
  startDate: isoDate,
  endDate: isoDate,
  timeZone,
  mode: z.enum(sessionModes, { error: 'invalid-choice' }),
  site: optionalText(200),
  city: optionalText(120),
  country: countryCode,
  capacity: z.number().int().min(1).max(10000),
  instructors: z.array(requiredText(120)).max(20),
  /** People (with the instructor role) who teach this session: they take its attendance. */
  instructorIds: z.array(recordId).max(20).default([]),
  enrolmentOpens: isoDate,
  enrolmentCloses: isoDate,
  status: z.enum(sessionStatuses, { error: 'invalid-choice' }),
  schedule: scheduleSchema,
});

/** Cross-field rules of a session; the message names the field to fix. */
function checkSessionDates(s: z.infer<typeof sessionFields>, ctx: z.RefinementCtx): void {
  if (s.endDate < s.startDate) ctx.addIssue({ code: 'custom', message: 'date-order', path: ['endDate'] });
  if (s.enrolmentCloses < s.enrolmentOpens)
    ctx.addIssue({ code: 'custom', message: 'window-order', path: ['enrolmentCloses'] });
  if (s.enrolmentOpens > s.endDate)
    ctx.addIssue({ code: 'custom', message: 'window-after-end', path: ['enrolmentOpens'] });
  if (s.mode !== 'online' && s.site === '') ctx.addIssue({ code: 'custom', message: 'required', path: ['site'] });
}

/** What a coordinator enters for a session (one run of a course). */
export const sessionInput = sessionFields.superRefine(checkSessionDates);
/** A session as stored. */
export const sessionSchema = sessionFields.extend(recordMeta).superRefine(checkSessionDates);
/** A session as stored. */
export type Session = z.infer<typeof sessionSchema>;
/** A session as a coordinator enters it. */
export type SessionInput = z.input<typeof sessionInput>;

/** What can be edited on one class day. */
export const meetingInput = z
  .object({
    date: isoDate,
    startTime: timeOfDay,
    endTime: timeOfDay,
    room: optionalText(120),
    note: optionalText(500),
    cancelled: z.boolean(),
  })
  .superRefine((m, ctx) => {
    if (m.endTime <= m.startTime) ctx.addIssue({ code: 'custom', message: 'time-order', path: ['endTime'] });
  });
/** One class day of a session. */
export type Meeting = z.infer<typeof meetingInput> & {
  id: string;
  sessionId: string;
  /** True once someone changed it by hand, so regeneration can warn. */
  edited: boolean;
  createdAt: string;
  updatedAt: string;
};
/** A meeting as entered. */
export type MeetingInput = z.input<typeof meetingInput>;
