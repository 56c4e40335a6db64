// Bundles the hub (server/main.ts) into dist/hub/main.mjs; its npm packages stay external.
import path from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from './electronBundles.mjs';

export const hubEntry = path.join(projectRoot, 'dist/hub/main.mjs');

/** Builds the hub bundle; resolves to its path. */
export async function buildHubBundle() {
  await build({
    entryPoints: [path.join(projectRoot, 'server/main.ts')],
    outfile: hubEntry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  return hubEntry;
}
