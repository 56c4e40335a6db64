import { describe, expect, it } from 'vitest';
import type { AttendanceStatus } from '../../../shared/domain/vocabulary';
import { columnCounts, gridKeyAction, markKey, nextMarkOnClick, rowSignature, statusesOf } from './grid';

const size = { rows: 4, cols: 5 };
const at = { row: 1, col: 2 };

describe('gridKeyAction', () => {
  it('moves one cell with the arrows and stops at the edges', () => {
    expect(gridKeyAction({ key: 'ArrowRight' }, at, size)).toEqual({ kind: 'move', to: { row: 1, col: 3 } });
    expect(gridKeyAction({ key: 'ArrowDown' }, at, size)).toEqual({ kind: 'move', to: { row: 2, col: 2 } });
    expect(gridKeyAction({ key: 'ArrowUp' }, { row: 0, col: 0 }, size)).toEqual({ kind: 'move', to: { row: 0, col: 0 } });
    expect(gridKeyAction({ key: 'ArrowRight' }, { row: 0, col: 4 }, size)).toEqual({ kind: 'move', to: { row: 0, col: 4 } });
  });

  it('mirrors left and right when the page reads right to left', () => {
    expect(gridKeyAction({ key: 'ArrowRight' }, at, size, 'rtl')).toEqual({ kind: 'move', to: { row: 1, col: 1 } });
    expect(gridKeyAction({ key: 'ArrowLeft' }, at, size, 'rtl')).toEqual({ kind: 'move', to: { row: 1, col: 3 } });
  });

  it('goes to the row’s first and last day with Home and End, and the grid’s corners with Ctrl', () => {
    expect(gridKeyAction({ key: 'Home' }, at, size)).toEqual({ kind: 'move', to: { row: 1, col: 0 } });
    expect(gridKeyAction({ key: 'End' }, at, size)).toEqual({ kind: 'move', to: { row: 1, col: 4 } });
    expect(gridKeyAction({ key: 'Home', ctrlKey: true }, at, size)).toEqual({ kind: 'move', to: { row: 0, col: 0 } });
    expect(gridKeyAction({ key: 'End', ctrlKey: true }, at, size)).toEqual({ kind: 'move', to: { row: 3, col: 4 } });
  });

  it('sets a mark with P, L, E or A in either case, and clears it with Delete or Backspace', () => {
    expect(gridKeyAction({ key: 'p' }, at, size)).toEqual({ kind: 'mark', status: 'present' });
    expect(gridKeyAction({ key: 'L' }, at, size)).toEqual({ kind: 'mark', status: 'late' });
    expect(gridKeyAction({ key: 'e' }, at, size)).toEqual({ kind: 'mark', status: 'excused' });
    expect(gridKeyAction({ key: 'A' }, at, size)).toEqual({ kind: 'mark', status: 'absent' });
    expect(gridKeyAction({ key: 'Delete' }, at, size)).toEqual({ kind: 'mark', status: null });
    expect(gridKeyAction({ key: 'Backspace' }, at, size)).toEqual({ kind: 'mark', status: null });
  });

  it('reads the letter from the key’s position on an Arabic keyboard', () => {
    expect(gridKeyAction({ key: 'ح', code: 'KeyP' }, at, size)).toEqual({ kind: 'mark', status: 'present' });
  });

  it('leaves shortcuts such as Ctrl+P (print) and other letters alone', () => {
    expect(gridKeyAction({ key: 'p', ctrlKey: true }, at, size)).toEqual({ kind: 'none' });
    expect(gridKeyAction({ key: 'x', code: 'KeyX' }, at, size)).toEqual({ kind: 'none' });
    expect(gridKeyAction({ key: 'ArrowDown' }, at, { rows: 0, cols: 0 })).toEqual({ kind: 'none' });
  });
});

describe('nextMarkOnClick', () => {
  it('cycles from blank through present, late, excused and absent back to blank', () => {
    const seen: (AttendanceStatus | null)[] = [null];
    for (let i = 0; i < 5; i++) seen.push(nextMarkOnClick(seen[seen.length - 1]!));
    expect(seen).toEqual([null, 'present', 'late', 'excused', 'absent', null]);
  });
});

describe('rowSignature', () => {
  it('changes only when one of the trainee’s own marks changes', () => {
    const marks = new Map<string, AttendanceStatus>([
      [markKey('m1', 'amina'), 'present'],
      [markKey('m3', 'amina'), 'late'],
      [markKey('m1', 'li'), 'absent'],
    ]);
    const before = rowSignature(marks, ['m1', 'm2', 'm3'], 'amina');
    expect(before).toBe('P-L');
    marks.set(markKey('m2', 'li'), 'excused');
    expect(rowSignature(marks, ['m1', 'm2', 'm3'], 'amina')).toBe(before);
    expect(statusesOf(before)).toEqual(['present', null, 'late']);
  });
});

describe('columnCounts', () => {
  it('counts each mark of a class day and the trainees still unrecorded', () => {
    const marks = new Map<string, AttendanceStatus>([
      [markKey('m1', 'a'), 'present'],
      [markKey('m1', 'b'), 'present'],
      [markKey('m1', 'c'), 'late'],
      [markKey('m2', 'd'), 'absent'],
    ]);
    expect(columnCounts(marks, 'm1', ['a', 'b', 'c', 'd'])).toEqual({ present: 2, late: 1, excused: 0, absent: 0, unrecorded: 1 });
  });
});
