/**
 * Enrol from a file: which rows of a spreadsheet of people can be enrolled in one session, and
 * the mutations that do it. People are found by e-mail (the one field that identifies a person
 * across devices); a file row never changes a person already on this device. With
 * `createUnknown`, people not on this device yet are added first (with the same checks as the
 * people import), otherwise their rows are listed as matching nobody.
 *
 * Every row ends in exactly one list, in row order: to enrol, already on the roster, matching
 * nobody, a repeat of an earlier row, or an error (row, column, reason).
 */
import { activeStates, type Enrolment } from '../../../shared/domain/enrolment';
import type { Person } from '../../../shared/domain/people';
import type { MutationCall } from '../../../shared/mutations';
import {
  prepareRows,
  type PersonArgs,
  type PersonMapping,
  type ReadFile,
  type RowError,
} from '../people';

/** A row that will be enrolled: a person on this device, or one the import adds first. */
export type RowToEnrol = { row: number; email: string; personId: string; create?: PersonArgs };

/** What enrolling from a file would do. */
export type EnrolmentFilePlan = {
  enrol: RowToEnrol[];
  /** Rows of people already on the roster (requested, enrolled, waitlisted or finished). */
  alreadyOnRoster: { row: number; email: string; personId: string }[];
  /** Rows whose e-mail belongs to nobody on this device (and who are not to be added). */
  unknown: { row: number; email: string }[];
  /** Rows repeating the e-mail of an earlier row (`firstRow`). */
  repeats: { row: number; email: string; firstRow: number }[];
  errors: RowError[];
};

/** What `planEnrolmentFile` needs besides the file. */
export type EnrolmentFileContext = {
  /** People who are not merged, by lower-case e-mail (only those the file names are needed). */
  existingByEmail: ReadonlyMap<string, Person>;
  /** Enrolments of the session. */
  enrolments: readonly Enrolment[];
  /** Add people whose e-mail is not on this device (their rows need a name). */
  createUnknown: boolean;
  /** Institution ids by folded name (used only for people added). */
  institutionsByName: ReadonlyMap<string, string>;
  newId: () => string;
};

/**
 * Sorts every row of the file into one of the plan's lists; see the module comment. Needs an
 * e-mail column (`mapping.email`): without one, nothing can be matched and every list is empty.
 */
export function planEnrolmentFile(
  file: ReadFile,
  mapping: PersonMapping,
  context: EnrolmentFileContext,
): EnrolmentFilePlan {
  const plan: EnrolmentFilePlan = {
    enrol: [],
    alreadyOnRoster: [],
    unknown: [],
    repeats: [],
    errors: [],
  };
  const emailColumn = mapping.email;
  if (emailColumn === null) return plan;
  const { existingByEmail } = context;
  const onRoster = new Set(
    context.enrolments.filter((e) => activeStates.includes(e.state)).map((e) => e.personId),
  );
  // The people import's checks, row by row: e-mail format, repeats in the file, and, for people
  // to be added, every other column.
  const prepared = prepareRows(file.rows, mapping, {
    headers: file.headers,
    rowNumbers: file.rowNumbers,
    existingByEmail,
    institutionsByName: context.institutionsByName,
    newId: context.newId,
  });
  const errorsByRow = new Map<number, RowError[]>();
  for (const error of prepared.errors) {
    const list = errorsByRow.get(error.row);
    if (list) list.push(error);
    else errorsByRow.set(error.row, [error]);
  }
  const createByRow = new Map(prepared.creates.map((c) => [c.row, c.args]));
  const matchedRows = new Set([...prepared.updates, ...prepared.unchanged].map((u) => u.row));
  const column = file.headers[emailColumn] ?? '';
  const firstRowOf = new Map<string, number>();

  file.rows.forEach((cells, index) => {
    const row = file.rowNumbers[index] ?? index + 2;
    const rowErrors = errorsByRow.get(row) ?? [];
    // A row prepareRows skipped holds nothing in any mapped column: nothing to enrol.
    if (rowErrors.length === 0 && !createByRow.has(row) && !matchedRows.has(row)) return;
    const email = (cells[emailColumn] ?? '').trim().toLowerCase();
    if (email === '') {
      plan.errors.push({ row, column, field: 'email', code: 'required', params: {} });
      return;
    }
    const emailError = rowErrors.find((e) => e.field === 'email' && e.code !== 'duplicate-value');
    if (emailError) {
      plan.errors.push(emailError);
      return;
    }
    const first = firstRowOf.get(email);
    if (first !== undefined) {
      plan.repeats.push({ row, email, firstRow: first });
      return;
    }
    firstRowOf.set(email, row);

    const person = existingByEmail.get(email);
    if (person) {
      // Other cells do not matter: the file does not change people already here.
      if (onRoster.has(person.id)) plan.alreadyOnRoster.push({ row, email, personId: person.id });
      else if (!person.roles.includes('trainee'))
        plan.errors.push({ row, column, field: 'email', code: 'not-a-trainee', params: {} });
      else plan.enrol.push({ row, email, personId: person.id });
      return;
    }
    if (!context.createUnknown) {
      plan.unknown.push({ row, email });
      return;
    }
    const create = createByRow.get(row);
    if (create) plan.enrol.push({ row, email, personId: create.id, create });
    else plan.errors.push(...rowErrors);
  });
  return plan;
}

/** The counts shown before enrolling. */
export function enrolmentFileCounts(plan: EnrolmentFilePlan) {
  return {
    enrol: plan.enrol.length,
    added: plan.enrol.filter((r) => r.create).length,
    alreadyOnRoster: plan.alreadyOnRoster.length,
    unknown: plan.unknown.length,
    repeats: plan.repeats.length,
    errorRows: new Set(plan.errors.map((e) => e.row)).size,
  };
}

/**
 * The mutations enrolling the plan's rows in a session, in row order: for a person to add,
 * `person.create` right before their `enrolment.request`. `rows[i]` and `requests[i]` say which
 * file row and whether `calls[i]` is the request, to report each outcome on its row.
 */
export function enrolmentFileCalls(
  plan: EnrolmentFilePlan,
  sessionId: string,
  newId: () => string,
): { calls: MutationCall[]; rows: number[]; requests: boolean[] } {
  const calls: MutationCall[] = [];
  const rows: number[] = [];
  const requests: boolean[] = [];
  for (const item of plan.enrol) {
    if (item.create) {
      calls.push({ name: 'person.create', args: item.create });
      rows.push(item.row);
      requests.push(false);
    }
    calls.push({
      name: 'enrolment.request',
      args: { id: newId(), personId: item.personId, sessionId },
    });
    rows.push(item.row);
    requests.push(true);
  }
  return { calls, rows, requests };
}
