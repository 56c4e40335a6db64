import type { Notice } from '../errors';
import type { Course, Meeting } from './catalogue';
import type { AssessmentResult, AttendanceMark, Enrolment } from './enrolment';

/** What completion is judged on: one trainee's marks and results in one session, up to a day. */
export type CompletionInput = {
  course: Pick<Course, 'completionRule' | 'assessments'>;
  /** The session's class days. */
  meetings: readonly Pick<Meeting, 'id' | 'date' | 'cancelled'>[];
  /** The trainee's attendance marks in the session. */
  marks: readonly Pick<AttendanceMark, 'meetingId' | 'status'>[];
  /** The enrolment's assessment results. */
  results: readonly Pick<AssessmentResult, 'assessmentId' | 'passed'>[];
  /** Days after this one (YYYY-MM-DD) have not happened yet and are not counted. */
  asOf: string;
};

/** Where a trainee stands against the course's completion rule, and why, in words for people. */
export type Completion = {
  /** Attended days as a percentage of counted days (0 when no day counts yet). */
  attendedPercent: number;
  lateCount: number;
  /** Class days held so far that count: not cancelled, not excused. */
  counted: number;
  /** Days attended; a late day is half a day when the course says so. */
  attended: number;
  /** Ids of required assessments not passed yet. */
  missingAssessments: string[];
  meetsAttendance: boolean;
  complete: boolean;
  /** `completion-met`, `completion-attendance-short` {percent, needed} or `completion-assessments-missing` {titles}. */
  explanation: Notice;
};

/**
 * Judges completion: counted days are the class days held on or before `asOf` that are not
 * cancelled and not excused for this trainee; an unrecorded day counts as absent.
 */
export function completionOf({ course, meetings, marks, results, asOf }: CompletionInput): Completion {
  const rule = course.completionRule;
  const statusOf = new Map(marks.map((m) => [m.meetingId, m.status]));
  let counted = 0;
  let attended = 0;
  let lateCount = 0;
  for (const meeting of meetings) {
    if (meeting.cancelled || meeting.date > asOf) continue;
    const status = statusOf.get(meeting.id);
    if (status === 'excused') continue;
    counted += 1;
    if (status === 'present') attended += 1;
    if (status === 'late') {
      lateCount += 1;
      attended += rule.lateCounts === 'half' ? 0.5 : 1;
    }
  }
  const attendedPercent = counted === 0 ? 0 : (attended / counted) * 100;
  // Compared without rounding, so 79.9% never passes an 80% rule.
  const meetsAttendance = attended * 100 >= rule.minAttendancePercent * counted && (counted > 0 || rule.minAttendancePercent === 0);
  const passed = new Set(results.filter((r) => r.passed).map((r) => r.assessmentId));
  const missingAssessments = rule.requiredAssessments.filter((id) => !passed.has(id));
  const complete = meetsAttendance && missingAssessments.length === 0;

  let explanation: Notice = { code: 'completion-met', params: {} };
  if (!meetsAttendance)
    explanation = {
      code: 'completion-attendance-short',
      params: { percent: Math.floor(attendedPercent), needed: rule.minAttendancePercent },
    };
  else if (missingAssessments.length) {
    const titles = missingAssessments.map((id) => course.assessments.find((a) => a.id === id)?.title ?? id);
    explanation = { code: 'completion-assessments-missing', params: { titles: titles.join(', ') } };
  }
  return { attendedPercent, lateCount, counted, attended, missingAssessments, meetsAttendance, complete, explanation };
}

/** Ready for a certificate: enrolled (or marked completed) and meeting the completion rule. */
export function readyForCertificate(enrolment: Pick<Enrolment, 'state'>, completion: Pick<Completion, 'complete'>): boolean {
  return (enrolment.state === 'enrolled' || enrolment.state === 'completed') && completion.complete;
}
