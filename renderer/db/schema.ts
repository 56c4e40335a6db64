import Dexie, { type EntityTable } from 'dexie';
import type { Actor, MutationName, TableName, Tables } from '../../shared/mutations';
import { migrations } from './migrations';

/** A change waiting to be sent to the hub, in the order it was made on this device. */
export type OutboxEntry = {
  seq?: number;
  /** Unique id of this change, so the hub never applies it twice. */
  id: string;
  name: MutationName;
  version: number;
  args: unknown;
  actor: Actor;
  /** Device time, shown to people only. */
  at: string;
  status: 'pending';
  /** The hub sequence this device had pulled when the change was made (lets the hub spot unseen edits). */
  seen?: number;
  /** The rows the change wrote here: when the hub refuses it, the hub's versions replace them. */
  writes?: [TableName, string][];
  /** Notices the change gave on this device, to tell whether the hub's answer differs. */
  notices?: string[];
};

/** Sync facts of this device, one row per key (see renderer/sync/state.ts). */
export type SyncStateRow = { key: string } & Record<string, unknown>;

/** Something the hub adjusted or refused, or a conflict to settle: the "Needs attention" inbox. */
export type InboxEntry = {
  id: string;
  kind: 'rejected' | 'adjusted';
  /** The change as made on this device. */
  mutationId: string;
  name: string;
  args: unknown;
  /** Device time the change was made. */
  at: string;
  /** The hub's reason: an error code (refused) or notices (adjusted), with parameters. */
  error?: { code: string; params: Record<string, string | number> };
  notices?: { code: string; params: Record<string, string | number> }[];
  receivedAt: string;
  dismissed: boolean;
};

/** The local database: one per profile, in IndexedDB. */
export class ApogeeDb extends Dexie {
  programmes!: EntityTable<Tables['programmes'], 'id'>;
  courses!: EntityTable<Tables['courses'], 'id'>;
  sessions!: EntityTable<Tables['sessions'], 'id'>;
  meetings!: EntityTable<Tables['meetings'], 'id'>;
  institutions!: EntityTable<Tables['institutions'], 'id'>;
  people!: EntityTable<Tables['people'], 'id'>;
  enrolments!: EntityTable<Tables['enrolments'], 'id'>;
  teams!: EntityTable<Tables['teams'], 'id'>;
  attendance!: EntityTable<Tables['attendance'], 'id'>;
  results!: EntityTable<Tables['results'], 'id'>;
  issuers!: EntityTable<Tables['issuers'], 'id'>;
  certificateTemplates!: EntityTable<Tables['certificateTemplates'], 'id'>;
  certificates!: EntityTable<Tables['certificates'], 'id'>;
  conflicts!: EntityTable<Tables['conflicts'], 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  inbox!: EntityTable<InboxEntry, 'id'>;

  /**
   * @param untilVersion stop at this schema version (tests of one migration open the database
   *   exactly as that version shipped).
   */
  constructor(name = 'apogee', { untilVersion = Infinity }: { untilVersion?: number } = {}) {
    super(name);
    for (const migration of migrations.filter((m) => m.version <= untilVersion)) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
  }
}

/** The data tables (everything but the outbox), in the order a backup lists them. */
export const dataTables = [
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
] as const satisfies readonly (keyof Tables)[];

/** The schema version this build writes. */
export const schemaVersion = migrations[migrations.length - 1]!.version;
