import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { fieldErrors } from '../shared/errors';
import { findMutation, type Actor, type MutationResult, type ReadHint, type TableName } from '../shared/mutations';
import { rowHash, writtenKeys } from '../shared/sync/rowHash';
import { attendanceMarkId, type AttendanceMark } from '../shared/domain/enrolment';
import type { Conflict } from '../shared/domain/conflicts';
import {
  decodeCursor,
  defaultPageBytes,
  encodeCursor,
  syncSchemaVersion,
  type Change,
  type PullResponse,
  type PushResponse,
  type PushResult,
  type PushedMutation,
} from '../shared/sync/protocol';
import type { Database } from './db/schema';
import type { Account } from './accounts';
import { SqlStore, lockWrites, storeRows, takeSeqs } from './store';
import { inScope, scopeOf, type Scope } from './scope';
import { endorseDeviceIssuers } from './certificates';

/** A refusal of a whole request: HTTP status, machine code and a message for people. */
export class SyncError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Schema versions this hub accepts in a push: the current one and the one before. */
export const acceptedSchemaVersions = [syncSchemaVersion - 1, syncSchemaVersion];

/** Registers (or re-binds) a device to the account that signed in on it; answers its packet key. */
export async function registerClient(db: Kysely<Database>, clientId: string, accountId: string, deviceName: string): Promise<string> {
  const now = new Date().toISOString();
  const existing = await db.selectFrom('clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  if (existing) {
    await db.updateTable('clients').set({ account_id: accountId, device_name: deviceName || existing.device_name, last_contact: now }).where('client_id', '=', clientId).execute();
    return existing.packet_key;
  }
  const packetKey = randomBytes(32).toString('hex');
  await db
    .insertInto('clients')
    .values({ client_id: clientId, account_id: accountId, device_name: deviceName, last_seq: 0, pending: 0, last_contact: now, packet_key: packetKey, created_at: now })
    .execute();
  return packetKey;
}

/**
 * The actor a pushed change runs as: the account's role, person and (site coordinators) site —
 * the same fields the device takes from its signed-in session, so both sides judge alike.
 */
export function actorOf(account: Pick<Account, 'role' | 'person_id' | 'site'>, deviceId: string): Actor {
  const actor: Actor = { role: account.role, deviceId };
  if (account.person_id) actor.personId = account.person_id;
  if (account.role === 'coordinator' && account.site) actor.site = account.site;
  return actor;
}

type PushInput = { clientId: string; schemaVersion: number; pending: number; deviceName: string; mutations: PushedMutation[]; have?: string[] };

/**
 * Applies pushed mutations in the device's sequence order, holding the hub's write lock: each one
 * is validated, permission-checked for the signed-in account and run with the same `apply` as on
 * the device; its result is stored under (client, seq), so a retry answers the stored result and
 * never runs it twice. A refusal never blocks the ones after it.
 *
 * Pushes that arrive while another is being applied wait, and then go together: one transaction
 * applies a group of them one after the other (hub order is the order they arrived in), reads each
 * row once, and stores the rows, results and devices of the whole group in a few statements. Fifty
 * devices pushing at once then wait for a few transactions instead of fifty. A group that fails
 * as a whole is applied again one push at a time, so one push's failure never sinks another's.
 */
export async function push(db: Kysely<Database>, account: Account, input: PushInput, hubNow = () => new Date()): Promise<PushResponse> {
  if (!acceptedSchemaVersions.includes(input.schemaVersion))
    throw new SyncError(409, 'upgrade-required', `This hub works with data version ${syncSchemaVersion} (and ${syncSchemaVersion - 1}); this device sent version ${input.schemaVersion}. Update Apogee on this device: its waiting changes are kept.`, { accepted: acceptedSchemaVersions });
  return new Promise<PushResponse>((resolve, reject) => {
    let queue = queues.get(db);
    if (!queue) queues.set(db, (queue = { jobs: [], running: false }));
    queue.jobs.push({ account, input, hubNow, resolve, reject });
    void drain(db, queue);
  });
}

type PushJob = { account: Account; input: PushInput; hubNow: () => Date; resolve: (response: PushResponse) => void; reject: (error: unknown) => void };
type PushQueue = { jobs: PushJob[]; running: boolean };
const queues = new WeakMap<Kysely<Database>, PushQueue>();

/** Changes one group applies at most (a push of 2,000 always goes, alone if need be). */
const groupChanges = 4_000;

async function drain(db: Kysely<Database>, queue: PushQueue): Promise<void> {
  if (queue.running) return;
  queue.running = true;
  try {
    while (queue.jobs.length) {
      // Requests that arrived meanwhile are read first (PGlite runs on this thread: a transaction
      // never lets the event loop read sockets); they queue their sign-in checks before this group's
      // transaction, so they are waiting here when it holds the write lock.
      await gather(queue);
      // The group is whatever waits once the write lock is held: pushes that came in meanwhile join.
      let group: PushJob[] = [];
      const take = () => (group = takeGroup(queue));
      try {
        const answers = await applyGroup(db, take);
        settle(group, answers);
      } catch (error) {
        if (!group.length) take();
        // One push's failure never sinks another's: each is applied again on its own.
        if (group.length === 1) await recover(db, group[0]!, error);
        else for (const job of group) await applyAlone(db, job);
      }
    }
  } finally {
    queue.running = false;
  }
}

/**
 * Lets the event loop read requests until no more pushes join (two quiet turns) or 5 ms passed: a
 * request takes a few turns (its body, its sign-in check) before it asks to be applied.
 */
async function gather(queue: PushQueue): Promise<void> {
  const start = performance.now();
  let quiet = 0;
  while (quiet < 2 && performance.now() - start < 5) {
    const before = queue.jobs.length;
    await new Promise<void>((resolve) => setImmediate(resolve));
    quiet = queue.jobs.length > before ? 0 : quiet + 1;
  }
}

function takeGroup(queue: PushQueue): PushJob[] {
  const group: PushJob[] = [];
  let changes = 0;
  while (queue.jobs.length && (!group.length || changes + queue.jobs[0]!.input.mutations.length <= groupChanges)) {
    const job = queue.jobs.shift()!;
    group.push(job);
    changes += job.input.mutations.length;
  }
  return group;
}

function settle(group: readonly PushJob[], answers: readonly (PushResponse | SyncError)[]): void {
  answers.forEach((answer, i) => (answer instanceof SyncError ? group[i]!.reject(answer) : group[i]!.resolve(answer)));
}

async function applyAlone(db: Kysely<Database>, job: PushJob): Promise<void> {
  try {
    settle([job], await applyGroup(db, () => [job]));
  } catch (error) {
    await recover(db, job, error);
  }
}

/** After a push alone failed: a refusal of its data is narrowed down to the change at fault; anything else is the answer. */
async function recover(db: Kysely<Database>, job: PushJob, error: unknown): Promise<void> {
  if (!isDataError(error) || job.input.mutations.length === 0) return job.reject(error);
  try {
    job.resolve(await applyOneByOne(db, job));
  } catch (again) {
    job.reject(again);
  }
}

/** A database refusal of the data itself (PostgreSQL class 22, e.g. U+0000 in JSON), not of the moment. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('22');
}

/**
 * A push the database refused as data: its changes are applied one by one, and the one the
 * database cannot store is refused with the reason (stored, like any answer), so it never blocks
 * the device's queue. Called only after the push alone failed that way.
 */
async function applyOneByOne(db: Kysely<Database>, job: PushJob): Promise<PushResponse> {
  const results: PushResult[] = [];
  let lastSeq = 0;
  const ordered = [...job.input.mutations].sort((a, b) => a.seq - b.seq);
  for (const [i, m] of ordered.entries()) {
    const single: PushJob = { ...job, input: { ...job.input, mutations: [m], have: [], pending: job.input.pending - i } };
    let answer: PushResponse | SyncError;
    try {
      [answer] = (await applyGroup(db, () => [single])) as [PushResponse | SyncError];
    } catch (error) {
      if (!isDataError(error)) throw error;
      answer = await refuseUnstorable(db, single, m, error instanceof Error ? error.message : String(error));
    }
    if (answer instanceof SyncError) throw answer;
    results.push(...answer.results);
    lastSeq = answer.lastSeq;
  }
  return { results, lastSeq };
}

async function refuseUnstorable(db: Kysely<Database>, job: PushJob, m: PushedMutation, reason: string): Promise<PushResponse> {
  return db.transaction().execute(async (tx) => {
    await lockWrites(tx);
    const client = await tx.selectFrom('clients').selectAll().where('client_id', '=', job.input.clientId).forUpdate().executeTakeFirst();
    if (!client || client.account_id !== job.account.id) throw new SyncError(403, 'forbidden', 'This device is not signed in to this account: sign in again.');
    const result: PushResult = {
      seq: m.seq,
      id: m.id,
      status: 'rejected',
      error: { code: 'hub-error', params: { reason: `the hub cannot store what this change holds: ${reason.slice(0, 120)}` }, fields: [] },
      restore: [],
    };
    await tx.insertInto('results').values({ client_id: job.input.clientId, seq: m.seq, mutation_id: m.id, result: JSON.stringify(result) }).execute();
    await tx.updateTable('clients').set({ last_seq: m.seq, last_contact: new Date().toISOString() }).where('client_id', '=', job.input.clientId).execute();
    result.restore = await currentRows(tx, await scopeOf(tx, job.account), m.writes);
    return { results: [result], lastSeq: m.seq };
  });
}

/** One device's part of a group while it is applied. */
type Part = { job: PushJob; actor: Actor; results: PushResult[]; lastSeq: number; refused: PushedMutation[] };

async function applyGroup(db: Kysely<Database>, take: () => PushJob[]): Promise<(PushResponse | SyncError)[]> {
  return db.transaction().execute(async (tx) => {
    await lockWrites(tx);
    const group = take();
    const clientIds = [...new Set(group.map((job) => job.input.clientId))];
    const clientRows = await tx.selectFrom('clients').selectAll().where('client_id', 'in', clientIds).forUpdate().execute();
    const clients = new Map(clientRows.map((c) => [c.client_id, c]));
    const lastSeqs = new Map(clientRows.map((c) => [c.client_id, Number(c.last_seq)]));
    const bound = (job: PushJob) => clients.get(job.input.clientId)?.account_id === job.account.id;

    // What the group's new changes will read, in a few queries.
    const store = new SqlStore(tx);
    const hints: ReadHint[] = [];
    for (const job of group) {
      if (!bound(job)) continue;
      const last = lastSeqs.get(job.input.clientId) ?? 0;
      for (const m of job.input.mutations) {
        const def = m.seq > last ? findMutation(m.name) : undefined;
        if (!def?.reads || def.version !== m.version) continue;
        const parsed = def.args.safeParse(m.args);
        if (parsed.success) hints.push(...def.reads(parsed.data));
      }
    }
    await store.prefetch(hints);

    const answers: (Part | SyncError)[] = [];
    /** Results stored by this group, by client and seq (a device's second push in one group reads them). */
    const fresh = new Map<string, Map<number, { id: string; result: PushResult }>>();
    const newResults: { client_id: string; seq: number; mutation_id: string; result: string }[] = [];
    for (const job of group) {
      const { input, account } = job;
      if (!bound(job)) {
        answers.push(new SyncError(403, 'forbidden', 'This device is not signed in to this account: sign in again.'));
        continue;
      }
      const client = clients.get(input.clientId)!;
      const actor = actorOf(account, client.device_name || input.clientId);
      const part: Part = { job, actor, results: [], lastSeq: lastSeqs.get(input.clientId) ?? 0, refused: [] };
      const ordered = [...input.mutations].sort((a, b) => a.seq - b.seq);
      const mine = fresh.get(input.clientId) ?? new Map<number, { id: string; result: PushResult }>();
      fresh.set(input.clientId, mine);
      const retried = ordered.filter((m) => m.seq <= part.lastSeq && !mine.has(m.seq)).map((m) => m.seq);
      const stored = retried.length ? await storedResults(tx, input.clientId, retried) : new Map<number, { id: string; result: PushResult }>();
      for (const m of ordered) {
        if (m.seq <= part.lastSeq) {
          const known = mine.get(m.seq) ?? stored.get(m.seq);
          // A sequence number the hub already passed, with no result or another change under it: the
          // device's queue is not what the hub saw. Say so instead of guessing.
          const result: PushResult =
            known && known.id === m.id ? known.result : { seq: m.seq, id: m.id, status: 'rejected', error: { code: 'out-of-order', params: {}, fields: [] }, restore: [] };
          if (result.status === 'rejected' && result.error.code !== 'out-of-order') part.refused.push(m);
          part.results.push(result);
          continue;
        }
        const result = await applyPushed(store, tx, m, actor, input.clientId, job.hubNow());
        const answer: PushResult = result.ok
          ? { seq: m.seq, id: m.id, status: 'ok', ...(result.notices?.length ? { notices: result.notices } : {}) }
          : { seq: m.seq, id: m.id, status: 'rejected', error: result.error, restore: [] };
        newResults.push({ client_id: input.clientId, seq: m.seq, mutation_id: m.id, result: JSON.stringify(answer) });
        mine.set(m.seq, { id: m.id, result: answer });
        if (answer.status === 'rejected') part.refused.push(m);
        part.results.push(answer);
        part.lastSeq = m.seq;
      }
      lastSeqs.set(input.clientId, part.lastSeq);
      answers.push(part);
    }

    // The group's rows, each once in the order of its last write, stamped with hub sequences.
    const writes = store.writes();
    if (writes.length) {
      const have = haveOf(group);
      const rows = writes.map((w) => ({ ...w, writerHas: have.get(w.clientId)?.get(`${w.table}\u0000${w.id}`) === rowHash(w.row) }));
      await storeRows(tx, rows, await takeSeqs(tx, rows.length), '');
    }
    for (let start = 0; start < newResults.length; start += 500) await tx.insertInto('results').values(newResults.slice(start, start + 500)).execute();

    const now = new Date().toISOString();
    const responses: (PushResponse | SyncError)[] = [];
    const devices = new Map<string, { lastSeq: number; pending: number }>();
    for (const part of answers) {
      if (part instanceof SyncError) {
        responses.push(part);
        continue;
      }
      const { input, account } = part.job;
      // The answer to a refusal carries the hub's rows that replace what the change wrote on the
      // device (read now, after the group's rows are stored: also for a refusal answered again).
      if (part.refused.length) {
        const scope = await scopeOf(tx, account);
        const restores = new Map<number, Change[]>();
        for (const m of part.refused) restores.set(m.seq, await currentRows(tx, scope, m.writes));
        part.results = part.results.map((r) => (r.status === 'rejected' && restores.has(r.seq) ? { ...r, restore: restores.get(r.seq)! } : r));
      }
      devices.set(input.clientId, { lastSeq: part.lastSeq, pending: Math.max(0, input.pending - part.results.length) });
      // An applied change's id is left out of the answer: the device matches answers by seq.
      responses.push({ results: part.results.map((r) => (r.status === 'ok' ? withoutId(r) : r)), lastSeq: part.lastSeq });
    }
    // Every device of the group in one statement (the last push of a device in the group counts).
    if (devices.size) {
      const rows = [...devices].map(([id, d]) => sql`(${id}, ${d.lastSeq}::bigint, ${d.pending}::integer)`);
      await sql`update clients as c set last_seq = v.last_seq, pending = v.pending, last_contact = ${now}
        from (values ${sql.join(rows)}) as v(client_id, last_seq, pending) where c.client_id = v.client_id`.execute(tx);
    }
    return responses;
  });
}

function withoutId(result: PushResult & { status: 'ok' }): PushResult {
  const { id: _id, ...rest } = result;
  return rest;
}

/** What each device of the group says it holds of the rows its changes wrote (`have`), by key. */
function haveOf(group: readonly PushJob[]): Map<string, Map<string, string>> {
  const byClient = new Map<string, Map<string, string>>();
  for (const { input } of group) {
    if (!input.have?.length) continue;
    const map = byClient.get(input.clientId) ?? new Map<string, string>();
    byClient.set(input.clientId, map);
    writtenKeys(input.mutations).forEach(([table, id], i) => {
      const hash = input.have![i];
      if (hash !== undefined) map.set(`${table}\u0000${id}`, hash);
    });
  }
  return byClient;
}

async function storedResults(tx: Transaction<Database>, clientId: string, seqs: readonly number[]): Promise<Map<number, { id: string; result: PushResult }>> {
  const rows = await tx.selectFrom('results').select(['seq', 'mutation_id', 'result']).where('client_id', '=', clientId).where('seq', 'in', [...seqs]).execute();
  return new Map(rows.map((r) => [Number(r.seq), { id: r.mutation_id, result: r.result as unknown as PushResult }]));
}

/** Runs one pushed mutation; on success its rows join the group's writes. */
async function applyPushed(store: SqlStore, tx: Transaction<Database>, m: PushedMutation, actor: Actor, clientId: string, hubNow: Date): Promise<MutationResult> {
  const def = findMutation(m.name);
  if (!def || def.version !== m.version) return { ok: false, error: { code: 'unknown-mutation', params: { name: m.name }, fields: [] } };
  const parsed = def.args.safeParse(m.args);
  if (!parsed.success) return { ok: false, error: { code: 'invalid-args', params: {}, fields: fieldErrors(parsed.error) } };
  if (!def.permission(actor, parsed.data)) return { ok: false, error: { code: 'forbidden', params: { name: m.name }, fields: [] } };
  // Device time counts for what the change says (when a mark was taken), never later than the hub's clock.
  const deviceTime = Date.parse(m.at);
  const now = new Date(Number.isFinite(deviceTime) ? Math.min(deviceTime, hubNow.getTime()) : hubNow.getTime()).toISOString();
  const before = m.name === 'attendance.mark' ? await markBefore(store, parsed.data as { meetingId: string; personId: string }) : undefined;
  let result: MutationResult;
  try {
    result = await def.apply(store, parsed.data, { actor, now });
  } catch (error) {
    result = { ok: false, error: { code: 'hub-error', params: { reason: error instanceof Error ? error.message.slice(0, 200) : 'unexpected' }, fields: [] } };
  }
  const written = store.take();
  if (!result.ok) return result;
  if (before && before.clientId !== clientId && before.seq > m.seen) {
    const after = written.find((w) => w.table === 'attendance')?.row as AttendanceMark | null | undefined;
    if (after && after.status !== before.mark.status) {
      const conflict = conflictOf(randomUUID(), before.mark, after, now);
      written.push({ table: 'conflicts', id: conflict.id, row: conflict });
    }
  }
  if (m.name === 'issuer.register') await endorseDeviceIssuers(tx, written, { actor, now: hubNow });
  store.commit(written, clientId);
  return result;
}

/** The mark the hub holds for a slot, with which device wrote it and when (hub sequence; Infinity: this group). */
async function markBefore(store: SqlStore, args: { meetingId: string; personId: string }) {
  const row = await store.stored('attendance', attendanceMarkId(args.meetingId, args.personId));
  if (!row?.data) return undefined;
  return { mark: row.data as unknown as AttendanceMark, seq: row.seq, clientId: row.clientId };
}

function conflictOf(id: string, first: AttendanceMark, second: AttendanceMark, now: string): Conflict {
  return {
    id,
    kind: 'attendance',
    meetingId: second.meetingId,
    sessionId: second.sessionId,
    personId: second.personId,
    values: [first, second].map((m) => ({ status: m.status, recordedBy: m.recordedBy, recordedAt: m.recordedAt })),
    state: 'open',
    chosen: null,
    resolvedBy: '',
    createdAt: now,
    updatedAt: now,
  };
}

/** The hub's rows for the given keys, as changes (a tombstone where the row is gone or out of scope). */
async function currentRows(tx: Transaction<Database>, scope: Scope, keys: readonly [string, string][]): Promise<Change[]> {
  if (!keys.length) return [];
  const rows = await tx
    .selectFrom('records as r')
    .select(['r.tbl', 'r.id', 'r.seq', 'r.data'])
    .where((eb) => eb.or(keys.map(([t, id]) => eb.and([eb('r.tbl', '=', t), eb('r.id', '=', id)]))))
    .where(inScope(scope))
    .execute();
  const found = new Map(rows.map((r) => [`${r.tbl}\u0000${r.id}`, r]));
  return keys.map(([t, id]) => {
    const row = found.get(`${t}\u0000${id}`);
    return row?.data ? { t: t as TableName, id, s: Number(row.seq), r: row.data } : { t: t as TableName, id, s: row ? Number(row.seq) : 0 };
  });
}

/** The last hub sequence handed out (committed: writers take it under the write lock). */
async function hubSeq(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('hub_counter').select('seq').where('id', '=', 1).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Oldest cursor the hub still serves (older tombstones were purged); 0 while none were. */
async function horizon(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('hub_meta').select('value').where('key', '=', 'tombstone-horizon').executeTakeFirst();
  return row ? Number(row.value) : 0;
}

/**
 * One page of changes after `cursorText`, filtered by the account's scope, in hub order, cut at
 * a byte budget. A cursor from another scope (the account gained or lost sessions) or older than
 * the purged tombstones answers `resync-required`: the device starts again from a snapshot.
 */
export async function pull(
  db: Kysely<Database>,
  account: Account,
  clientId: string,
  cursorText: string,
  options: { budget?: number; count?: boolean } = {},
): Promise<PullResponse> {
  const page = await pullPage(db, account, clientId, cursorText, options);
  const changes = page.rows.map((row): Change => (row.data === null ? { t: row.t, id: row.id, s: row.s } : { t: row.t, id: row.id, s: row.s, r: JSON.parse(row.data) as Record<string, unknown> }));
  return { changes, cursor: page.cursor, hasMore: page.hasMore, remaining: page.remaining };
}

/**
 * The same page as `pull`, as the JSON text of its PullResponse, for the wire: the rows' JSON
 * goes out as the store keeps it, never parsed and serialised again on the way. Its cursor and
 * whether more follows come along apart, for the response headers.
 */
export async function pullJson(
  db: Kysely<Database>,
  account: Account,
  clientId: string,
  cursorText: string,
  options: { budget?: number; count?: boolean } = {},
): Promise<{ json: string; cursor: string; hasMore: boolean }> {
  const page = await pullPage(db, account, clientId, cursorText, options);
  const changes = page.rows.map((row) => row.json).join(',');
  const json = `{"changes":[${changes}],"cursor":${JSON.stringify(page.cursor)},"hasMore":${page.hasMore},"remaining":${page.remaining}}`;
  return { json, cursor: page.cursor, hasMore: page.hasMore };
}

/** A pulled row: the row's JSON text as stored (null for a deletion), and the change's JSON text. */
type PulledRow = { t: TableName; id: string; s: number; data: string | null; json: string };

function pulledRow(tbl: string, id: string, seq: number | string | bigint, data: string | null): PulledRow {
  const t = tbl as TableName;
  const s = Number(seq);
  const head = `{"t":${JSON.stringify(t)},"id":${JSON.stringify(id)},"s":${s}`;
  return { t, id, s, data, json: data === null ? `${head}}` : `${head},"r":${data}}` };
}

async function pullPage(
  db: Kysely<Database>,
  account: Account,
  clientId: string,
  cursorText: string,
  options: { budget?: number; count?: boolean },
): Promise<{ rows: PulledRow[]; cursor: string; hasMore: boolean; remaining: number }> {
  const cursor = decodeCursor(cursorText);
  // A cursor this hub cannot read, or ahead of its sequence (another hub's, or a hub restored from
  // an older backup), would skip rows: the device starts again from a snapshot instead.
  if (!cursor || cursor.seq > (await hubSeq(db)))
    throw new SyncError(409, 'resync-required', `The pull cursor "${cursorText.slice(0, 40)}" is not one this hub gave out: this device will download a fresh copy.`, { where: 'cursor' });
  const scope = await scopeOf(db, account);
  if (cursor.seq > 0 && (cursor.scope !== scope.key || cursor.seq < (await horizon(db))))
    throw new SyncError(409, 'resync-required', 'What this device may see has changed (or it was away too long): it will download a fresh copy.');
  const budget = Math.min(Math.max(options.budget ?? defaultPageBytes, 4 * 1024), 4 * 1024 * 1024);
  const rows: PulledRow[] = [];
  // People on the rosters of enrolments in this page (instructors and sites: see rosterPeople).
  const enrolled = new Set<string>();
  let bytes = 0;
  let seq = cursor.seq;
  let hasMore = true;
  // Rows asked for at a time: what the rest of the budget holds at the size of the rows so far
  // (at first a guess of 384 bytes a row), a tenth more, so that a page takes one or two queries
  // and few rows are read only to be left for the next page.
  const batchFor = (rowCount: number) => {
    const perRow = rowCount ? bytes / rowCount : 384;
    return Math.min(5_000, Math.max(20, Math.ceil(((budget - bytes) / perRow) * 1.1)));
  };
  // Every change up to here is committed (writers take sequence numbers under the write lock).
  const top = await hubSeq(db);
  // Rows this device wrote and said it holds exactly as stored are not sent back to it, except in a
  // fresh copy (its data may be gone).
  const notOwn = cursor.seq > 0 ? sql<SqlBool>`not (r.client_id = ${clientId} and r.writer_has)` : sql<SqlBool>`true`;
  while (bytes < budget) {
    const batch = batchFor(rows.length);
    // The row as JSON text: PostgreSQL writes it once, and it is neither parsed nor written again here.
    const found = await db
      .selectFrom('records as r')
      .select(['r.tbl', 'r.id', 'r.seq', 'r.person_id', sql<string | null>`r.data::text`.as('data')])
      .where('r.seq', '>', seq)
      .where(inScope(scope))
      .where(notOwn)
      .orderBy('r.seq')
      .limit(batch)
      .execute();
    for (const row of found) {
      const pulled = pulledRow(row.tbl, row.id, row.seq, row.data);
      rows.push(pulled);
      if (pulled.t === 'enrolments' && pulled.data !== null && row.person_id) enrolled.add(row.person_id);
      bytes += pulled.json.length + 1;
      seq = pulled.s;
      if (bytes >= budget) break;
    }
    if (found.length < batch && bytes < budget) {
      hasMore = false;
      break;
    }
  }
  // Nothing more in scope: the device has seen everything up to the top, also what was left out.
  if (!hasMore) seq = Math.max(seq, top);
  if (scope.role === 'instructor' || scope.role === 'site') rows.push(...(await rosterPeople(db, scope, [...enrolled])));
  const remaining = hasMore && options.count ? await countAfter(db, scope, seq) : 0;
  await db.updateTable('clients').set({ last_contact: new Date().toISOString() }).where('client_id', '=', clientId).execute();
  return { rows, cursor: encodeCursor({ seq, scope: scope.key }), hasMore, remaining };
}

/** People newly on an instructor's or a site's rosters: their rows may be older than the cursor, so they come along. */
async function rosterPeople(db: Kysely<Database>, scope: Scope, ids: readonly string[]): Promise<PulledRow[]> {
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('records as r')
    .select(['r.id', 'r.seq', sql<string | null>`r.data::text`.as('data')])
    .where('r.tbl', '=', 'people')
    .where('r.id', 'in', ids)
    .where('r.data', 'is not', null)
    .where(inScope(scope))
    .execute();
  return rows.map((r) => pulledRow('people', r.id, r.seq, r.data));
}

async function countAfter(db: Kysely<Database>, scope: Scope, seq: number): Promise<number> {
  const row = await db.selectFrom('records as r').select(sql<string>`count(*)`.as('n')).where('r.seq', '>', seq).where(inScope(scope)).executeTakeFirst();
  return Number(row?.n ?? 0);
}
