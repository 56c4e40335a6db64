import { isDesktop } from './desktop';

/**
 * In a browser, registers the service worker that keeps the app's files for offline use, so a
 * reload with no network still opens Apogee. The desktop app loads its files from disk.
 */
export function registerOfflineCache(): void {
  if (isDesktop() || !('serviceWorker' in navigator) || import.meta.env.DEV) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
      console.warn('Offline cache unavailable:', error);
    });
  });
}
