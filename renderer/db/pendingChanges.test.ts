import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { programmeArgs } from '../../shared/testing/factories';
import { pendingChanges } from './index';
import { runMutations } from './mutate';
import { ApogeeDb } from './schema';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('pendingChanges', () => {
  it('updates a live count as changes are queued and acknowledged (the header shows it)', async () => {
    const db = new ApogeeDb('pending-live-test');
    const seen: number[] = [];
    const subscription = liveQuery(() => pendingChanges(db)).subscribe((count) => seen.push(count));
    await expect.poll(() => seen).toEqual([0]);
    for (const id of ['p1', 'p2', 'p3']) {
      await runMutations(db, [{ name: 'programme.create', args: programmeArgs({ id }) }], { actor: { role: 'coordinator', deviceId: 'd' } });
      await settle();
    }
    await db.outbox.where('seq').belowOrEqual(2).delete();
    await settle();
    subscription.unsubscribe();
    expect(seen).toEqual([0, 1, 2, 3, 1]);
    await db.delete();
  });
});
