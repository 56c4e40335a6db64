import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredSession } from '../sync/state';
import { useSession } from '../state/session';
import { useSettings } from '../state/settings';
import { currentActor } from './index';

function signedIn(account: Partial<StoredSession['account']>): StoredSession {
  return {
    token: 't',
    expiresAt: '2099-01-01T00:00:00.000Z',
    account: { id: 'a-1', email: 'site@hub.test', role: 'coordinator', personId: '', name: 'Site', ...account },
    organisation: { id: 'o', name: 'Org', code: 'ORG' },
    packetKey: 'k',
    hubUrl: 'http://hub.test/',
    clientId: 'c-1',
    deviceName: 'laptop',
    signedInAt: '2026-01-01T00:00:00.000Z',
  };
}

afterEach(() => useSession.setState({ loaded: true, session: undefined }));

describe('currentActor', () => {
  it('acts for the site of a signed-in site coordinator, as the hub does for the account', () => {
    useSession.setState({ loaded: true, session: signedIn({ site: 'PK', personId: 'p-9' }) });
    expect(currentActor()).toEqual({ role: 'coordinator', site: 'PK', personId: 'p-9', deviceId: 'laptop' });
  });

  it('acts for the whole organisation when the account has no site (or a hub from before sites sent none)', () => {
    useSession.setState({ loaded: true, session: signedIn({ site: '' }) });
    expect(currentActor()).not.toHaveProperty('site');
    useSession.setState({ loaded: true, session: signedIn({}) });
    expect(currentActor()).not.toHaveProperty('site');
  });

  it('acts under the name the hub knows this device by, and as the "Acting as" choice when not signed in', () => {
    useSession.setState({ loaded: true, session: { ...signedIn({}), deviceName: '' } });
    expect(currentActor().deviceId).toBe('c-1');
    useSession.setState({ loaded: true, session: undefined });
    expect(currentActor().deviceId).toBe(useSettings.getState().deviceId);
  });

  it('never gives a site to an instructor or a trainee', () => {
    useSession.setState({ loaded: true, session: signedIn({ role: 'trainee', personId: 'p-1', site: 'PK' }) });
    expect(currentActor()).toEqual({ role: 'trainee', personId: 'p-1', deviceId: 'laptop' });
  });
});
