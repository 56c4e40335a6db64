import { createHash } from 'node:crypto';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from './db/schema';
import type { Account } from './accounts';

/** Tables everyone signed in may read: the catalogue and the public keys of the organisation. */
export const publicTables = ['programmes', 'courses', 'sessions', 'meetings', 'institutions', 'issuers', 'certificateTemplates'];
/** Tables whose rows belong to a session (an instructor sees those of the sessions they teach). */
const sessionTables = ['enrolments', 'teams', 'attendance', 'results', 'certificates'];
/** What a site coordinator sees of a session: what its instructors see, and its conflicts of attendance. */
const siteSessionTables = [...sessionTables, 'conflicts'];
/** Tables of a trainee's own records, by person. */
const ownTables = ['enrolments', 'attendance', 'certificates'];

/**
 * What an account may pull. Organisation coordinators: everything. Site coordinators: the
 * catalogue, the sessions held in their country with their rosters, marks, results,
 * certificates and conflicts, the people on those rosters and the people of their country.
 * Instructors: the catalogue, the sessions they are named on with their rosters, marks, results
 * and certificates, and the people on those rosters. Trainees: the catalogue and their own records.
 */
export type Scope =
  | { role: 'coordinator'; key: string }
  | { role: 'site'; site: string; personId: string; sessionIds: string[]; key: string }
  | { role: 'instructor'; personId: string; sessionIds: string[]; key: string }
  | { role: 'trainee'; personId: string; key: string };

/**
 * Works out an account's scope now. Its key changes when the sessions it covers change (a new
 * session taught, a session moved into or out of a site), so a device's cursor from before
 * answers `resync-required` and the device downloads a fresh copy.
 */
export async function scopeOf(db: Kysely<Database>, account: Account): Promise<Scope> {
  if (account.role === 'coordinator' && !account.site) return { role: 'coordinator', key: 'org' };
  if (account.role === 'trainee') return { role: 'trainee', personId: account.person_id, key: hash(`t:${account.person_id}`) };
  if (account.role === 'coordinator') {
    const sessionIds = await sessionIdsWhere(db, sql<SqlBool>`data->>'country' = ${account.site}`);
    return {
      role: 'site',
      site: account.site,
      personId: account.person_id,
      sessionIds,
      key: hash(`s:${account.site}:${account.person_id}:${sessionIds.join(',')}`),
    };
  }
  const sessionIds = await sessionIdsWhere(db, sql<SqlBool>`data->'instructorIds' ? ${account.person_id}`);
  return { role: 'instructor', personId: account.person_id, sessionIds, key: hash(`i:${account.person_id}:${sessionIds.join(',')}`) };
}

async function sessionIdsWhere(db: Kysely<Database>, condition: Expression<SqlBool>): Promise<string[]> {
  const rows = await db.selectFrom('records').select('id').where(sql<string>`tbl`, '=', sql.lit('sessions')).where(condition).orderBy('id').execute();
  return rows.map((r) => r.id);
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

/** The SQL condition on `records` (aliased `r`) that keeps only rows in scope. Parameterised. */
export function inScope(scope: Scope): Expression<SqlBool> {
  if (scope.role === 'coordinator') return sql<SqlBool>`true`;
  const publicList = sql.join(publicTables);
  if (scope.role === 'instructor' || scope.role === 'site') {
    const sessions = scope.sessionIds.length ? sql.join(scope.sessionIds) : sql`null`;
    const roster = sql<SqlBool>`r.id in (select e.person_id from records e where e.tbl = 'enrolments' and e.session_id in (${sessions}))`;
    if (scope.role === 'instructor')
      return sql<SqlBool>`(r.tbl in (${publicList})
        or (r.tbl in (${sql.join(sessionTables)}) and r.session_id in (${sessions}))
        or (r.tbl = 'people' and (r.id = ${scope.personId} or ${roster})))`;
    return sql<SqlBool>`(r.tbl in (${publicList})
      or (r.tbl in (${sql.join(siteSessionTables)}) and r.session_id in (${sessions}))
      or (r.tbl = 'people' and (r.id = ${scope.personId} or r.data->>'country' = ${scope.site} or ${roster})))`;
  }
  return sql<SqlBool>`(r.tbl in (${publicList})
    or (r.tbl = 'people' and r.id = ${scope.personId})
    or (r.tbl in (${sql.join(ownTables)}) and r.person_id = ${scope.personId})
    or (r.tbl = 'results' and r.data->>'enrolmentId' in (
      select e.id from records e where e.tbl = 'enrolments' and e.person_id = ${scope.personId})))`;
}

/** Which of these people a scope covers (all of them for the whole organisation). */
export async function peopleInScope(db: Kysely<Database>, scope: Scope, personIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(personIds.filter(Boolean))];
  if (!ids.length) return new Set();
  if (scope.role === 'coordinator') return new Set(ids);
  const rows = await db.selectFrom('records as r').select('r.id').where('r.tbl', '=', 'people').where('r.id', 'in', ids).where('r.data', 'is not', null).where(inScope(scope)).execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * Which accounts (and their devices) a coordinator sees on the hub. Organisation coordinators:
 * all. Site coordinators: their own, the other coordinators of their site, and the instructors'
 * and trainees' accounts of the people in their scope — never the organisation's coordinators.
 */
export async function accountsInView<A extends Pick<Account, 'id' | 'role' | 'person_id' | 'site'>>(db: Kysely<Database>, viewer: Account, accounts: readonly A[]): Promise<A[]> {
  if (!viewer.site) return [...accounts];
  const people = await peopleInScope(
    db,
    await scopeOf(db, viewer),
    accounts.filter((a) => a.role !== 'coordinator').map((a) => a.person_id),
  );
  return accounts.filter((a) => a.id === viewer.id || (a.role === 'coordinator' ? a.site === viewer.site : people.has(a.person_id)));
}
