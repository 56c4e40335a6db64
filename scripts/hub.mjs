// `npm run hub`: builds the web app when needed and the hub, then starts the hub.
// PORT (default 4310), HUB_DATA (default ./hub-data) or DATABASE_URL (PostgreSQL).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { runNpmScript } from './lib/run.mjs';
import { projectRoot } from './lib/electronBundles.mjs';
import { buildHubBundle } from './lib/hubBundle.mjs';

if (process.argv.includes('--build') || !existsSync(path.join(projectRoot, 'dist/renderer/index.html'))) {
  const code = await runNpmScript('build:renderer');
  if (code !== 0) {
    console.error('Apogee: the web app build failed, so the hub cannot serve it.');
    process.exit(code);
  }
}
const entry = await buildHubBundle();
const env = { ...process.env, HUB_WEB_ROOT: process.env.HUB_WEB_ROOT ?? path.join(projectRoot, 'dist/renderer') };
const child = spawn(process.execPath, ['--enable-source-maps', entry], { stdio: 'inherit', cwd: process.cwd(), env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
