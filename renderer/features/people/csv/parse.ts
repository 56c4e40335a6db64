/**
 * Reads the text of a CSV file as spreadsheets really write it, with Papa Parse:
 * - the separator is `,`, `;` (Excel in France, Spain, Russia, Germany…) or tab, guessed from the
 *   first rows, or given by Excel's own first line `sep=;`;
 * - quoted fields may hold separators, line breaks and doubled quotes (`"a ""b"""`);
 * - line breaks may be CRLF, LF or CR;
 * - blank lines, and rows whose cells are all empty (`,,,` as Excel writes empty rows), are skipped;
 * - header cells are trimmed; data cells are returned as written (rows shorter than the header
 *   are padded with '' to the header's width);
 * - a leading apostrophe that `toCsv` (export.ts) put before `= + - @`, tab or CR to stop a
 *   spreadsheet running the cell as a formula is removed again, so export → import gives back
 *   the same cells.
 *
 * Row numbers: `rowNumbers[i]` is the number a spreadsheet program shows for data row `i` when
 * it opens the file: the header is row 1 (or later, after blank rows before it), skipped blank
 * rows still count (a spreadsheet shows them), and a quoted cell with line breaks in it does NOT
 * add rows (it is one spreadsheet row). So with no blank rows, data row `i` is row `i + 2`.
 */
import Papa from 'papaparse';

/** The separators the import recognises. */
export type CsvDelimiter = ',' | ';' | '\t';

/** Why a text could not be read as a table. */
export type ParseProblem = 'empty' | 'no-columns' | 'not-csv';

/** A table: trimmed header cells, data rows, the spreadsheet row number of each data row. */
export type ParsedCsv = {
  ok: true;
  headers: string[];
  rows: string[][];
  /** Spreadsheet row number of each data row (see the module comment). */
  rowNumbers: number[];
  delimiter: CsvDelimiter;
};

/** The result of `parseCsv`. */
export type ParseResult = ParsedCsv | { ok: false; problem: ParseProblem };

const delimiters: readonly CsvDelimiter[] = [',', ';', '\t'];

function isBlank(record: readonly string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

/** A first row that is HTML/XML (Excel "web page" .xls saved as .csv), RTF or JSON. */
function looksLikeOtherFormat(text: string): boolean {
  const start = text.trimStart();
  if (/^<(!doctype|html|\?xml|table|head|body|meta|div)\b/i.test(start)) return true;
  if (start.startsWith('{\\rtf')) return true;
  if (start.startsWith('{') || start.startsWith('[')) {
    try {
      JSON.parse(start);
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * A cell that could name a column: not empty, and not a number, a date or an e-mail address
 * (a first row made only of those means the file has no header row).
 */
function couldBeColumnName(cell: string): boolean {
  const value = cell.trim();
  if (value === '') return false;
  if (/^[-+]?[\d\s.,/:%-]+$/.test(value)) return false;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return false;
  return true;
}

const formulaEscape = /^'[=+\-@\t\r]/;

/**
 * Parses the text of a CSV file (see the module comment).
 * Problems: `empty` (no non-blank row), `not-csv` (HTML, XML, RTF or JSON; or a quoted field that
 * is never closed, which swallows the rest of the file), `no-columns` (the first row holds no
 * possible column name: only empty cells, numbers, dates or e-mail addresses — no header row).
 * A header row without data rows is fine (`rows` is empty).
 */
export function parseCsv(text: string): ParseResult {
  let body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problem: 'empty' };
  if (looksLikeOtherFormat(body)) return { ok: false, problem: 'not-csv' };

  // Excel's `sep=;` first line names the separator and is not a row of the sheet.
  let delimiter: CsvDelimiter | '' = '';
  const sep = /^sep=(.)[^\S\r\n]*(\r\n|\n|\r|$)/i.exec(body);
  if (sep) {
    const given = sep[1] as CsvDelimiter;
    if (delimiters.includes(given)) {
      delimiter = given;
      body = body.slice(sep[0].length);
    }
  }

  if (delimiter === '') {
    // Guess on the first rows with blank lines skipped: Papa Parse counts a final empty line
    // as a one-cell row otherwise, and then misses `;` in a file of a header and one row.
    const guess = Papa.parse(body.slice(0, 65536), {
      delimiter: '',
      delimitersToGuess: [...delimiters],
      skipEmptyLines: 'greedy',
      header: false,
    });
    delimiter = delimiters.includes(guess.meta.delimiter as CsvDelimiter)
      ? (guess.meta.delimiter as CsvDelimiter)
      : ',';
  }
  // Blank lines are kept here so that row numbers count them.
  const result = Papa.parse(body, { delimiter, skipEmptyLines: false, header: false });
  if (result.errors.some((e) => e.code === 'MissingQuotes'))
    return { ok: false, problem: 'not-csv' };

  const records = result.data;
  const headerIndex = records.findIndex((record) => !isBlank(record));
  if (headerIndex < 0) return { ok: false, problem: 'empty' };
  const headers = records[headerIndex]!.map((cell) => cell.trim());
  if (!headers.some(couldBeColumnName)) return { ok: false, problem: 'no-columns' };

  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const record = records[i]!;
    if (isBlank(record)) continue;
    const row = record.map((cell) => (formulaEscape.test(cell) ? cell.slice(1) : cell));
    while (row.length < headers.length) row.push('');
    rows.push(row);
    rowNumbers.push(i + 1);
  }
  return { ok: true, headers, rows, rowNumbers, delimiter };
}
