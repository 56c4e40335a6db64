/**
 * The Content Security Policy of the app. The renderer loads nothing remote: its scripts, styles,
 * fonts and images all come from its own origin (styles may be inline because React sets
 * `style` attributes; fonts and images may be data: URLs because the bundler inlines small ones).
 *
 * It may *connect* to any http(s) origin: the hub is wherever the organisation runs it (a LAN
 * address, a host name typed at sign-in), not known when the app is built, and the desktop app
 * (app://) is never same-origin with it. Scripts stay 'self' only, so nothing injected can run to
 * use that freedom; no ws:, data: or blob: connections. (The web app served by the hub itself
 * talks to its own origin.)
 *
 * `npm run web` (scripts/lib/serveRenderer.mjs) sends the same header; a unit test there keeps
 * the two equal.
 */
const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['font-src', "'self' data:"],
  ['img-src', "'self' data: blob:"],
  ['connect-src', "'self' http: https:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** The policy for the packaged app. */
export const contentSecurityPolicy = directives
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

/**
 * The policy while the window shows the Vite dev server: the same, except that Vite's inline
 * React-refresh preamble may run and its hot-reload socket may connect.
 */
export function devContentSecurityPolicy(devOrigin: string): string {
  const socket = devOrigin.replace(/^http/, 'ws');
  return directives
    .map(([name, value]) => {
      if (name === 'script-src') return `${name} ${value} 'unsafe-inline'`;
      if (name === 'connect-src') return `${name} ${value} ${socket}`;
      return `${name} ${value}`;
    })
    .join('; ');
}

/** Response headers as Electron's webRequest hands them over. */
export type ResponseHeaders = Record<string, string[]>;

/** The headers with the policy set, replacing any policy the response already had. */
export function withContentSecurityPolicy(
  headers: ResponseHeaders | undefined,
  policy: string,
): ResponseHeaders {
  const result: ResponseHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}
