// `npm run verify -- <certificate.json | certificate.pdf | VC1:…> [--trust kit.json] [--json]`:
// checks a certificate offline with the same code as the app. See scripts/lib/verifyCli.mjs.
import { loadCredentials, runVerifyCli } from './lib/verifyCli.mjs';

try {
  const credentials = await loadCredentials();
  process.exitCode = await runVerifyCli(process.argv.slice(2), { credentials });
} catch (error) {
  // Bundling failed (esbuild has printed where); no stack trace for the user.
  console.error(`The verifier could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
