import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApogeeBridge } from '../shared/ipc/contract';

type Listener = (event: unknown, ...args: unknown[]) => void;

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  listeners: new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      fake.invoked.push(args);
      return Promise.resolve({ ok: true, value: 'answer' });
    },
    on: (channel: string, listener: Listener) => {
      const set = fake.listeners.get(channel) ?? new Set();
      set.add(listener);
      fake.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: Listener) => {
      fake.listeners.get(channel)?.delete(listener);
    },
  },
}));

await import('./preload/index');
const bridge = fake.exposed.get('apogee') as ApogeeBridge;
/** The bridge as untyped page script could call it. */
const loose = bridge as unknown as {
  invoke(c: unknown, r?: unknown): Promise<unknown>;
  on(e: unknown, l: unknown): unknown;
};

beforeEach(() => {
  fake.invoked.length = 0;
});

describe('preload', () => {
  it('exposes the bridge as window.apogee', () => {
    expect([...fake.exposed.keys()]).toEqual(['apogee']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
  });

  it('invokes an allowlisted channel under the apogee: prefix', async () => {
    await expect(bridge.invoke('backup:read', { name: 'apogee-backup-1.json' })).resolves.toEqual({
      ok: true,
      value: 'answer',
    });
    expect(fake.invoked).toEqual([['apogee:backup:read', { name: 'apogee-backup-1.json' }]]);
  });

  it('lets the page save certificate PDFs and use the device keys, through allowlisted channels only', async () => {
    for (const channel of ['certificate:savePdf', 'keys:create', 'keys:sign', 'keys:list'] as const) {
      await loose.invoke(channel, undefined);
    }
    expect(fake.invoked.map(([channel]) => channel)).toEqual([
      'apogee:certificate:savePdf',
      'apogee:keys:create',
      'apogee:keys:sign',
      'apogee:keys:list',
    ]);
    // There is no channel that hands a secret key to the page.
    for (const channel of ['keys:export', 'keys:read', 'keys:secret']) {
      await expect(loose.invoke(channel, { keyId: 'device-1' })).rejects.toThrow('is not a channel the app may invoke');
    }
    expect(fake.invoked).toHaveLength(4);
  });

  it('refuses a channel that is not in the allowlist without reaching the main process', async () => {
    await expect(loose.invoke('shell:openExternal', 'https://example.com')).rejects.toThrow(
      '"shell:openExternal" is not a channel the app may invoke',
    );
    await expect(loose.invoke('apogee:app:info')).rejects.toThrow();
    await expect(loose.invoke({ toString: () => 'app:info' })).rejects.toThrow();
    expect(fake.invoked).toEqual([]);
  });

  it('delivers only the payload of an event, and stops after unsubscribing', () => {
    const heard: unknown[] = [];
    const unsubscribe = bridge.on('connectivity:changed', (payload) => heard.push(payload));
    const emit = (payload: unknown) => {
      for (const listener of fake.listeners.get('apogee:connectivity:changed') ?? []) {
        listener({ sender: 'ipc internals' }, payload);
      }
    };
    emit({ online: false });
    unsubscribe();
    emit({ online: true });
    expect(heard).toEqual([{ online: false }]);
  });

  it('refuses to listen to an event that is not in the allowlist', () => {
    expect(() => loose.on('app:info', () => {})).toThrow(
      '"app:info" is not an event the app may listen to',
    );
    expect(() => loose.on('connectivity:changed', 'not a function')).toThrow('must be a function');
  });
});
