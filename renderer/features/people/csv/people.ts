/**
 * Turns the rows of a spreadsheet into `person.create` and `person.update` arguments, checked
 * with the same schema as the person form (`personInput`), with every problem reported on its
 * spreadsheet row and under the header the user sees. Nothing is written here: the screen shows
 * the creates, the updates with their changed fields and the errors, and the user confirms.
 *
 * Rules:
 * - a row whose mapped cells are all empty is skipped (it holds nothing to import);
 * - names: the native-name column, else "given family" from split columns (family then given,
 *   without a space, for Chinese, Japanese and Korean names), else the Latin name;
 * - roles: words in six languages ("trainee; instructor", "étudiant", "学员"); ['trainee'] for new
 *   people when the file has no roles column or the cell is empty;
 * - languages: names or codes ("English, 中文" → en, zh); an unknown one → `unknown-language`;
 * - country: ISO code or name in the catalogue's languages; unknown → `unknown-country`;
 * - institution: by name (folded), from `institutionsByName`; unknown → `not-found` {value};
 * - dates: YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY (the slash order is decided per file, see
 *   `slashOrderOf`); anything else → `invalid-date`;
 * - e-mail lower-cased; the same address twice in the file → `duplicate-value` {value, row} on
 *   the later row; an address of an existing person → an update of that person;
 * - updates change only fields whose cell is not empty and differs; roles and languages are
 *   added to the person's own (an import never removes a role or a language).
 */
import type { z } from 'zod';
import { personInput, type Person } from '../../../../shared/domain/people';
import { fieldErrorFromIssue, type ErrorCode, type ErrorParams } from '../../../../shared/errors';
import { foldForSearch } from '../../../../shared/text/normalize';
import type { PersonImportField, PersonMapping } from './mapping';
import {
  readCountry,
  readDate,
  readGender,
  readLanguage,
  readRole,
  slashOrderOf,
  splitList,
} from './values';

/** The values `person.create` / `person.update` take: the person's fields and its id. */
export type PersonArgs = z.output<typeof personInput> & { id: string };

/** A field of a person (as `personInput` names it). */
export type PersonField = keyof z.output<typeof personInput>;

/** One changed field of an existing person. */
export type FieldChange = { field: PersonField; from: string | string[]; to: string | string[] };

/** One problem in one cell: spreadsheet row, header of the column, field, error code. */
export type RowError = {
  row: number;
  column: string;
  field: PersonImportField;
  code: ErrorCode;
  params: ErrorParams;
};

/** What an import would do. */
export type PreparedImport = {
  creates: { row: number; args: PersonArgs }[];
  updates: { row: number; personId: string; changes: FieldChange[]; args: PersonArgs }[];
  /** Rows matching an existing person (by e-mail) that would change nothing. */
  unchanged: { row: number; personId: string }[];
  errors: RowError[];
};

/** What `prepareRows` needs besides the rows. */
export type PrepareOptions = {
  /** Header cells of the file, to name the column of each error. */
  headers: readonly string[];
  /** People who are not merged, by lower-case e-mail. */
  existingByEmail: ReadonlyMap<string, Person>;
  /** Institution ids by `foldForSearch(name)`. */
  institutionsByName: ReadonlyMap<string, string>;
  newId: () => string;
  /** Spreadsheet row of `rows[0]` when `rowNumbers` is not given (default 2: after the header). */
  startRow?: number;
  /** Spreadsheet row of each row (`parseCsv`'s `rowNumbers`); wins over `startRow`. */
  rowNumbers?: readonly number[];
};

const personFields = Object.keys(personInput.shape) as PersonField[];

/** The import field (and so the column) a person field comes from. */
const sourceOf: Record<PersonField, PersonImportField> = {
  nativeName: 'nativeName',
  latinName: 'latinName',
  preferredName: 'preferredName',
  email: 'email',
  phone: 'phone',
  country: 'country',
  institutionId: 'institution',
  gender: 'gender',
  dateOfBirth: 'dateOfBirth',
  roles: 'roles',
  languages: 'languages',
  notes: 'notes',
};

const eastAsian = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

function asChange(value: unknown): string | string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value : '';
}

/** The person's own fields, as `personInput` takes them. */
function inputOf(person: Person): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of personFields) input[field] = person[field];
  return input;
}

/** Validates and converts spreadsheet rows for import; see the module comment for the rules. */
export function prepareRows(
  rows: readonly (readonly string[])[],
  mapping: PersonMapping,
  options: PrepareOptions,
): PreparedImport {
  const { headers, existingByEmail, institutionsByName, newId } = options;
  const startRow = options.startRow ?? 2;
  const result: PreparedImport = { creates: [], updates: [], unchanged: [], errors: [] };
  const mapped = (Object.entries(mapping) as [PersonImportField, number | null][]).filter(
    (entry): entry is [PersonImportField, number] => entry[1] !== null,
  );
  const columnOf = (field: PersonImportField): number | null => mapping[field];
  const headerOf = (field: PersonImportField): string => {
    const column = columnOf(field);
    return column === null ? '' : (headers[column] ?? '');
  };
  const nameSource: PersonImportField =
    mapping.nativeName !== null
      ? 'nativeName'
      : mapping.givenName !== null
        ? 'givenName'
        : mapping.familyName !== null
          ? 'familyName'
          : 'latinName';
  const dateColumn = mapping.dateOfBirth;
  const slashOrder = slashOrderOf(
    dateColumn === null ? [] : rows.map((row) => row[dateColumn] ?? ''),
  );
  const firstRowOfEmail = new Map<string, number>();

  rows.forEach((cells, index) => {
    const row = options.rowNumbers?.[index] ?? startRow + index;
    const cell = (field: PersonImportField): string => {
      const column = mapping[field];
      return column === null ? '' : (cells[column] ?? '').trim();
    };
    if (mapped.every(([, column]) => (cells[column] ?? '').trim() === '')) return;

    const errors: RowError[] = [];
    const fail = (field: PersonImportField, code: ErrorCode, params: ErrorParams = {}) =>
      errors.push({ row, column: headerOf(field), field, code, params });
    /** Person fields read from a non-empty cell, converted. */
    const incoming: Partial<Record<PersonField, unknown>> = {};

    // Names.
    let nativeName = cell('nativeName');
    if (nativeName === '' && mapping.nativeName === null) {
      const given = cell('givenName');
      const family = cell('familyName');
      nativeName =
        eastAsian.test(family + given) && !/\s/.test(family + given)
          ? family + given
          : [given, family].filter((part) => part !== '').join(' ');
      if (nativeName === '') nativeName = cell('latinName');
    }
    if (nativeName !== '') incoming.nativeName = nativeName;
    for (const field of ['latinName', 'preferredName', 'phone', 'notes'] as const) {
      const value = cell(field);
      if (value !== '') incoming[field] = value;
    }

    const email = cell('email').toLowerCase();
    if (email !== '') incoming.email = email;

    const countryCell = cell('country');
    if (countryCell !== '') {
      const country = readCountry(countryCell);
      if (country === null) fail('country', 'unknown-country', { value: countryCell });
      else incoming.country = country;
    }

    const institutionCell = cell('institution');
    if (institutionCell !== '') {
      const id = institutionsByName.get(foldForSearch(institutionCell));
      if (id === undefined) fail('institution', 'not-found', { value: institutionCell });
      else incoming.institutionId = id;
    }

    const genderCell = cell('gender');
    if (genderCell !== '') {
      const gender = readGender(genderCell);
      if (gender === null) fail('gender', 'invalid-choice', { value: genderCell });
      else incoming.gender = gender;
    }

    const dateCell = cell('dateOfBirth');
    if (dateCell !== '') {
      const date = readDate(dateCell, slashOrder);
      if (date === null) fail('dateOfBirth', 'invalid-date', { value: dateCell });
      else incoming.dateOfBirth = date;
    }

    const rolesCell = cell('roles');
    if (rolesCell !== '') {
      const roles: string[] = [];
      for (const item of splitList(rolesCell)) {
        const role = readRole(item);
        if (role === null) fail('roles', 'invalid-choice', { value: item });
        else if (!roles.includes(role)) roles.push(role);
      }
      if (roles.length > 0) incoming.roles = roles;
    }

    const languagesCell = cell('languages');
    if (languagesCell !== '') {
      const languages: string[] = [];
      for (const item of splitList(languagesCell)) {
        const language = readLanguage(item);
        if (language === null) fail('languages', 'unknown-language', { value: item });
        else if (!languages.includes(language)) languages.push(language);
      }
      if (languages.length > 0) incoming.languages = languages;
    }

    const existing = email === '' ? undefined : existingByEmail.get(email);
    let candidate: Record<string, unknown>;
    if (existing) {
      candidate = { ...inputOf(existing) };
      for (const [field, value] of Object.entries(incoming) as [PersonField, unknown][]) {
        // Names made up from split or Latin columns do not replace a stored native name.
        if (field === 'nativeName' && nameSource !== 'nativeName') continue;
        if (field === 'roles' || field === 'languages') {
          const own = (existing[field] as readonly string[]).slice();
          for (const item of value as string[]) if (!own.includes(item)) own.push(item);
          candidate[field] = own;
        } else candidate[field] = value;
      }
    } else {
      candidate = { roles: ['trainee'], ...incoming };
    }

    const parsed = personInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const error = fieldErrorFromIssue(issue);
        const personField = String(issue.path[0] ?? '') as PersonField;
        let field: PersonImportField = sourceOf[personField] ?? nameSource;
        if (personField === 'nativeName') field = nameSource;
        const value = incoming[personField];
        const params: ErrorParams = { ...error.params };
        if (typeof value === 'string') params.value = value;
        // Errors about converted lists point at the item's position; the cell is what the user sees.
        if (!errors.some((e) => e.field === field && e.code === error.code))
          fail(field, error.code, params);
      }
    }

    if (
      email !== '' &&
      (parsed.success || !parsed.error.issues.some((issue) => issue.path[0] === 'email'))
    ) {
      const first = firstRowOfEmail.get(email);
      if (first === undefined) firstRowOfEmail.set(email, row);
      else fail('email', 'duplicate-value', { value: email, row: first });
    }

    if (errors.length > 0 || !parsed.success) {
      // In the order of the columns, as the user reads the row.
      const position = (error: RowError) => mapping[error.field] ?? Number.MAX_SAFE_INTEGER;
      result.errors.push(...errors.sort((a, b) => position(a) - position(b)));
      return;
    }
    const data = parsed.data;
    if (existing) {
      const changes: FieldChange[] = [];
      for (const field of personFields) {
        if (!(field in incoming) || (field === 'nativeName' && nameSource !== 'nativeName'))
          continue;
        if (!sameValue(existing[field], data[field]))
          changes.push({ field, from: asChange(existing[field]), to: asChange(data[field]) });
      }
      if (changes.length === 0) result.unchanged.push({ row, personId: existing.id });
      else
        result.updates.push({
          row,
          personId: existing.id,
          changes,
          args: { ...data, id: existing.id },
        });
    } else {
      result.creates.push({ row, args: { ...data, id: newId() } });
    }
  });
  return result;
}

/**
 * The ids of the people a confirmed import creates, updates or finds unchanged, in the order of
 * the rows: what an enrolment import passes to `enrolment.request` ({id, personId, sessionId})
 * to enrol everyone in the file in one session.
 */
export function personIdsInRowOrder(prepared: PreparedImport): string[] {
  const byRow: [number, string][] = [
    ...prepared.creates.map((c): [number, string] => [c.row, c.args.id]),
    ...prepared.updates.map((u): [number, string] => [u.row, u.personId]),
    ...prepared.unchanged.map((u): [number, string] => [u.row, u.personId]),
  ];
  return byRow.sort((a, b) => a[0] - b[0]).map(([, id]) => id);
}
