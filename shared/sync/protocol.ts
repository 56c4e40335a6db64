import { z } from 'zod';
import type { TableName } from '../mutations/types';

/**
 * The sync wire format shared by the sync client (renderer worker) and the hub. JSON, gzip both
 * ways. See ARCHITECTURE.md "Sync protocol" and docs/decisions/0005-sync.md.
 */

/** The version of the data this build reads and writes. The hub accepts this one and the one before. */
export const syncSchemaVersion = 5;

/** Default byte budget of one pulled page (uncompressed JSON). */
export const defaultPageBytes = 256 * 1024;

/** Largest request body the hub accepts (compressed and uncompressed). */
export const maxRequestBytes = 8 * 1024 * 1024;

/** Most mutations in one push. */
export const maxPushMutations = 2_000;

/** Tables that travel through sync, in the order a snapshot loads them (parents first). */
export const syncedTables = [
  'programmes',
  'courses',
  'sessions',
  'meetings',
  'institutions',
  'people',
  'enrolments',
  'teams',
  'attendance',
  'results',
  'issuers',
  'certificateTemplates',
  'certificates',
  'conflicts',
] as const satisfies readonly TableName[];

const tableName = z.enum(syncedTables);

/** One mutation as pushed: the device's sequence number orders them; the id makes a retry harmless. */
export const pushedMutation = z.object({
  id: z.string().min(1).max(80),
  seq: z.number().int().positive(),
  name: z.string().min(1).max(80),
  version: z.number().int().positive(),
  args: z.unknown(),
  /** Device time, shown only. */
  at: z.string().max(40),
  /** The hub sequence this device had pulled when it made the change (detects unseen edits). */
  seen: z.number().int().nonnegative(),
  /** Rows the change wrote on the device: when the hub refuses it, their hub state comes back. */
  writes: z.array(z.tuple([tableName, z.string().max(200)])).max(10_000).default([]),
});
export type PushedMutation = z.infer<typeof pushedMutation>;

export const pushRequest = z.object({
  clientId: z.string().min(8).max(80),
  schemaVersion: z.number().int(),
  /** Changes still waiting on the device (shown on the hub's device health page). */
  pending: z.number().int().nonnegative().default(0),
  deviceName: z.string().max(120).default(''),
  mutations: z.array(pushedMutation).max(maxPushMutations),
  /**
   * What the device holds now of each row the pushed changes wrote: `rowHash` of its row (in the
   * order `writtenKeys(mutations)` lists them). Where the hub's row after the push is the same,
   * the next pull leaves it out instead of sending the device its own change back.
   */
  have: z.array(z.string().max(16)).max(maxPushMutations * 10).optional(),
});
export type PushRequest = z.input<typeof pushRequest>;
/** A push as the hub reads it (defaults filled in). */
export type PushBody = z.output<typeof pushRequest>;

/** A row as it travels: an upsert (`r` holds the row) or a tombstone (`r` absent). `s` is the hub sequence. */
export type Change = { t: TableName; id: string; s: number; r?: Record<string, unknown> };

/** The hub's answer to one pushed mutation. */
export type PushResult =
  // The id of an applied change is left out: the device matches answers to what it sent by seq.
  | { seq: number; id?: string; status: 'ok'; notices?: { code: string; params: Record<string, string | number> }[] }
  | {
      seq: number;
      id: string;
      status: 'rejected';
      error: { code: string; params: Record<string, string | number>; fields: { path: string; code: string; params: Record<string, string | number> }[] };
      /** The hub's state of the rows the change had written on the device (absent row = tombstone). */
      restore: Change[];
    };

export type PushResponse = {
  results: PushResult[];
  /** Highest device sequence the hub has recorded for this client. */
  lastSeq: number;
};

/**
 * Response headers of a pulled page: its cursor and whether more follows ('1' or '0'), the same
 * as in its body, so that a device can ask for the next page before this one has arrived.
 */
export const pullCursorHeader = 'x-apogee-cursor';
export const pullMoreHeader = 'x-apogee-has-more';

/** A pulled page. */
export type PullResponse = {
  changes: Change[];
  cursor: string;
  hasMore: boolean;
  /** Rows still to come after this page (for progress), when the hub knows. */
  remaining: number;
};

/** Answers that are not errors of one request but tell the client what to do. */
export type SyncProblem =
  | { error: 'upgrade-required'; message: string; accepted: number[] }
  | { error: 'resync-required'; message: string }
  | { error: 'unauthorized'; message: string }
  | { error: 'bad-request'; message: string; where?: string }
  | { error: 'too-large'; message: string }
  | { error: 'rate-limited'; message: string };

/** A pull cursor: the hub sequence reached, and the scope it was reached in. */
export type Cursor = { seq: number; scope: string };

export function encodeCursor(cursor: Cursor): string {
  return `${cursor.seq}.${cursor.scope}`;
}

/** Reads a cursor; `null` when it is not one. The empty string is the start. */
export function decodeCursor(text: string): Cursor | null {
  if (text === '') return { seq: 0, scope: '' };
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{0,64})$/.exec(text);
  return match ? { seq: Number(match[1]), scope: match[2]! } : null;
}

/** Login answer: the token and who it is for. */
export type Session = {
  token: string;
  expiresAt: string;
  /**
   * Who signed in. `site`: the country (ISO 3166 alpha-2) a site coordinator runs; empty (or
   * absent, from a hub before sites) for the whole organisation and for other roles.
   */
  account: { id: string; email: string; role: 'coordinator' | 'instructor' | 'trainee'; personId: string; name: string; site?: string };
  organisation: { id: string; name: string; code: string };
  /** Secret for signing sync packets of this device (HMAC-SHA256, hex). */
  packetKey: string;
};
