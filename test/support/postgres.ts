// A throwaway PostgreSQL 15 cluster for tests: a cluster directory in the temporary directory
// (copied from a cached initdb template), started on a free loopback port, removed again. As root (CI containers) the binaries run as the
// `postgres` user, since initdb refuses to run as root.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const binDir = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
const bin = (name: string) => join(binDir, name);

/** Whether the PostgreSQL binaries this module needs are installed. */
export function postgresAvailable(): boolean {
  return ['initdb', 'pg_ctl', 'postgres'].every((name) => existsSync(bin(name)));
}

/** A running throwaway cluster. */
export type TestPostgres = {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust authentication, no password). */
  url: string;
  /** Stops the server (immediate mode) and removes its directory. Safe to call twice. */
  stop(): Promise<void>;
  /** Creates a database and returns its url. */
  createDatabase(name: string): Promise<string>;
};

const asRoot = () => process.getuid?.() === 0;

/** The command line for a binary: as the postgres user when we are root. */
function command(name: string, args: string[]): [string, string[]] {
  return asRoot() ? ['runuser', ['-u', 'postgres', '--', bin(name), ...args]] : [bin(name), args];
}

/** Runs a binary and resolves when it exits 0; rejects with its output otherwise. */
function run(name: string, args: string[], cwd: string): Promise<void> {
  const [file, argv] = command(name, args);
  return new Promise((resolve, reject) => {
    // LC_ALL/LANG: initdb must not depend on the host's locale settings.
    const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
    execFile(file, argv, { cwd, env }, (error, stdout, stderr) => {
      if (error)
        reject(
          new Error(`${name} ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`),
        );
      else resolve();
    });
  });
}

/** A port that was free a moment ago on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object'
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Runs initdb (trust authentication, superuser postgres) into dataDir, a path inside dir. */
function initdb(dataDir: string, dir: string) {
  // -N: no fsync of the new cluster's files, they are thrown away anyway.
  return run(
    'initdb',
    [
      '-D',
      dataDir,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C',
      '-N',
      '--no-instructions',
      '--wal-segsize=1',
    ],
    dir,
  );
}

/** Makes a directory for cluster files (owned by postgres when we are root). */
function makeDir(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (asRoot()) execFileSync('chown', ['-R', 'postgres', dir]);
  return dir;
}

let template: Promise<string> | undefined;
/**
 * A freshly initdb'd cluster that new clusters are copied from: initdb takes about two seconds,
 * a copy a fraction of that. It is kept in the temporary directory, shared by the test processes
 * (one per test file) and later runs, and keyed by the PostgreSQL version and user. Small (1 MB)
 * WAL segments keep it and the copies small.
 */
function templateCluster(): Promise<string> {
  template ??= (async () => {
    const version = execFileSync(bin('postgres'), ['--version'], { encoding: 'utf8' })
      .trim()
      .replace(/[^\w.]+/g, '-');
    const uid = process.getuid?.() ?? 'user';
    const templateDir = join(tmpdir(), `apogee-pg-template-${version}-${uid}-wal1`);
    if (existsSync(join(templateDir, 'data', 'PG_VERSION'))) return join(templateDir, 'data');
    const building = makeDir('apogee-pg-template-');
    try {
      await initdb(join(building, 'data'), building);
      // Atomic: a concurrent process that got there first wins and this copy is dropped.
      renameSync(building, templateDir);
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(join(templateDir, 'data', 'PG_VERSION'))) throw error;
    }
    return join(templateDir, 'data');
  })();
  template.catch(() => (template = undefined));
  return template;
}

/** Copies a cluster's files, keeping owner and modes (as the postgres user when we are root). */
function copyCluster(from: string, to: string, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('cp', ['-a', '--reflink=auto', from, to], { cwd }, (error, _stdout, stderr) =>
      error ? reject(new Error(`copying ${from} failed: ${error.message}\n${stderr}`)) : resolve(),
    );
  });
}

/** Clusters still running, stopped synchronously if the process exits without stopping them. */
const running = new Set<() => void>();
let exitHandlerInstalled = false;
function installExitHandler() {
  if (exitHandlerInstalled) return;
  exitHandlerInstalled = true;
  const stopAll = () => {
    for (const stopSync of running) stopSync();
  };
  process.on('exit', stopAll);
  // Vitest ends its fork workers with SIGTERM, which skips 'exit' handlers: stop the clusters,
  // then die of the signal as before if nobody else handles it.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    const onSignal = () => {
      stopAll();
      process.off(signal, onSignal);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/**
 * A watchdog shell that stops the cluster if this process dies without running its 'exit'
 * handlers (SIGKILL, a crashed worker): postgres started by pg_ctl outlives its parent otherwise.
 */
function startWatchdog(dataDir: string, dir: string) {
  const [file, argv] = command('pg_ctl', ['-D', dataDir, 'stop', '-m', 'immediate']);
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script =
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; ` +
    `${[file, ...argv].map(quote).join(' ')} >/dev/null 2>&1; rm -rf ${quote(dir)}`;
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}

/** Starts a fresh PostgreSQL cluster on a free loopback port. */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<TestPostgres> {
  if (!postgresAvailable()) throw new Error(`PostgreSQL binaries not found in ${binDir}`);
  const dir = makeDir('apogee-pg-');
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');

  let port = 0;
  try {
    await copyCluster(await templateCluster(), dataDir, dir);
    // The port can be taken between freePort() and the server binding it: try again then.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      // Tests throw the cluster away, so it need not survive a crash; `durable` keeps the
      // server's defaults (fsync, synchronous commit), as the bench measures a real hub.
      const settings = options.durable
        ? ''
        : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
      const serverOptions = `-p ${port} -k /tmp -c listen_addresses=127.0.0.1${settings}`;
      try {
        // -l: without a log file the server keeps pg_ctl's stdout open and execFile never returns.
        await run(
          'pg_ctl',
          ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '30', 'start'],
          dir,
        );
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const stopArgs = ['-D', dataDir, 'stop', '-m', 'immediate', '-w'];
  const watchdog = startWatchdog(dataDir, dir);
  let stopped = false;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    running.delete(stopSync);
    watchdog.kill();
    try {
      const [file, argv] = command('pg_ctl', stopArgs);
      execFileSync(file, argv, { cwd: dir, stdio: 'ignore' });
    } catch {
      // Already gone.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  installExitHandler();
  running.add(stopSync);

  const urlFor = (database: string) =>
    `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    url: urlFor('postgres'),
    async stop() {
      if (stopped) return;
      stopped = true;
      running.delete(stopSync);
      watchdog.kill();
      try {
        await run('pg_ctl', stopArgs, dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    async createDatabase(name: string) {
      const client = new pg.Client({ connectionString: urlFor('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      } finally {
        await client.end();
      }
      return urlFor(name);
    },
  };
}
