import { describe, expect, it } from 'vitest';
import type { AttendanceStatus } from './vocabulary';
import { completionOf, readyForCertificate, type CompletionInput } from './completion';

const days = ['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20'];
const meetings = days.map((date) => ({ id: `s@${date}`, date, cancelled: false }));

/** Marks for the class days in order ('' = unrecorded). */
const marks = (...statuses: (AttendanceStatus | '')[]) =>
  statuses.flatMap((status, i) => (status ? [{ meetingId: meetings[i]!.id, status }] : []));

const input = (over: Partial<CompletionInput> & { lateCounts?: 'present' | 'half'; required?: string[] } = {}): CompletionInput => ({
  course: {
    completionRule: { minAttendancePercent: 80, lateCounts: over.lateCounts ?? 'present', requiredAssessments: over.required ?? [], note: '' },
    assessments: [
      { id: 'quiz', title: 'Subsystems quiz', kind: 'individual', passScore: 60 },
      { id: 'cdr', title: 'Critical design review', kind: 'team', passScore: null },
    ],
  },
  meetings,
  marks: [],
  results: [],
  asOf: '2026-03-20',
  ...over,
});

const allPresent = marks(...days.map(() => 'present' as const));

describe('completionOf', () => {
  it('counts a late day as a full day when late counts as present', () => {
    const result = completionOf(input({ marks: marks('late', 'late', 'present', 'present', 'present', 'present', 'present', 'present', 'absent', 'absent') }));
    expect(result).toMatchObject({ counted: 10, attended: 8, lateCount: 2, attendedPercent: 80, meetsAttendance: true, complete: true });
    expect(result.explanation).toEqual({ code: 'completion-met', params: {} });
  });

  it('counts a late day as half a day when the course says so', () => {
    const result = completionOf(
      input({ lateCounts: 'half', marks: marks('late', 'late', 'present', 'present', 'present', 'present', 'present', 'present', 'absent', 'absent') }),
    );
    expect(result).toMatchObject({ counted: 10, attended: 7, lateCount: 2, attendedPercent: 70, meetsAttendance: false, complete: false });
    expect(result.explanation).toEqual({ code: 'completion-attendance-short', params: { percent: 70, needed: 80 } });
  });

  it('leaves excused days out of the count', () => {
    const result = completionOf(input({ marks: marks('excused', 'excused', 'present', 'present', 'present', 'present', 'present', 'present', 'present', 'absent') }));
    expect(result).toMatchObject({ counted: 8, attended: 7, meetsAttendance: true });
    expect(result.attendedPercent).toBeCloseTo(87.5);
  });

  it('counts an unrecorded day as absent', () => {
    const result = completionOf(input({ marks: marks('present', 'present', 'present', 'present', 'present', 'present', 'present', '', '', '') }));
    expect(result).toMatchObject({ counted: 10, attended: 7, meetsAttendance: false });
  });

  it('does not count days after asOf or cancelled days', () => {
    const withCancelled = meetings.map((m, i) => (i === 1 ? { ...m, cancelled: true } : m));
    const result = completionOf(input({ meetings: withCancelled, asOf: '2026-03-12', marks: marks('present', 'absent', 'present', 'present') }));
    expect(result).toMatchObject({ counted: 3, attended: 3, attendedPercent: 100, meetsAttendance: true });
  });

  it('rounds the percentage down in the explanation so 79.5% never reads as 80%', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ id: `m${i}`, date: '2026-03-09', cancelled: false }));
    const result = completionOf(
      input({ meetings: many, marks: many.slice(0, 159).map((m) => ({ meetingId: m.id, status: 'present' as const })) }),
    );
    expect(result.meetsAttendance).toBe(false);
    expect(result.explanation).toEqual({ code: 'completion-attendance-short', params: { percent: 79, needed: 80 } });
  });

  it('is not complete when no class day has been held yet', () => {
    const result = completionOf(input({ asOf: '2026-03-01' }));
    expect(result).toMatchObject({ counted: 0, attendedPercent: 0, meetsAttendance: false, complete: false });
  });

  it('names the required assessments not passed yet when attendance is met', () => {
    const result = completionOf(
      input({
        required: ['quiz', 'cdr'],
        marks: allPresent,
        results: [
          { assessmentId: 'quiz', passed: false },
          { assessmentId: 'cdr', passed: true },
        ],
      }),
    );
    expect(result).toMatchObject({ meetsAttendance: true, missingAssessments: ['quiz'], complete: false });
    expect(result.explanation).toEqual({ code: 'completion-assessments-missing', params: { titles: 'Subsystems quiz' } });
  });

  it('is complete when attendance is met and every required assessment is passed', () => {
    const result = completionOf(input({ required: ['quiz'], marks: allPresent, results: [{ assessmentId: 'quiz', passed: true }] }));
    expect(result).toMatchObject({ complete: true, missingAssessments: [], explanation: { code: 'completion-met' } });
  });

  it('explains the attendance shortfall first when both attendance and assessments are missing', () => {
    const result = completionOf(input({ required: ['quiz'], marks: marks('present') }));
    expect(result.explanation.code).toBe('completion-attendance-short');
    expect(result.missingAssessments).toEqual(['quiz']);
  });
});

describe('readyForCertificate', () => {
  it('is ready when enrolled or completed and complete, and not when withdrawn or incomplete', () => {
    expect(readyForCertificate({ state: 'enrolled' }, { complete: true })).toBe(true);
    expect(readyForCertificate({ state: 'completed' }, { complete: true })).toBe(true);
    expect(readyForCertificate({ state: 'withdrawn' }, { complete: true })).toBe(false);
    expect(readyForCertificate({ state: 'enrolled' }, { complete: false })).toBe(false);
  });
});
