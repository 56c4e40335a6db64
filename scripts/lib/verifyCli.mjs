// `npm run verify`: the command-line verifier. The checks themselves are shared/credentials —
// the same code as the app — bundled with esbuild at run time (Node 20 cannot run TypeScript).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const usage = `Usage: npm run verify -- <certificate.json | certificate.pdf | VC1:…> [options]

Checks an Apogee certificate offline: its signatures, that the organisation's key endorsed the
key that signed it, its validity dates and its revocation.

Options:
  --trust <kit.json>         the organisation's verification kit (root keys, revocation lists)
  --status-list <list.json>  a signed revocation list (repeatable; adds to the kit's)
  --now <date-time>          verify as of this moment instead of now
  --json                     print the result as JSON
  --help                     show this help

Exit code: 0 when the certificate is valid, 1 when it is not, 2 when the command is wrong.`;

/** Bundles shared/credentials (ESM, for Node 20) to a temporary file and imports it. */
export async function loadCredentials({ root = projectRoot } = {}) {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['shared/credentials/index.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    legalComments: 'none',
    // CommonJS dependencies (jsonld, pdf-lib) require Node built-ins; an ESM bundle needs a require.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'apogee-verify-'));
  try {
    const file = path.join(dir, 'credentials.mjs');
    await writeFile(file, result.outputFiles[0].contents);
    return await import(pathToFileURL(file).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

class UsageError extends Error {
  constructor(message, { showUsage = true } = {}) {
    super(message);
    this.showUsage = showUsage;
  }
}

/** Reads the command line into options; throws UsageError with a message for the user. */
export function parseArgs(args) {
  const options = { input: undefined, trust: undefined, statusLists: [], json: false, now: undefined, help: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const value = () => {
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value.`);
      i += 1;
      return next;
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--trust') options.trust = value();
    else if (arg === '--status-list') options.statusLists.push(value());
    else if (arg === '--now') options.now = value();
    else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}.`);
    else if (options.input === undefined) options.input = arg;
    else throw new UsageError('Give one certificate at a time.');
  }
  if (!options.help && options.input === undefined) throw new UsageError('Give a certificate file (.json or .pdf) or its QR text (VC1:…).');
  if (options.now !== undefined && Number.isNaN(Date.parse(options.now))) throw new UsageError(`--now ${options.now} is not a date.`);
  return options;
}

async function readJsonFile(file, what) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the ${what} ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`, { showUsage: false });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The ${what} ${file} is not valid JSON (${error.message}).`, { showUsage: false });
  }
}

/** The certificate to check: QR text as given, a PDF's attachment, or a file's text. */
async function readCertificate(input, credentials) {
  if (input.startsWith('VC1:')) return { ok: true, value: input };
  let bytes;
  try {
    bytes = new Uint8Array(await readFile(input));
  } catch (error) {
    throw new UsageError(`Cannot read ${input}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`, { showUsage: false });
  }
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-') || input.toLowerCase().endsWith('.pdf')) {
    const extracted = await credentials.extractCredential(bytes);
    return extracted.ok ? { ok: true, value: extracted.value.credential } : extracted;
  }
  return { ok: true, value: Buffer.from(bytes).toString('utf8') };
}

/**
 * Runs the verifier; resolves to the exit code. `credentials` is the shared/credentials module
 * (loadCredentials() or a direct import in tests); output goes through `out` and `err`.
 */
export async function runVerifyCli(args, { credentials, out = console.log, err = console.error, now = () => new Date() }) {
  let options;
  try {
    options = parseArgs(args);
    if (options.help) {
      out(usage);
      return 0;
    }
    let kit = { organisation: undefined, rootKeys: [], statusLists: [], revocations: {} };
    if (options.trust !== undefined) {
      const parsed = credentials.parseVerificationKit(await readJsonFile(options.trust, 'verification kit'));
      if (!parsed.ok) {
        throw new UsageError(`The verification kit ${options.trust} is not valid: ${credentials.credentialProblemText(parsed.error)}`, { showUsage: false });
      }
      kit = parsed.value;
    }
    const statusLists = [...kit.statusLists];
    for (const file of options.statusLists) {
      const list = await readJsonFile(file, 'revocation list');
      statusLists.push(...(Array.isArray(list) ? list : [list]));
    }
    const certificate = await readCertificate(options.input, credentials);
    const result = certificate.ok
      ? await credentials.verifyCertificate(certificate.value, {
          trust: kit.rootKeys,
          statusLists,
          revocations: kit.revocations,
          now: options.now ?? now(),
        })
      : { status: 'malformed', problems: [certificate.error] };
    if (options.json) {
      out(JSON.stringify(result, null, 2));
    } else {
      const lines = credentials.describeVerification(result);
      if (kit.organisation !== undefined) lines.push('', `Trusted organisation: ${kit.organisation}.`);
      else if (result.problems.some((problem) => problem.code === 'no-trusted-keys')) {
        lines.push('', "Give the organisation's verification kit with --trust <kit.json> to confirm who issued it.");
      }
      out(lines.join('\n'));
    }
    return result.status === 'valid' ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      err(error.showUsage ? `${error.message}\n\n${usage}` : error.message);
      return 2;
    }
    // Not expected (verification turns every failure into a problem); still no stack trace.
    err(`The verifier failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}
