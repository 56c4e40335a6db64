import { existsSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { maxRequestBytes, pullCursorHeader, pullMoreHeader, pushRequest, type Session } from '../shared/sync/protocol';
import type { Database } from './db/schema';
import { accountForToken, checkPassword, createAccount, findAccountByEmail, issueToken, minPasswordLength, newPassword, revokeToken, setPassword, type Account } from './accounts';
import { SyncError, pullJson, push, registerClient } from './sync';
import { accountsInView, peopleInScope, scopeOf } from './scope';
import { isCountryCode } from '../shared/domain/values';
import { organisation } from './organisation';
import { packetRoutes } from './packets';
import { certificateRoutes, type RootKeyOptions } from './certificates';

export type HubOptions = {
  db: Kysely<Database>;
  /** Folder of the built web app to serve at `/` (skipped when absent). */
  webRoot?: string;
  /** Logger: true for the console (pino), false for none, or a pino stream destination. */
  logger?: boolean | { stream: NodeJS.WritableStream; level?: string };
  /** Sign-in attempts per minute per address and e-mail. */
  loginLimit?: number;
  /** Look-ups of a certificate by serial number (`/verify?serial=`) per minute per address. */
  verifyLimit?: number;
  /** Where the root key's passphrase comes from (default: HUB_SECRET). */
  rootKey?: RootKeyOptions;
};

declare module 'fastify' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface FastifyRequest {
    auth?: { account: Account; clientId: string; token: string };
  }
}

const loginBody = z.object({
  email: z.string().min(3).max(200),
  password: z.string().min(1).max(200),
  clientId: z.string().min(8).max(80),
  deviceName: z.string().max(120).default(''),
});
const passwordBody = z.object({ current: z.string().min(1).max(200), password: z.string().max(200) });
const accountBody = z.object({
  email: z.email().max(200),
  role: z.enum(['coordinator', 'instructor', 'trainee']),
  personId: z.string().max(80).default(''),
  name: z.string().max(200).default(''),
  /** Coordinators only: the country (ISO 3166 alpha-2) of the site they run; empty for the whole organisation. */
  site: z.string().max(40).default(''),
});

/** What the hub tells about an account (to itself, or to the coordinators who see it). */
function publicAccount(account: Pick<Account, 'id' | 'email' | 'role' | 'person_id' | 'name' | 'site'>) {
  return { id: account.id, email: account.email, role: account.role, personId: account.person_id, name: account.name, site: account.site };
}

/** Builds the hub's HTTP server: sign-in, sync, accounts, devices, and the web app. */
export async function buildHub(options: HubOptions): Promise<FastifyInstance> {
  const { db } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: maxRequestBytes,
  });

  // JSON bodies, gzip or not. Decompression is capped, so a small bomb cannot fill the memory.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body: Buffer, done) => {
    try {
      const raw = request.headers['content-encoding'] === 'gzip' ? gunzipSync(body, { maxOutputLength: maxRequestBytes }) : body;
      done(null, raw.length ? JSON.parse(raw.toString('utf8')) : {});
    } catch (error) {
      const tooLarge = error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      done(
        new SyncError(
          tooLarge ? 413 : 400,
          tooLarge ? 'too-large' : 'bad-request',
          tooLarge ? `The request is larger than ${maxRequestBytes / 1024 / 1024} MB once unpacked.` : `The request body is not valid ${request.headers['content-encoding'] === 'gzip' ? 'gzip-compressed ' : ''}JSON.`,
        ),
        undefined,
      );
    }
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string; validation?: unknown }, request, reply) => {
    if (error instanceof SyncError) {
      request.log.warn({ code: error.code, status: error.status }, error.message);
      return reply.status(error.status).send({ error: error.code, message: error.message, ...error.extra });
    }
    if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      request.log.warn('request too large');
      return reply.status(413).send({ error: 'too-large', message: `The request is larger than ${maxRequestBytes / 1024 / 1024} MB.` });
    }
    if (error.statusCode === 429) {
      request.log.warn({ email: (request.body as { email?: unknown } | undefined)?.email }, 'too many sign-in attempts');
      return reply.status(429).send({ error: 'rate-limited', message: 'Too many sign-in attempts: wait a minute and try again.' });
    }
    if (error.statusCode && error.statusCode < 500) {
      request.log.warn({ err: error }, 'bad request');
      return reply.status(error.statusCode).send({ error: 'bad-request', message: error.message });
    }
    request.log.error({ err: error }, 'hub error');
    return reply.status(500).send({ error: 'hub-error', message: 'The hub could not answer: it has logged the problem. Try again later.' });
  });

  const { default: rateLimit } = await import('@fastify/rate-limit');
  await app.register(rateLimit, { global: false });

  // Devices reach the hub from other origins: the desktop app (app://apogee) and the web app
  // served anywhere else than by this hub. Every request proves itself with a bearer token (or a
  // packet's MAC), never with a cookie, so any origin may ask; preflights are cached two hours.
  const { default: cors } = await import('@fastify/cors');
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'content-encoding', 'accept'],
    exposedHeaders: ['x-apogee-summary', 'content-disposition', pullCursorHeader, pullMoreHeader],
    maxAge: 7200,
    strictPreflight: false,
  });

  /** Sends JSON, gzip-compressed when the client accepts it. */
  function send(request: FastifyRequest, reply: FastifyReply, body: unknown) {
    return sendJson(request, reply, JSON.stringify(body));
  }

  /** Sends JSON text as it is (gzip-compressed when the client takes it and it is worth it). */
  function sendJson(request: FastifyRequest, reply: FastifyReply, text: string) {
    const json = Buffer.from(text);
    reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').header('vary', 'accept-encoding');
    if (json.length > 1024 && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      return reply.header('content-encoding', 'gzip').send(gzipSync(json, { level: 4 }));
    }
    return reply.send(json);
  }

  function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || what;
    throw new SyncError(400, 'bad-request', `The ${what} is not valid at "${where}": ${issue.message}`, { where });
  }

  async function authenticate(request: FastifyRequest) {
    const header = String(request.headers.authorization ?? '');
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token || token.length > 200) throw new SyncError(401, 'unauthorized', 'Sign in to the hub first.');
    const found = await accountForToken(db, token);
    if (!found) throw new SyncError(401, 'unauthorized', 'This sign-in has expired or was revoked: sign in again.');
    request.auth = { account: found.account, clientId: found.clientId, token };
  }
  const coordinator = async (request: FastifyRequest) => {
    await authenticate(request);
    if (request.auth!.account.role !== 'coordinator') throw new SyncError(403, 'forbidden', 'Only coordinators can do this.');
  };

  app.get('/health', () => ({ ok: true }));

  app.post(
    '/api/login',
    {
      config: {
        rateLimit: {
          max: options.loginLimit ?? 10,
          // After the body is parsed (the default, onRequest, runs before): the key needs the e-mail.
          hook: 'preHandler',
          timeWindow: 60_000,
          keyGenerator: (request: FastifyRequest) => {
            const email = (request.body as { email?: unknown } | undefined)?.email;
            return `${request.ip} ${typeof email === 'string' ? email.toLowerCase() : ''}`;
          },
        },
      },
    },
    async (request, reply) => {
      const body = parse(loginBody, request.body, 'sign-in');
      const account = await findAccountByEmail(db, body.email);
      const valid = account && !account.disabled && (await checkPassword(body.password, account.password_hash));
      if (!account || !valid) {
        request.log.warn({ email: body.email }, 'failed sign-in');
        throw new SyncError(401, 'unauthorized', 'Wrong e-mail address or password.');
      }
      const packetKey = await registerClient(db, body.clientId, account.id, body.deviceName);
      const { token, expiresAt } = await issueToken(db, account.id, body.clientId);
      const org = await organisation(db);
      const session: Session = {
        token,
        expiresAt,
        account: publicAccount(account),
        organisation: org,
        packetKey,
      };
      return send(request, reply, session);
    },
  );

  app.post('/api/logout', { preHandler: authenticate }, async (request) => {
    await revokeToken(db, request.auth!.token);
    return { ok: true };
  });

  app.get('/api/me', { preHandler: authenticate }, (request) => publicAccount(request.auth!.account));

  // Choosing one's own password (the first one is a one-time password a coordinator handed over).
  app.post(
    '/api/password',
    {
      preHandler: authenticate,
      config: { rateLimit: { max: options.loginLimit ?? 10, hook: 'preHandler', timeWindow: 60_000, keyGenerator: (request: FastifyRequest) => `${request.ip} ${request.auth?.account.id ?? ''}` } },
    },
    async (request) => {
      const body = parse(passwordBody, request.body, 'password change');
      const { account } = request.auth!;
      const stored = await findAccountByEmail(db, account.email);
      if (!stored || !(await checkPassword(body.current, stored.password_hash))) {
        request.log.warn({ email: account.email }, 'password change with a wrong current password');
        throw new SyncError(403, 'wrong-password', 'The current password is not right: nothing was changed.', { where: 'current' });
      }
      if (body.password.length < minPasswordLength)
        throw new SyncError(400, 'bad-request', `The new password must be at least ${minPasswordLength} characters long.`, { where: 'password' });
      if (body.password === body.current) throw new SyncError(400, 'bad-request', 'The new password is the same as the current one.', { where: 'password' });
      await setPassword(db, account.id, body.password);
      request.log.info({ email: account.email }, 'password changed');
      return { ok: true };
    },
  );

  // A site coordinator sees the accounts of their site's people and coordinators (scope.ts).
  app.get('/api/accounts', { preHandler: coordinator }, async (request) => {
    const rows = await db.selectFrom('accounts').select(['id', 'email', 'role', 'person_id', 'name', 'site', 'created_at', 'disabled']).orderBy('email').execute();
    const visible = await accountsInView(db, request.auth!.account, rows);
    return { accounts: visible.map((r) => ({ ...publicAccount(r), createdAt: r.created_at, disabled: r.disabled })) };
  });

  app.post('/api/accounts', { preHandler: coordinator }, async (request, reply) => {
    const body = parse(accountBody, request.body, 'account');
    const by = request.auth!.account;
    const site = body.site.trim().toUpperCase();
    if (site && body.role !== 'coordinator')
      throw new SyncError(400, 'bad-request', `Only coordinator accounts run a site: leave "site" empty for ${body.role} accounts.`, { where: 'site' });
    if (site && !isCountryCode(site))
      throw new SyncError(400, 'bad-request', `"${body.site.slice(0, 40)}" is not a country code: "site" takes the two-letter ISO 3166 code of the site's country (for example PK or TR), or nothing for the whole organisation.`, { where: 'site' });
    if (body.role === 'coordinator' && by.site)
      throw new SyncError(403, 'forbidden', 'Only coordinators of the whole organisation can create coordinator accounts: ask one of them.', { where: 'role' });
    if (body.role !== 'coordinator' && !body.personId)
      throw new SyncError(400, 'bad-request', 'Instructor and trainee accounts belong to a person: choose the person.', { where: 'personId' });
    // A site coordinator gives sign-ins only to the people of their site: a sign-in shows its
    // holder's records, and the one-time password passes through the coordinator's hands.
    if (by.site && body.personId && !(await peopleInScope(db, await scopeOf(db, by), [body.personId])).has(body.personId))
      throw new SyncError(403, 'forbidden', `This person is neither from ${by.site} nor on the list of a session held there: only a coordinator of the whole organisation can give them a sign-in.`, { where: 'personId' });
    if (await findAccountByEmail(db, body.email))
      throw new SyncError(409, 'email-taken', `An account with the e-mail address ${body.email} already exists.`, { where: 'email' });
    const password = newPassword();
    const account = await createAccount(db, { ...body, site, password });
    request.log.info({ by: by.email, email: account.email, role: account.role, site: account.site }, 'account created');
    return reply.status(201).send({ ...publicAccount(account), password });
  });

  app.get('/api/devices', { preHandler: coordinator }, async (request) => {
    const rows = await db
      .selectFrom('clients')
      .innerJoin('accounts', 'accounts.id', 'clients.account_id')
      .select(['clients.client_id', 'clients.device_name', 'clients.last_contact', 'clients.pending', 'clients.last_seq', 'accounts.id', 'accounts.email', 'accounts.role', 'accounts.person_id', 'accounts.site'])
      .orderBy('clients.last_contact', 'desc')
      .execute();
    const visible = await accountsInView(db, request.auth!.account, rows);
    return {
      devices: visible.map((r) => ({ clientId: r.client_id, deviceName: r.device_name, lastContact: r.last_contact, pending: r.pending, pushed: Number(r.last_seq), account: r.email, role: r.role, site: r.site })),
    };
  });

  app.post('/sync/push', { preHandler: authenticate }, async (request, reply) => {
    const body = parse(pushRequest, request.body, 'push');
    if (body.clientId !== request.auth!.clientId)
      throw new SyncError(403, 'forbidden', 'This sign-in belongs to another device: sign in again on this one.');
    const response = await push(db, request.auth!.account, body);
    const rejected = response.results.filter((r) => r.status === 'rejected');
    if (rejected.length) request.log.info({ client: body.clientId, rejected: rejected.map((r) => r.status === 'rejected' && `${r.seq}:${r.error.code}`) }, 'pushed changes refused');
    return send(request, reply, response);
  });

  app.get('/sync/pull', { preHandler: authenticate }, async (request, reply) => {
    const query = request.query as Record<string, string | undefined>;
    const budget = query.budget ? Number(query.budget) : undefined;
    if (budget !== undefined && !Number.isFinite(budget)) throw new SyncError(400, 'bad-request', 'The page budget must be a number of bytes.', { where: 'budget' });
    const page = await pullJson(db, request.auth!.account, request.auth!.clientId, query.cursor ?? '', { budget, count: query.count === '1' });
    // The next cursor before the body: a device can ask for the next page while this one arrives.
    reply.header(pullCursorHeader, page.cursor).header(pullMoreHeader, page.hasMore ? '1' : '0');
    return sendJson(request, reply, page.json);
  });

  await packetRoutes(app, { db });
  await app.register(certificateRoutes, { db, ...options.rootKey, verifyLimit: options.verifyLimit ?? 60 });

  if (options.webRoot && existsSync(options.webRoot)) {
    const { default: fastifyStatic } = await import('@fastify/static');
    await app.register(fastifyStatic, { root: options.webRoot, prefix: '/', index: ['index.html'] });
  }
  return app;
}
