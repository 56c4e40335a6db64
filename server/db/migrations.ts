import { sql, type Kysely, type Migration } from 'kysely';

/** Fields mutations look rows up by (IndexedField in shared/mutations), each with an index. */
export const lookupFields = [
  'code',
  'programmeId',
  'courseId',
  'sessionId',
  'meetingId',
  'name',
  'email',
  'institutionId',
  'mergedInto',
  'personId',
  'enrolmentId',
  'serial',
  'issuerId',
  'state',
] as const;

/**
 * The hub's schema, the same on PGlite and PostgreSQL. Append; never edit one that has shipped.
 */
export const migrations: Record<string, Migration> = {
  '0001-sync': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('records')
        .addColumn('tbl', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('data', 'jsonb')
        .addColumn('session_id', 'text')
        .addColumn('person_id', 'text')
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('records_pk', ['tbl', 'id'])
        .execute();
      await db.schema.createIndex('records_seq').on('records').column('seq').execute();
      await db.schema.createIndex('records_session').on('records').columns(['session_id', 'seq']).execute();
      await db.schema.createIndex('records_person').on('records').columns(['person_id', 'seq']).execute();
      for (const field of lookupFields)
        await sql`create index ${sql.id(`records_by_${field}`)} on records (tbl, (data->>${sql.lit(field)}))`.execute(db);

      await db.schema
        .createTable('hub_counter')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .execute();
      await sql`insert into hub_counter (id, seq) values (1, 0)`.execute(db);
      await db.schema
        .createTable('hub_meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'jsonb', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('accounts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
        .execute();
      await db.schema
        .createTable('tokens')
        .addColumn('hash', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('clients')
        .addColumn('client_id', 'text', (c) => c.primaryKey())
        .addColumn('account_id', 'text', (c) => c.notNull())
        .addColumn('device_name', 'text', (c) => c.notNull())
        .addColumn('last_seq', 'bigint', (c) => c.notNull())
        .addColumn('pending', 'integer', (c) => c.notNull())
        .addColumn('last_contact', 'text', (c) => c.notNull())
        .addColumn('packet_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('results')
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('mutation_id', 'text', (c) => c.notNull())
        .addColumn('result', 'jsonb', (c) => c.notNull())
        .addPrimaryKeyConstraint('results_pk', ['client_id', 'seq'])
        .execute();
    },
  },
  '0002-change-time': {
    async up(db: Kysely<unknown>) {
      // When each row last changed (hub clock), so tombstones older than the retention can go.
      await db.schema.alterTable('records').addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`)).execute();
      await sql`create index records_tombstones on records (changed_at) where data is null`.execute(db);
    },
  },
  '0003-account-site': {
    async up(db: Kysely<unknown>) {
      // A coordinator account may run one site: a country (ISO 3166 alpha-2). '' = the whole organisation.
      await db.schema.alterTable('accounts').addColumn('site', 'text', (c) => c.notNull().defaultTo('')).execute();
      // A site's scope finds its sessions, and the people of its country, by country.
      await sql`create index records_by_country on records (tbl, (data->>'country'))`.execute(db);
    },
  },
  '0004-writer-has': {
    async up(db: Kysely<unknown>) {
      // Set when the device that wrote a row told the hub it holds exactly that state, so its
      // pulls need not send its own changes back (docs/decisions/0009-sync-bytes-and-push-groups.md).
      await db.schema.alterTable('records').addColumn('writer_has', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
    },
  },
  '0005-partial-lookup-indexes': {
    async up(db: Kysely<unknown>) {
      // Each row is indexed only by the fields its own table is looked up by (IndexedField in
      // shared/mutations, and the site scope's country), instead of by all fifteen: a stored mark
      // updates three of these indexes, not fifteen. Queries name the table as a literal, so the
      // planner matches the partial index. (The lists are as of this migration; a later field gets
      // its own migration.)
      const byField: Record<string, string[]> = {
        code: ['courses'],
        programmeId: ['courses'],
        courseId: ['sessions', 'certificateTemplates', 'certificates'],
        sessionId: ['meetings', 'enrolments', 'teams', 'attendance', 'results', 'certificates', 'conflicts'],
        meetingId: ['attendance'],
        name: ['institutions'],
        email: ['people'],
        institutionId: ['people'],
        mergedInto: ['people'],
        personId: ['enrolments', 'attendance', 'certificates'],
        enrolmentId: ['results', 'certificates'],
        serial: ['certificates'],
        issuerId: ['certificates'],
        state: ['conflicts'],
        country: ['sessions', 'people'],
      };
      for (const [field, tables] of Object.entries(byField)) {
        const name = sql.id(`records_by_${field}`);
        await sql`drop index if exists ${name}`.execute(db);
        await sql`create index ${name} on records (tbl, (data->>${sql.lit(field)})) where tbl in (${sql.join(tables.map((t) => sql.lit(t)))})`.execute(db);
      }
    },
  },
};
