import type { StoredSession } from '../../sync/state';

/**
 * Why a call to the hub's admin API did not work, as the page needs to explain it:
 * not signed in, no link, the sign-in expired, not a coordinator on the hub, already exists,
 * or the hub failed (with its own message).
 */
export type HubProblem =
  | { kind: 'signed-out' }
  | { kind: 'offline' }
  | { kind: 'expired' }
  | { kind: 'forbidden'; where?: string }
  | { kind: 'exists'; message: string }
  | { kind: 'hub-error'; status: number; message: string };

/** A hub answer, or the problem that stopped it. */
export type HubAnswer<T> = { ok: true; value: T } | { ok: false; problem: HubProblem };

/** One device as the hub's health page lists it. */
export type DeviceHealth = {
  clientId: string;
  deviceName: string;
  account: string;
  role: 'coordinator' | 'instructor' | 'trainee';
  /** The country a site coordinator's account runs ('' for the whole organisation; absent from older hubs). */
  site?: string;
  /** Hub time of the device's last push or pull (ISO), empty when never. */
  lastContact: string;
  /** Changes the device said were waiting when it last pushed. */
  pending: number;
  /** Changes the hub has received from it. */
  pushed: number;
};

/** An account as the hub lists it (`site`: the country a site coordinator runs, '' for the whole organisation). */
export type HubAccount = { id: string; email: string; role: DeviceHealth['role']; personId: string; name: string; site?: string; createdAt: string; disabled: boolean };

/** A new account, with the one-time password the hub shows only in this answer. */
export type CreatedAccount = { id: string; email: string; role: DeviceHealth['role']; personId: string; site?: string; password: string };

/** The role of a new sign-in. */
export type AccountRole = DeviceHealth['role'];

/**
 * Calls the hub as the signed-in account (`Authorization: Bearer`). Never throws: a missing
 * session, no link, a refused token and the hub's errors all come back as a problem.
 */
export async function hubRequest<T>(
  session: StoredSession | undefined,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  fetchFn: typeof fetch = (i, init) => fetch(i, init),
): Promise<HubAnswer<T>> {
  if (!session) return { ok: false, problem: { kind: 'signed-out' } };
  let response: Response;
  try {
    response = await fetchFn(new URL(path, session.hubUrl).toString(), {
      method,
      headers: {
        authorization: `Bearer ${session.token}`,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
  } catch {
    return { ok: false, problem: { kind: 'offline' } };
  }
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  const message = typeof json.message === 'string' ? json.message : `HTTP ${response.status}`;
  if (response.ok) return { ok: true, value: json as T };
  if (response.status === 401) return { ok: false, problem: { kind: 'expired' } };
  if (response.status === 403) return { ok: false, problem: typeof json.where === 'string' ? { kind: 'forbidden', where: json.where } : { kind: 'forbidden' } };
  if (response.status === 409) return { ok: false, problem: { kind: 'exists', message } };
  return { ok: false, problem: { kind: 'hub-error', status: response.status, message } };
}

/** The hub's per-device health (coordinators). */
export function fetchDevices(session: StoredSession | undefined, fetchFn?: typeof fetch) {
  return hubRequest<{ devices: DeviceHealth[] }>(session, 'GET', '/api/devices', undefined, fetchFn);
}

/** The organisation's accounts (coordinators). */
export function fetchAccounts(session: StoredSession | undefined, fetchFn?: typeof fetch) {
  return hubRequest<{ accounts: HubAccount[] }>(session, 'GET', '/api/accounts', undefined, fetchFn);
}

/**
 * Creates a sign-in for a person; the answer carries the one-time password. A coordinator's
 * sign-in may run one site (`site`, a country code; '' or absent for the whole organisation).
 */
export function createAccount(
  session: StoredSession | undefined,
  input: { email: string; role: AccountRole; personId: string; name: string; site?: string },
  fetchFn?: typeof fetch,
) {
  return hubRequest<CreatedAccount>(session, 'POST', '/api/accounts', input, fetchFn);
}

/** The role a person's sign-in gets: instructor when they teach, else trainee; none for others. */
export function accountRoleFor(roles: readonly string[]): 'instructor' | 'trainee' | undefined {
  if (roles.includes('instructor')) return 'instructor';
  if (roles.includes('trainee')) return 'trainee';
  return undefined;
}

/**
 * The sign-ins a person may be given, first the one offered by default: a coordinator's (only
 * when the one creating it runs the whole organisation, as the hub insists), then the one of
 * `accountRoleFor`.
 */
export function accountRolesFor(roles: readonly string[], mayCreateCoordinators: boolean): AccountRole[] {
  const choices: AccountRole[] = [];
  if (mayCreateCoordinators && roles.includes('coordinator')) choices.push('coordinator');
  const other = accountRoleFor(roles);
  if (other) choices.push(other);
  return choices;
}
