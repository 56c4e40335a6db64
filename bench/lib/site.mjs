// Builds the bench page and assembles the site the bench serves: the built app (dist/renderer)
// with the bench page under /bench/, so both share one origin and so one IndexedDB. Nothing is
// added to dist/renderer, which is what the desktop app packages.
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const rendererDir = path.join(projectRoot, 'dist/renderer');
export const benchPageDir = path.join(projectRoot, 'dist/bench-page');
export const benchSiteDir = path.join(projectRoot, 'dist/bench-site');

/** Builds bench/page into dist/bench-page (no config file: the app's PWA plugin is not wanted). */
export async function buildBenchPage() {
  await build({
    configFile: false,
    root: path.join(projectRoot, 'bench/page'),
    base: './',
    logLevel: 'warn',
    build: {
      outDir: benchPageDir,
      emptyOutDir: true,
      target: 'chrome120',
      chunkSizeWarningLimit: 4000,
    },
  });
}

/** Copies the built app and the bench page into dist/bench-site and returns its path. */
export function assembleSite() {
  if (!existsSync(path.join(rendererDir, 'index.html')))
    throw new Error(
      'dist/renderer is missing: run `npm run build:renderer` first (npm run bench does).',
    );
  rmSync(benchSiteDir, { recursive: true, force: true });
  cpSync(rendererDir, benchSiteDir, { recursive: true });
  cpSync(benchPageDir, path.join(benchSiteDir, 'bench'), { recursive: true });
  return benchSiteDir;
}
