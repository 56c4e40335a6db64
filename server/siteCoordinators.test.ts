// Site coordinators on the hub, against both stores: accounts with a site (created, refused,
// listed, signed in), and a scope that follows the sessions of the site (moved in or out:
// resync-required and a fresh copy; new people on its rosters come along).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Session } from '../shared/sync/protocol';
import { personArgs } from '../shared/testing/factories';
import { site, siteSession, siteWorldCalls } from '../shared/testing/siteWorld';
import type { Database } from './db/schema';
import { dumpRecords, loginAll, startTestHub, TestClient, world, worldCalls, type AccountKey, type HubAnswer, type Transport } from './testing';
import { testStores } from './testStores';

describe.each(testStores('siteCoordinators'))('site coordinators on $name', (store) => {
  let db: Kysely<Database>;
  let app: FastifyInstance;
  let transport: Transport;
  let c: Record<AccountKey, TestClient>;

  beforeAll(async () => {
    db = await store.open();
    ({ app, transport } = await startTestHub(db));
    c = await loginAll(transport);
    await c.coordinator.pushOk([...worldCalls(), ...siteWorldCalls(world.programme)]);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await db?.destroy();
    await store.close();
  });

  const api = (client: TestClient, method: 'GET' | 'POST', url: string, body?: unknown): Promise<HubAnswer> =>
    transport({ method, url, token: client.token, ...(body === undefined ? {} : { body }) });
  const accountCount = async () => (await db.selectFrom('accounts').select('id').execute()).length;

  describe('accounts', () => {
    it('creates a site coordinator for an organisation coordinator; the sign-in, /api/me and the list carry the site', async () => {
      const created = await api(c.coordinator, 'POST', '/api/accounts', { email: 'tr.coordinator@hub.test', role: 'coordinator', name: 'TR', site: 'tr' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ email: 'tr.coordinator@hub.test', role: 'coordinator', site: 'TR' });
      const login = await transport({
        method: 'POST',
        url: '/api/login',
        body: { email: 'tr.coordinator@hub.test', password: created.body.password, clientId: 'client-tr-coordinator', deviceName: 'Istanbul laptop' },
      });
      expect(login.status).toBe(200);
      const session = login.body as unknown as Session;
      expect(session.account).toMatchObject({ role: 'coordinator', site: 'TR' });
      const me = await transport({ method: 'GET', url: '/api/me', token: session.token });
      expect(me.body).toMatchObject({ email: 'tr.coordinator@hub.test', site: 'TR' });
      const list = await api(c.coordinator, 'GET', '/api/accounts');
      const accounts = list.body.accounts as { email: string; site: string }[];
      expect(accounts.find((a) => a.email === 'tr.coordinator@hub.test')?.site).toBe('TR');
      expect(accounts.find((a) => a.email === 'coordinator@hub.test')?.site).toBe('');
    });

    it('creates an organisation coordinator when the site is left out or empty', async () => {
      const created = await api(c.coordinator, 'POST', '/api/accounts', { email: 'org2@hub.test', role: 'coordinator', site: '' });
      expect(created.status).toBe(201);
      expect(created.body.site).toBe('');
    });

    it.each([
      ['a trainee account with a site', { email: 'x1@hub.test', role: 'trainee', personId: 'p-3', site: 'PK' }, /Only coordinator accounts run a site/],
      ['a country name instead of a code', { email: 'x2@hub.test', role: 'coordinator', site: 'Pakistan' }, /"Pakistan" is not a country code/],
      ['a code that is no country', { email: 'x3@hub.test', role: 'coordinator', site: 'XX' }, /"XX" is not a country code/],
      ['a site that is not text', { email: 'x4@hub.test', role: 'coordinator', site: 42 }, /at "site"/],
    ])('refuses %s with a 400 naming the field "site", and stores nothing', async (_, body, message) => {
      const before = await accountCount();
      const answer = await api(c.coordinator, 'POST', '/api/accounts', body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: 'bad-request', where: 'site' });
      expect(String(answer.body.message)).toMatch(message);
      expect(await accountCount()).toBe(before);
    });

    it.each([
      ['a site coordinator', { email: 'y1@hub.test', role: 'coordinator', site: 'PK' }],
      ['an organisation coordinator', { email: 'y2@hub.test', role: 'coordinator' }],
    ])('refuses a site coordinator creating %s (403, says who can), and stores nothing', async (_, body) => {
      const before = await accountCount();
      const answer = await api(c.siteCoordinator, 'POST', '/api/accounts', body);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ error: 'forbidden', where: 'role' });
      expect(String(answer.body.message)).toMatch(/whole organisation/);
      expect(await accountCount()).toBe(before);
    });

    it('lets a site coordinator give sign-ins to the people of its site (its country or its rosters), not to others', async () => {
      const own = await api(c.siteCoordinator, 'POST', '/api/accounts', { email: 'p-3@example.org', role: 'trainee', personId: 'p-3' });
      expect(own.status).toBe(201);
      const visitor = await api(c.siteCoordinator, 'POST', '/api/accounts', { email: `${site.visitor}@example.org`, role: 'trainee', personId: site.visitor });
      expect(visitor.status).toBe(201);
      const before = await accountCount();
      for (const personId of [site.personAbroad, site.nobody, 'no-such-person']) {
        const answer = await api(c.siteCoordinator, 'POST', '/api/accounts', { email: `${personId}@example.org`, role: 'trainee', personId });
        expect(answer.status, personId).toBe(403);
        expect(answer.body).toMatchObject({ error: 'forbidden', where: 'personId' });
        expect(String(answer.body.message)).toMatch(/neither from PK nor on the list of a session held there/);
      }
      expect(await accountCount()).toBe(before);
      // An organisation coordinator may.
      const abroad = await api(c.coordinator, 'POST', '/api/accounts', { email: `${site.personAbroad}@example.org`, role: 'trainee', personId: site.personAbroad });
      expect(abroad.status).toBe(201);
    });

    it('shows a site coordinator the accounts and devices of its site only', async () => {
      const accounts = ((await api(c.siteCoordinator, 'GET', '/api/accounts')).body.accounts as { email: string }[]).map((a) => a.email);
      expect(accounts).toEqual(expect.arrayContaining(['sitecoordinator@hub.test', 'trainee1@hub.test', 'trainee2@hub.test', 'instructor@hub.test', 'p-3@example.org']));
      for (const hidden of ['coordinator@hub.test', 'org2@hub.test', 'tr.coordinator@hub.test', `${site.personAbroad}@example.org`]) expect(accounts).not.toContain(hidden);
      const devices = ((await api(c.siteCoordinator, 'GET', '/api/devices')).body.devices as { account: string }[]).map((d) => d.account);
      expect(devices).toEqual(expect.arrayContaining(['sitecoordinator@hub.test', 'trainee1@hub.test']));
      expect(devices).not.toContain('coordinator@hub.test');
      expect(devices).not.toContain('tr.coordinator@hub.test');
      // The organisation coordinator sees every account.
      const all = ((await api(c.coordinator, 'GET', '/api/accounts')).body.accounts as { email: string }[]).map((a) => a.email);
      expect(all).toEqual(expect.arrayContaining(['coordinator@hub.test', 'tr.coordinator@hub.test', 'sitecoordinator@hub.test']));
    });

    it('keeps the account lists from instructors and trainees', async () => {
      for (const client of [c.instructor, c.trainee1]) {
        expect((await api(client, 'GET', '/api/accounts')).status).toBe(403);
        expect((await api(client, 'GET', '/api/devices')).status).toBe(403);
      }
    });
  });

  describe('scope', () => {
    const moving = 'session-site-moving';

    it('answers resync-required when a session moves out of the site, and the fresh copy leaves its records out', async () => {
      await c.coordinator.pushOk([
        { name: 'session.create', args: siteSession(moving, 'PK') },
        { name: 'enrolment.request', args: { id: 'enr-moving', personId: site.personAbroad, sessionId: moving } },
      ]);
      const device = await TestClient.login(transport, 'siteCoordinator@hub.test');
      await device.pullAll();
      expect(device.ids('enrolments')).toContain('enr-moving');
      expect(device.ids('people')).toContain(site.personAbroad);

      await c.coordinator.pushOk([{ name: 'session.update', args: siteSession(moving, 'TR') }]);
      const answer = await device.pullPage();
      expect(answer.status).toBe(409);
      expect(answer.body.error).toBe('resync-required');
      device.reset();
      await device.pullAll();
      expect(device.ids('enrolments')).not.toContain('enr-moving');
      expect(device.ids('people')).not.toContain(site.personAbroad);
      expect(device.ids('sessions')).toContain(moving);
    });

    it('answers resync-required when a session moves into the site, and the fresh copy brings its older records', async () => {
      const device = await TestClient.login(transport, 'siteCoordinator@hub.test');
      await device.pullAll();
      expect(device.ids('enrolments')).not.toContain(site.enrolmentAbroad);
      await c.coordinator.pushOk([{ name: 'session.update', args: siteSession(site.sessionAbroad, 'PK') }]);
      expect((await device.pullPage()).body.error).toBe('resync-required');
      device.reset();
      await device.pullAll();
      expect(device.ids('enrolments')).toContain(site.enrolmentAbroad);
      expect(device.ids('certificates')).toContain(site.certificateAbroad);
      expect(device.ids('people')).toContain(site.personAbroad);
      // Back where it was, for the tests after this one.
      await c.coordinator.pushOk([{ name: 'session.update', args: siteSession(site.sessionAbroad, 'TR') }]);
    });

    it('refuses a site coordinator moving its session to another country, and stores nothing', async () => {
      const before = await dumpRecords(db);
      const [result] = await c.siteCoordinator.push([{ name: 'session.update', args: siteSession(site.sessionHere, 'TR') }]);
      expect(result).toMatchObject({ status: 'rejected', error: { code: 'outside-site', params: { site: 'PK', country: 'TR' }, fields: [{ path: 'country' }] } });
      expect(await dumpRecords(db)).toEqual(before);
    });

    it('brings along a person from elsewhere who is newly on the list of a session of the site, without a resync', async () => {
      const device = await TestClient.login(transport, 'siteCoordinator@hub.test');
      await device.pullAll();
      await c.coordinator.pushOk([{ name: 'person.create', args: personArgs({ id: 'p-arrives', email: 'p-arrives@example.org', country: 'NG' }) }]);
      await device.pullAll();
      expect(device.ids('people')).not.toContain('p-arrives');
      await c.siteCoordinator.pushOk([{ name: 'enrolment.request', args: { id: 'enr-arrives', personId: 'p-arrives', sessionId: site.sessionHere } }]);
      await device.pullAll();
      expect(device.ids('people')).toContain('p-arrives');
      expect(device.ids('enrolments')).toContain('enr-arrives');
    });

    it('signs a site coordinator in with its site, so the device acts for that site', () => {
      expect(c.siteCoordinator.session.account).toMatchObject({ role: 'coordinator', site: 'PK', personId: site.coordinatorPerson });
      expect(c.coordinator.session.account.site).toBe('');
    });
  });
});
