import { z } from 'zod';
import { institutionInput, personInput, type Institution, type Person } from '../domain/people';
import { attendanceMarkId, assessmentResultId, type Enrolment, type EnrolmentState } from '../domain/enrolment';
import { recordId } from '../domain/values';
import { archiveArgs, archiveMutation, coordinatorsOnly, runsSession, siteOf, withId } from './common';
import { defineMutation, ok, refuse, type Actor, type MutationResult, type MutationStore, type ReadHint } from './types';
import { actorLabel, isActive } from './enrolment';

/**
 * Site coordinators keep the registry of their country: they add institutions of any country (a
 * visiting trainee's home institution) and edit or archive those of their own.
 */
function institutionOutsideSite(actor: Actor, institution: { country: string }, field?: string): MutationResult | undefined {
  const site = siteOf(actor);
  if (!site || institution.country === site) return undefined;
  return refuse('institution-outside-site', { site, country: institution.country }, field);
}

/**
 * Whether a person is in a site coordinator's care: from their country, or on the list of one of
 * their sessions (any state: a withdrawn trainee's history stays theirs). The hub's pull scope
 * sends a site coordinator the same people.
 */
async function caresFor(store: MutationStore, actor: Actor, person: Pick<Person, 'id' | 'country'>): Promise<boolean> {
  const site = siteOf(actor);
  if (!site || person.country === site) return true;
  for (const enrolment of await store.findBy('enrolments', 'personId', person.id)) {
    const session = await store.get('sessions', enrolment.sessionId);
    if (session && runsSession(actor, session)) return true;
  }
  return false;
}

/** The refusal for a site coordinator changing a person outside their care (undefined otherwise). */
async function personOutsideSite(store: MutationStore, actor: Actor, person: Pick<Person, 'id' | 'country'>, field?: string) {
  const site = siteOf(actor);
  if (!site || (await caresFor(store, actor, person))) return undefined;
  return refuse('person-outside-site', { site }, field);
}

/** Adds a member institution. */
export const createInstitution = defineMutation({
  name: 'institution.create',
  version: 1,
  summary: 'Add an institution',
  args: institutionInput.extend(withId),
  permission: coordinatorsOnly,
  reads: (args) => [{ table: 'institutions', id: args.id }],
  async apply(store, args, { now }) {
    if (await store.get('institutions', args.id)) return refuse('invalid', {}, 'id');
    await store.put('institutions', { ...args, archived: false, createdAt: now, updatedAt: now });
    return ok;
  },
});

/** Edits an institution. */
export const updateInstitution = defineMutation({
  name: 'institution.update',
  version: 1,
  summary: 'Edit an institution',
  args: institutionInput.extend(withId),
  permission: coordinatorsOnly,
  async apply(store, args, { actor, now }) {
    const current = await store.get('institutions', args.id);
    if (!current) return refuse('not-found');
    const elsewhere = institutionOutsideSite(actor, current, 'id') ?? institutionOutsideSite(actor, args, 'country');
    if (elsewhere) return elsewhere;
    await store.put('institutions', { ...current, ...args, updatedAt: now } satisfies Institution);
    return ok;
  },
});

/** Archives an institution or restores it. */
export const archiveInstitution = archiveMutation('institution.archive', 'institutions', 'Archive or restore an institution', {
  permission: coordinatorsOnly,
  guard: (actor, institution) => institutionOutsideSite(actor, { country: institution.country ?? '' }, 'id'),
});

type PersonArgs = z.infer<typeof personInput> & { id: string };

/** Rules shared by create and update: the institution exists, the e-mail is not someone else's. */
async function checkPerson(store: MutationStore, person: PersonArgs) {
  if (person.institutionId && !(await store.get('institutions', person.institutionId)))
    return refuse('not-found', {}, 'institutionId');
  if (person.email) {
    const sameEmail = await store.findBy('people', 'email', person.email);
    // Merged records keep their address for history; they no longer hold it.
    if (sameEmail.some((other) => other.id !== person.id && other.mergedInto === ''))
      return refuse('email-taken', { email: person.email }, 'email');
  }
  return ok;
}

function personReads(person: PersonArgs): ReadHint[] {
  const hints: ReadHint[] = [{ table: 'people', id: person.id }];
  if (person.email) hints.push({ table: 'people', field: 'email', value: person.email });
  if (person.institutionId) hints.push({ table: 'institutions', id: person.institutionId });
  return hints;
}

/** Adds a person (trainee, instructor, coordinator). E-mail addresses are unique. */
export const createPerson = defineMutation({
  name: 'person.create',
  version: 1,
  summary: 'Add a person',
  args: personInput.extend(withId),
  permission: coordinatorsOnly,
  reads: personReads,
  async apply(store, args, { now }) {
    if (await store.get('people', args.id)) return refuse('invalid', {}, 'id');
    const checked = await checkPerson(store, args);
    if (!checked.ok) return checked;
    await store.put('people', { ...args, archived: false, mergedInto: '', createdAt: now, updatedAt: now });
    return ok;
  },
});

/** Edits a person. */
export const updatePerson = defineMutation({
  name: 'person.update',
  version: 1,
  summary: 'Edit a person',
  args: personInput.extend(withId),
  permission: coordinatorsOnly,
  reads: personReads,
  async apply(store, args, { actor, now }) {
    const current = await store.get('people', args.id);
    if (!current) return refuse('not-found');
    if (current.mergedInto) return refuse('already-merged', { id: current.mergedInto }, 'id');
    // A site coordinator edits the people in their care, and keeps them there (no move abroad).
    const elsewhere =
      (await personOutsideSite(store, actor, current, 'id')) ?? (await personOutsideSite(store, actor, { id: args.id, country: args.country }, 'country'));
    if (elsewhere) return elsewhere;
    const checked = await checkPerson(store, args);
    if (!checked.ok) return checked;
    await store.put('people', { ...current, ...args, updatedAt: now } satisfies Person);
    return ok;
  },
});

/** Archives a person (kept for history) or restores them. */
export const archivePerson = defineMutation({
  name: 'person.archive',
  version: 1,
  summary: 'Archive or restore a person',
  args: archiveArgs,
  permission: coordinatorsOnly,
  async apply(store, { id, archived }, { actor, now }) {
    const current = await store.get('people', id);
    if (!current) return refuse('not-found');
    const elsewhere = await personOutsideSite(store, actor, current, 'id');
    if (elsewhere) return elsewhere;
    if (current.mergedInto && !archived) return refuse('already-merged', { id: current.mergedInto }, 'id');
    await store.put('people', { ...current, archived, updatedAt: now });
    return ok;
  },
});

/** How far along an enrolment is: when two records of one person meet in a session, the further one stays. */
const progress: Record<EnrolmentState, number> = {
  rejected: 0,
  withdrawn: 1,
  requested: 2,
  waitlisted: 3,
  enrolled: 4,
  'not-completed': 5,
  completed: 6,
};

const fillableFields = [
  'latinName',
  'preferredName',
  'email',
  'phone',
  'country',
  'institutionId',
  'gender',
  'dateOfBirth',
  'notes',
] as const satisfies readonly (keyof Person)[];

/**
 * Merges a duplicate record (`mergeId`) into the one to keep: its enrolments, attendance marks
 * and results move over, empty fields of the kept record are filled from it, and it stays as an
 * archived record pointing to the kept one. A site coordinator merges two people in their care
 * whose moving enrolments are all in sessions of their site. When both were in the same session, the enrolment
 * further along stays active (with its marks); the other is kept, withdrawn, for its history.
 */
export const mergePerson = defineMutation({
  name: 'person.merge',
  version: 1,
  summary: 'Merge two records of the same person',
  args: z.object({ keepId: recordId, mergeId: recordId }),
  permission: coordinatorsOnly,
  async apply(store, { keepId, mergeId }, { now, actor }) {
    if (keepId === mergeId) return refuse('merge-same-person', {}, 'mergeId');
    const keep = await store.get('people', keepId);
    if (!keep) return refuse('not-found', {}, 'keepId');
    const merge = await store.get('people', mergeId);
    if (!merge) return refuse('not-found', {}, 'mergeId');
    if (keep.mergedInto) return refuse('already-merged', { id: keep.mergedInto }, 'keepId');
    if (merge.mergedInto) return refuse('already-merged', { id: merge.mergedInto }, 'mergeId');
    const elsewhere = (await personOutsideSite(store, actor, keep, 'keepId')) ?? (await personOutsideSite(store, actor, merge, 'mergeId'));
    if (elsewhere) return elsewhere;

    const by = actorLabel(actor);
    const keepEnrolments = await store.findBy('enrolments', 'personId', keepId);
    const mergeEnrolments = await store.findBy('enrolments', 'personId', mergeId);
    // A site coordinator merges only records whose enrolments (which move) are in their sessions.
    const site = siteOf(actor);
    if (site)
      for (const moving of mergeEnrolments) {
        const session = await store.get('sessions', moving.sessionId);
        if (session && !runsSession(actor, session)) return refuse('person-outside-site', { site }, 'mergeId');
      }
    const keepMarks = new Map((await store.findBy('attendance', 'personId', keepId)).map((m) => [m.meetingId, m]));
    const mergeMarks = await store.findBy('attendance', 'personId', mergeId);
    /** Sessions where the merged record's marks win over the kept record's. */
    const mergeMarksWin = new Set<string>();

    const retire = async (loser: Enrolment, winner: Enrolment) => {
      // Results of the retired enrolment follow to the one that stays, unless it has its own.
      for (const result of await store.findBy('results', 'enrolmentId', loser.id)) {
        const id = assessmentResultId(winner.id, result.assessmentId);
        if (!(await store.get('results', id))) await store.put('results', { ...result, id, enrolmentId: winner.id });
        await store.delete('results', result.id);
      }
      const retired: Enrolment = { ...loser, personId: keepId, updatedAt: now };
      if (isActive(loser.state)) {
        retired.state = 'withdrawn';
        retired.reason = 'merged';
        retired.history = [...loser.history, { state: 'withdrawn', at: now, by, reason: 'merged' }];
      }
      await store.put('enrolments', retired);
      return retired;
    };

    for (const moving of mergeEnrolments) {
      const rival = keepEnrolments.find((e) => e.sessionId === moving.sessionId && isActive(e.state));
      if (!rival || !isActive(moving.state)) {
        await store.put('enrolments', { ...moving, personId: keepId, updatedAt: now });
        continue;
      }
      if (progress[moving.state] > progress[rival.state]) {
        mergeMarksWin.add(moving.sessionId);
        await store.put('enrolments', { ...moving, personId: keepId, teamId: moving.teamId || rival.teamId, updatedAt: now });
        await retire(rival, moving);
      } else {
        if (!rival.teamId && moving.teamId) await store.put('enrolments', { ...rival, teamId: moving.teamId, updatedAt: now });
        await retire(moving, rival);
      }
    }

    for (const mark of mergeMarks) {
      const existing = keepMarks.get(mark.meetingId);
      await store.delete('attendance', mark.id);
      if (existing && !mergeMarksWin.has(mark.sessionId)) continue;
      await store.put('attendance', { ...mark, id: attendanceMarkId(mark.meetingId, keepId), personId: keepId });
    }

    const filled: Person = { ...keep, updatedAt: now };
    for (const field of fillableFields) if (!filled[field] && merge[field]) Object.assign(filled, { [field]: merge[field] });
    filled.roles = [...new Set([...keep.roles, ...merge.roles])];
    filled.languages = [...new Set([...keep.languages, ...merge.languages])].slice(0, 10);
    await store.put('people', filled);
    await store.put('people', { ...merge, mergedInto: keepId, archived: true, updatedAt: now });
    // Records merged earlier into the merged one now point straight at the kept one.
    for (const earlier of await store.findBy('people', 'mergedInto', mergeId))
      await store.put('people', { ...earlier, mergedInto: keepId, updatedAt: now });
    return ok;
  },
});
