import { renderToStaticMarkup } from 'react-dom/server.browser';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Person } from '../../../shared/domain/people';
import { I18nProvider } from '../../i18n';
import type { StoredSession } from '../../sync/state';
import { CreateSignIn } from './CreateSignIn';
import { useRoleText } from './roleText';

// Server rendering reads stores at their initial state: the signed-in session comes from here.
let current: StoredSession | undefined;
vi.mock('./session', () => ({
  useHubSession: () => ({ loading: false, session: current }),
  useCurrentRole: () => 'coordinator',
}));

function signedInAs(site: string) {
  const session: StoredSession = {
    token: 't',
    expiresAt: '2099-01-01T00:00:00.000Z',
    account: { id: 'a', email: 'me@hub.test', role: 'coordinator', personId: '', name: 'Me', site },
    organisation: { id: 'o', name: 'Org', code: 'ORG' },
    packetKey: 'k',
    hubUrl: 'http://hub.test/',
    clientId: 'c',
    deviceName: 'laptop',
    signedInAt: '2026-01-01T00:00:00.000Z',
  };
  current = session;
}

const person = (roles: Person['roles'], country = 'PK') => ({ id: 'p-1', email: 'amina@example.org', roles, nativeName: 'Amina', latinName: '', preferredName: '', country });

const render = (node: React.ReactNode) => renderToStaticMarkup(<I18nProvider><MemoryRouter>{node}</MemoryRouter></I18nProvider>);

afterEach(() => {
  current = undefined;
});

describe('CreateSignIn', () => {
  it('lets a coordinator of the whole organisation choose what a coordinator’s sign-in runs, starting at the person’s country', () => {
    signedInAs('');
    const html = render(<CreateSignIn person={person(['coordinator', 'instructor'])} />);
    expect(html).toContain('Sign in as');
    expect(html).toContain('Runs the sessions of');
    expect(html).toContain('>The whole organisation</option>');
    expect(html).toMatch(/<option value="PK" selected="">Pakistan<\/option>/);
    expect(html).toContain('Amina will sign in as Coordinator for Pakistan with amina@example.org');
  });

  it('asks for a choice when the person has no partner country', () => {
    signedInAs('');
    const html = render(<CreateSignIn person={person(['coordinator'], '')} />);
    expect(html).toContain('Choose what Amina runs');
    expect(html).not.toContain('Sign in as');
  });

  it('tells a site coordinator that coordinators’ sign-ins are the organisation’s, and offers the other role', () => {
    signedInAs('PK');
    expect(render(<CreateSignIn person={person(['coordinator'])} />)).toContain('Coordinator sign-ins are created by coordinators of the whole organisation');
    const both = render(<CreateSignIn person={person(['coordinator', 'trainee'])} />);
    expect(both).not.toContain('Runs the sessions of');
    expect(both).toContain('Amina will sign in as Trainee with amina@example.org');
  });
});

function RoleLine({ site }: { site?: string }) {
  return <>{useRoleText()('coordinator', site)}</>;
}

describe('useRoleText', () => {
  it('names a coordinator’s site, or the whole organisation', () => {
    expect(render(<RoleLine site="PK" />)).toBe('Coordinator for Pakistan');
    expect(render(<RoleLine />)).toBe('Coordinator for the whole organisation');
  });
});
