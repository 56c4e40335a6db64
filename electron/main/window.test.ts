import { describe, expect, it } from 'vitest';
import { appOrigin } from './origins';
import type { PreventableEvent, SecurableContents } from './window';
import { applySecurity, isPermissionGranted, mainWindowOptions } from './window';

type Listener = (event: PreventableEvent, url?: string) => void;

/** A WebContents stand-in that records its listeners and the window-open handler. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
  } as SecurableContents;
  const emit = (event: string, url?: string) => {
    let prevented = false;
    listeners.get(event)!({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents, emit, open: (url: string) => openHandler!({ url }) };
}

describe('window', () => {
  it('isolates and sandboxes the page with no Node access', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
  });

  it('stays on the app when a link points to another site', () => {
    const { contents, emit } = fakeContents();
    const blocked: string[] = [];
    applySecurity(contents, [appOrigin], (what, url) => blocked.push(`${what} ${url}`));
    expect(emit('will-navigate', 'https://example.com/phish')).toBe(true);
    expect(emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(emit('will-redirect', 'https://example.com/')).toBe(true);
    expect(blocked).toEqual([
      'navigation https://example.com/phish',
      'navigation file:///etc/passwd',
      'redirect https://example.com/',
    ]);
  });

  it('lets the app navigate within its own origin', () => {
    const { contents, emit } = fakeContents();
    applySecurity(contents, [appOrigin]);
    expect(emit('will-navigate', 'app://apogee/index.html')).toBe(false);
  });

  it('denies every new window and webview', () => {
    const { contents, emit, open } = fakeContents();
    applySecurity(contents, [appOrigin]);
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('app://apogee/')).toEqual({ action: 'deny' });
    expect(emit('will-attach-webview')).toBe(true);
  });

  it('grants persistent storage to the app and nothing else', () => {
    expect(isPermissionGranted('persistent-storage', 'app://apogee/index.html', [appOrigin])).toBe(
      true,
    );
    expect(isPermissionGranted('persistent-storage', 'https://example.com/', [appOrigin])).toBe(
      false,
    );
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'usb',
      'unknown',
    ]) {
      expect(isPermissionGranted(permission, 'app://apogee/', [appOrigin]), permission).toBe(false);
    }
  });

  it('lets the app reach a hub on the local network or this computer, and no other origin', () => {
    for (const permission of ['local-network-access', 'local-network', 'loopback-network']) {
      expect(isPermissionGranted(permission, 'app://apogee/index.html', [appOrigin]), permission).toBe(true);
      expect(isPermissionGranted(permission, 'https://example.com/', [appOrigin]), permission).toBe(false);
    }
  });
});
