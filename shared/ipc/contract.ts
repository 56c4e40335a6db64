import { z } from 'zod';
import type { EventChannel, InvokeChannel } from './channels';

/** Largest backup the shell accepts over IPC (the decade dataset is far below this). */
export const maxBackupBytes = 512 * 1024 * 1024;

/** A backup file name as the shell writes it: `apogee-backup-<ISO time>.json`. */
export const backupNameSchema = z
  .string()
  .regex(/^apogee-backup-[0-9TZ:.-]+\.json$/, 'Backup names look like apogee-backup-<date>.json');

/** One entry of the backup list. */
export const backupInfoSchema = z.object({
  name: backupNameSchema,
  bytes: z.number().int().nonnegative(),
  createdAt: z.string(),
});
/** One entry of the backup list. */
export type BackupInfo = z.infer<typeof backupInfoSchema>;

/**
 * The typed IPC contract: for each channel, the schema of its request and of its response.
 * Main validates every request with these schemas; the renderer gets typed results.
 */
export const ipcContract = {
  'app:info': {
    request: z.undefined(),
    response: z.object({
      version: z.string(),
      platform: z.string(),
      userDataPath: z.string(),
    }),
  },
  'storage:status': {
    request: z.undefined(),
    response: z.object({ dataPath: z.string(), backupsPath: z.string(), persistent: z.boolean() }),
  },
  'backup:create': {
    request: z.object({ json: z.string().min(2).max(maxBackupBytes) }),
    response: backupInfoSchema,
  },
  'backup:list': {
    request: z.undefined(),
    response: z.array(backupInfoSchema),
  },
  'backup:read': {
    request: z.object({ name: backupNameSchema }),
    response: z.object({ name: backupNameSchema, json: z.string() }),
  },
  'connectivity:get': {
    request: z.undefined(),
    response: z.object({ online: z.boolean() }),
  },
} as const satisfies Record<InvokeChannel, { request: z.ZodType; response: z.ZodType }>;

/** Payload schemas of the events the shell pushes. */
export const ipcEvents = {
  'connectivity:changed': z.object({ online: z.boolean() }),
} as const satisfies Record<EventChannel, z.ZodType>;

/** Request type of a channel. */
export type IpcRequest<C extends InvokeChannel> = z.infer<(typeof ipcContract)[C]['request']>;
/** Response type of a channel. */
export type IpcResponse<C extends InvokeChannel> = z.infer<(typeof ipcContract)[C]['response']>;
/** Payload type of an event. */
export type IpcEventPayload<E extends EventChannel> = z.infer<(typeof ipcEvents)[E]>;

/** Error codes a handler may answer with. */
export type IpcErrorCode = 'forbidden-sender' | 'invalid-request' | 'not-found' | 'failed';

/** What every handler answers: a value, or an error with a code and a message for people. */
export type IpcResult<T> =
  | { ok: true; value: T }
  | { ok: false; error: { code: IpcErrorCode; message: string } };

/** The API the preload exposes as `window.apogee`. */
export type ApogeeBridge = {
  invoke<C extends InvokeChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>>;
  on<E extends EventChannel>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
};
