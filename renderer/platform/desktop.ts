import type { ApogeeBridge, IpcResponse, IpcResult, InvokeChannel, IpcRequest } from '../../shared/ipc';

declare global {
  // Set by the Electron preload; absent when the app runs in a plain browser.
  var apogee: ApogeeBridge | undefined;
}

/** The desktop shell's bridge, or undefined in a browser. */
export function desktopBridge(): ApogeeBridge | undefined {
  return globalThis.apogee;
}

/** True when running inside the Apogee desktop app. */
export function isDesktop(): boolean {
  return desktopBridge() !== undefined;
}

/** Calls the desktop shell; in a browser answers with a clear "desktop only" error. */
export async function callDesktop<C extends InvokeChannel>(
  channel: C,
  request: IpcRequest<C>,
): Promise<IpcResult<IpcResponse<C>>> {
  const bridge = desktopBridge();
  if (!bridge) return { ok: false, error: { code: 'failed', message: 'desktop-only' } };
  return bridge.invoke(channel, request);
}
