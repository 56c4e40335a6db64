import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { fieldErrors } from '../shared/errors';
import { findMutation, type Actor, type MutationResult, type TableName } from '../shared/mutations';
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

type PushInput = { clientId: string; schemaVersion: number; pending: number; deviceName: string; mutations: PushedMutation[] };

/**
 * Applies pushed mutations in the device's sequence order, in one transaction that holds the
 * hub's write lock: each one is validated, permission-checked for the signed-in account and run
 * with the same `apply` as on the device; its result is stored under (client, seq), so a retry
 * answers the stored result and never runs it twice. A refusal never blocks the ones after it.
 */
export async function push(db: Kysely<Database>, account: Account, input: PushInput, hubNow = () => new Date()): Promise<PushResponse> {
  if (!acceptedSchemaVersions.includes(input.schemaVersion))
    throw new SyncError(409, 'upgrade-required', `This hub works with data version ${syncSchemaVersion} (and ${syncSchemaVersion - 1}); this device sent version ${input.schemaVersion}. Update Apogee on this device: its waiting changes are kept.`, { accepted: acceptedSchemaVersions });
  const scope = await scopeOf(db, account);
  return db.transaction().execute(async (tx) => {
    await lockWrites(tx);
    const client = await tx.selectFrom('clients').selectAll().where('client_id', '=', input.clientId).forUpdate().executeTakeFirst();
    if (!client || client.account_id !== account.id)
      throw new SyncError(403, 'forbidden', 'This device is not signed in to this account: sign in again.');
    let lastSeq = Number(client.last_seq);
    const actor = actorOf(account, client.device_name || input.clientId);
    const results: PushResult[] = [];
    const ordered = [...input.mutations].sort((a, b) => a.seq - b.seq);
    for (const m of ordered) {
      if (m.seq <= lastSeq) {
        results.push(await storedResult(tx, input.clientId, m, scope));
        continue;
      }
      const result = await applyPushed(tx, m, actor, input.clientId, hubNow());
      const stored: PushResult = result.ok
        ? { seq: m.seq, id: m.id, status: 'ok', ...(result.notices?.length ? { notices: result.notices } : {}) }
        : { seq: m.seq, id: m.id, status: 'rejected', error: result.error, restore: [] };
      await tx.insertInto('results').values({ client_id: input.clientId, seq: m.seq, mutation_id: m.id, result: JSON.stringify(stored) }).execute();
      if (stored.status === 'rejected') stored.restore = await currentRows(tx, scope, m.writes);
      results.push(stored);
      lastSeq = m.seq;
    }
    await tx
      .updateTable('clients')
      .set({ last_seq: lastSeq, pending: Math.max(0, input.pending - results.length), last_contact: hubNow().toISOString() })
      .where('client_id', '=', input.clientId)
      .execute();
    return { results, lastSeq };
  });
}

async function storedResult(tx: Transaction<Database>, clientId: string, m: PushedMutation, scope: Scope): Promise<PushResult> {
  const row = await tx.selectFrom('results').select(['result', 'mutation_id']).where('client_id', '=', clientId).where('seq', '=', m.seq).executeTakeFirst();
  if (row && row.mutation_id === m.id) {
    const stored = row.result as unknown as PushResult;
    // The answer to a refusal carries the hub's rows that replace what the change wrote on the
    // device. They are not stored with the result: read them now, or a device whose first answer
    // was lost would keep the refused change's writes for ever.
    return stored.status === 'rejected' ? { ...stored, restore: await currentRows(tx, scope, m.writes) } : stored;
  }
  // A sequence number the hub already passed, with no result or another change under it: the
  // device's queue is not what the hub saw. Say so instead of guessing.
  return { seq: m.seq, id: m.id, status: 'rejected', error: { code: 'out-of-order', params: {}, fields: [] }, restore: [] };
}

/** Runs one pushed mutation; on success its rows are stored with fresh hub sequence numbers. */
async function applyPushed(tx: Transaction<Database>, m: PushedMutation, actor: Actor, clientId: string, hubNow: Date): Promise<MutationResult> {
  const def = findMutation(m.name);
  if (!def || def.version !== m.version) return { ok: false, error: { code: 'unknown-mutation', params: { name: m.name }, fields: [] } };
  const parsed = def.args.safeParse(m.args);
  if (!parsed.success) return { ok: false, error: { code: 'invalid-args', params: {}, fields: fieldErrors(parsed.error) } };
  if (!def.permission(actor, parsed.data)) return { ok: false, error: { code: 'forbidden', params: { name: m.name }, fields: [] } };
  // Device time counts for what the change says (when a mark was taken), never later than the hub's clock.
  const deviceTime = Date.parse(m.at);
  const now = new Date(Number.isFinite(deviceTime) ? Math.min(deviceTime, hubNow.getTime()) : hubNow.getTime()).toISOString();
  const store = new SqlStore(tx);
  const before = m.name === 'attendance.mark' ? await markBefore(tx, parsed.data as { meetingId: string; personId: string }) : undefined;
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
  const first = await takeSeqs(tx, Math.max(1, written.length));
  await storeRows(tx, written, first, clientId);
  return result;
}

/** The mark the hub holds for a slot, with which device wrote it and when (hub sequence). */
async function markBefore(tx: Transaction<Database>, args: { meetingId: string; personId: string }) {
  const row = await tx
    .selectFrom('records')
    .select(['data', 'seq', 'client_id'])
    .where('tbl', '=', 'attendance')
    .where('id', '=', attendanceMarkId(args.meetingId, args.personId))
    .executeTakeFirst();
  if (!row?.data) return undefined;
  return { mark: row.data as unknown as AttendanceMark, seq: Number(row.seq), clientId: row.client_id };
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
  const cursor = decodeCursor(cursorText);
  // A cursor this hub cannot read, or ahead of its sequence (another hub's, or a hub restored from
  // an older backup), would skip rows: the device starts again from a snapshot instead.
  if (!cursor || cursor.seq > (await hubSeq(db)))
    throw new SyncError(409, 'resync-required', `The pull cursor "${cursorText.slice(0, 40)}" is not one this hub gave out: this device will download a fresh copy.`, { where: 'cursor' });
  const scope = await scopeOf(db, account);
  if (cursor.seq > 0 && (cursor.scope !== scope.key || cursor.seq < (await horizon(db))))
    throw new SyncError(409, 'resync-required', 'What this device may see has changed (or it was away too long): it will download a fresh copy.');
  const budget = Math.min(Math.max(options.budget ?? defaultPageBytes, 4 * 1024), 4 * 1024 * 1024);
  const changes: Change[] = [];
  let bytes = 0;
  let seq = cursor.seq;
  let hasMore = true;
  const batch = 1_000;
  while (bytes < budget) {
    const rows = await db
      .selectFrom('records as r')
      .select(['r.tbl', 'r.id', 'r.seq', 'r.data'])
      .where('r.seq', '>', seq)
      .where(inScope(scope))
      .orderBy('r.seq')
      .limit(batch)
      .execute();
    for (const row of rows) {
      const change: Change = row.data ? { t: row.tbl as TableName, id: row.id, s: Number(row.seq), r: row.data } : { t: row.tbl as TableName, id: row.id, s: Number(row.seq) };
      changes.push(change);
      bytes += JSON.stringify(change).length + 1;
      seq = change.s;
      if (bytes >= budget) break;
    }
    if (rows.length < batch && bytes < budget) {
      hasMore = false;
      break;
    }
  }
  if (scope.role === 'instructor' || scope.role === 'site') changes.push(...(await rosterPeople(db, scope, changes)));
  const remaining = hasMore && options.count ? await countAfter(db, scope, seq) : 0;
  await db.updateTable('clients').set({ last_contact: new Date().toISOString() }).where('client_id', '=', clientId).execute();
  return { changes, cursor: encodeCursor({ seq, scope: scope.key }), hasMore, remaining };
}

/** People newly on an instructor's or a site's rosters: their rows may be older than the cursor, so they come along. */
async function rosterPeople(db: Kysely<Database>, scope: Scope, changes: readonly Change[]): Promise<Change[]> {
  const ids = [...new Set(changes.filter((c) => c.t === 'enrolments' && c.r).map((c) => String(c.r!.personId)))];
  if (!ids.length) return [];
  const rows = await db.selectFrom('records as r').select(['r.id', 'r.seq', 'r.data']).where('r.tbl', '=', 'people').where('r.id', 'in', ids).where(inScope(scope)).execute();
  return rows.filter((r) => r.data).map((r) => ({ t: 'people' as const, id: r.id, s: Number(r.seq), r: r.data! }));
}

async function countAfter(db: Kysely<Database>, scope: Scope, seq: number): Promise<number> {
  const row = await db.selectFrom('records as r').select(sql<string>`count(*)`.as('n')).where('r.seq', '>', seq).where(inScope(scope)).executeTakeFirst();
  return Number(row?.n ?? 0);
}
