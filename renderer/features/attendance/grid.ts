import { attendanceStatuses, type AttendanceStatus } from '../../../shared/domain/vocabulary';

/** A cell of the attendance grid: a trainee (row) on a class day (column). */
export type GridCell = { row: number; col: number };

/** What a key does in the grid: move focus, set or clear a mark, or nothing. */
export type GridKeyAction =
  | { kind: 'move'; to: GridCell }
  | { kind: 'mark'; status: AttendanceStatus | null }
  | { kind: 'none' };

/** One letter per mark, as shown in the cells and typed on the keyboard. */
export const statusLetter: Record<AttendanceStatus, 'P' | 'L' | 'E' | 'A'> = {
  present: 'P',
  late: 'L',
  excused: 'E',
  absent: 'A',
};

const byCode: Record<string, AttendanceStatus> = { KeyP: 'present', KeyL: 'late', KeyE: 'excused', KeyA: 'absent' };

/**
 * What a key press in the grid means. Letters are read from the key typed (P, L, E, A) and,
 * for keyboards in another script (Arabic, Chinese input methods), from the key's position.
 * In a right-to-left page the arrows follow what the eye sees: → goes to the earlier day.
 */
export function gridKeyAction(
  key: { key: string; code?: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean },
  at: GridCell,
  size: { rows: number; cols: number },
  direction: 'ltr' | 'rtl' = 'ltr',
): GridKeyAction {
  if (size.rows === 0 || size.cols === 0) return { kind: 'none' };
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const move = (row: number, col: number): GridKeyAction => ({
    kind: 'move',
    to: { row: Math.max(0, Math.min(lastRow, row)), col: Math.max(0, Math.min(lastCol, col)) },
  });
  const forward = direction === 'rtl' ? -1 : 1;
  const jump = key.ctrlKey || key.metaKey;
  switch (key.key) {
    case 'ArrowRight':
      return move(at.row, at.col + forward);
    case 'ArrowLeft':
      return move(at.row, at.col - forward);
    case 'ArrowDown':
      return move(at.row + 1, at.col);
    case 'ArrowUp':
      return move(at.row - 1, at.col);
    case 'Home':
      return jump ? move(0, 0) : move(at.row, 0);
    case 'End':
      return jump ? move(lastRow, lastCol) : move(at.row, lastCol);
    case 'PageDown':
      return move(at.row + 10, at.col);
    case 'PageUp':
      return move(at.row - 10, at.col);
    case 'Delete':
    case 'Backspace':
      return { kind: 'mark', status: null };
    default:
      break;
  }
  if (jump || key.altKey) return { kind: 'none' };
  const letter = key.key.length === 1 ? key.key.toUpperCase() : '';
  const status =
    attendanceStatuses.find((s) => statusLetter[s] === letter) ?? (key.code ? byCode[key.code] : undefined);
  return status ? { kind: 'mark', status } : { kind: 'none' };
}

/** The mark a click gives next: blank → present → late → excused → absent → blank. */
export function nextMarkOnClick(status: AttendanceStatus | null): AttendanceStatus | null {
  if (status === null) return 'present';
  const index = attendanceStatuses.indexOf(status);
  return attendanceStatuses[index + 1] ?? null;
}

/** Key of one mark in the grid's index. */
export function markKey(meetingId: string, personId: string): string {
  return `${meetingId}|${personId}`;
}

/**
 * A trainee's marks across the columns as a short string (one letter, or '-' for none), so a
 * row re-renders only when one of its own marks changes.
 */
export function rowSignature(
  marks: ReadonlyMap<string, AttendanceStatus>,
  meetingIds: readonly string[],
  personId: string,
): string {
  let signature = '';
  for (const meetingId of meetingIds) {
    const status = marks.get(markKey(meetingId, personId));
    signature += status ? statusLetter[status] : '-';
  }
  return signature;
}

/** The marks of a row signature, column by column. */
export function statusesOf(signature: string): (AttendanceStatus | null)[] {
  return [...signature].map((letter) => attendanceStatuses.find((s) => statusLetter[s] === letter) ?? null);
}

/** How many trainees got each mark on one class day, and how many have none yet. */
export function columnCounts(
  marks: ReadonlyMap<string, AttendanceStatus>,
  meetingId: string,
  personIds: readonly string[],
): Record<AttendanceStatus | 'unrecorded', number> {
  const counts = { present: 0, late: 0, excused: 0, absent: 0, unrecorded: 0 };
  for (const personId of personIds) counts[marks.get(markKey(meetingId, personId)) ?? 'unrecorded'] += 1;
  return counts;
}
