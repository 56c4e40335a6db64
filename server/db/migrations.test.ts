// The hub's migrations on real old data (PGlite in memory): each one keeps what was stored.
import { describe, expect, it } from 'vitest';
import { Kysely, Migrator, sql, type MigrationProvider } from 'kysely';
import type { Database } from './schema';
import { migrations } from './migrations';

async function databaseAt(migration: string): Promise<{ db: Kysely<Database>; migrator: Migrator }> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  const db = new Kysely<Database>({ dialect: new PGliteDialect(await PGlite.create()) });
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };
  const migrator = new Migrator({ db, provider, migrationTableName: 'hub_migrations', migrationLockTableName: 'hub_migrations_lock' });
  const { error } = await migrator.migrateTo(migration);
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  return { db, migrator };
}

describe('0003-account-site', () => {
  it('keeps every existing account and makes it organisation-wide (no site)', async () => {
    const { db, migrator } = await databaseAt('0002-change-time');
    await sql`insert into accounts (id, email, password_hash, role, person_id, name, created_at)
      values ('a-1', 'first@hub.test', 'scrypt$x', 'coordinator', '', 'First', '2026-01-01T00:00:00.000Z'),
             ('a-2', 'trainee@hub.test', 'scrypt$y', 'trainee', 'p-1', 'Trainee', '2026-01-02T00:00:00.000Z')`.execute(db);
    const { error } = await migrator.migrateToLatest();
    expect(error).toBeUndefined();
    const rows = await db.selectFrom('accounts').select(['id', 'email', 'role', 'person_id', 'site']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'a-1', email: 'first@hub.test', role: 'coordinator', person_id: '', site: '' },
      { id: 'a-2', email: 'trainee@hub.test', role: 'trainee', person_id: 'p-1', site: '' },
    ]);
    await db.destroy();
  });
});
