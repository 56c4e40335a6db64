import type { MutationArgs, Actor } from '../mutations';

/** A coordinator on a test device. */
export const coordinator: Actor = { role: 'coordinator', deviceId: 'device-test' };
/** A trainee on a test device. */
export const trainee: Actor = { role: 'trainee', deviceId: 'device-test', personId: 'p-1' };

/** Arguments for programme.create. */
export function programmeArgs(over: Partial<MutationArgs['programme.create']> = {}): MutationArgs['programme.create'] {
  return { id: 'prog-cubesat', name: 'CubeSat Design', description: 'Design, build and fly a CubeSat.', ...over };
}

/** Arguments for course.create. */
export function courseArgs(over: Partial<MutationArgs['course.create']> = {}): MutationArgs['course.create'] {
  return {
    id: 'course-csd101',
    programmeId: 'prog-cubesat',
    code: 'CSD-101',
    title: 'CubeSat Systems Engineering Fundamentals',
    summary: 'Mission design, subsystems and budgets for a 1U–3U CubeSat.',
    level: 'introductory',
    languages: ['en'],
    hours: 40,
    modules: [{ title: 'Mission analysis', hours: 8 }],
    prerequisites: [],
    tags: ['cubesat', 'systems'],
    completionRule: { minAttendancePercent: 80, note: '' },
    ...over,
  };
}

/** Arguments for session.create: two weeks, Monday to Friday, in Islamabad. */
export function sessionArgs(over: Partial<MutationArgs['session.create']> = {}): MutationArgs['session.create'] {
  return {
    id: 'session-1',
    courseId: 'course-csd101',
    title: '',
    startDate: '2026-03-09',
    endDate: '2026-03-20',
    timeZone: 'Asia/Karachi',
    mode: 'in-person',
    site: 'SUPARCO Training Centre',
    city: 'Islamabad',
    country: 'PK',
    capacity: 24,
    instructors: ['Dr. Ayesha Siddiqui'],
    enrolmentOpens: '2026-01-15',
    enrolmentCloses: '2026-03-01',
    status: 'open',
    schedule: { weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '16:00' },
    ...over,
  };
}

/** An instructor (person `p-instructor`) on a test device. */
export const instructor: Actor = { role: 'instructor', deviceId: 'device-test', personId: 'p-instructor' };

/** Arguments for institution.create. */
export function institutionArgs(over: Partial<MutationArgs['institution.create']> = {}): MutationArgs['institution.create'] {
  return { id: 'inst-suparco', name: 'SUPARCO', country: 'PK', city: 'Islamabad', ...over };
}

/** Arguments for person.create: a trainee, by default the `trainee` actor's own record (`p-1`). */
export function personArgs(over: Partial<MutationArgs['person.create']> = {}): MutationArgs['person.create'] {
  return {
    id: 'p-1',
    nativeName: 'عائشہ صدیقی',
    latinName: 'Ayesha Siddiqui',
    email: 'ayesha@example.org',
    country: 'PK',
    roles: ['trainee'],
    languages: ['en', 'ur'],
    ...over,
  };
}

/** Arguments for enrolment.request: person `p-1` in `session-1`. */
export function enrolmentArgs(over: Partial<MutationArgs['enrolment.request']> = {}): MutationArgs['enrolment.request'] {
  return { id: 'enr-1', personId: 'p-1', sessionId: 'session-1', ...over };
}
