import { describe, expect, it } from 'vitest';
import type { StoredSession } from '../../sync/state';
import { accountRoleFor, accountRolesFor, createAccount, fetchDevices } from './api';

const session = { hubUrl: 'http://hub.test:4310/', token: 'tok', clientId: 'client-1' } as StoredSession;

/** A fetch that answers with one status and body, and remembers what it was asked. */
function answering(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = ((url: string, init: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  }) as unknown as typeof fetch;
  return { calls, fetchFn };
}

describe('hub admin requests', () => {
  it('send the sign-in token and give the hub’s answer', async () => {
    const { calls, fetchFn } = answering(200, { devices: [{ clientId: 'a', deviceName: 'Lab', pending: 2 }] });
    const answer = await fetchDevices(session, fetchFn);
    expect(answer).toMatchObject({ ok: true, value: { devices: [{ deviceName: 'Lab', pending: 2 }] } });
    expect(calls[0]!.url).toBe('http://hub.test:4310/api/devices');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('say "not signed in" without calling anything when there is no session', async () => {
    const { calls, fetchFn } = answering(200, {});
    expect(await fetchDevices(undefined, fetchFn)).toEqual({ ok: false, problem: { kind: 'signed-out' } });
    expect(calls).toHaveLength(0);
  });

  it('say "offline" when the hub cannot be reached', async () => {
    const failing = (() => Promise.reject(new TypeError('Failed to fetch'))) as unknown as typeof fetch;
    expect(await fetchDevices(session, failing)).toEqual({ ok: false, problem: { kind: 'offline' } });
  });

  it('tell an existing account (409), an expired sign-in (401) and a refusal (403) apart', async () => {
    const input = { email: 'a@b.org', role: 'trainee' as const, personId: 'p1', name: 'A' };
    expect(await createAccount(session, input, answering(409, { error: 'email-taken', message: 'exists' }).fetchFn)).toEqual({ ok: false, problem: { kind: 'exists', message: 'exists' } });
    expect(await createAccount(session, input, answering(401, {}).fetchFn)).toEqual({ ok: false, problem: { kind: 'expired' } });
    expect(await createAccount(session, input, answering(403, {}).fetchFn)).toEqual({ ok: false, problem: { kind: 'forbidden' } });
    expect(await createAccount(session, input, answering(500, { message: 'disk full' }).fetchFn)).toEqual({ ok: false, problem: { kind: 'hub-error', status: 500, message: 'disk full' } });
  });

  it('keep which rule the hub refused by (a person outside the site, a coordinator sign-in), so the page can say it', async () => {
    const input = { email: 'a@b.org', role: 'trainee' as const, personId: 'p1', name: 'A' };
    expect(await createAccount(session, input, answering(403, { error: 'forbidden', where: 'personId' }).fetchFn)).toEqual({ ok: false, problem: { kind: 'forbidden', where: 'personId' } });
  });

  it('post the coordinator’s site when creating a site coordinator’s sign-in', async () => {
    const { calls, fetchFn } = answering(201, { id: 'acc', email: 'c@b.org', role: 'coordinator', personId: 'p2', site: 'TR', password: 'abcd-efgh' });
    await createAccount(session, { email: 'c@b.org', role: 'coordinator', personId: 'p2', name: 'C', site: 'TR' }, fetchFn);
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ email: 'c@b.org', role: 'coordinator', personId: 'p2', name: 'C', site: 'TR' });
  });

  it('post the person’s e-mail, role and id when creating a sign-in', async () => {
    const { calls, fetchFn } = answering(201, { id: 'acc', email: 'a@b.org', role: 'trainee', personId: 'p1', password: 'abcd-efgh' });
    const answer = await createAccount(session, { email: 'a@b.org', role: 'trainee', personId: 'p1', name: 'A' }, fetchFn);
    expect(answer).toMatchObject({ ok: true, value: { password: 'abcd-efgh' } });
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ email: 'a@b.org', role: 'trainee', personId: 'p1', name: 'A' });
  });
});

describe('accountRoleFor', () => {
  it('makes instructors’ sign-ins instructor accounts, trainees’ trainee accounts, and none for others', () => {
    expect(accountRoleFor(['trainee', 'instructor'])).toBe('instructor');
    expect(accountRoleFor(['trainee'])).toBe('trainee');
    expect(accountRoleFor(['coordinator'])).toBeUndefined();
  });
});

describe('accountRolesFor', () => {
  it('offers a coordinator’s sign-in first to a coordinator of the whole organisation, never to a site coordinator', () => {
    expect(accountRolesFor(['coordinator', 'instructor'], true)).toEqual(['coordinator', 'instructor']);
    expect(accountRolesFor(['coordinator'], true)).toEqual(['coordinator']);
    expect(accountRolesFor(['coordinator', 'trainee'], false)).toEqual(['trainee']);
    expect(accountRolesFor(['coordinator'], false)).toEqual([]);
  });
});
