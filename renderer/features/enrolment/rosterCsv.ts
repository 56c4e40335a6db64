import type { Course, Meeting } from '../../../shared/domain/catalogue';
import { completionOf } from '../../../shared/domain/completion';
import type { AssessmentResult, AttendanceMark, Enrolment, EnrolmentState, Team } from '../../../shared/domain/enrolment';
import { displayName, type Person } from '../../../shared/domain/people';
import type { Notice } from '../../../shared/errors';
import { sortRoster, waitlistPositions } from './roster';

/** A cell of an exported table: text, a number, or an empty cell. */
export type ExportCell = string | number | null;

/** The header row and data rows of an export, ready for `toCsv`. */
export type ExportTable = { headers: string[]; rows: ExportCell[][] };

/** The words of the roster export, in the user's language. */
export type RosterCsvLabels = {
  /** The 11 column headers, in the order of `rosterCsv`'s columns. */
  headers: readonly string[];
  state: (state: EnrolmentState) => string;
  /** A country's name from its ISO code ('' stays ''). */
  country: (code: string) => string;
  /** A completion explanation (`completion-met`…) as a sentence. */
  explanation: (notice: Notice) => string;
};

/** What the roster export reads of a session (the shape of `useSessionRoster`). */
export type RosterCsvInput = {
  course: Pick<Course, 'completionRule' | 'assessments'> | undefined;
  meetings: readonly Pick<Meeting, 'id' | 'date' | 'cancelled'>[];
  enrolments: readonly Enrolment[];
  personById: ReadonlyMap<string, Person>;
  teamById: ReadonlyMap<string, Pick<Team, 'name'>>;
  marksByPerson: ReadonlyMap<string, readonly Pick<AttendanceMark, 'meetingId' | 'status'>[]>;
  resultsByEnrolment: ReadonlyMap<string, readonly Pick<AssessmentResult, 'assessmentId' | 'passed'>[]>;
};

/** Trainees who hold a place or finished: they have a team, attendance and completion. */
function attending(state: EnrolmentState): boolean {
  return state === 'enrolled' || state === 'completed' || state === 'not-completed';
}

/**
 * The roster as a table, in the screen's order: native name, Latin name, e-mail, institution,
 * country, status, waitlist position, team, attended % (rounded down, as on screen), late
 * count and the completion explanation. The last five are empty for people without a place;
 * the last three also when the course is unknown. Attendance counts class days up to `asOf`.
 */
export function rosterCsv(
  roster: RosterCsvInput,
  institutionNames: ReadonlyMap<string, string>,
  labels: RosterCsvLabels,
  asOf: string,
): ExportTable {
  const nameOf = (e: Enrolment) => {
    const person = roster.personById.get(e.personId);
    return person ? displayName(person) : e.personId;
  };
  const positions = waitlistPositions(roster.enrolments);
  const rows = sortRoster(roster.enrolments, nameOf).map((e): ExportCell[] => {
    const person = roster.personById.get(e.personId);
    const inClass = attending(e.state);
    const completion =
      inClass && roster.course
        ? completionOf({
            course: roster.course,
            meetings: roster.meetings,
            marks: roster.marksByPerson.get(e.personId) ?? [],
            results: roster.resultsByEnrolment.get(e.id) ?? [],
            asOf,
          })
        : undefined;
    return [
      person?.nativeName ?? e.personId,
      person?.latinName ?? '',
      person?.email ?? '',
      person?.institutionId ? (institutionNames.get(person.institutionId) ?? '') : '',
      person?.country ? labels.country(person.country) : '',
      labels.state(e.state),
      positions.get(e.id) ?? null,
      inClass ? (roster.teamById.get(e.teamId)?.name ?? '') : '',
      completion ? Math.floor(completion.attendedPercent) : null,
      completion ? completion.lateCount : null,
      completion ? labels.explanation(completion.explanation) : '',
    ];
  });
  return { headers: [...labels.headers], rows };
}

/**
 * The name of an exported file: `roster-CSD-101-2026-03-09.csv`. Characters that file systems
 * refuse (and spaces) in the course code become '-'; without a code the part is left out.
 */
export function exportFileName(kind: string, courseCode: string | undefined, day: string): string {
  const code = (courseCode ?? '')
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${[kind, code, day].filter(Boolean).join('-')}.csv`;
}
