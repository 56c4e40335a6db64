// The site rule, without zod: the interface asks it too (to show a session's buttons) and loads
// before the mutations' schemas.
import type { Session } from '../domain/catalogue';
import type { Actor } from './types';

/** The country a site coordinator works for; undefined for everyone else (the whole organisation). */
export function siteOf(actor: Pick<Actor, 'role' | 'site'>): string | undefined {
  return actor.role === 'coordinator' && actor.site ? actor.site : undefined;
}

/**
 * Whether the actor runs this session as a coordinator: organisation coordinators every session,
 * site coordinators the sessions held in their country. The hub's pull scope follows the same rule.
 */
export function runsSession(actor: Pick<Actor, 'role' | 'site'>, session: Pick<Session, 'country'>): boolean {
  if (actor.role !== 'coordinator') return false;
  const site = siteOf(actor);
  return !site || session.country === site;
}
