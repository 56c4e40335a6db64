import { useCallback } from 'react';
import { create } from 'zustand';
import type { Session } from '../../shared/domain/catalogue';
import { runsSession } from '../../shared/mutations/sites';
import type { StoredSession } from '../sync/state';
import { useSettings } from './settings';

type SessionState = {
  /** False until the stored session has been read once (so nothing flickers at start). */
  loaded: boolean;
  /** The hub session this device is signed in with, if any. */
  session?: StoredSession;
};

/**
 * The signed-in hub account, mirrored from the database (renderer/sync/client.ts keeps it live).
 * When present, the mutations act as this account instead of the "Acting as" choice.
 */
export const useSession = create<SessionState>(() => ({ loaded: false }));

/**
 * The country (ISO 3166 alpha-2) the signed-in coordinator runs, or undefined for the whole
 * organisation (and for everyone else): what `currentActor` gives the mutations as `site`.
 */
export function useSite(): string | undefined {
  return useSession((s) => (s.session?.account.role === 'coordinator' && s.session.account.site) || undefined);
}

/**
 * Whether the person at the keyboard runs a session as a coordinator (a site coordinator, those
 * of their country): the screens show its coordinator's buttons only then. The mutations check
 * the same rule (shared/mutations/sites.ts), on this device and on the hub.
 */
export function useRunsSession(): (session: Pick<Session, 'country'>) => boolean {
  const role = useSettings((s) => s.role);
  const site = useSite();
  return useCallback((session: Pick<Session, 'country'>) => runsSession(site ? { role, site } : { role }, session), [role, site]);
}

/** True for a coordinator of the whole organisation (programmes, courses, templates, coordinators' sign-ins). */
export function useRunsOrganisation(): boolean {
  const role = useSettings((s) => s.role);
  const site = useSite();
  return role === 'coordinator' && !site;
}
