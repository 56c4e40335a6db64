import 'fake-indexeddb/auto';
import type { Actor, MutationArgs, MutationCall } from '../../shared/mutations';
import { coordinator, courseArgs, enrolmentArgs, personArgs, programmeArgs, sessionArgs } from '../../shared/testing/factories';
import { runMutations, type MutationOutcome } from '../../renderer/db/mutate';
import { ApogeeDb } from '../../renderer/db/schema';

/** A moment inside the enrolment window of `sessionArgs()` (15 Jan – 1 Mar 2026). */
export const duringEnrolment = '2026-02-01T10:00:00.000Z';

let n = 0;
/** A fresh, empty database. */
export async function openDb(): Promise<ApogeeDb> {
  const db = new ApogeeDb(`enrolment-world-${n++}`);
  await db.open();
  return db;
}

/** Runs calls as an actor at a fixed time, failing loudly on nothing (outcomes are returned). */
export function run(db: ApogeeDb, calls: MutationCall[], actor: Actor = coordinator, now = duringEnrolment): Promise<MutationOutcome[]> {
  return runMutations(db, calls, { actor, now: () => now });
}

/** Runs one call and answers its outcome. */
export async function runOne(db: ApogeeDb, call: MutationCall, actor: Actor = coordinator, now = duringEnrolment) {
  const [outcome] = await run(db, [call], actor, now);
  return outcome!;
}

/** Trainee ids `t-1` … `t-n`. */
export const traineeIds = (count: number) => Array.from({ length: count }, (_, i) => `t-${i + 1}`);

/**
 * A programme, the course CSD-101 and its session `session-1` (ten class days 9–20 March
 * 2026), an instructor `p-instructor` named on the session and trainees `t-1` … `t-n`.
 */
export async function seedWorld(
  db: ApogeeDb,
  {
    trainees = 3,
    course = {},
    session = {},
  }: { trainees?: number; course?: Partial<MutationArgs['course.create']>; session?: Partial<MutationArgs['session.create']> } = {},
): Promise<void> {
  const outcomes = await run(db, [
    { name: 'programme.create', args: programmeArgs() },
    { name: 'course.create', args: courseArgs(course) },
    { name: 'session.create', args: sessionArgs({ instructorIds: ['p-instructor'], ...session }) },
    { name: 'person.create', args: personArgs({ id: 'p-instructor', nativeName: 'Li Wei', email: 'li.wei@example.org', roles: ['instructor'] }) },
    ...traineeIds(trainees).map((id): MutationCall => ({
      name: 'person.create',
      args: personArgs({ id, nativeName: `Trainee ${id}`, latinName: '', email: `${id}@example.org` }),
    })),
  ]);
  const refused = outcomes.filter((o) => !o.ok);
  if (refused.length) throw new Error(`seed refused: ${JSON.stringify(refused)}`);
}

/** enrolment.request calls: `e-<person>` for each person in `session-1`. */
export const requests = (personIds: string[], sessionId = 'session-1'): MutationCall[] =>
  personIds.map((personId) => ({ name: 'enrolment.request', args: enrolmentArgs({ id: `e-${personId}`, personId, sessionId }) }));
