import { describe, expect, it, vi } from 'vitest';
import { channelPrefix, invokeChannels } from '../../shared/ipc/channels';
import type { IpcHandlers, InvokeEvent, IpcMainLike } from './ipc';
import { fail, isTrustedSender, ok, registerHandlers, sendEvent } from './ipc';
import { appOrigin } from './origins';

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipcMain, handlers };
}

/** An event from the top frame of a page on `origin`, or from one of its subframes. */
function eventFrom(origin: string, { subframe = false } = {}): InvokeEvent {
  const mainFrame = { origin };
  return { sender: { mainFrame }, senderFrame: subframe ? { origin } : mainFrame };
}

const handlers: IpcHandlers = {
  'app:info': () => ok({ version: '1.2.3', platform: 'linux', userDataPath: '/data' }),
  'storage:status': () => ok({ dataPath: '/data', backupsPath: '/data/backups', persistent: true }),
  'backup:create': ({ json }) =>
    ok({ name: 'apogee-backup-2025-07-07T10-11-12.345Z.json', bytes: json.length, createdAt: '' }),
  'backup:list': () => ok([]),
  'backup:read': ({ name }) => fail('not-found', `There is no backup called "${name}".`),
  'connectivity:get': () => {
    throw new Error('the network service is down');
  },
  'certificate:savePdf': ({ fileName }) => ok({ saved: true, path: `/home/ana/${fileName}` }),
  'keys:create': ({ keyId }) => ok({ keyId, publicKey: 'AAAA', createdAt: '2027-01-01T00:00:00.000Z' }),
  'keys:sign': () => ok({ signature: 'c2ln' }),
  'keys:list': () => ok([]),
};

function setUp() {
  const { ipcMain, handlers: registered } = fakeIpcMain();
  const onError = vi.fn();
  const unregister = registerHandlers(ipcMain, handlers, {
    isAllowedSender: (event) => isTrustedSender(event, [appOrigin]),
    onError,
  });
  const invoke = (channel: string, request: unknown, event = eventFrom(appOrigin)) =>
    registered.get(channelPrefix + channel)!(event, request);
  return { registered, invoke, unregister, onError };
}

describe('ipc', () => {
  it('registers every contract channel under the apogee: prefix', () => {
    const { registered, unregister } = setUp();
    expect([...registered.keys()].sort()).toEqual(
      invokeChannels.map((c) => channelPrefix + c).sort(),
    );
    unregister();
    expect(registered.size).toBe(0);
  });

  it('answers a valid request from the app window with the handler value', async () => {
    const { invoke } = setUp();
    await expect(invoke('app:info', undefined)).resolves.toEqual({
      ok: true,
      value: { version: '1.2.3', platform: 'linux', userDataPath: '/data' },
    });
  });

  it('refuses a request from a subframe', async () => {
    const { invoke } = setUp();
    const result = await invoke('app:info', undefined, eventFrom(appOrigin, { subframe: true }));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('refuses a request from a page on another origin', async () => {
    const { invoke } = setUp();
    const result = await invoke('backup:list', undefined, eventFrom('https://example.com'));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('refuses a request from a frame that navigated away or was destroyed', async () => {
    const { invoke } = setUp();
    const gone: InvokeEvent = { sender: { mainFrame: { origin: appOrigin } }, senderFrame: null };
    expect(await invoke('app:info', undefined, gone)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('rejects an invalid request with a message naming the field', async () => {
    const { invoke } = setUp();
    const result = await invoke('backup:read', { name: '../../etc/passwd' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        message:
          'The backup name is not valid: name: Backup names look like apogee-backup-<date>.json.',
      },
    });
  });

  it('rejects a request with the wrong shape before the handler runs', async () => {
    const { invoke } = setUp();
    const result = (await invoke('backup:create', { json: 42 })) as {
      ok: false;
      error: { code: string; message: string };
    };
    expect(result.error.code).toBe('invalid-request');
    expect(result.error.message).toMatch(/^The backup to create is not valid: json: /);
  });

  it('saves a certificate PDF when the request names a certificate, a credential and a .pdf file', async () => {
    const { invoke } = setUp();
    const request = { certificateId: 'c-1', credentialJson: '{"id":"urn:uuid:1"}', fileName: 'IDSEA-K7Q2-000001.pdf', pageSize: 'A4' };
    expect(await invoke('certificate:savePdf', request)).toEqual({
      ok: true,
      value: { saved: true, path: '/home/ana/IDSEA-K7Q2-000001.pdf' },
    });
  });

  it('refuses a certificate PDF whose file name would leave the chosen folder or whose credential is not JSON', async () => {
    const { invoke } = setUp();
    const base = { certificateId: 'c-1', credentialJson: '{"id":"x"}', fileName: 'ok.pdf', pageSize: 'A4' };
    for (const [patch, field] of [
      [{ fileName: '../../.bashrc.pdf' }, 'fileName'],
      [{ fileName: 'certificate.exe' }, 'fileName'],
      [{ credentialJson: 'not json' }, 'credentialJson'],
      [{ credentialJson: '[1,2]' }, 'credentialJson'],
      [{ pageSize: 'A3' }, 'pageSize'],
      [{ certificateId: 'a/../../b' }, 'certificateId'],
    ] as const) {
      const result = (await invoke('certificate:savePdf', { ...base, ...patch })) as { ok: false; error: { code: string; message: string } };
      expect(result.error.code, field).toBe('invalid-request');
      expect(result.error.message, field).toContain(`The certificate to save as PDF is not valid: ${field}: `);
    }
  });

  it('refuses a key id that is not a plain name and data that is not bounded base64', async () => {
    const { invoke } = setUp();
    expect(await invoke('keys:create', { keyId: '../secrets' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await invoke('keys:sign', { keyId: 'device-1', data: 'not base64!' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    const tooLarge = Buffer.alloc(64 * 1024 + 3).toString('base64');
    expect(await invoke('keys:sign', { keyId: 'device-1', data: tooLarge })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await invoke('keys:sign', { keyId: 'device-1', data: Buffer.alloc(64).toString('base64') })).toEqual({
      ok: true,
      value: { signature: 'c2ln' },
    });
  });

  it('passes on an expected failure from the handler unchanged', async () => {
    const { invoke } = setUp();
    expect(
      await invoke('backup:read', { name: 'apogee-backup-2025-01-01T00-00-00.000Z.json' }),
    ).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: 'There is no backup called "apogee-backup-2025-01-01T00-00-00.000Z.json".',
      },
    });
  });

  it('turns a thrown error into a failed result instead of crashing the call', async () => {
    const { invoke, onError } = setUp();
    expect(await invoke('connectivity:get', undefined)).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: 'Apogee could not complete "connectivity:get": the network service is down',
      },
    });
    expect(onError).toHaveBeenCalledWith('connectivity:get', expect.any(Error));
  });

  it('pushes an event on the prefixed channel unless the page is gone', () => {
    const sent: unknown[][] = [];
    const target = { send: (...args: unknown[]) => void sent.push(args), isDestroyed: () => false };
    sendEvent(target, 'connectivity:changed', { online: false });
    sendEvent({ ...target, isDestroyed: () => true }, 'connectivity:changed', { online: true });
    expect(sent).toEqual([['apogee:connectivity:changed', { online: false }]]);
  });
});
