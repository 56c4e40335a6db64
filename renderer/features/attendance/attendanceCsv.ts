import type { Course, Meeting } from '../../../shared/domain/catalogue';
import { completionOf } from '../../../shared/domain/completion';
import type { AttendanceMark, Enrolment } from '../../../shared/domain/enrolment';
import { displayName, type Person } from '../../../shared/domain/people';
import type { AttendanceStatus } from '../../../shared/domain/vocabulary';
import type { ExportCell, ExportTable } from '../enrolment';

/** The words of the attendance export, in the user's language. */
export type AttendanceCsvLabels = {
  name: string;
  latinName: string;
  attendedPercent: string;
  lateCount: string;
  status: (status: AttendanceStatus) => string;
};

/** What the attendance export reads of a session (the shape of `useSessionRoster`). */
export type AttendanceCsvInput = {
  course: Pick<Course, 'completionRule'> | undefined;
  meetings: readonly Pick<Meeting, 'id' | 'date' | 'startTime' | 'cancelled'>[];
  enrolments: readonly Pick<Enrolment, 'personId' | 'state'>[];
  personById: ReadonlyMap<string, Pick<Person, 'nativeName' | 'latinName' | 'preferredName'>>;
  marks: readonly Pick<AttendanceMark, 'meetingId' | 'personId' | 'status'>[];
};

/**
 * The attendance grid as a table: a row per trainee (enrolled or with an outcome, by name, as
 * in the grid) with their name and Latin name, a column per class day that is not cancelled
 * (headed by its date, YYYY-MM-DD, with the start time when two classes share a day) holding
 * the mark as a word or nothing, then attended % (rounded down, as on screen) and times late,
 * counting class days up to `asOf`.
 */
export function attendanceCsv(roster: AttendanceCsvInput, labels: AttendanceCsvLabels, asOf: string): ExportTable {
  const days = roster.meetings
    .filter((m) => !m.cancelled)
    .sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));
  const perDate = new Map<string, number>();
  for (const m of days) perDate.set(m.date, (perDate.get(m.date) ?? 0) + 1);
  const dayHeaders = days.map((m) => ((perDate.get(m.date) ?? 0) > 1 && m.startTime ? `${m.date} ${m.startTime}` : m.date));

  const statusOf = new Map(roster.marks.map((m) => [`${m.meetingId}|${m.personId}`, m.status]));
  const rule = roster.course?.completionRule ?? { minAttendancePercent: 0, lateCounts: 'present' as const, requiredAssessments: [], note: '' };
  const trainees = roster.enrolments
    .filter((e) => e.state === 'enrolled' || e.state === 'completed' || e.state === 'not-completed')
    .map((e) => {
      const person = roster.personById.get(e.personId);
      return { personId: e.personId, person, name: person ? displayName(person) : e.personId };
    })
    .sort((a, b) => a.name.localeCompare(b.name));

  const rows = trainees.map(({ personId, person }): ExportCell[] => {
    const marks = roster.marks.filter((m) => m.personId === personId);
    const summary = completionOf({
      course: { completionRule: { ...rule, requiredAssessments: [] }, assessments: [] },
      meetings: days,
      marks,
      results: [],
      asOf,
    });
    return [
      person?.nativeName ?? personId,
      person?.latinName ?? '',
      ...days.map((m) => {
        const status = statusOf.get(`${m.id}|${personId}`);
        return status ? labels.status(status) : '';
      }),
      Math.floor(summary.attendedPercent),
      summary.lateCount,
    ];
  });
  return { headers: [labels.name, labels.latinName, ...dayHeaders, labels.attendedPercent, labels.lateCount], rows };
}
