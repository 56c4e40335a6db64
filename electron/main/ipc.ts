import type { z } from 'zod';
import { channelPrefix, invokeChannels } from '../../shared/ipc/channels';
import type { EventChannel, InvokeChannel } from '../../shared/ipc/channels';
import { ipcContract, ipcEvents } from '../../shared/ipc/contract';
import type {
  IpcErrorCode,
  IpcEventPayload,
  IpcRequest,
  IpcResponse,
  IpcResult,
} from '../../shared/ipc/contract';

/** What a handler answers: a value, or an expected failure with a code and a message for people. */
export type HandlerResult<C extends InvokeChannel> = IpcResult<IpcResponse<C>>;

/** One handler per channel of the contract, each receiving an already validated request. */
export type IpcHandlers = {
  [C in InvokeChannel]: (request: IpcRequest<C>) => HandlerResult<C> | Promise<HandlerResult<C>>;
};

/** A successful answer. */
export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

/** An expected failure (a bad name, a missing file): the message is shown to the user. */
export function fail(
  code: IpcErrorCode,
  message: string,
): { ok: false; error: { code: IpcErrorCode; message: string } } {
  return { ok: false, error: { code, message } };
}

/** The frame an IPC message came from, as far as the sender check needs it. */
export type SenderFrame = { readonly origin: string };

/** The part of an IpcMainInvokeEvent the wrapper reads. */
export type InvokeEvent = {
  readonly senderFrame: SenderFrame | null;
  readonly sender: { readonly mainFrame: SenderFrame };
};

/** The part of ipcMain the wrapper uses. */
export type IpcMainLike = {
  handle(
    channel: string,
    listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
};

/**
 * True when the message comes from the top-level frame of a page on a trusted origin. A
 * subframe (even a same-origin one), a frame that has navigated away or been destroyed, and any
 * other origin are refused.
 */
export function isTrustedSender(event: InvokeEvent, origins: readonly string[]): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame !== event.sender.mainFrame) return false;
  return origins.includes(frame.origin);
}

/** How each channel's request is named in error messages. */
const requestSubjects: Record<InvokeChannel, string> = {
  'app:info': 'The request for app information',
  'storage:status': 'The request for the storage status',
  'backup:create': 'The backup to create',
  'backup:list': 'The request for the list of backups',
  'backup:read': 'The backup name',
  'connectivity:get': 'The request for the connection status',
  'certificate:savePdf': 'The certificate to save as PDF',
  'keys:create': 'The key to create',
  'keys:sign': 'The data to sign',
  'keys:list': 'The request for the list of keys',
};

/** "field: problem" for each issue, so the message says which part of the request is wrong. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.map(String).join('.');
      return field === '' ? issue.message : `${field}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Registers every handler of the contract on `apogee:<channel>`. Each call is checked in this
 * order: sender allowed, request valid against the contract, then the handler runs; a thrown
 * error becomes a `failed` result instead of an exception crossing the bridge. Returns a
 * function that removes the handlers again.
 */
export function registerHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlers,
  options: {
    isAllowedSender: (event: InvokeEvent) => boolean;
    onError?: (channel: string, error: unknown) => void;
  },
): () => void {
  for (const channel of invokeChannels) {
    ipcMain.handle(channelPrefix + channel, (event, ...args) =>
      invokeHandler(channel, handlers, options, event, args[0]),
    );
  }
  return () => {
    for (const channel of invokeChannels) ipcMain.removeHandler(channelPrefix + channel);
  };
}

async function invokeHandler<C extends InvokeChannel>(
  channel: C,
  handlers: IpcHandlers,
  options: {
    isAllowedSender: (event: InvokeEvent) => boolean;
    onError?: (channel: string, error: unknown) => void;
  },
  event: InvokeEvent,
  rawRequest: unknown,
): Promise<HandlerResult<C>> {
  if (!options.isAllowedSender(event)) {
    return fail(
      'forbidden-sender',
      `Apogee refused "${channel}": the request did not come from the Apogee window.`,
    );
  }
  const schema: z.ZodType = ipcContract[channel].request;
  const parsed = schema.safeParse(rawRequest);
  if (!parsed.success) {
    return fail(
      'invalid-request',
      `${requestSubjects[channel]} is not valid: ${describeIssues(parsed.error)}.`,
    );
  }
  try {
    const handler = handlers[channel] as (
      request: IpcRequest<C>,
    ) => HandlerResult<C> | Promise<HandlerResult<C>>;
    return await handler(parsed.data as IpcRequest<C>);
  } catch (error) {
    options.onError?.(channel, error);
    const reason = error instanceof Error ? error.message : String(error);
    return fail('failed', `Apogee could not complete "${channel}": ${reason}`);
  }
}

/** The part of a WebContents that receives pushed events. */
export type EventTarget = { send(channel: string, payload: unknown): void; isDestroyed(): boolean };

/** Pushes an event to a page on `apogee:<event>`, after checking the payload against the contract. */
export function sendEvent<E extends EventChannel>(
  target: EventTarget,
  event: E,
  payload: IpcEventPayload<E>,
): void {
  if (target.isDestroyed()) return;
  target.send(channelPrefix + event, ipcEvents[event].parse(payload));
}
