import { z } from 'zod';
import { activeStates, type Enrolment, type EnrolmentState } from '../domain/enrolment';
import { displayName } from '../domain/people';
import { recordId, requiredText } from '../domain/values';
import type { Notice } from '../errors';
import type { Session } from '../domain/catalogue';
import { defineMutation, ok, okWith, refuse, type Actor, type MutationContext, type MutationResult, type MutationStore } from './types';
import { outsideSite, runsSession, sessionOutsideSite } from './common';

/** Who made a change, as written in histories and marks: the device, and the person when known. */
export function actorLabel(actor: Actor): string {
  return actor.personId ? `${actor.deviceId}/${actor.personId}` : actor.deviceId;
}

/** True while the enrolment holds or waits for a place (a second one in the session is refused). */
export function isActive(state: EnrolmentState): boolean {
  return activeStates.includes(state);
}

/** States of a trainee who takes part in the class: attendance and results are recorded for them. */
export const attendingStates: readonly EnrolmentState[] = ['enrolled', 'completed', 'not-completed'];

/** Coordinators, and instructors of the session, may take attendance, record results and manage teams. */
export const teachersOnly = (actor: Actor) => actor.role === 'coordinator' || actor.role === 'instructor';

/**
 * Whether the actor may teach this session: coordinators the sessions they run (a site
 * coordinator, those of their country), instructors only the sessions they are named on.
 */
export function teaches(actor: Actor, session: Pick<Session, 'instructorIds' | 'country'>): boolean {
  if (actor.role === 'coordinator') return runsSession(actor, session);
  return actor.role === 'instructor' && !!actor.personId && session.instructorIds.includes(actor.personId);
}

/**
 * The refusal for an actor who may not teach this session, pinned to `field`: `outside-site` for
 * a site coordinator and another country's session, `forbidden` for anyone else; undefined when
 * they may.
 */
export function teachingRefusal(actor: Actor, session: Pick<Session, 'instructorIds' | 'country'>, field?: string): MutationResult | undefined {
  if (teaches(actor, session)) return undefined;
  return outsideSite(actor, session, field) ?? refuse('forbidden', {}, field);
}

/** The enrolment moved to a new state, with the step appended to its history. */
function step(enrolment: Enrolment, state: EnrolmentState, ctx: MutationContext, reason = ''): Enrolment {
  return {
    ...enrolment,
    state,
    updatedAt: ctx.now,
    history: [...enrolment.history, { state, at: ctx.now, by: actorLabel(ctx.actor), reason }],
  };
}

/**
 * Gives the enrolment a place when the session has one, or puts it at the end of the waiting
 * list (answering its position). Counts what earlier calls of the same batch wrote, so a bulk
 * enrolment never overfills a session.
 */
async function placeOrWaitlist(
  store: MutationStore,
  enrolment: Enrolment,
  session: Session,
  ctx: MutationContext,
): Promise<MutationResult> {
  const others = (await store.findBy('enrolments', 'sessionId', session.id)).filter((e) => e.id !== enrolment.id);
  const enrolled = others.filter((e) => e.state === 'enrolled').length;
  if (enrolled < session.capacity) {
    await store.put('enrolments', { ...step(enrolment, 'enrolled', ctx), waitlistRank: 0 });
    return ok;
  }
  const waiting = others.filter((e) => e.state === 'waitlisted').length;
  const waitlistRank = Math.max(0, ...others.map((e) => e.waitlistRank)) + 1;
  await store.put('enrolments', { ...step(enrolment, 'waitlisted', ctx), waitlistRank });
  return okWith({ code: 'waitlisted', params: { position: waiting + 1 } });
}

/** The first of the waiting list (lowest rank; ties by request time, then id). */
function firstWaiting(enrolments: readonly Enrolment[]): Enrolment | undefined {
  return enrolments
    .filter((e) => e.state === 'waitlisted')
    .sort((a, b) => a.waitlistRank - b.waitlistRank || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))[0];
}

/** The date (YYYY-MM-DD) of the runner's clock, on which enrolment windows are judged. */
function today(ctx: MutationContext): string {
  return ctx.now.slice(0, 10);
}

/**
 * A trainee asks for a place in a session (or a coordinator enrols them). Enrolled while there
 * is room, waitlisted when full, or left `requested` when the course needs approval.
 */
export const requestEnrolment = defineMutation({
  name: 'enrolment.request',
  version: 1,
  summary: 'Enrol a person in a session',
  args: z.object({ id: recordId, personId: recordId, sessionId: recordId }),
  permission: (actor, args) =>
    actor.role === 'coordinator' || (actor.role === 'trainee' && !!actor.personId && actor.personId === args.personId),
  reads: (args) => [
    { table: 'enrolments', id: args.id },
    { table: 'people', id: args.personId },
    { table: 'sessions', id: args.sessionId },
    { table: 'enrolments', field: 'sessionId', value: args.sessionId },
    { table: 'enrolments', field: 'personId', value: args.personId },
  ],
  async apply(store, args, ctx) {
    if (await store.get('enrolments', args.id)) return refuse('invalid', {}, 'id');
    const session = await store.get('sessions', args.sessionId);
    if (!session) return refuse('not-found', {}, 'sessionId');
    const elsewhere = outsideSite(ctx.actor, session, 'sessionId');
    if (elsewhere) return elsewhere;
    const person = await store.get('people', args.personId);
    if (!person) return refuse('not-found', {}, 'personId');
    if (person.mergedInto) return refuse('already-merged', { id: person.mergedInto }, 'personId');
    if (person.archived) return refuse('archived', {}, 'personId');
    if (session.status === 'cancelled') return refuse('session-cancelled', {}, 'sessionId');
    if (session.status !== 'open' || session.archived) return refuse('session-not-open', {}, 'sessionId');
    const day = today(ctx);
    if (day < session.enrolmentOpens || day > session.enrolmentCloses)
      return refuse('enrolment-window-closed', { opens: session.enrolmentOpens, closes: session.enrolmentCloses }, 'sessionId');
    const course = await store.get('courses', session.courseId);
    if (!course) return refuse('not-found', {}, 'sessionId');

    const own = await store.findBy('enrolments', 'personId', args.personId);
    if (own.some((e) => e.sessionId === args.sessionId && isActive(e.state)))
      return refuse('already-enrolled', {}, 'personId');
    if (!person.roles.includes('trainee')) return refuse('not-a-trainee', {}, 'personId');

    if (course.prerequisites.length) {
      const completedCourses = new Set<string>();
      for (const enrolment of own.filter((e) => e.state === 'completed')) {
        const other = await store.get('sessions', enrolment.sessionId);
        if (other) completedCourses.add(other.courseId);
      }
      const missing: string[] = [];
      for (const prerequisite of course.prerequisites) {
        if (completedCourses.has(prerequisite)) continue;
        missing.push((await store.get('courses', prerequisite))?.code ?? prerequisite);
      }
      if (missing.length) return refuse('prerequisites-missing', { codes: missing.join(', ') }, 'personId');
    }

    const created: Enrolment = {
      id: args.id,
      personId: args.personId,
      sessionId: args.sessionId,
      state: 'requested',
      waitlistRank: 0,
      reason: '',
      teamId: '',
      history: [],
      createdAt: ctx.now,
      updatedAt: ctx.now,
    };
    if (course.requiresApproval) {
      await store.put('enrolments', step(created, 'requested', ctx));
      return ok;
    }
    return placeOrWaitlist(store, created, session, ctx);
  },
});

/** Approves a request: it gets a place, or a place on the waiting list when the session is full. */
export const approveEnrolment = defineMutation({
  name: 'enrolment.approve',
  version: 1,
  summary: 'Approve an enrolment request',
  args: z.object({ id: recordId }),
  permission: (actor) => actor.role === 'coordinator',
  async apply(store, { id }, ctx) {
    const enrolment = await store.get('enrolments', id);
    if (!enrolment) return refuse('not-found');
    const elsewhere = await sessionOutsideSite(store, ctx.actor, enrolment.sessionId, 'id');
    if (elsewhere) return elsewhere;
    if (enrolment.state !== 'requested') return refuse('invalid-state', { state: enrolment.state }, 'id');
    const session = await store.get('sessions', enrolment.sessionId);
    if (!session) return refuse('not-found', {}, 'sessionId');
    if (session.status === 'cancelled') return refuse('session-cancelled', {}, 'sessionId');
    return placeOrWaitlist(store, enrolment, session, ctx);
  },
});

/** Turns down a request or a place on the waiting list, saying why. */
export const rejectEnrolment = defineMutation({
  name: 'enrolment.reject',
  version: 1,
  summary: 'Reject an enrolment request',
  args: z.object({ id: recordId, reason: requiredText(500) }),
  permission: (actor) => actor.role === 'coordinator',
  async apply(store, { id, reason }, ctx) {
    const enrolment = await store.get('enrolments', id);
    if (!enrolment) return refuse('not-found');
    const elsewhere = await sessionOutsideSite(store, ctx.actor, enrolment.sessionId, 'id');
    if (elsewhere) return elsewhere;
    if (enrolment.state !== 'requested' && enrolment.state !== 'waitlisted')
      return refuse('invalid-state', { state: enrolment.state }, 'id');
    await store.put('enrolments', { ...step(enrolment, 'rejected', ctx, reason), reason });
    return ok;
  },
});

/**
 * Withdraws an enrolment (a trainee may withdraw their own). A place that becomes free goes to
 * the first of the waiting list, and the answer says who.
 */
export const withdrawEnrolment = defineMutation({
  name: 'enrolment.withdraw',
  version: 1,
  summary: 'Withdraw from a session',
  args: z.object({ id: recordId, reason: z.string().trim().max(500).default('') }),
  permission: (actor) => actor.role === 'coordinator' || actor.role === 'trainee',
  async apply(store, { id, reason }, ctx) {
    const enrolment = await store.get('enrolments', id);
    if (!enrolment) return refuse('not-found');
    if (ctx.actor.role !== 'coordinator' && enrolment.personId !== ctx.actor.personId) return refuse('forbidden');
    const elsewhere = await sessionOutsideSite(store, ctx.actor, enrolment.sessionId, 'id');
    if (elsewhere) return elsewhere;
    if (!['requested', 'enrolled', 'waitlisted'].includes(enrolment.state))
      return refuse('invalid-state', { state: enrolment.state }, 'id');
    await store.put('enrolments', { ...step(enrolment, 'withdrawn', ctx, reason), reason });
    if (enrolment.state !== 'enrolled') return ok;

    const session = await store.get('sessions', enrolment.sessionId);
    if (!session || session.status === 'cancelled') return ok;
    const all = await store.findBy('enrolments', 'sessionId', session.id);
    if (all.filter((e) => e.state === 'enrolled').length >= session.capacity) return ok;
    const next = firstWaiting(all);
    if (!next) return ok;
    await store.put('enrolments', { ...step(next, 'enrolled', ctx, 'promoted'), waitlistRank: 0 });
    const person = await store.get('people', next.personId);
    const notice: Notice = {
      code: 'promoted',
      params: { personId: next.personId, name: person ? displayName(person) : next.personId },
    };
    return okWith(notice);
  },
});

/** Records whether an enrolled trainee completed the course. */
export const setEnrolmentOutcome = defineMutation({
  name: 'enrolment.setOutcome',
  version: 1,
  summary: 'Record whether a trainee completed the course',
  args: z.object({ id: recordId, outcome: z.enum(['completed', 'not-completed'], { error: 'invalid-choice' }) }),
  permission: (actor) => actor.role === 'coordinator',
  async apply(store, { id, outcome }, ctx) {
    const enrolment = await store.get('enrolments', id);
    if (!enrolment) return refuse('not-found');
    const elsewhere = await sessionOutsideSite(store, ctx.actor, enrolment.sessionId, 'id');
    if (elsewhere) return elsewhere;
    if (enrolment.state !== 'enrolled') return refuse('invalid-state', { state: enrolment.state }, 'id');
    await store.put('enrolments', step(enrolment, outcome, ctx));
    return ok;
  },
});

/** Adds a team to a session (CubeSat design courses work in teams). */
export const createTeam = defineMutation({
  name: 'team.create',
  version: 1,
  summary: 'Add a team',
  args: z.object({ id: recordId, sessionId: recordId, name: requiredText(80) }),
  permission: teachersOnly,
  async apply(store, args, { actor, now }) {
    if (await store.get('teams', args.id)) return refuse('invalid', {}, 'id');
    const session = await store.get('sessions', args.sessionId);
    if (!session) return refuse('not-found', {}, 'sessionId');
    const refused = teachingRefusal(actor, session, 'sessionId');
    if (refused) return refused;
    await store.put('teams', { ...args, createdAt: now, updatedAt: now });
    return ok;
  },
});

/** Puts a trainee in a team of their session, or takes them out of any team (`teamId` ''). */
export const assignTeam = defineMutation({
  name: 'team.assign',
  version: 1,
  summary: 'Put a trainee in a team',
  args: z.object({ enrolmentId: recordId, teamId: z.union([z.literal(''), recordId]) }),
  permission: teachersOnly,
  async apply(store, { enrolmentId, teamId }, { actor, now }) {
    const enrolment = await store.get('enrolments', enrolmentId);
    if (!enrolment) return refuse('not-found', {}, 'enrolmentId');
    const session = await store.get('sessions', enrolment.sessionId);
    if (!session) return refuse('not-found', {}, 'enrolmentId');
    const refused = teachingRefusal(actor, session, 'enrolmentId');
    if (refused) return refused;
    if (teamId) {
      const team = await store.get('teams', teamId);
      if (!team) return refuse('not-found', {}, 'teamId');
      if (team.sessionId !== enrolment.sessionId) return refuse('team-not-in-session', {}, 'teamId');
    }
    await store.put('enrolments', { ...enrolment, teamId, updatedAt: now });
    return ok;
  },
});
