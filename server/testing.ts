// Test fixture of the hub's own suite (server/*.test.ts): stores, a hub, accounts, a seeded
// catalogue and a small sync client that talks the wire protocol (through `inject` or `fetch`).
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { MutationArgs, MutationCall, TableName } from '../shared/mutations';
import { findMutation } from '../shared/mutations';
import { syncSchemaVersion, type Change, type PullResponse, type PushResponse, type PushResult, type Session } from '../shared/sync/protocol';
import { courseArgs, institutionArgs, personArgs, programmeArgs, sessionArgs } from '../shared/testing/factories';
import type { Database } from './db/schema';
import { openDatabase } from './db/open';
import { buildHub } from './app';
import { createAccount, type Role } from './accounts';
import { ensureOrganisation } from './organisation';

export type StoreKind = 'pglite' | 'postgres';

/** The password of every test account. */
export const password = 'test-password-1234';

/** Collects the hub's log lines (pino JSON), so a test can check what was logged. */
export class LogLines {
  readonly lines: Record<string, unknown>[] = [];
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line.trim()) {
          try {
            this.lines.push(JSON.parse(line) as Record<string, unknown>);
          } catch {
            this.lines.push({ msg: line });
          }
        }
      done();
    },
  });
  /** Lines logged since `mark()` returned `from`. */
  since(from: number) {
    return this.lines.slice(from);
  }
  mark() {
    return this.lines.length;
  }
}

/** A fresh hub database: PGlite in memory, or a PostgreSQL database by URL. */
export async function openTestDatabase(kind: StoreKind, databaseUrl?: string): Promise<Kysely<Database>> {
  if (kind === 'postgres') {
    if (!databaseUrl) throw new Error('A PostgreSQL test database needs a URL.');
    return openDatabase({ databaseUrl });
  }
  return openDatabase({ memory: true });
}

/** A request as the sync client sends it, and the answer as it reads it. */
export type HubRequest = { method: 'GET' | 'POST'; url: string; token?: string; body?: unknown; raw?: Buffer | string; headers?: Record<string, string> };
export type HubAnswer = { status: number; body: Record<string, unknown>; headers: Record<string, string | string[] | number | undefined> };
export type Transport = (request: HubRequest) => Promise<HubAnswer>;

function decode(payload: Buffer, encoding: unknown): Record<string, unknown> {
  const raw = encoding === 'gzip' ? gunzipSync(payload) : payload;
  const text = raw.toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Talks to a hub in this process (Fastify `inject`). */
export function injectTransport(app: FastifyInstance): Transport {
  return async (request) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    let payload: Buffer | string | undefined = request.raw;
    if (payload === undefined && request.body !== undefined) payload = JSON.stringify(request.body);
    if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const answer = await app.inject({ method: request.method, url: request.url, headers, ...(payload !== undefined ? { payload } : {}) });
    return { status: answer.statusCode, body: decode(answer.rawPayload, answer.headers['content-encoding']), headers: answer.headers };
  };
}

/** Talks to a hub over HTTP. */
export function fetchTransport(base: string): Transport {
  return async (request) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    let body: string | Buffer | undefined = request.raw;
    if (body === undefined && request.body !== undefined) body = JSON.stringify(request.body);
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const answer = await fetch(base + request.url, { method: request.method, headers, ...(body !== undefined ? { body } : {}) });
    // fetch undoes the gzip itself.
    const payload = Buffer.from(await answer.arrayBuffer());
    return { status: answer.status, body: decode(payload, undefined), headers: Object.fromEntries(answer.headers) };
  };
}

/** A pushed mutation as the wire carries it. */
export type Wire = { id: string; seq: number; name: string; version: number; args: unknown; at: string; seen: number; writes?: [TableName, string][] };

/**
 * A device: signs in, numbers its mutations, pushes, pulls pages and keeps the rows it pulled
 * (keyed `table/id`), as the renderer's sync client does.
 */
export class TestClient {
  seq = 0;
  /** Highest hub sequence pulled (what the next mutation says it has seen). */
  seen = 0;
  cursor = '';
  readonly rows = new Map<string, Record<string, unknown>>();
  /** Every change pulled, in order. */
  readonly pulled: Change[] = [];

  constructor(
    readonly transport: Transport,
    readonly clientId: string,
    readonly token: string,
    readonly session: Session,
  ) {}

  static async login(transport: Transport, email: string, clientId = `client-${randomUUID()}`): Promise<TestClient> {
    const answer = await transport({ method: 'POST', url: '/api/login', body: { email, password, clientId, deviceName: `device of ${email}` } });
    if (answer.status !== 200) throw new Error(`login ${email}: ${answer.status} ${JSON.stringify(answer.body)}`);
    const session = answer.body as unknown as Session;
    return new TestClient(transport, clientId, session.token, session);
  }

  /** Wraps calls as the next mutations of this device. */
  wire(calls: readonly MutationCall[] | readonly { name: string; args: unknown }[], over: Partial<Wire> = {}): Wire[] {
    return calls.map((call) => ({
      id: randomUUID(),
      seq: ++this.seq,
      name: call.name,
      version: findMutation(call.name)?.version ?? 1,
      args: call.args,
      at: new Date().toISOString(),
      seen: this.seen,
      ...over,
    }));
  }

  /** Sends a push as is; answers status and body. */
  pushRaw(mutations: readonly Wire[], over: Record<string, unknown> = {}): Promise<HubAnswer> {
    return this.transport({
      method: 'POST',
      url: '/sync/push',
      token: this.token,
      body: { clientId: this.clientId, schemaVersion: syncSchemaVersion, pending: 0, mutations, ...over },
    });
  }

  /** Pushes calls (or wire mutations); throws unless the hub answered 200. */
  async push(calls: readonly MutationCall[] | readonly Wire[]): Promise<PushResult[]> {
    const mutations = calls.length && 'seq' in calls[0]! ? (calls as Wire[]) : this.wire(calls);
    const answer = await this.pushRaw(mutations);
    if (answer.status !== 200) throw new Error(`push: ${answer.status} ${JSON.stringify(answer.body)}`);
    return (answer.body as unknown as PushResponse).results;
  }

  /** Pushes and expects every result `ok`. */
  async pushOk(calls: readonly MutationCall[]): Promise<PushResult[]> {
    const results = await this.push(calls);
    const refused = results.filter((r) => r.status !== 'ok');
    if (refused.length) throw new Error(`refused: ${JSON.stringify(refused)}`);
    return results;
  }

  pullPage(cursor = this.cursor, budget?: number): Promise<HubAnswer> {
    const query = new URLSearchParams({ cursor, count: '1', ...(budget ? { budget: String(budget) } : {}) });
    return this.transport({ method: 'GET', url: `/sync/pull?${query.toString()}`, token: this.token, headers: { 'accept-encoding': 'gzip' } });
  }

  /** Pulls every page from the current cursor, keeping rows; answers the pages. */
  async pullAll(budget?: number): Promise<PullResponse[]> {
    const pages: PullResponse[] = [];
    for (;;) {
      const answer = await this.pullPage(this.cursor, budget);
      if (answer.status !== 200) throw new Error(`pull: ${answer.status} ${JSON.stringify(answer.body)}`);
      const page = answer.body as unknown as PullResponse;
      pages.push(page);
      for (const change of page.changes) {
        this.pulled.push(change);
        const key = `${change.t}/${change.id}`;
        if (change.r) this.rows.set(key, change.r);
        else this.rows.delete(key);
        this.seen = Math.max(this.seen, change.s);
      }
      this.cursor = page.cursor;
      if (!page.hasMore) return pages;
    }
  }

  /** Forgets everything pulled (a fresh snapshot follows). */
  reset() {
    this.cursor = '';
    this.seen = 0;
    this.rows.clear();
    this.pulled.length = 0;
  }

  /** The ids of pulled rows of a table. */
  ids(table: TableName): string[] {
    return [...this.rows.keys()].filter((k) => k.startsWith(`${table}/`)).map((k) => k.slice(table.length + 1)).sort();
  }
}

/** Every `records` row in order: to check that nothing changed. */
export async function dumpRecords(db: Kysely<Database>) {
  const rows = await db.selectFrom('records').selectAll().orderBy('tbl').orderBy('id').execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** The date `days` after today (UTC), as YYYY-MM-DD. */
export function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Ids of the seeded world: one course, sessions taught by `instructor` (A) and by someone else (B). */
export const world = {
  programme: 'prog-cubesat',
  course: 'course-csd101',
  institution: 'inst-suparco',
  instructor: 'p-instructor',
  otherInstructor: 'p-instructor-2',
  trainees: ['p-1', 'p-2', 'p-3', 'p-4'],
  sessionA: 'session-a',
  sessionB: 'session-b',
};

/** Arguments for a session open for enrolment now, with class days every weekday from 7 days ago to 7 days on. */
export function openSession(id: string, over: Partial<MutationArgs['session.create']> = {}): MutationArgs['session.create'] {
  return sessionArgs({
    id,
    courseId: world.course,
    startDate: day(-7),
    endDate: day(7),
    enrolmentOpens: day(-30),
    enrolmentCloses: day(7),
    capacity: 10,
    instructorIds: [],
    ...over,
  });
}

/** The calls that build the world of `world`. */
export function worldCalls(): MutationCall[] {
  const person = (id: string, roles: ('trainee' | 'instructor')[], n: number): MutationCall => ({
    name: 'person.create',
    args: personArgs({ id, roles, nativeName: `Person ${n}`, latinName: `Person ${n}`, email: `${id}@example.org` }),
  });
  return [
    { name: 'programme.create', args: programmeArgs({ id: world.programme }) },
    { name: 'course.create', args: courseArgs({ id: world.course, programmeId: world.programme, code: 'TST-101' }) },
    { name: 'institution.create', args: institutionArgs({ id: world.institution }) },
    person(world.instructor, ['instructor'], 0),
    person(world.otherInstructor, ['instructor'], 9),
    ...world.trainees.map((id, i) => person(id, ['trainee'], i + 1)),
    { name: 'session.create', args: openSession(world.sessionA, { instructorIds: [world.instructor] }) },
    { name: 'session.create', args: openSession(world.sessionB, { instructorIds: [world.otherInstructor] }) },
  ];
}

/** Accounts of the seeded world, by role; e-mail = `${key}@hub.test`. */
export const accounts: Record<'coordinator' | 'siteCoordinator' | 'instructor' | 'trainee1' | 'trainee2', { role: Role; personId: string; site?: string }> = {
  coordinator: { role: 'coordinator', personId: '' },
  /** Runs the sessions held in Pakistan (the country of the seeded sessions); has a person record. */
  siteCoordinator: { role: 'coordinator', personId: 'p-site-coordinator', site: 'PK' },
  instructor: { role: 'instructor', personId: world.instructor },
  trainee1: { role: 'trainee', personId: 'p-1' },
  trainee2: { role: 'trainee', personId: 'p-2' },
};
export type AccountKey = keyof typeof accounts;
export const emailOf = (key: AccountKey) => `${key}@hub.test`;

/** A hub over a database with the organisation and the accounts of `accounts` (scrypt runs once per account). */
export async function startTestHub(db: Kysely<Database>, options: { loginLimit?: number; level?: string } = {}) {
  await ensureOrganisation(db, { name: 'Test centre', code: 'TEST' });
  for (const [key, a] of Object.entries(accounts)) await createAccount(db, { email: emailOf(key as AccountKey), role: a.role, personId: a.personId, site: a.site, name: key, password });
  const logs = new LogLines();
  const app = await buildHub({ db, logger: { stream: logs.stream, level: options.level ?? 'info' }, loginLimit: options.loginLimit ?? 10_000 });
  await app.ready();
  return { app, logs, transport: injectTransport(app) };
}

/** Signs in every account of `accounts` on a new device each. */
export async function loginAll(transport: Transport): Promise<Record<AccountKey, TestClient>> {
  const entries = await Promise.all(Object.keys(accounts).map(async (key) => [key, await TestClient.login(transport, emailOf(key as AccountKey))] as const));
  return Object.fromEntries(entries) as Record<AccountKey, TestClient>;
}

/** Class day ids of a session, from the hub's records. */
export async function meetingsOf(db: Kysely<Database>, sessionId: string): Promise<string[]> {
  const rows = await db.selectFrom('records').select('id').where('tbl', '=', 'meetings').where('session_id', '=', sessionId).where('data', 'is not', null).execute();
  return rows.map((r) => r.id).sort();
}

/** A stored row (or undefined). */
export async function recordOf(db: Kysely<Database>, table: TableName, id: string) {
  const row = await db.selectFrom('records').selectAll().where('tbl', '=', table).where('id', '=', id).executeTakeFirst();
  return row?.data ?? undefined;
}
