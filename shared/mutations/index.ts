import * as catalogue from './catalogue';
import type { z } from 'zod';
import type { MutationDef } from './types';

export * from './types';

/** Every mutation, by name. The renderer and the hub look mutations up here and nowhere else. */
export const mutations = {
  [catalogue.createProgramme.name]: catalogue.createProgramme,
  [catalogue.updateProgramme.name]: catalogue.updateProgramme,
  [catalogue.archiveProgramme.name]: catalogue.archiveProgramme,
  [catalogue.createCourse.name]: catalogue.createCourse,
  [catalogue.updateCourse.name]: catalogue.updateCourse,
  [catalogue.archiveCourse.name]: catalogue.archiveCourse,
  [catalogue.createSession.name]: catalogue.createSession,
  [catalogue.updateSession.name]: catalogue.updateSession,
  [catalogue.archiveSession.name]: catalogue.archiveSession,
  [catalogue.updateMeeting.name]: catalogue.updateMeeting,
  [catalogue.addMeeting.name]: catalogue.addMeeting,
} as const;

/** Arguments of each mutation, by name. */
export type MutationArgs = {
  'programme.create': ArgsOf<typeof catalogue.createProgramme>;
  'programme.update': ArgsOf<typeof catalogue.updateProgramme>;
  'programme.archive': ArgsOf<typeof catalogue.archiveProgramme>;
  'course.create': ArgsOf<typeof catalogue.createCourse>;
  'course.update': ArgsOf<typeof catalogue.updateCourse>;
  'course.archive': ArgsOf<typeof catalogue.archiveCourse>;
  'session.create': ArgsOf<typeof catalogue.createSession>;
  'session.update': ArgsOf<typeof catalogue.updateSession>;
  'session.archive': ArgsOf<typeof catalogue.archiveSession>;
  'meeting.update': ArgsOf<typeof catalogue.updateMeeting>;
  'meeting.add': ArgsOf<typeof catalogue.addMeeting>;
};
/** A mutation name. */
export type MutationName = keyof MutationArgs;
/** The input (before defaults) a caller passes for a mutation. */
type ArgsOf<M extends { args: z.ZodType }> = z.input<M['args']>;

/** A call of a mutation: its name and arguments, as queued in the outbox. */
export type MutationCall = { [N in MutationName]: { name: N; args: MutationArgs[N] } }[MutationName];

/** Looks a mutation up by name (undefined for a name this version does not know). */
export function findMutation(name: string): MutationDef<unknown> | undefined {
  return (mutations as unknown as Record<string, MutationDef<unknown>>)[name];
}
