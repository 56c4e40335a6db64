import { gzipSync, strToU8 } from 'fflate';
import type { TableName } from '../../shared/mutations';
import { rowHash, writtenKeys } from '../../shared/sync/rowHash';
import {
  decodeCursor,
  defaultPageBytes,
  pullCursorHeader,
  pullMoreHeader,
  syncedTables,
  syncSchemaVersion,
  type Change,
  type PullResponse,
  type PushBody,
  type PushResponse,
} from '../../shared/sync/protocol';
import type { ApogeeDb, InboxEntry, OutboxEntry } from '../db/schema';
import { applyPulledPage, clearSyncedData, replayOutbox, storeAcknowledgement } from '../db/syncApply';
import { readSession, updateStatus, type StoredSession } from './state';

/** A refusal from the hub, or no answer at all (status 0). */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
  /** Worth retrying later (no answer, a timeout, the hub busy or failing). */
  get transient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

export type SyncProgress = { phase: 'push' | 'pull'; done: number; total: number };

export type EngineOptions = {
  /** Injected for tests (a faulty link) and for Node; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Changes per push request. */
  pushBatch?: number;
  /** Byte budget of a pulled page. */
  pageBytes?: number;
  /** Time allowed for one request. */
  timeoutMs?: number;
  onProgress?: (progress: SyncProgress) => void;
};

export type SyncReport = { pushed: number; rejected: number; adjusted: number; pulled: number; requests: number; resynced: boolean };

/**
 * One device's sync with the hub: push the outbox from the front in sequence order, then pull
 * pages until up to date, then re-apply what is still queued. Every step is stored as it
 * completes, so a sync cut anywhere resumes where it stopped and never resends an acknowledged
 * change or re-downloads a stored page. Runs in the sync worker (or in Node for tests).
 */
export class SyncEngine {
  private readonly fetchFn: typeof fetch;
  constructor(
    private readonly db: ApogeeDb,
    private readonly options: EngineOptions = {},
  ) {
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
  }

  async sync(): Promise<SyncReport> {
    const session = await readSession(this.db);
    if (!session) throw new SyncHttpError(401, 'unauthorized', 'Not signed in to a hub.');
    const report: SyncReport = { pushed: 0, rejected: 0, adjusted: 0, pulled: 0, requests: 0, resynced: false };
    await updateStatus(this.db, { lastAttempt: new Date().toISOString(), state: 'syncing' });
    try {
      await this.pushAll(session, report);
      await this.pullAll(session, report);
      if (report.pulled && (await this.db.outbox.count())) await replayOutbox(this.db);
      await updateStatus(this.db, { state: 'idle', lastSuccess: new Date().toISOString(), lastError: '' });
      return report;
    } catch (error) {
      const problem = error instanceof SyncHttpError ? error : new SyncHttpError(0, 'network', error instanceof Error ? error.message : String(error));
      await updateStatus(this.db, {
        state: problem.code === 'upgrade-required' ? 'upgrade-required' : problem.status === 401 ? 'signed-out' : problem.transient ? 'offline' : 'error',
        lastError: problem.message,
      });
      throw problem;
    }
  }

  private async pushAll(session: StoredSession, report: SyncReport): Promise<void> {
    const batch = this.options.pushBatch ?? 500;
    const total = await this.db.outbox.count();
    for (;;) {
      const entries = await this.db.outbox.orderBy('seq').limit(batch).toArray();
      if (!entries.length) return;
      const request = await pushRequestOf(this.db, session, entries, await this.db.outbox.count());
      const response = await this.request<PushResponse>(session, 'POST', '/sync/push', request);
      report.requests++;
      const ack = acknowledgement(entries, response);
      if (!ack.done.length) throw new SyncHttpError(0, 'no-progress', 'The hub answered none of the pushed changes.');
      await storeAcknowledgement(this.db, ack);
      report.pushed += ack.done.length;
      report.rejected += ack.inbox.filter((i) => i.kind === 'rejected').length;
      report.adjusted += ack.inbox.filter((i) => i.kind === 'adjusted').length;
      this.options.onProgress?.({ phase: 'push', done: report.pushed, total });
    }
  }

  private async pullAll(session: StoredSession, report: SyncReport): Promise<void> {
    const stored = (await this.db.syncState.get('cursor'))?.text;
    let cursor = typeof stored === 'string' ? stored : '';
    let total = 0;
    let first = true;
    // Pages in flight, in order. The hub says each page's cursor in its headers, so the next page
    // is asked for as soon as those arrive: the hub reads it while this device downloads, parses
    // and stores the ones before (two in flight at most). Pages are still stored one after the
    // other, each with its cursor; a hub that sends no such headers gets the next request once
    // a page has arrived.
    let queue: PageInFlight[] = [];
    const pages = new PageSize(this.options.pageBytes);
    const ask = (from: string, isFirst: boolean): PageInFlight => {
      const item: PageInFlight = {
        cursor: from,
        page: pages.timed(() => this.pullPage(session, from, isFirst, pages.bytes, (headers) => heard(item, headers))),
      };
      // Its failure, if any, is met when it is awaited below (after the pages before it are stored).
      item.page.catch(() => undefined);
      return item;
    };
    // The last page asked for said its cursor and that more follows: ask for the one after it
    // (the page after any other in the queue is already in it).
    const topUp = () => {
      const last = queue.at(-1);
      if (last?.next !== undefined && queue.length < 2) queue.push(ask(last.next, false));
    };
    const heard = (item: PageInFlight, headers: Headers) => {
      const next = headers.get(pullCursorHeader);
      if (next !== null && headers.get(pullMoreHeader) === '1') item.next = next;
      topUp();
    };
    for (;;) {
      if (!queue.length) queue.push(ask(cursor, first));
      let page: PullResponse;
      try {
        page = await queue[0]!.page;
        report.requests++;
      } catch (error) {
        queue = [];
        if (error instanceof SyncHttpError && error.code === 'resync-required' && !report.resynced) {
          report.resynced = true;
          await clearSyncedData(this.db);
          cursor = '';
          first = true;
          continue;
        }
        throw error;
      }
      queue.shift();
      if (first) total = page.changes.length + page.remaining;
      const decoded = decodeCursor(page.cursor);
      if (!decoded) throw new SyncHttpError(0, 'bad-cursor', 'The hub sent a cursor this device cannot read.');
      // The page after this one: asked for already when its headers said this cursor, else now.
      if (!page.hasMore) queue = [];
      else if (queue[0]?.cursor !== page.cursor) queue = [ask(page.cursor, false)];
      topUp();
      await applyPulledPage(this.db, page.changes, { seq: decoded.seq, text: page.cursor });
      report.pulled += page.changes.length;
      this.options.onProgress?.({ phase: 'pull', done: report.pulled, total: Math.max(total, report.pulled) });
      cursor = page.cursor;
      first = false;
      if (!page.hasMore) return;
    }
  }

  private pullPage(session: StoredSession, cursor: string, first: boolean, budget: number | undefined, onHeaders?: (headers: Headers) => void): Promise<PullResponse> {
    const query = new URLSearchParams({ cursor, count: first ? '1' : '0' });
    if (budget) query.set('budget', String(budget));
    return this.request<PullResponse>(session, 'GET', `/sync/pull?${query.toString()}`, undefined, onHeaders);
  }

  /** One request: JSON gzip-compressed up, gzip accepted down; bytes on the wire counted. */
  async request<T>(session: StoredSession, method: 'GET' | 'POST', path: string, body?: unknown, onHeaders?: (headers: Headers) => void): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${session.token}`, accept: 'application/json' };
    let payload: Uint8Array | undefined;
    if (body !== undefined) {
      payload = gzipSync(strToU8(JSON.stringify(body)), { level: 6 });
      headers['content-type'] = 'application/json';
      headers['content-encoding'] = 'gzip';
    }
    let response: Response;
    try {
      response = await this.fetchFn(new URL(path, session.hubUrl).toString(), {
        method,
        headers,
        body: payload as BodyInit | undefined,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
      });
    } catch (error) {
      throw new SyncHttpError(0, 'network', `The hub could not be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.ok) onHeaders?.(response.headers);
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new SyncHttpError(0, 'network', `The hub's answer was cut off: ${error instanceof Error ? error.message : String(error)}`);
    }
    const bytesDown = Number(response.headers.get('content-length')) || text.length;
    await updateStatus(this.db, (status) => ({ bytesUp: (status.bytesUp ?? 0) + (payload?.length ?? 0), bytesDown: (status.bytesDown ?? 0) + bytesDown }));
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new SyncHttpError(response.ok ? 0 : response.status, 'network', `The hub's answer was not complete (HTTP ${response.status}).`);
    }
    if (!response.ok) {
      const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
      throw new SyncHttpError(response.status, text(json.error, 'error'), text(json.message, `HTTP ${response.status}`), json);
    }
    return json as T;
  }
}

/**
 * The push of these outbox entries, as the hub reads it (network and sync packets alike), with
 * what this device holds now of every row they wrote (`have`): rows the hub ends up with exactly
 * so are not sent back by the next pull.
 */
export async function pushRequestOf(db: ApogeeDb, session: StoredSession, entries: readonly OutboxEntry[], pending: number): Promise<PushBody> {
  const mutations = entries.map((e) => ({ id: e.id, seq: e.seq!, name: e.name, version: e.version, args: e.args, at: e.at, seen: e.seen ?? 0, writes: e.writes ?? [] }));
  const keys = writtenKeys(mutations);
  const byTable = new Map<TableName, string[]>();
  for (const [table, id] of keys) {
    let ids = byTable.get(table as TableName);
    if (!ids) byTable.set(table as TableName, (ids = []));
    ids.push(id);
  }
  const held = new Map<string, unknown>();
  const tables = [...byTable.keys()].filter((t) => (syncedTables as readonly string[]).includes(t));
  if (tables.length)
    await db.transaction('r', tables, async () => {
      for (const table of tables) {
        const ids = byTable.get(table)!;
        const rows = await db.table(table).bulkGet(ids);
        ids.forEach((id, i) => held.set(`${table}\u0000${id}`, rows[i]));
      }
    });
  return {
    clientId: session.clientId,
    schemaVersion: syncSchemaVersion,
    pending,
    deviceName: session.deviceName,
    mutations,
    have: keys.map(([table, id]) => rowHash(held.get(`${table}\u0000${id}`))),
  };
}

/** A pulled page asked for: from which cursor, and the next cursor once its headers said it. */
type PageInFlight = { cursor: string; page: Promise<PullResponse>; next?: string };

/**
 * The byte budget of pulled pages, following the link: from the hub's default (256 KB) it doubles
 * while pages come in within a second (a LAN: fewer, larger pages; a first download goes several
 * times faster) and halves when one takes over four seconds (a poor link: a cut page costs
 * little), between 64 KB and 4 MB. A budget given in the options stays fixed.
 */
export class PageSize {
  static readonly min = 64 * 1024;
  static readonly max = 4 * 1024 * 1024;
  private budget: number;
  constructor(private readonly fixed?: number) {
    this.budget = fixed ?? defaultPageBytes;
  }
  /** The budget to ask for; undefined = the hub's default. */
  get bytes(): number | undefined {
    return this.fixed ?? (this.budget === defaultPageBytes ? undefined : this.budget);
  }
  /** Adapts to how long a page took to arrive. */
  took(ms: number): void {
    if (this.fixed) return;
    if (ms < 1_000) this.budget = Math.min(PageSize.max, this.budget * 2);
    else if (ms > 4_000) this.budget = Math.max(PageSize.min, this.budget / 2);
  }
  /** Runs a page request and adapts to its time. */
  async timed<T>(request: () => Promise<T>): Promise<T> {
    const start = Date.now();
    const result = await request();
    this.took(Date.now() - start);
    return result;
  }
}

/** Turns the hub's answers into what leaves the outbox and what goes to "Needs attention". */
export function acknowledgement(entries: readonly OutboxEntry[], response: PushResponse): { done: number[]; inbox: InboxEntry[]; restore: Change[] } {
  const bySeq = new Map(entries.map((e) => [e.seq!, e]));
  const done: number[] = [];
  const inbox: InboxEntry[] = [];
  const restore: Change[] = [];
  const receivedAt = new Date().toISOString();
  for (const result of response.results) {
    const entry = bySeq.get(result.seq);
    // Answers come for what this request sent, by seq; an id, when the hub gives one, must match.
    if (!entry || (result.id !== undefined && entry.id !== result.id)) continue;
    done.push(result.seq);
    const base = { mutationId: entry.id, name: entry.name, args: entry.args, at: entry.at, receivedAt, dismissed: false };
    if (result.status === 'rejected') {
      if (result.error.code === 'out-of-order') {
        done.pop(); // not applied: keep it queued and send it again
        continue;
      }
      inbox.push({ id: entry.id, kind: 'rejected', error: { code: result.error.code, params: result.error.params }, ...base });
      restore.push(...result.restore);
    } else {
      const hub = (result.notices ?? []).map((n) => n.code).sort().join(',');
      const local = [...(entry.notices ?? [])].sort().join(',');
      if (hub !== local) inbox.push({ id: entry.id, kind: 'adjusted', notices: result.notices ?? [], ...base });
    }
  }
  return { done, inbox, restore };
}
