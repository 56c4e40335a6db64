import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { postgresAvailable, startPostgres, type TestPostgres } from './postgres';

describe.skipIf(!postgresAvailable())('startPostgres', () => {
  let server: TestPostgres;
  let startMs = 0;

  beforeAll(async () => {
    const started = performance.now();
    server = await startPostgres();
    startMs = performance.now() - started;
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('starts quickly on a loopback url', () => {
    console.info(`startPostgres took ${Math.round(startMs)} ms`);
    expect(server.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    expect(startMs).toBeLessThan(15_000);
  });

  it('creates a database that answers queries', async () => {
    const url = await server.createDatabase('hub_one');
    expect(url).toBe(server.url.replace(/\/postgres$/, '/hub_one'));
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const result = await client.query<{ one: number; db: string }>(
        'select 1 as one, current_database() as db',
      );
      expect(result.rows).toEqual([{ one: 1, db: 'hub_one' }]);
    } finally {
      await client.end();
    }
  });

  it('serves concurrent connections', async () => {
    const url = await server.createDatabase('hub_pool');
    const pool = new pg.Pool({ connectionString: url, max: 8 });
    try {
      await pool.query('create table t (n int)');
      // pg_sleep holds each connection, so the eight inserts really overlap.
      await Promise.all(
        Array.from({ length: 8 }, (_, n) =>
          pool.query('insert into t select $1::int from pg_sleep(0.05)', [n]),
        ),
      );
      const { rows } = await pool.query<{ count: string }>('select count(*) from t');
      expect(rows[0]!.count).toBe('8');
      const backends = await pool.query<{ count: string }>(
        "select count(*) from pg_stat_activity where datname = 'hub_pool' and backend_type = 'client backend'",
      );
      expect(Number(backends.rows[0]!.count)).toBeGreaterThan(1);
    } finally {
      await pool.end();
    }
  });

  it('stops and removes its directory', async () => {
    const other = await startPostgres();
    const client = new pg.Client({ connectionString: other.url });
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>('show data_directory');
    await client.end();
    expect(existsSync(rows[0]!.data_directory)).toBe(true);
    await other.stop();
    await other.stop();
    expect(existsSync(rows[0]!.data_directory)).toBe(false);
    const late = new pg.Client({ connectionString: other.url, connectionTimeoutMillis: 2000 });
    await expect(late.connect()).rejects.toThrow();
  }, 60_000);
});
