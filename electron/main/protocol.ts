import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { appHost, appScheme } from './origins';

/**
 * The privileges of the `app:` scheme: standard (real origins and relative URLs), secure (a
 * secure context, so IndexedDB, Web Locks and crypto.subtle behave as on https), fetch and
 * V8 code cache. Registered before the app is ready.
 */
export const appSchemePrivileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

/** The Content-Type for a file, by its extension. */
export function mimeTypeFor(filePath: string): string {
  return mimeTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Where an `app://apogee/...` URL points inside the renderer folder, or why it points nowhere. */
export type RendererPath =
  { ok: true; filePath: string; isFallback: boolean } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps a request URL to a file inside `rendererDir`, refusing anything that would leave it
 * (`..`, encoded separators, NUL bytes, other hosts). A path without a file extension is a
 * client-side route, so it gets index.html, like the web server's single-page fallback.
 */
export function resolveRendererPath(rendererDir: string, requestUrl: string): RendererPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return { ok: false, status: 404 };

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0')) return { ok: false, status: 400 };

  const root = path.resolve(rendererDir);
  const relative = pathname.replace(/^[/\\]+/, '');
  const target = path.resolve(root, relative === '' ? 'index.html' : relative);
  const fromRoot = path.relative(root, target);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) {
    return { ok: false, status: 403 };
  }
  const lastSegment = fromRoot.split(/[/\\]/).pop() ?? '';
  const looksLikeRoute = !lastSegment.includes('.');
  return { ok: true, filePath: target, isFallback: looksLikeRoute };
}

/** A minimal Request as `protocol.handle` passes it. */
export type ProtocolRequest = { url: string; method: string };

/**
 * The `protocol.handle('app', …)` handler: serves files from `rendererDir` with the app's
 * security headers. Unknown routes get index.html; unknown files get 404.
 */
export function createRendererHandler(options: {
  rendererDir: string;
  contentSecurityPolicy: string;
}): (request: ProtocolRequest) => Promise<Response> {
  const indexPath = path.join(path.resolve(options.rendererDir), 'index.html');
  const baseHeaders = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
  const reply = (status: number, text: string) =>
    new Response(text, {
      status,
      headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8' },
    });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return reply(405, 'Method not allowed');
    const resolved = resolveRendererPath(options.rendererDir, request.url);
    if (!resolved.ok) return reply(resolved.status, statusText(resolved.status));

    let filePath = resolved.filePath;
    if (!(await isFile(filePath))) {
      if (!resolved.isFallback) return reply(404, 'Not found');
      filePath = indexPath;
    }
    try {
      const body = await readFile(filePath);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...baseHeaders, 'Content-Type': mimeTypeFor(filePath) },
      });
    } catch {
      return reply(404, 'Not found');
    }
  };
}

function statusText(status: 400 | 403 | 404): string {
  switch (status) {
    case 400:
      return 'Bad request';
    case 403:
      return 'Forbidden';
    case 404:
      return 'Not found';
  }
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}
