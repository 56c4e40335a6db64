import Dexie, { type EntityTable } from 'dexie';
import type { Actor, MutationName, Tables } from '../../shared/mutations';
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
  outbox!: EntityTable<OutboxEntry, 'seq'>;

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
] as const satisfies readonly (keyof Tables)[];

/** The schema version this build writes. */
export const schemaVersion = migrations[migrations.length - 1]!.version;
