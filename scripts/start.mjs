// `npm start`: builds the app and opens it in Electron. Where Electron cannot run (its binary
// could not be downloaded, or there is no display), the same build is served to a browser
// instead, with one line saying why.
import { runNpmScript } from './lib/run.mjs';
import {
  downloadElectron,
  findElectronBinary,
  launchAndWatch,
  missingDisplay,
} from './lib/electronRuntime.mjs';
import { projectRoot } from './lib/electronBundles.mjs';
import { serveUntilStopped } from './lib/serveRenderer.mjs';

const buildCode = await runNpmScript('build');
if (buildCode !== 0) {
  console.error('Apogee: the build failed, so there is nothing to start.');
  process.exit(buildCode);
}

const reason = await startElectron();
if (reason !== null) {
  console.log(
    `Apogee: the Electron desktop runtime is not available here (${reason}); serving the same app for your browser instead.`,
  );
  await serveUntilStopped();
}

/** Starts Electron and stays with it until it closes; resolves to why it could not run, or null. */
async function startElectron() {
  let found = findElectronBinary();
  if (!found.ok && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    const failure = await downloadElectron();
    found =
      failure === null
        ? findElectronBinary()
        : { ok: false, reason: `${found.reason} and ${failure}` };
  }
  if (!found.ok) return found.reason;

  const noDisplay = missingDisplay();
  if (noDisplay !== null) return noDisplay;

  const env = { ...process.env };
  // Set in some shells and CI images; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const launched = await launchAndWatch(found.binary, ['.'], { env, cwd: projectRoot });
  if (!launched.ok) return `Electron ${launched.reason}`;
  if (launched.exited) process.exit(0);

  const child = launched.child;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code) => process.exit(code ?? 0));
  return null;
}
