import { sql, type Kysely } from 'kysely';
import type { Database } from './db/schema';

/** How long the hub keeps the record of a deletion (ARCHITECTURE.md: at least 180 days). */
export const tombstoneDays = 180;

/**
 * Forgets deletions older than the retention. A device whose cursor is older than the newest
 * forgotten one could miss a deletion, so from then on such a cursor answers `resync-required`
 * (the horizon, kept in `hub_meta`) and the device downloads a fresh copy.
 */
export async function purgeTombstones(db: Kysely<Database>, days = tombstoneDays): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const purged = await tx
      .deleteFrom('records')
      .where('data', 'is', null)
      .where('changed_at', '<', sql<string>`now() - make_interval(days => ${days})`)
      .returning('seq')
      .execute();
    if (!purged.length) return 0;
    const newest = Math.max(...purged.map((r) => Number(r.seq)));
    const current = await tx.selectFrom('hub_meta').select('value').where('key', '=', 'tombstone-horizon').executeTakeFirst();
    const horizon = Math.max(newest, current ? Number(current.value) : 0);
    await tx
      .insertInto('hub_meta')
      .values({ key: 'tombstone-horizon', value: JSON.stringify(horizon) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(horizon) }))
      .execute();
    return purged.length;
  });
}
