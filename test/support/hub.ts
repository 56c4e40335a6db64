import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import { buildHub } from '../../server/app';
import { createAccount, type Role } from '../../server/accounts';
import { openDatabase, type StoreConfig } from '../../server/db/open';
import { ensureOrganisation } from '../../server/organisation';
import { ApogeeDb } from '../../renderer/db/schema';
import { runMutations, type MutationOutcome } from '../../renderer/db/mutate';
import { SyncEngine, type EngineOptions } from '../../renderer/sync/engine';
import { signIn } from '../../renderer/sync/session';
import type { Actor, MutationCall } from '../../shared/mutations';

/** The password of every account a test hub makes. */
export const password = 'correct horse battery';

/** A real hub on loopback (PGlite in memory unless a store is given). */
export async function startTestHub(store: StoreConfig = { memory: true }, port = 0) {
  const db = await openDatabase(store);
  await ensureOrganisation(db, { name: 'Test centre', code: 'TST' });
  const app = await buildHub({ db, loginLimit: 1000 });
  await app.listen({ port, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/`;
  return {
    app,
    db,
    url,
    account: (email: string, role: Role, personId = '') => createAccount(db, { email, role, personId, password }),
    async stop() {
      await app.close();
      await db.destroy();
    },
  };
}
/** A hub started by startTestHub. */
export type TestHub = Awaited<ReturnType<typeof startTestHub>>;

let devices = 0;

/** A device: its own IndexedDB (fake-indexeddb), signed in to the hub, syncing with the real engine. */
export async function startDevice(hubUrl: string, email: string, actor: Actor, options: EngineOptions = {}) {
  const db = new ApogeeDb(`device-${process.pid}-${devices++}`);
  await db.open();
  // The device's name on the hub is the actor's device id, as in the app (sessionActor).
  const session = await signIn(db, { hub: hubUrl, email, password, deviceName: actor.deviceId }, options.fetch);
  const engine = new SyncEngine(db, options);
  const signedIn: Actor = session.account.personId ? { ...actor, personId: session.account.personId } : actor;
  return {
    db,
    session,
    engine,
    actor: signedIn,
    run(calls: MutationCall[], now?: string): Promise<MutationOutcome[]> {
      return runMutations(db, calls, { actor: signedIn, ...(now ? { now: () => now } : {}) });
    },
    sync: () => engine.sync(),
  };
}
/** A device started by startDevice. */
export type Device = Awaited<ReturnType<typeof startDevice>>;

/** Every synced row of a device, by table and id, for comparing devices. */
export async function snapshot(db: ApogeeDb, tables: readonly string[]): Promise<Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const table of tables) {
    const rows = (await db.table(table).toArray()) as { id: string }[];
    out[table] = Object.fromEntries(rows.sort((a, b) => a.id.localeCompare(b.id)).map((r) => [r.id, r]));
  }
  return out;
}
