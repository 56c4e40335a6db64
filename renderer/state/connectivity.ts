import { create } from 'zustand';
import { desktopBridge } from '../platform/desktop';

type ConnectivityState = { online: boolean };

/** Whether this device has a network link, as the desktop shell (or the browser) reports it. */
export const useConnectivity = create<ConnectivityState>(() => ({
  online: globalThis.navigator?.onLine ?? true,
}));

/** Starts listening for connectivity changes; returns a function that stops. */
export function watchConnectivity(): () => void {
  const set = (online: boolean) => useConnectivity.setState({ online });
  const bridge = desktopBridge();
  if (bridge) {
    void bridge.invoke('connectivity:get', undefined).then((r) => r.ok && set(r.value.online));
    return bridge.on('connectivity:changed', ({ online }) => set(online));
  }
  const onOnline = () => set(true);
  const onOffline = () => set(false);
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  return () => {
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
  };
}
