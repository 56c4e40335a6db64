import type { Role } from '../../../shared/mutations';
import { useSession } from '../../state/session';
import { useSettings } from '../../state/settings';
import type { StoredSession } from '../../sync/state';

/** The hub session of this device: `loading` until read, then the session or none. */
export function useHubSession(): { loading: boolean; session: StoredSession | undefined } {
  const { loaded, session } = useSession();
  return { loading: !loaded, session };
}

/** The role the person at the keyboard acts in: the signed-in account's, else the "Acting as" choice. */
export function useCurrentRole(): Role {
  const accountRole = useSession((s) => s.session?.account.role);
  const chosen = useSettings((s) => s.role);
  return accountRole ?? chosen;
}
