// Devices on other origins (the desktop app at app://apogee, the web app served elsewhere) reach
// the hub through CORS: preflights for the sync requests are answered and cached, answers are
// readable, and nothing rides on cookies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { createAccount } from './accounts';
import { buildHub } from './app';
import { openDatabase } from './db/open';
import type { Database } from './db/schema';
import { ensureOrganisation } from './organisation';

let db: Kysely<Database>;
let app: FastifyInstance;

beforeAll(async () => {
  db = await openDatabase({ memory: true });
  await ensureOrganisation(db, { name: 'Centre', code: 'ORG' });
  await createAccount(db, { email: 'c@x.org', role: 'coordinator', password: 'secret-pass' });
  app = await buildHub({ db });
}, 60_000);
afterAll(async () => {
  await app.close();
  await db.destroy();
});

describe('hub CORS', () => {
  it('answers the preflight of a gzip push from the desktop app, and lets it be cached', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/sync/push',
      headers: {
        origin: 'app://apogee',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-encoding,content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(String(preflight.headers['access-control-allow-methods'])).toMatch(/POST/);
    const allowed = String(preflight.headers['access-control-allow-headers']).split(/,\s*/);
    for (const header of ['authorization', 'content-encoding', 'content-type']) expect(allowed).toContain(header);
    expect(preflight.headers['access-control-max-age']).toBe('7200');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('makes sign-in and refusals readable from another origin', async () => {
    const origin = 'http://127.0.0.1:4310';
    const login = await app.inject({
      method: 'POST',
      url: '/api/login',
      headers: { origin },
      payload: { email: 'c@x.org', password: 'secret-pass', clientId: 'client-cors-1' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['access-control-allow-origin']).toBe('*');
    const refused = await app.inject({ method: 'GET', url: '/sync/pull?cursor=', headers: { origin } });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    expect(refused.json()).toMatchObject({ error: 'unauthorized' });
    // A pulled page's cursor headers are readable there too (the device asks for the next page early).
    const { token } = login.json<{ token: string }>();
    const pulled = await app.inject({ method: 'GET', url: '/sync/pull?cursor=', headers: { origin, authorization: `Bearer ${token}` } });
    expect(pulled.statusCode).toBe(200);
    expect(pulled.headers['x-apogee-cursor']).toBe(pulled.json<{ cursor: string }>().cursor);
    const exposed = String(pulled.headers['access-control-expose-headers']).split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['x-apogee-cursor', 'x-apogee-has-more']));
    // A sync packet's reply says what it did in a header the page may read.
    const packet = await app.inject({ method: 'OPTIONS', url: '/sync/packet', headers: { origin, 'access-control-request-method': 'POST' } });
    expect(packet.statusCode).toBe(204);
  });
});
