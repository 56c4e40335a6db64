import { create } from 'zustand';
import type { StoredSession } from '../sync/state';

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
