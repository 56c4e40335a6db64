import { z } from 'zod';
import type { Session } from '../domain/catalogue';
import { recordId } from '../domain/values';
import { defineMutation, ok, refuse, type Actor, type MutationResult, type MutationStore, type TableName } from './types';
import { siteOf } from './sites';

export { runsSession, siteOf } from './sites';

/** Permission rule of the registry: coordinators change it (site coordinators too, within their site). */
export const coordinatorsOnly = (actor: Actor) => actor.role === 'coordinator';

/**
 * Permission rule of what stands above sessions and speaks for everyone (programmes, courses,
 * certificate templates, the organisation's keys): coordinators of the whole organisation only.
 */
export const organisationOnly = (actor: Actor) => actor.role === 'coordinator' && !actor.site;

/**
 * The refusal for a site coordinator acting on a session of another country (`outside-site`,
 * with both countries, pinned to `field`); undefined for everyone else (the role is checked by
 * the permission rule, not here).
 */
export function outsideSite(actor: Actor, session: Pick<Session, 'country'>, field?: string): MutationResult | undefined {
  const site = siteOf(actor);
  if (!site || session.country === site) return undefined;
  return refuse('outside-site', { site, country: session.country }, field);
}

/**
 * `outsideSite` for a row that names its session by id (a certificate, a conflict): looks the
 * session up only for a site coordinator (`not-found` when it is gone), so nothing changes for
 * the whole organisation.
 */
export async function sessionOutsideSite(store: MutationStore, actor: Actor, sessionId: string, field?: string): Promise<MutationResult | undefined> {
  if (!siteOf(actor)) return undefined;
  const session = await store.get('sessions', sessionId);
  return session ? outsideSite(actor, session, field) : refuse('not-found', {}, field);
}

/** The id every create/update mutation carries. */
export const withId = { id: recordId };

/** Arguments of every archive mutation: archive (true) or restore (false). */
export const archiveArgs = z.object({ id: recordId, archived: z.boolean() });

/** Tables whose rows are archived rather than deleted. */
type ArchivableTable = Extract<TableName, 'programmes' | 'courses' | 'sessions' | 'institutions'>;
type ArchivableRow = { id: string; archived: boolean; updatedAt: string; country?: string };

/**
 * Archives a row (hidden, kept for history) or restores it. `permission` says who may (by default
 * organisation coordinators); `guard` may refuse one row (a site coordinator, another country's).
 */
export function archiveMutation(
  name: string,
  table: ArchivableTable,
  summary: string,
  rules: { permission?: (actor: Actor) => boolean; guard?: (actor: Actor, row: ArchivableRow) => MutationResult | undefined } = {},
) {
  return defineMutation({
    name,
    version: 1,
    summary,
    args: archiveArgs,
    permission: rules.permission ?? organisationOnly,
    async apply(store, { id, archived }, { actor, now }) {
      const current = await store.get(table, id);
      if (!current) return refuse('not-found');
      const refused = rules.guard?.(actor, current);
      if (refused) return refused;
      await store.put(table, { ...current, archived, updatedAt: now });
      return ok;
    },
  });
}
