import { createHash } from 'node:crypto';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from './db/schema';
import type { Account } from './accounts';

/** Tables everyone signed in may read: the catalogue and the public keys of the organisation. */
export const publicTables = ['programmes', 'courses', 'sessions', 'meetings', 'institutions', 'issuers', 'certificateTemplates'];
/** Tables whose rows belong to a session (an instructor sees those of the sessions they teach). */
const sessionTables = ['enrolments', 'teams', 'attendance', 'results', 'certificates'];
/** Tables of a trainee's own records, by person. */
const ownTables = ['enrolments', 'attendance', 'certificates'];

/**
 * What an account may pull. Coordinators: the whole organisation. Instructors: the catalogue,
 * the sessions they are named on with their rosters, marks, results and certificates, and the
 * people on those rosters. Trainees: the catalogue and their own records.
 */
export type Scope =
  | { role: 'coordinator'; key: string }
  | { role: 'instructor'; personId: string; sessionIds: string[]; key: string }
  | { role: 'trainee'; personId: string; key: string };

/** Works out an account's scope now. Its key changes when what it covers changes (a new session taught). */
export async function scopeOf(db: Kysely<Database>, account: Account): Promise<Scope> {
  if (account.role === 'coordinator') return { role: 'coordinator', key: 'org' };
  if (account.role === 'trainee') return { role: 'trainee', personId: account.person_id, key: hash(`t:${account.person_id}`) };
  const rows = await db
    .selectFrom('records')
    .select('id')
    .where('tbl', '=', 'sessions')
    .where(sql<SqlBool>`data->'instructorIds' ? ${account.person_id}`)
    .orderBy('id')
    .execute();
  const sessionIds = rows.map((r) => r.id);
  return { role: 'instructor', personId: account.person_id, sessionIds, key: hash(`i:${account.person_id}:${sessionIds.join(',')}`) };
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

/** The SQL condition on `records` (aliased `r`) that keeps only rows in scope. Parameterised. */
export function inScope(scope: Scope): Expression<SqlBool> {
  if (scope.role === 'coordinator') return sql<SqlBool>`true`;
  const publicList = sql.join(publicTables);
  if (scope.role === 'instructor') {
    const sessions = scope.sessionIds.length ? sql.join(scope.sessionIds) : sql`null`;
    return sql<SqlBool>`(r.tbl in (${publicList})
      or (r.tbl in (${sql.join(sessionTables)}) and r.session_id in (${sessions}))
      or (r.tbl = 'people' and (r.id = ${scope.personId} or r.id in (
        select e.person_id from records e where e.tbl = 'enrolments' and e.session_id in (${sessions})))))`;
  }
  return sql<SqlBool>`(r.tbl in (${publicList})
    or (r.tbl = 'people' and r.id = ${scope.personId})
    or (r.tbl in (${sql.join(ownTables)}) and r.person_id = ${scope.personId})
    or (r.tbl = 'results' and r.data->>'enrolmentId' in (
      select e.id from records e where e.tbl = 'enrolments' and e.person_id = ${scope.personId})))`;
}
