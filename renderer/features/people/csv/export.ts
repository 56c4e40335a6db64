/**
 * Writing CSV files that every spreadsheet program opens correctly and safely:
 * - UTF-8 with a byte-order mark (without it, Excel on Windows reads UTF-8 as the ANSI code page
 *   and garbles Chinese, Arabic and Cyrillic names);
 * - CRLF line breaks, a comma separator;
 * - a field is quoted when it holds `,` `;` `"` a tab, CR or LF (quotes doubled inside), so it
 *   also survives being opened with `;` as the separator;
 * - formula injection (CSV injection) is neutralised: a text cell starting with `=`, `+`, `-`,
 *   `@`, a tab or a CR gets a leading apostrophe, so "=HYPERLINK(…)" typed into a name shows as
 *   text instead of running. Numbers passed as numbers (typed, so not from a user's text) are
 *   written as they are, so -2 stays a number; the text "-2+3" becomes "'-2+3". `parseCsv`
 *   removes that apostrophe again on import.
 */

/** A cell value: text, a number, or nothing (written as an empty cell). */
export type CsvCell = string | number | null | undefined;

const needsQuotes = /[",;\t\r\n]/;
const formulaStart = /^[=+\-@\t\r]/;

/** One cell as CSV text (see the module comment). Non-finite numbers are written empty. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: BOM, header row, data rows, each line ended by CRLF. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [headers, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The text of `toCsv` as a file to save or download. */
export function csvBlob(text: string): Blob {
  return new Blob([text], { type: 'text/csv;charset=utf-8' });
}
