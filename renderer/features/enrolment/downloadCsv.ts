import { csvBlob, toCsv } from '../people';
import type { ExportTable } from './rosterCsv';

/** Saves a table as a CSV file (BOM, CRLF, formula-safe: see `toCsv`) under `fileName`. */
export function downloadCsv(fileName: string, table: ExportTable): void {
  const url = URL.createObjectURL(csvBlob(toCsv(table.headers, table.rows)));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked on the next turn: the download has started by then.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
