import type { BrowserWindowConstructorOptions } from 'electron';
import { isTrustedUrl } from './origins';

/**
 * The main window, per Electron's security checklist: isolated, sandboxed, no Node in the
 * page, web security on, no <webview>, and a drop of a file never navigates away from the app
 * (the page handles drops itself).
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Apogee',
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 520,
    show: false,
    backgroundColor: '#0f1b33',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}

/** An event whose default action can be cancelled. */
export type PreventableEvent = { preventDefault(): void };

/** The part of a WebContents that `applySecurity` needs. */
export type SecurableContents = {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
};

/**
 * Keeps a web page inside the app: navigations and redirects to any other origin are cancelled,
 * new windows and <webview>s are refused. `onBlocked` hears about each refusal (for the log).
 */
export function applySecurity(
  contents: SecurableContents,
  origins: readonly string[],
  onBlocked: (what: string, url: string) => void = () => {},
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url, origins)) {
      event.preventDefault();
      onBlocked('navigation', url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedUrl(url, origins)) {
      event.preventDefault();
      onBlocked('redirect', url);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    onBlocked('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    onBlocked('new window', url);
    return { action: 'deny' };
  });
}

/**
 * Permissions the app's own pages get: persistent storage (so the local database is never
 * evicted under disk pressure), writing plain text to the clipboard (copying a verification
 * link), and reaching the local network and this computer (Chromium's Local Network Access:
 * an organisation's hub is usually at a LAN address such as http://192.168.1.10:4310, or on the
 * same laptop, and without these the sync requests are refused before a connection is opened).
 * Everything else — camera, microphone, location, notifications from the web API, USB, … — is
 * refused, and nothing is granted to any other origin.
 */
export const grantedPermissions: ReadonlySet<string> = new Set([
  'persistent-storage',
  'clipboard-sanitized-write',
  'local-network-access',
  'local-network',
  'loopback-network',
]);

/** Whether a permission request or check from `requestingUrl` is granted. */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string,
  origins: readonly string[],
): boolean {
  return grantedPermissions.has(permission) && isTrustedUrl(requestingUrl, origins);
}
