import { mkdirSync } from 'node:fs';
import { Kysely, Migrator, PostgresDialect, type MigrationProvider } from 'kysely';
import type { Database } from './schema';
import { migrations } from './migrations';

/** Where the hub keeps its data: PostgreSQL when a URL is given, else PGlite in a folder (or in memory). */
export type StoreConfig = { databaseUrl: string } | { dataDir: string } | { memory: true };

/** Opens the hub's database and brings its schema up to date. */
export async function openDatabase(config: StoreConfig): Promise<Kysely<Database>> {
  let db: Kysely<Database>;
  if ('databaseUrl' in config) {
    const { default: pg } = await import('pg');
    // int8 (hub sequences) as numbers: they stay far below 2^53.
    pg.types.setTypeParser(20, (value) => Number(value));
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: config.databaseUrl, max: 10 }) }),
    });
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGliteDialect } = await import('kysely-pglite-dialect');
    let pglite;
    if ('dataDir' in config) {
      mkdirSync(config.dataDir, { recursive: true });
      pglite = await PGlite.create(config.dataDir);
    } else pglite = await PGlite.create();
    db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  }
  await migrate(db);
  return db;
}

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

async function migrate(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider, migrationTableName: 'hub_migrations', migrationLockTableName: 'hub_migrations_lock' }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`The hub's database could not be brought up to date${failed ? ` (migration ${failed.migrationName})` : ''}: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
  }
}

/** A bigint column as a number. */
export function num(value: string | number | bigint): number {
  return Number(value);
}
