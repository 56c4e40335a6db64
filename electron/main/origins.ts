/**
 * The origins the shell trusts. The packaged app is served from `app://apogee/` so that
 * IndexedDB, Web Locks and the service worker get one stable, secure origin on every machine;
 * a developer may point the window at the Vite dev server instead, and then that origin (and
 * only that one) is trusted too.
 */

export const appScheme = 'app';
export const appHost = 'apogee';
export const appOrigin = `${appScheme}://${appHost}`;
/** The page the window opens in a packaged app. */
export const appEntryUrl = `${appOrigin}/index.html`;

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The origin of a URL, or null when it has none we would ever trust. Node's URL gives `null`
 * as the origin of non-special schemes such as `app:`, so it is computed here the way
 * Chromium does for a registered standard scheme.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!['http:', 'https:', `${appScheme}:`].includes(parsed.protocol) || parsed.host === '') {
    return null;
  }
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * Reads `APOGEE_DEV_URL`. Only a plain-http loopback address is accepted, so a stray
 * environment variable can never make the window load remote content.
 */
export function parseDevUrl(
  value: string | undefined,
): { ok: true; url: string | null } | { ok: false; reason: string } {
  if (value === undefined || value.trim() === '') return { ok: true, url: null };
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    return { ok: false, reason: `APOGEE_DEV_URL "${value}" is not a URL` };
  }
  if (parsed.protocol !== 'http:' || !loopbackHosts.has(parsed.hostname)) {
    return {
      ok: false,
      reason: `APOGEE_DEV_URL "${value}" must be an http:// address on this computer (127.0.0.1 or localhost)`,
    };
  }
  return { ok: true, url: parsed.href };
}

/** The origins whose pages may navigate inside the window, call IPC and get permissions. */
export function trustedOrigins(devUrl: string | null): readonly string[] {
  const devOrigin = devUrl === null ? null : originOf(devUrl);
  return devOrigin === null ? [appOrigin] : [appOrigin, devOrigin];
}

/** True when the URL belongs to one of the trusted origins. */
export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}
