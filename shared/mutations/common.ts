import { z } from 'zod';
import { recordId } from '../domain/values';
import { defineMutation, ok, refuse, type Actor, type TableName } from './types';

/** Permission rule of the catalogue and registry: only coordinators change them. */
export const coordinatorsOnly = (actor: Actor) => actor.role === 'coordinator';

/** The id every create/update mutation carries. */
export const withId = { id: recordId };

/** Arguments of every archive mutation: archive (true) or restore (false). */
export const archiveArgs = z.object({ id: recordId, archived: z.boolean() });

/** Tables whose rows are archived rather than deleted. */
type ArchivableTable = Extract<TableName, 'programmes' | 'courses' | 'sessions' | 'institutions'>;

/** Archives a row (hidden, kept for history) or restores it; coordinators only. */
export function archiveMutation(name: string, table: ArchivableTable, summary: string) {
  return defineMutation({
    name,
    version: 1,
    summary,
    args: archiveArgs,
    permission: coordinatorsOnly,
    async apply(store, { id, archived }, { now }) {
      const current = await store.get(table, id);
      if (!current) return refuse('not-found');
      await store.put(table, { ...current, archived, updatedAt: now });
      return ok;
    },
  });
}
