import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase } from './db/open';
import { buildHub } from './app';
import { createAccount } from './accounts';
import { ensureOrganisation } from './organisation';

let app: FastifyInstance;
beforeAll(async () => {
  const db = await openDatabase({ memory: true });
  await ensureOrganisation(db, { name: 'Test', code: 'TST' });
  await createAccount(db, { email: 'c@x.org', role: 'coordinator', password: 'secret-pass' });
  app = await buildHub({ db });
});
afterAll(() => app.close());

describe('hub smoke', () => {
  it('logs in, pushes and pulls', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/login', payload: { email: 'c@x.org', password: 'secret-pass', clientId: 'client-0001' } });
    expect(login.statusCode).toBe(200);
    const { token } = login.json();
    const auth = { authorization: `Bearer ${token}` };
    const pushed = await app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: auth,
      payload: { clientId: 'client-0001', schemaVersion: 5, mutations: [{ id: 'm1', seq: 1, name: 'programme.create', version: 1, args: { id: 'p1', name: 'CubeSat Design' }, at: '2026-01-01T00:00:00Z', seen: 0 }] },
    });
    expect(pushed.statusCode).toBe(200);
    expect(pushed.json().results[0].status).toBe('ok');
    const again = await app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: auth,
      payload: { clientId: 'client-0001', schemaVersion: 5, mutations: [{ id: 'm1', seq: 1, name: 'programme.create', version: 1, args: { id: 'p1', name: 'CubeSat Design' }, at: '2026-01-01T00:00:00Z', seen: 0 }] },
    });
    expect(again.json().results[0].status).toBe('ok');
    const pulled = await app.inject({ method: 'GET', url: '/sync/pull?cursor=&count=1', headers: auth });
    expect(pulled.statusCode).toBe(200);
    const page = pulled.json();
    expect(page.changes).toHaveLength(1);
    expect(page.changes[0]).toMatchObject({ t: 'programmes', id: 'p1', r: { name: 'CubeSat Design' } });
  });
});
