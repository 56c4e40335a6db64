import type { Session } from '../../shared/sync/protocol';
import type { ApogeeDb } from '../db/schema';
import { clientIdOf, readSession, writeSession, type StoredSession } from './state';

/** Why signing in did not work, in words for the person at the keyboard. */
export class SignInError extends Error {
  constructor(
    readonly reason: 'wrong-password' | 'unreachable' | 'rate-limited' | 'bad-address' | 'hub-error',
    message: string,
  ) {
    super(message);
  }
}

/** Normalises what someone typed as the hub's address ("hub.example.org:4310" → "http://hub.example.org:4310/"). */
export function hubAddress(text: string): string {
  const trimmed = text.trim();
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new SignInError('bad-address', `"${trimmed}" is not a hub address: type it like hub.example.org or http://192.168.1.20:4310.`);
  }
  return `${url.origin}/`;
}

/**
 * Signs in to a hub: the session (token, account, organisation) is kept in the local database,
 * so the app and its sync worker keep working offline until the token expires.
 */
export async function signIn(
  db: ApogeeDb,
  input: { hub: string; email: string; password: string; deviceName: string },
  fetchFn: typeof fetch = (i, init) => fetch(i, init),
): Promise<StoredSession> {
  const hubUrl = hubAddress(input.hub);
  const clientId = await clientIdOf(db);
  let response: Response;
  try {
    response = await fetchFn(new URL('/api/login', hubUrl).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: input.email, password: input.password, clientId, deviceName: input.deviceName }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new SignInError('unreachable', `The hub at ${hubUrl} could not be reached: check the address and the connection, then try again.`);
  }
  const body = (await response.json().catch(() => ({}))) as Partial<Session> & { message?: string };
  if (response.status === 401) throw new SignInError('wrong-password', 'Wrong e-mail address or password.');
  if (response.status === 429) throw new SignInError('rate-limited', 'Too many attempts: wait a minute, then try again.');
  if (!response.ok || !body.token) throw new SignInError('hub-error', body.message ?? `The hub answered with an error (HTTP ${response.status}).`);
  const previous = await readSession(db);
  const session: StoredSession = { ...(body as Session), hubUrl, clientId, deviceName: input.deviceName, signedInAt: new Date().toISOString() };
  if (previous && previous.account.id !== session.account.id) {
    // Another account's rows must not mix with this one's: start from a fresh copy.
    await db.syncState.delete('cursor');
  }
  await writeSession(db, session);
  return session;
}

/**
 * Signs out. With `wipe`, every local row of this account is removed as well (the outbox too:
 * say so before, when changes are still waiting); without it the data stays for the next sign-in.
 */
export async function signOut(db: ApogeeDb, { wipe }: { wipe: boolean }, fetchFn: typeof fetch = (i, init) => fetch(i, init)): Promise<void> {
  const session = await readSession(db);
  if (session)
    await fetchFn(new URL('/api/logout', session.hubUrl).toString(), {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(10_000),
    }).catch(() => undefined); // offline: the token simply expires on the hub
  if (wipe) {
    await db.transaction('rw', db.tables, async () => {
      await Promise.all(db.tables.map((table) => table.clear()));
    });
  } else await writeSession(db, undefined);
}

/** Why a password change did not happen. */
export type PasswordChangeProblem = 'wrong-password' | 'too-short' | 'same' | 'signed-out' | 'unreachable' | 'rate-limited' | 'hub-error';

export class PasswordChangeError extends Error {
  constructor(
    readonly reason: PasswordChangeProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Asks the hub to replace this account's password (the device stays signed in). Needs the network. */
export async function changePassword(
  db: ApogeeDb,
  input: { current: string; password: string },
  fetchFn: typeof fetch = (i, init) => fetch(i, init),
): Promise<void> {
  const session = await readSession(db);
  if (!session) throw new PasswordChangeError('signed-out', 'This device is not signed in to a hub.');
  let response: Response;
  try {
    response = await fetchFn(new URL('/api/password', session.hubUrl).toString(), {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new PasswordChangeError('unreachable', `The hub at ${session.hubUrl} could not be reached.`);
  }
  if (response.ok) return;
  const body = (await response.json().catch(() => ({}))) as { error?: string; where?: string; message?: string };
  const message = body.message ?? `HTTP ${response.status}`;
  if (response.status === 403 && body.error === 'wrong-password') throw new PasswordChangeError('wrong-password', message);
  if (response.status === 401) throw new PasswordChangeError('signed-out', message);
  if (response.status === 429) throw new PasswordChangeError('rate-limited', message);
  if (response.status === 400 && body.where === 'password') throw new PasswordChangeError(/same/.test(message) ? 'same' : 'too-short', message);
  throw new PasswordChangeError('hub-error', message);
}
