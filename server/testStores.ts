// The stores the hub's repository tests run against: PGlite in memory always, and PostgreSQL
// (a throwaway cluster per test file, one database in it) when its binaries are installed.
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { openDatabase } from './db/open';
import { postgresAvailable, startPostgres, type TestPostgres } from '../test/support/postgres';

export type TestStore = {
  name: 'PGlite' | 'PostgreSQL';
  /** Opens a fresh database of this store (migrated). */
  open(): Promise<Kysely<Database>>;
  /** Stops what `open` started (the PostgreSQL cluster). */
  close(): Promise<void>;
};

/** PGlite, and PostgreSQL unless it is not installed (then a message says the PostgreSQL run is skipped). */
export function testStores(file: string): TestStore[] {
  const pglite: TestStore = { name: 'PGlite', open: () => openDatabase({ memory: true }), close: () => Promise.resolve() };
  if (!postgresAvailable()) {
    console.warn(`[${file}] PostgreSQL 15 binaries are not installed (POSTGRES_BIN or /usr/lib/postgresql/15/bin): skipping the PostgreSQL run, PGlite only.`);
    return [pglite];
  }
  let cluster: TestPostgres | undefined;
  const postgres: TestStore = {
    name: 'PostgreSQL',
    async open() {
      cluster ??= await startPostgres();
      const url = await cluster.createDatabase(`hub_${file.replace(/\W/g, '_')}_${process.pid}`);
      return openDatabase({ databaseUrl: url });
    },
    async close() {
      await cluster?.stop();
      cluster = undefined;
    },
  };
  return [pglite, postgres];
}
