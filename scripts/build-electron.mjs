// `npm run build:electron`: bundles the Electron main process and preload into dist/electron.
import path from 'node:path';
import { buildElectronBundles, projectRoot } from './lib/electronBundles.mjs';

try {
  const outputs = await buildElectronBundles();
  for (const output of outputs) console.log(`Built ${path.relative(projectRoot, output)}`);
} catch (error) {
  // esbuild has already printed the errors with their locations.
  if (!(error instanceof Error && 'errors' in error)) console.error(error);
  process.exitCode = 1;
}
