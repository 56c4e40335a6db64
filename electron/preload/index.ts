// The preload runs sandboxed: it can require only 'electron', so scripts/build-electron.mjs
// bundles it (with the channel allowlist) into one file. Lint allows it no other imports.
import { contextBridge, ipcRenderer } from 'electron';
import { channelPrefix, eventChannels, invokeChannels } from '../../shared/ipc/channels';
import type { ApogeeBridge } from '../../shared/ipc/contract';

/** The part of ipcRenderer the bridge uses. */
export type IpcRendererLike = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
};

const allowedInvokes: ReadonlySet<string> = new Set(invokeChannels);
const allowedEvents: ReadonlySet<string> = new Set(eventChannels);

/**
 * `window.apogee`: invoke an allowlisted channel, or listen to an allowlisted event. Anything
 * else is refused here, before it reaches the main process. Listeners get the payload only,
 * never Electron's event object (which would hand the page the raw IPC API).
 */
export function createBridge(ipc: IpcRendererLike): ApogeeBridge {
  return {
    invoke(channel, request) {
      if (typeof channel !== 'string' || !allowedInvokes.has(channel)) {
        return Promise.reject(
          new Error(`Apogee: "${String(channel)}" is not a channel the app may invoke.`),
        );
      }
      return ipc.invoke(channelPrefix + channel, request) as Promise<never>;
    },
    on(event, listener) {
      if (typeof event !== 'string' || !allowedEvents.has(event)) {
        throw new Error(`Apogee: "${String(event)}" is not an event the app may listen to.`);
      }
      if (typeof listener !== 'function') {
        throw new Error(`Apogee: the listener for "${event}" must be a function.`);
      }
      const wrapped = (_event: unknown, payload: unknown) => {
        (listener as (payload: unknown) => void)(payload);
      };
      ipc.on(channelPrefix + event, wrapped);
      return () => {
        ipc.removeListener(channelPrefix + event, wrapped);
      };
    },
  };
}

contextBridge.exposeInMainWorld('apogee', createBridge(ipcRenderer));
