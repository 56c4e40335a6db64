import { describe, expect, it } from 'vitest';
import { courseSchema, programmeSchema, sessionSchema, type Course, type Programme, type Session } from '../../../shared/domain/catalogue';
import { courseArgs, programmeArgs, sessionArgs } from '../../../shared/testing/factories';
import { buildCourseIndex, noFilters, queryCourses } from './searchIndex';

const meta = { archived: false, createdAt: '2026-01-01', updatedAt: '2026-01-01' };
const programme = (over: Partial<Programme> = {}): Programme => programmeSchema.parse({ ...programmeArgs(), ...meta, ...over });
const course = (over: Partial<Course> = {}): Course =>
  courseSchema.parse({ ...courseArgs(), ...meta, ...(over.id ? { summary: '' } : {}), ...over });
const session = (over: Partial<Session> = {}): Session => sessionSchema.parse({ ...sessionArgs(), ...meta, ...over });

const today = '2026-02-01';
const index = buildCourseIndex(
  [programme(), programme({ id: 'prog-lunar', name: 'Lunar Science and Samples' })],
  [
    course(),
    course({ id: 'c-zh', code: 'LSS-210', programmeId: 'prog-lunar', title: '嫦娥五号月球样品分析', languages: ['zh'], tags: ['月球'], updatedAt: '2026-01-05' }),
    course({ id: 'c-ar', code: 'CSD-120', title: 'أساسيات تصميم الأقمار الصناعية', languages: ['ar'], level: 'intermediate' }),
    course({ id: 'c-ru', code: 'PEX-300', title: 'Лунная геология', languages: ['ru'], level: 'advanced' }),
    course({ id: 'c-old', code: 'OLD-1', title: 'Retired CubeSat course', archived: true }),
  ],
  [
    session({ id: 's1', courseId: 'course-csd101', country: 'PK', startDate: '2026-03-09' }),
    session({ id: 's2', courseId: 'c-zh', country: 'CN', mode: 'online', status: 'draft', startDate: '2026-02-10', endDate: '2026-02-20', enrolmentOpens: '2026-01-01', enrolmentCloses: '2026-02-01' }),
    session({ id: 's3', courseId: 'c-ru', country: 'RU', startDate: '2025-05-01', endDate: '2025-05-10', enrolmentOpens: '2025-01-01', enrolmentCloses: '2025-04-20', status: 'closed' }),
  ],
  today,
);
const codes = (q: string, f = noFilters, sort: Parameters<typeof queryCourses>[3] = 'code') =>
  queryCourses(index, q, f, sort).map((e) => e.course.code);

describe('queryCourses', () => {
  it('finds courses by code, title, tag and summary in any script', () => {
    expect(codes('csd-101')).toEqual(['CSD-101']);
    expect(codes('月球')).toEqual(['LSS-210']);
    expect(codes('اساسيات')).toEqual(['CSD-120']);
    expect(codes('ЛУННАЯ')).toEqual(['PEX-300']);
    expect(codes('budgets')).toEqual(['CSD-101']);
  });

  it('hides archived courses unless asked to show them', () => {
    expect(codes('retired')).toEqual([]);
    expect(codes('retired', { ...noFilters, showArchived: true })).toEqual(['OLD-1']);
  });

  it('filters by programme, level, language, country and mode', () => {
    expect(codes('', { ...noFilters, programmeId: 'prog-lunar' })).toEqual(['LSS-210']);
    expect(codes('', { ...noFilters, level: 'advanced' })).toEqual(['PEX-300']);
    expect(codes('', { ...noFilters, language: 'ar' })).toEqual(['CSD-120']);
    expect(codes('', { ...noFilters, country: 'PK' })).toEqual(['CSD-101']);
    expect(codes('', { ...noFilters, mode: 'online' })).toEqual(['LSS-210']);
  });

  it('keeps only courses open for enrolment today, or with sessions still to come', () => {
    expect(codes('', { ...noFilters, openOnly: true })).toEqual(['CSD-101']);
    expect(codes('', { ...noFilters, upcomingOnly: true })).toEqual(['CSD-101', 'LSS-210']);
  });

  it('sorts by next session, then courses without one by title', () => {
    expect(codes('', noFilters, 'next-session')).toEqual(['LSS-210', 'CSD-101', 'PEX-300', 'CSD-120']);
    expect(codes('', noFilters, 'recent')[0]).toBe('LSS-210');
  });
});
