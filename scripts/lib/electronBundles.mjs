// What scripts/build-electron.mjs produces. package.json "main" and electron-builder.yml point
// at these outputs; test/unit/electronBuilderConfig.test.ts keeps them in step.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The two Electron bundles, paths relative to the repository root. */
export const electronBundles = [
  {
    name: 'main',
    entry: 'electron/main/index.ts',
    outfile: 'dist/electron/main.cjs',
    // Electron 45 runs Node 22.
    platform: 'node',
    target: 'node22',
  },
  {
    // Sandboxed preloads cannot require local files, so everything goes into one file.
    name: 'preload',
    entry: 'electron/preload/index.ts',
    outfile: 'dist/electron/preload.cjs',
    platform: 'browser',
    // Electron 45 runs Chromium 140.
    target: 'chrome140',
  },
];

/** Bundles main and preload with esbuild (CommonJS, `electron` left external). */
export async function buildElectronBundles({ root = projectRoot, logLevel = 'warning' } = {}) {
  const { build } = await import('esbuild');
  for (const bundle of electronBundles) {
    await build({
      absWorkingDir: root,
      entryPoints: [bundle.entry],
      outfile: bundle.outfile,
      bundle: true,
      format: 'cjs',
      platform: bundle.platform,
      target: bundle.target,
      external: ['electron'],
      sourcemap: 'linked',
      legalComments: 'none',
      logLevel,
    });
  }
  return electronBundles.map((bundle) => path.join(root, bundle.outfile));
}
