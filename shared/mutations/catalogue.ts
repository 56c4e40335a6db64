import type { z } from 'zod';
import {
  courseInput,
  meetingInput,
  programmeInput,
  sessionInput,
  type Course,
  type Meeting,
  type Programme,
  type Session,
} from '../domain/catalogue';
import { recordId } from '../domain/values';
import { generateMeetings, maxMeetingsPerSession } from '../domain/schedule';
import { archiveMutation, coordinatorsOnly, organisationOnly, outsideSite, withId } from './common';
import { defineMutation, ok, refuse, type MutationStore, type ReadHint } from './types';

/** Creates a programme. Programmes and courses stand above every site: organisation coordinators only. */
export const createProgramme = defineMutation({
  name: 'programme.create',
  version: 1,
  summary: 'Add a programme',
  args: programmeInput.extend(withId),
  permission: organisationOnly,
  reads: (args) => [{ table: 'programmes', id: args.id }],
  async apply(store, args, { now }) {
    if (await store.get('programmes', args.id)) return refuse('invalid', {}, 'id');
    await store.put('programmes', { ...args, archived: false, createdAt: now, updatedAt: now });
    return ok;
  },
});

/** Changes a programme's name or description. */
export const updateProgramme = defineMutation({
  name: 'programme.update',
  version: 1,
  summary: 'Edit a programme',
  args: programmeInput.extend(withId),
  permission: organisationOnly,
  async apply(store, args, { now }) {
    const current = await store.get('programmes', args.id);
    if (!current) return refuse('not-found');
    await store.put('programmes', { ...current, ...args, updatedAt: now } satisfies Programme);
    return ok;
  },
});

/** Archives a programme (hidden from the catalogue, kept for history) or restores it. */
export const archiveProgramme = archiveMutation('programme.archive', 'programmes', 'Archive or restore a programme');

async function checkCourse(store: MutationStore, course: z.infer<typeof courseInput> & { id: string }) {
  const programme = await store.get('programmes', course.programmeId);
  if (!programme) return refuse('not-found', {}, 'programmeId');
  const sameCode = await store.findBy('courses', 'code', course.code);
  if (sameCode.some((other) => other.id !== course.id))
    return refuse('code-taken', { code: course.code }, 'code');
  for (const [index, prerequisite] of course.prerequisites.entries()) {
    if (prerequisite === course.id) return refuse('self-prerequisite', {}, `prerequisites.${index}`);
    if (!(await store.get('courses', prerequisite))) return refuse('not-found', {}, `prerequisites.${index}`);
  }
  return ok;
}

function courseReads(course: z.infer<typeof courseInput> & { id: string }): ReadHint[] {
  return [
    { table: 'courses', id: course.id },
    { table: 'programmes', id: course.programmeId },
    { table: 'courses', field: 'code', value: course.code },
    ...course.prerequisites.map((id) => ({ table: 'courses' as const, id })),
  ];
}

/** Adds a course to the catalogue. Course codes are unique. */
export const createCourse = defineMutation({
  name: 'course.create',
  version: 1,
  summary: 'Add a course',
  args: courseInput.extend(withId),
  permission: organisationOnly,
  reads: courseReads,
  async apply(store, args, { now }) {
    if (await store.get('courses', args.id)) return refuse('invalid', {}, 'id');
    const checked = await checkCourse(store, args);
    if (!checked.ok) return checked;
    await store.put('courses', { ...args, archived: false, createdAt: now, updatedAt: now });
    return ok;
  },
});

/** Edits a course. */
export const updateCourse = defineMutation({
  name: 'course.update',
  version: 1,
  summary: 'Edit a course',
  args: courseInput.extend(withId),
  permission: organisationOnly,
  reads: courseReads,
  async apply(store, args, { now }) {
    const current = await store.get('courses', args.id);
    if (!current) return refuse('not-found');
    const checked = await checkCourse(store, args);
    if (!checked.ok) return checked;
    await store.put('courses', { ...current, ...args, updatedAt: now } satisfies Course);
    return ok;
  },
});

/** Archives a course (kept with its sessions for history) or restores it. */
export const archiveCourse = archiveMutation('course.archive', 'courses', 'Archive or restore a course');

/** Adds a session (one run of a course) and generates its class days from the schedule. */
export const createSession = defineMutation({
  name: 'session.create',
  version: 1,
  summary: 'Add a session',
  args: sessionInput.safeExtend(withId),
  permission: coordinatorsOnly,
  reads: (args) => [
    { table: 'sessions', id: args.id },
    { table: 'courses', id: args.courseId },
  ],
  async apply(store, args, { actor, now }) {
    if (await store.get('sessions', args.id)) return refuse('invalid', {}, 'id');
    const elsewhere = outsideSite(actor, args, 'country');
    if (elsewhere) return elsewhere;
    const course = await store.get('courses', args.courseId);
    if (!course) return refuse('not-found', {}, 'courseId');
    if (course.archived) return refuse('archived', {}, 'courseId');
    const meetings = generateMeetings(args.id, args, args.schedule, now);
    if (meetings.length > maxMeetingsPerSession)
      return refuse('too-many-meetings', { max: maxMeetingsPerSession }, 'endDate');
    await store.put('sessions', { ...args, archived: false, createdAt: now, updatedAt: now });
    for (const meeting of meetings) await store.put('meetings', meeting);
    return ok;
  },
});

/**
 * Edits a session. When the dates or the weekly schedule change, the class days follow:
 * generated days move with the schedule, days someone edited by hand are kept as they are.
 * A site coordinator edits the sessions of their country and cannot move one to another.
 */
export const updateSession = defineMutation({
  name: 'session.update',
  version: 1,
  summary: 'Edit a session',
  args: sessionInput.safeExtend(withId),
  permission: coordinatorsOnly,
  async apply(store, args, { actor, now }) {
    const current = await store.get('sessions', args.id);
    if (!current) return refuse('not-found');
    const elsewhere = outsideSite(actor, current, 'id') ?? outsideSite(actor, args, 'country');
    if (elsewhere) return elsewhere;
    if (current.courseId !== args.courseId && !(await store.get('courses', args.courseId)))
      return refuse('not-found', {}, 'courseId');
    const wanted = generateMeetings(args.id, args, args.schedule, now);
    if (wanted.length > maxMeetingsPerSession)
      return refuse('too-many-meetings', { max: maxMeetingsPerSession }, 'endDate');
    const existing = new Map((await store.findBy('meetings', 'sessionId', args.id)).map((m) => [m.id, m]));
    const wantedIds = new Set(wanted.map((m) => m.id));
    for (const meeting of existing.values())
      if (!meeting.edited && !wantedIds.has(meeting.id)) await store.delete('meetings', meeting.id);
    for (const meeting of wanted) {
      const old = existing.get(meeting.id);
      if (old?.edited) continue;
      if (old && old.startTime === meeting.startTime && old.endTime === meeting.endTime) continue;
      await store.put('meetings', old ? { ...old, startTime: meeting.startTime, endTime: meeting.endTime, updatedAt: now } : meeting);
    }
    await store.put('sessions', { ...current, ...args, updatedAt: now } satisfies Session);
    return ok;
  },
});

/** Archives a session or restores it. */
export const archiveSession = archiveMutation('session.archive', 'sessions', 'Archive or restore a session', {
  permission: coordinatorsOnly,
  guard: (actor, session) => outsideSite(actor, { country: session.country ?? '' }, 'id'),
});

/** Edits one class day (date, times, room, note, cancelled); it is then kept through schedule changes. */
export const updateMeeting = defineMutation({
  name: 'meeting.update',
  version: 1,
  summary: 'Edit a class day',
  args: meetingInput.safeExtend(withId),
  permission: coordinatorsOnly,
  async apply(store, args, { actor, now }) {
    const current = await store.get('meetings', args.id);
    if (!current) return refuse('not-found');
    const session = await store.get('sessions', current.sessionId);
    if (!session) return refuse('not-found', {}, 'id');
    const elsewhere = outsideSite(actor, session, 'id');
    if (elsewhere) return elsewhere;
    await store.put('meetings', { ...current, ...args, edited: true, updatedAt: now } satisfies Meeting);
    return ok;
  },
});

/** Adds an extra class day to a session. */
export const addMeeting = defineMutation({
  name: 'meeting.add',
  version: 1,
  summary: 'Add a class day',
  args: meetingInput.safeExtend({ id: recordId, sessionId: recordId }),
  permission: coordinatorsOnly,
  async apply(store, args, { actor, now }) {
    const session = await store.get('sessions', args.sessionId);
    if (!session) return refuse('not-found', {}, 'sessionId');
    const elsewhere = outsideSite(actor, session, 'sessionId');
    if (elsewhere) return elsewhere;
    if (await store.get('meetings', args.id)) return refuse('invalid', {}, 'id');
    await store.put('meetings', { ...args, edited: true, createdAt: now, updatedAt: now });
    return ok;
  },
});
