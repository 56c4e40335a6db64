// `npm run web`: the app in any Chromium browser, served from the built renderer.
// Builds the renderer first when it has not been built, or when `--build` is passed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runNpmScript } from './lib/run.mjs';
import { rendererDir, serveUntilStopped } from './lib/serveRenderer.mjs';

const forceBuild = process.argv.slice(2).includes('--build');
if (forceBuild || !existsSync(path.join(rendererDir, 'index.html'))) {
  const code = await runNpmScript('build:renderer');
  if (code !== 0) {
    console.error('Apogee: the renderer build failed, so there is nothing to serve.');
    process.exit(code);
  }
}
await serveUntilStopped();
