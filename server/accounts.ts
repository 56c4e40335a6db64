import { createHash, randomBytes, randomUUID, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Kysely, Selectable } from 'kysely';
import type { AccountsTable, Database } from './db/schema';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

/** An account as stored. */
export type Account = Selectable<AccountsTable>;
export type Role = Account['role'];

/** How long a sign-in lasts before the device must sign in again (it keeps working offline meanwhile). */
export const tokenDays = 30;

const params = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/** scrypt with a random salt, stored as `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password.normalize('NFC'), salt, 32, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function checkPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: params.maxmem,
  });
  return timingSafeEqual(expected, actual);
}

/** A password people can read out and type: 4 groups of 4 letters and digits, without look-alikes. */
export function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) out += alphabet[bytes[i]! % alphabet.length] + (i % 4 === 3 && i < 15 ? '-' : '');
  return out;
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createAccount(
  db: Kysely<Database>,
  input: { email: string; role: Role; personId?: string; name?: string; site?: string; password: string },
): Promise<Account> {
  const account: Account = {
    id: randomUUID(),
    email: input.email.trim().toLowerCase(),
    password_hash: await hashPassword(input.password),
    role: input.role,
    person_id: input.personId ?? '',
    name: input.name ?? '',
    created_at: new Date().toISOString(),
    disabled: false,
    site: input.role === 'coordinator' ? (input.site ?? '') : '',
  };
  await db.insertInto('accounts').values(account).execute();
  return account;
}

/** The shortest password an account may choose. */
export const minPasswordLength = 10;

/** Replaces an account's password (its sign-ins on devices stay valid). */
export async function setPassword(db: Kysely<Database>, accountId: string, password: string): Promise<void> {
  await db.updateTable('accounts').set({ password_hash: await hashPassword(password) }).where('id', '=', accountId).execute();
}

export async function findAccountByEmail(db: Kysely<Database>, email: string): Promise<Account | undefined> {
  return db.selectFrom('accounts').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

/** Issues a token for an account on one device; only its hash is stored. */
export async function issueToken(db: Kysely<Database>, accountId: string, clientId: string, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + tokenDays * 86_400_000).toISOString();
  await db.insertInto('tokens').values({ hash: tokenHash(token), account_id: accountId, client_id: clientId, expires_at: expiresAt }).execute();
  return { token, expiresAt };
}

/** The account a token is for, when it is known, unexpired and the account is enabled. */
export async function accountForToken(db: Kysely<Database>, token: string, now = new Date()) {
  const hash = tokenHash(token);
  const cache = tokenCaches.get(db) ?? new Map<string, CachedToken>();
  tokenCaches.set(db, cache);
  const cached = cache.get(hash);
  if (cached && cached.until > now.getTime()) {
    if (cached.found.expiresAt > now.toISOString()) return cached.found;
    cache.delete(hash);
  }
  const found = await lookUpToken(db, hash, now);
  if (found) {
    if (cache.size >= tokenCacheSize) cache.delete(cache.keys().next().value!);
    cache.set(hash, { found, until: now.getTime() + tokenCacheMs });
  }
  return found;
}

type CachedToken = { found: { account: Account; clientId: string; expiresAt: string }; until: number };

/**
 * Sign-ins checked in the last half minute, by token hash: every sync request carries its token,
 * and on the embedded store each look-up waits its turn with the pushes being applied. Signing out
 * forgets the token here at once; another hub process on the same database may accept it for up
 * to half a minute more.
 */
const tokenCaches = new WeakMap<Kysely<Database>, Map<string, CachedToken>>();
const tokenCacheMs = 30_000;
const tokenCacheSize = 10_000;

async function lookUpToken(db: Kysely<Database>, hash: string, now: Date) {
  const row = await db
    .selectFrom('tokens')
    .innerJoin('accounts', 'accounts.id', 'tokens.account_id')
    .selectAll('accounts')
    .select(['tokens.client_id as token_client', 'tokens.expires_at'])
    .where('tokens.hash', '=', hash)
    .executeTakeFirst();
  if (!row || row.disabled || row.expires_at <= now.toISOString()) return undefined;
  const { token_client, expires_at, ...account } = row;
  return { account, clientId: token_client, expiresAt: expires_at };
}

export async function revokeToken(db: Kysely<Database>, token: string): Promise<void> {
  tokenCaches.get(db)?.delete(tokenHash(token));
  await db.deleteFrom('tokens').where('hash', '=', tokenHash(token)).execute();
}
