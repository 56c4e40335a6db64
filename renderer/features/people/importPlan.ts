import type { Institution } from '../../../shared/domain/people';
import type { MutationCall } from '../../../shared/mutations';
import { foldForSearch } from '../../../shared/text/normalize';
import { decodeCsvBytes } from './csv/decode';
import { personImportFields, suggestMapping, type PersonMapping } from './csv/mapping';
import { parseCsv } from './csv/parse';
import type { PreparedImport } from './csv/people';

/** Why a chosen file cannot be imported at all (nothing is changed). */
export type FileProblem = 'empty' | 'not-csv' | 'no-columns' | 'no-rows';

/** A file read as a table. */
export type ReadFile = { name: string; headers: string[]; rows: string[][]; rowNumbers: number[] };

/** Reads the bytes of a chosen file into a table, or says in one word why it cannot. */
export function readPeopleFile(
  name: string,
  bytes: Uint8Array,
): { ok: true; file: ReadFile } | { ok: false; problem: FileProblem } {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { ok: false, problem: decoded.problem === 'empty' ? 'empty' : 'not-csv' };
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  if (parsed.rows.length === 0) return { ok: false, problem: 'no-rows' };
  return {
    ok: true,
    file: { name, headers: parsed.headers, rows: parsed.rows, rowNumbers: parsed.rowNumbers },
  };
}

/** Where mappings are remembered: `localStorage` in the app, a Map in tests. */
export type MappingStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The mapping remembered for files with these headers (under `mappingKey(headers)`), else the
 * suggested one. A remembered mapping that no longer fits the headers is ignored.
 */
export function loadMapping(
  key: string,
  headers: readonly string[],
  storage: MappingStorage | undefined,
): PersonMapping {
  const suggested = suggestMapping(headers);
  try {
    const raw = storage?.getItem(key);
    if (!raw) return suggested;
    const stored = JSON.parse(raw) as Record<string, unknown>;
    const mapping = { ...suggested };
    for (const field of personImportFields) {
      const column = stored[field];
      if (column === null) mapping[field] = null;
      else if (
        typeof column === 'number' &&
        Number.isInteger(column) &&
        column >= 0 &&
        column < headers.length
      )
        mapping[field] = column;
      else return suggested;
    }
    return mapping;
  } catch {
    return suggested;
  }
}

/** Remembers the mapping chosen for files with these headers (UI state: never synced). */
export function saveMapping(
  key: string,
  mapping: PersonMapping,
  storage: MappingStorage | undefined,
): void {
  try {
    storage?.setItem(key, JSON.stringify(mapping));
  } catch {
    // Storage full or disabled: the mapping is simply not remembered.
  }
}

/** A mapping with one field moved to a column; a column holds one field, so its old field lets go. */
export function assignColumn(
  mapping: PersonMapping,
  field: keyof PersonMapping,
  column: number | null,
): PersonMapping {
  const next = { ...mapping };
  if (column !== null) for (const f of personImportFields) if (next[f] === column) next[f] = null;
  next[field] = column;
  return next;
}

/** The counts shown before importing. */
export function importCounts(prepared: PreparedImport) {
  return {
    creates: prepared.creates.length,
    updates: prepared.updates.length,
    unchanged: prepared.unchanged.length,
    errorRows: new Set(prepared.errors.map((e) => e.row)).size,
  };
}

/**
 * The mutations an import runs: every new person, and the updates of existing people the user
 * ticked (an existing person is never changed without saying so). `rows[i]` is the spreadsheet
 * row of `calls[i]`, to report a refusal where the user can find it.
 */
export function importCalls(
  prepared: PreparedImport,
  confirmedUpdateRows: ReadonlySet<number>,
): { calls: MutationCall[]; rows: number[] } {
  const calls: MutationCall[] = [];
  const rows: number[] = [];
  for (const c of prepared.creates) {
    calls.push({ name: 'person.create', args: c.args });
    rows.push(c.row);
  }
  for (const u of prepared.updates) {
    if (!confirmedUpdateRows.has(u.row)) continue;
    calls.push({ name: 'person.update', args: u.args });
    rows.push(u.row);
  }
  return { calls, rows };
}

/**
 * Institution ids by folded name, for matching the institution column. Archived institutions
 * count last, so a live one wins when two share a name.
 */
export function institutionsByName(institutions: readonly Institution[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const i of [...institutions].sort((a, b) => Number(b.archived) - Number(a.archived)))
    byName.set(foldForSearch(i.name), i.id);
  return byName;
}

/** The distinct lower-case e-mail addresses in the file's e-mail column, to look people up by. */
export function emailsInFile(file: Pick<ReadFile, 'rows'>, mapping: PersonMapping): string[] {
  const column = mapping.email;
  if (column === null) return [];
  const emails = new Set<string>();
  for (const row of file.rows) {
    const email = (row[column] ?? '').trim().toLowerCase();
    if (email) emails.add(email);
  }
  return [...emails];
}
