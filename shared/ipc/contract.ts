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

/** Largest signed credential the shell attaches to a PDF (one credential is a few kilobytes). */
export const maxCredentialBytes = 1024 * 1024;

/** Largest message the device key signs over IPC (a Data Integrity proof signs 64 bytes). */
export const maxSignBytes = 64 * 1024;

/** A certificate id as it appears in `#/certificates/<id>/print`. */
export const certificateIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,80}$/, 'Certificate ids are 1 to 80 letters, digits, dots, dashes, colons or underscores');

/** A PDF file name offered in the save dialog: no folders, no characters a file system refuses. */
export const certificateFileNameSchema = z
  .string()
  .max(120, 'File names are at most 120 characters')
  .regex(/^[^\\/:*?"<>|]+\.pdf$/i, 'File names end in .pdf and contain no folder separators or \\ / : * ? " < > |')
  .refine((name) => !/\p{Cc}/u.test(name), 'File names contain no control characters');

/** Name of the credential file attached inside a certificate PDF: the PDF's name with `.json`. */
export function credentialAttachmentName(pdfFileName: string): string {
  return pdfFileName.replace(/\.pdf$/i, '') + '.json';
}

/** The id of a device key in the desktop keystore (also its file name, so no separators). */
export const keyIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'Key ids are 1 to 64 letters, digits, dashes or underscores');

const base64Schema = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4, `At most ${maxBytes} bytes`)
    .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'Expected base64');

/** One key in the desktop keystore: its id and raw Ed25519 public key (32 bytes, base64). */
export const storedKeySchema = z.object({
  keyId: keyIdSchema,
  publicKey: z.string(),
  createdAt: z.string(),
});
/** One key in the desktop keystore. */
export type StoredKey = z.infer<typeof storedKeySchema>;

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
  'certificate:savePdf': {
    request: z.object({
      certificateId: certificateIdSchema,
      credentialJson: z
        .string()
        .min(2)
        .max(maxCredentialBytes, 'The credential is larger than 1 MB')
        .refine(isJsonObject, 'The credential is not a JSON object'),
      fileName: certificateFileNameSchema,
      pageSize: z.enum(['A4', 'Letter']),
    }),
    response: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  'keys:create': {
    request: z.object({ keyId: keyIdSchema }),
    response: storedKeySchema,
  },
  'keys:sign': {
    request: z.object({ keyId: keyIdSchema, data: base64Schema(maxSignBytes) }),
    response: z.object({ signature: z.string() }),
  },
  'keys:list': {
    request: z.undefined(),
    response: z.array(storedKeySchema),
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

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
