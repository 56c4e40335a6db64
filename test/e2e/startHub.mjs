// Starts a hub for end-to-end tests (see hubServer.ts): builds dist/hub/main.mjs, then runs it
// with a fresh temporary data folder that is removed when the process ends. Serves dist/renderer,
// so `npm run build:renderer` must have run.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildHubBundle } from '../../scripts/lib/hubBundle.mjs';
import { projectRoot } from '../../scripts/lib/electronBundles.mjs';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'apogee-e2e-hub-'));
const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
process.once('exit', cleanUp);

const entry = await buildHubBundle();
const { startHub } = await import(pathToFileURL(entry).href);
await startHub({
  ...process.env,
  PORT: process.env.PORT ?? '4391',
  HUB_DATA: dataDir,
  HUB_ADMIN_EMAIL: process.env.HUB_ADMIN_EMAIL ?? 'coordinator@apogee.local',
  HUB_ADMIN_PASSWORD: process.env.HUB_ADMIN_PASSWORD ?? 'e2e-coordinator-password',
  HUB_WEB_ROOT: path.join(projectRoot, 'dist/renderer'),
  HUB_QUIET: '1',
});
