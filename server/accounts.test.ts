// Sign-ins on the hub: a token works until it expires or its device signs out, and the hub's
// short memory of recently checked tokens never outlives either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { accountForToken, createAccount, issueToken, tokenDays } from './accounts';
import { buildHub } from './app';
import { openDatabase } from './db/open';
import type { Database } from './db/schema';
import { ensureOrganisation } from './organisation';

let db: Kysely<Database>;
let app: FastifyInstance;

beforeAll(async () => {
  db = await openDatabase({ memory: true });
  await ensureOrganisation(db, { name: 'Centre', code: 'ORG' });
  await createAccount(db, { email: 'amina@centre.org', role: 'coordinator', password: 'secret-pass' });
  app = await buildHub({ db });
}, 60_000);
afterAll(async () => {
  await app.close();
  await db.destroy();
});

const login = async (clientId: string) =>
  (await app.inject({ method: 'POST', url: '/api/login', payload: { email: 'amina@centre.org', password: 'secret-pass', clientId } })).json<{ token: string }>().token;
const me = (token: string) => app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });

describe('hub sign-ins', () => {
  it('ends a sign-in at once when its device signs out, even right after it was used', async () => {
    const token = await login('client-accounts-1');
    const other = await login('client-accounts-2');
    expect((await me(token)).statusCode).toBe(200);
    expect((await me(token)).statusCode).toBe(200);
    const out = await app.inject({ method: 'POST', url: '/api/logout', headers: { authorization: `Bearer ${token}` } });
    expect(out.statusCode).toBe(200);
    const after = await me(token);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: 'unauthorized' });
    // The same account on another device stays signed in.
    expect((await me(other)).statusCode).toBe(200);
  });

  it('lets a person choose their own password: the old one stops working, refusals say why and change nothing', async () => {
    const token = await login('client-accounts-4');
    const change = (body: object) => app.inject({ method: 'POST', url: '/api/password', headers: { authorization: `Bearer ${token}` }, payload: body });
    const wrong = await change({ current: 'not it', password: 'a much better password' });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({ error: 'wrong-password', where: 'current' });
    const short = await change({ current: 'secret-pass', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ where: 'password', message: expect.stringMatching(/at least 10 characters/) as string });
    const same = await change({ current: 'secret-pass', password: 'secret-pass' });
    expect(same.statusCode).toBe(400);
    const signIn = (password: string) =>
      app.inject({ method: 'POST', url: '/api/login', payload: { email: 'amina@centre.org', password, clientId: 'client-accounts-5' } });
    expect((await signIn('secret-pass')).statusCode).toBe(200); // nothing changed so far

    expect((await change({ current: 'secret-pass', password: 'orbits of Chang’e 7' })).statusCode).toBe(200);
    expect((await signIn('secret-pass')).statusCode).toBe(401);
    expect((await signIn('orbits of Chang’e 7')).statusCode).toBe(200);
    // This device stays signed in; without a sign-in, nothing can be changed.
    expect((await me(token)).statusCode).toBe(200);
    const anonymous = await app.inject({ method: 'POST', url: '/api/password', payload: { current: 'orbits of Chang’e 7', password: 'someone else’s' } });
    expect(anonymous.statusCode).toBe(401);
    await change({ current: 'orbits of Chang’e 7', password: 'secret-pass' });
  });

  it('refuses a token once it has expired, also one checked moments before', async () => {
    const account = (await db.selectFrom('accounts').selectAll().executeTakeFirstOrThrow()).id;
    const now = new Date();
    const { token } = await issueToken(db, account, 'client-accounts-3', now);
    expect(await accountForToken(db, token, now)).toMatchObject({ clientId: 'client-accounts-3' });
    const later = new Date(now.getTime() + tokenDays * 86_400_000 + 1_000);
    expect(await accountForToken(db, token, later)).toBeUndefined();
    expect(await accountForToken(db, 'not-a-token', now)).toBeUndefined();
  });
});
