/**
 * Names of the IPC channels between the renderer and the desktop shell. Kept apart from the
 * schemas so that the preload can import the allowlist without pulling in zod.
 */

/** Request/response channels the renderer may invoke (`domain:verb`). */
export const invokeChannels = [
  'app:info',
  'storage:status',
  'backup:create',
  'backup:list',
  'backup:read',
  'connectivity:get',
  'certificate:savePdf',
  'keys:create',
  'keys:sign',
  'keys:list',
] as const;

/** Events the shell pushes to the renderer. */
export const eventChannels = ['connectivity:changed'] as const;

/** A channel the renderer may invoke. */
export type InvokeChannel = (typeof invokeChannels)[number];
/** A channel the shell may push on. */
export type EventChannel = (typeof eventChannels)[number];

/** Every channel carries this prefix on the wire so stray Electron-internal channels never match. */
export const channelPrefix = 'apogee:';
