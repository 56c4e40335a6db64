import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';

export type Organisation = { id: string; name: string; code: string };

/** The organisation this hub serves (one per hub). */
export async function organisation(db: Kysely<Database>): Promise<Organisation> {
  const row = await db.selectFrom('hub_meta').select('value').where('key', '=', 'organisation').executeTakeFirst();
  if (!row) throw new Error('The hub has no organisation yet: start it with `npm run hub` once to create it.');
  return row.value as Organisation;
}

/** Creates the organisation on first start; answers whether it was created now. */
export async function ensureOrganisation(db: Kysely<Database>, input: { name: string; code: string }): Promise<boolean> {
  const existing = await db.selectFrom('hub_meta').select('key').where('key', '=', 'organisation').executeTakeFirst();
  if (existing) return false;
  const org: Organisation = { id: randomUUID(), name: input.name, code: input.code };
  await db.insertInto('hub_meta').values({ key: 'organisation', value: JSON.stringify(org) }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return true;
}
