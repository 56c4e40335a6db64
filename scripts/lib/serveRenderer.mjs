// Serves the built renderer (dist/renderer) to a browser. Used by `npm run web`, by `npm start`
// when Electron cannot run, and programmatically by end-to-end tests and benchmarks.
import http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';
import { projectRoot } from './electronBundles.mjs';

/** Where `vite build` puts the renderer. */
export const rendererDir = path.join(projectRoot, 'dist/renderer');
/** The port `npm run web` and the `npm start` fallback use unless PORT says otherwise. */
export const defaultPort = 4310;
/** Only this computer can reach the server. */
export const defaultHost = '127.0.0.1';

/**
 * The same policy the desktop shell sets (electron/main/csp.ts); serveRenderer.test.ts checks
 * that they stay equal.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data: blob:",
  "connect-src 'self' http: https:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/**
 * Starts an HTTP server for `dir` on `host:port` (port 0 picks a free one). Unknown routes get
 * index.html (the app routes on the client); missing files get 404. Vite's hashed files under
 * /assets/ are cached for a year, everything else is revalidated on each load so a rebuild
 * shows at once.
 */
export async function startWebServer({
  dir = rendererDir,
  port = defaultPort,
  host = defaultHost,
} = {}) {
  const serve = sirv(dir, {
    single: true,
    etag: true,
    dev: false,
    setHeaders(res, pathname) {
      res.setHeader(
        'Cache-Control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });

  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed');
      return;
    }
    serve(req, res, () => {
      res.writeHead(404, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-cache',
      });
      res.end('Not found');
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });

  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}/`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve(undefined)));
        server.closeAllConnections();
      }),
  };
}

/** The port from the PORT environment variable, or the default. */
export function portFromEnvironment(env = process.env) {
  const value = Number(env.PORT);
  return Number.isInteger(value) &&
    value >= 0 &&
    value < 65536 &&
    env.PORT !== '' &&
    env.PORT !== undefined
    ? value
    : defaultPort;
}

/**
 * Serves `dir` until Ctrl+C or SIGTERM, printing where. Exits the process with a clear message
 * if the port is taken.
 */
export async function serveUntilStopped({
  dir = rendererDir,
  port = portFromEnvironment(),
  host = defaultHost,
} = {}) {
  let server;
  try {
    server = await startWebServer({ dir, port, host });
  } catch (error) {
    if (error && typeof error === 'object' && 'code' in error && error.code === 'EADDRINUSE') {
      console.error(
        `Apogee: port ${port} is already in use. Stop the other program or set PORT to another number.`,
      );
    } else {
      console.error('Apogee: the web server could not start:', error);
    }
    process.exit(1);
  }
  console.log(`Apogee is running at ${server.url}`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(0),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
