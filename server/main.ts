import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { openDatabase, type StoreConfig } from './db/open';
import { buildHub } from './app';
import { createAccount } from './accounts';
import { newPassword } from './accounts';
import { ensureOrganisation } from './organisation';
import { purgeTombstones } from './tombstones';
import { endorsePendingIssuers } from './certificates';

/**
 * `npm run hub`: the hub at http://127.0.0.1:${PORT:-4310}. Data in PostgreSQL when DATABASE_URL
 * is set, else in PGlite under ./hub-data (or HUB_DATA). First start creates the organisation and
 * a coordinator account, printing its one-time password (or taking HUB_ADMIN_PASSWORD).
 */
export async function startHub(env: NodeJS.ProcessEnv = process.env) {
  const port = Number(env.PORT ?? 4310);
  const host = env.HOST ?? '127.0.0.1';
  const config: StoreConfig = env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: path.resolve(env.HUB_DATA ?? 'hub-data') };
  const db = await openDatabase(config);
  const created = await ensureOrganisation(db, { name: env.HUB_ORG_NAME ?? 'Apogee training centre', code: env.HUB_ORG_CODE ?? 'ORG' });
  if (created) {
    const email = (env.HUB_ADMIN_EMAIL ?? 'coordinator@apogee.local').toLowerCase();
    const password = env.HUB_ADMIN_PASSWORD || (await askPassword()) || newPassword();
    // The first coordinator runs the whole organisation (no site): it creates the others.
    await createAccount(db, { email, role: 'coordinator', site: '', password, name: 'Coordinator' });
    console.log(`Apogee hub: created the organisation and the coordinator account ${email}.`);
    if (!env.HUB_ADMIN_PASSWORD) console.log(`One-time password (shown only now; change it after signing in): ${password}`);
  }
  const app = await buildHub({ db, webRoot: env.HUB_WEB_ROOT ?? path.resolve('dist/renderer'), logger: env.HUB_QUIET ? false : { stream: process.stdout, level: env.LOG_LEVEL ?? 'info' } });
  await app.listen({ port, host });
  // Old deletions are forgotten at start and once a day (devices older than that resync).
  const purge = () =>
    purgeTombstones(db).then(
      (n) => n && app.log.info(`forgot ${n} deletions older than the retention`),
      (error: unknown) => app.log.error({ err: error }, 'tombstone purge failed'),
    );
  void purge();
  // Device keys registered while the root key could not be opened (HUB_SECRET missing or wrong)
  // are endorsed now, so their certificates verify against the organisation's key alone.
  await endorsePendingIssuers(db).then(
    (report) => {
      if (report.endorsed.length) app.log.info(`endorsed ${report.endorsed.length} device signing keys`);
      for (const failed of report.failed) app.log.error(`could not endorse the device signing key ${failed.id}: ${failed.reason}`);
    },
    (error: unknown) => app.log.error({ err: error }, 'endorsing device keys failed'),
  );
  setInterval(() => void purge(), 86_400_000).unref();
  console.log(`Apogee hub: serving http://${host}:${port}/ (${'databaseUrl' in config ? 'PostgreSQL' : `data in ${config.dataDir}`})`);
  const stop = async () => {
    await app.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return app;
}

/** Asks for the first password when someone is at the terminal; empty answer = generate one. */
async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) return '';
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Password for the first coordinator (leave empty to generate one): ');
  rl.close();
  return answer.trim().length >= 8 ? answer.trim() : '';
}

if (process.argv[1] && /main\.(m?js|ts)$/.test(process.argv[1])) {
  startHub().catch((error: unknown) => {
    console.error(`Apogee hub could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
