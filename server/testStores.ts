// The stores the hub's repository tests run against: PGlite in memory always, and PostgreSQL
// (a throwaway cluster per test file, one database in it) when its binaries are installed.
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { openDatabase } from './db/open';

export type TestStore = {
  name: 'PGlite' | 'PostgreSQL';
  /** Opens a fresh database of this store (migrated). */
  open(): Promise<Kysely<Database>>;
  /** Stops what `open` started (the PostgreSQL cluster). */
  close(): Promise<void>;
};

type PostgresSupport = {
  postgresAvailable(): boolean | Promise<boolean>;
  startPostgres(): Promise<{ url: string; stop(): Promise<void>; createDatabase(name: string): Promise<string> }>;
};

async function postgresSupport(): Promise<PostgresSupport | undefined> {
  // Loaded by path at run time: the helper lives with the other test support code.
  const where = '../test/support/postgres';
  try {
    return (await import(/* @vite-ignore */ where)) as PostgresSupport;
  } catch {
    return undefined;
  }
}

/** PGlite, and PostgreSQL unless it is not installed (then a message says the PostgreSQL run is skipped). */
export async function testStores(file: string): Promise<TestStore[]> {
  const pglite: TestStore = { name: 'PGlite', open: () => openDatabase({ memory: true }), close: () => Promise.resolve() };
  const support = await postgresSupport();
  if (!support || !(await support.postgresAvailable())) {
    console.warn(`[${file}] PostgreSQL is not available here (no binaries or no test/support/postgres): skipping the PostgreSQL run, PGlite only.`);
    return [pglite];
  }
  let cluster: Awaited<ReturnType<PostgresSupport['startPostgres']>> | undefined;
  const postgres: TestStore = {
    name: 'PostgreSQL',
    async open() {
      cluster ??= await support.startPostgres();
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
