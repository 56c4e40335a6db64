import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseArgs, enrolmentArgs, personArgs, programmeArgs, sessionArgs } from '../../shared/testing/factories';
import type { MutationCall } from '../../shared/mutations';
import { encodePacket, newPacketId, openPacket, packetFormat, packetVersion, type ChangesPacket } from '../../shared/sync/packet';
import { syncSchemaVersion } from '../../shared/sync/protocol';
import { pendingChanges } from '../../renderer/db';
import type { ApogeeDb } from '../../renderer/db/schema';
import { runMutations } from '../../renderer/db/mutate';
import { exportChangesPacket, importReceiptPacket } from '../../renderer/sync/packets';
import { snapshot, startDevice, startTestHub, type Device, type TestHub } from '../support/hub';

const during = '2026-02-01T10:00:00.000Z';
const tables = ['programmes', 'courses', 'sessions', 'meetings', 'people', 'enrolments', 'teams', 'attendance', 'conflicts'];

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  await hub.account('amina@centre.org', 'coordinator');
  await hub.account('bo@centre.org', 'coordinator');
  await hub.account('li.wei@example.org', 'instructor', 'p-instructor');
});
afterAll(() => hub.stop());

const seed: MutationCall[] = [
  { name: 'programme.create', args: programmeArgs() },
  { name: 'course.create', args: courseArgs() },
  { name: 'session.create', args: sessionArgs({ capacity: 2, instructorIds: ['p-instructor'] }) },
  { name: 'person.create', args: personArgs({ id: 'p-instructor', nativeName: 'Li Wei', email: 'li.wei@example.org', roles: ['instructor'] }) },
  ...['t-1', 't-2', 't-3'].map((id): MutationCall => ({ name: 'person.create', args: personArgs({ id, nativeName: `Trainee ${id}`, latinName: '', email: `${id}@example.org` }) })),
];

/** Posts a packet to the hub as a coordinator would with curl. */
async function postPacket(bytes: Uint8Array, contentType = 'application/octet-stream') {
  const response = await fetch(new URL('/sync/packet', hub.url), { method: 'POST', headers: { 'content-type': contentType }, body: bytes as BodyInit });
  const body = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body, json: () => JSON.parse(new TextDecoder().decode(body)) as { error: string; message: string } };
}

async function exported(device: Device) {
  const result = await exportChangesPacket(device.db);
  if (!result.ok) throw new Error(result.problem.message);
  return result.packet;
}

async function receiptFor(device: Device) {
  const packet = await exported(device);
  const reply = await postPacket(packet.bytes);
  expect(reply.status).toBe(200);
  return reply;
}

/** Everything the hub stores that a packet could change. */
async function hubState() {
  return {
    records: await hub.db.selectFrom('records').select(['tbl', 'id', 'seq', 'data']).orderBy('tbl').orderBy('id').execute(),
    results: await hub.db.selectFrom('results').selectAll().orderBy('client_id').orderBy('seq').execute(),
    clients: await hub.db.selectFrom('clients').select(['client_id', 'last_seq']).orderBy('client_id').execute(),
    counter: await hub.db.selectFrom('hub_counter').selectAll().execute(),
  };
}

/** Everything a device stores that a reply file could change. */
async function deviceState(db: ApogeeDb) {
  return {
    rows: await snapshot(db, tables),
    outbox: await db.outbox.toArray(),
    inbox: await db.inbox.toArray(),
    cursor: await db.syncState.get('cursor'),
  };
}

/** The hub's rows of the given tables, as a device stores them. */
async function hubRows() {
  const rows = await hub.db.selectFrom('records').select(['tbl', 'id', 'data']).where('tbl', 'in', tables).execute();
  const out: Record<string, Record<string, unknown>> = Object.fromEntries(tables.map((t) => [t, {}]));
  for (const row of rows.sort((a, b) => a.id.localeCompare(b.id))) if (row.data) out[row.tbl]![row.id] = row.data;
  return out;
}

describe('sync packets through a real hub', () => {
  let a: Device;
  let b: Device;

  it('a device with no network exchanges files with the hub; a second device sees its work after a normal sync', async () => {
    a = await startDevice(hub.url, 'amina@centre.org', { role: 'coordinator', deviceId: 'a' });
    b = await startDevice(hub.url, 'bo@centre.org', { role: 'coordinator', deviceId: 'b' });
    // Offline from here: changes wait in the outbox.
    expect((await a.run(seed, during)).every((o) => o.ok)).toBe(true);
    expect(await pendingChanges(a.db)).toBe(seed.length);

    const packet = await exported(a);
    expect(packet.changes).toBe(seed.length);
    expect(packet.left).toBe(0);
    expect(packet.fileName).toMatch(/^apogee-changes-a-\d{4}-\d{2}-\d{2}\.apogee$/);
    expect(await pendingChanges(a.db)).toBe(seed.length); // saving a file removes nothing

    const reply = await postPacket(packet.bytes);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/octet-stream');
    expect(reply.headers.get('content-disposition')).toMatch(/^attachment; filename="apogee-reply-.*\.apogee"/);
    const opened = openPacket(reply.body);
    expect(opened.ok && opened.packet.header).toMatchObject({ kind: 'receipt', clientId: a.session.clientId, organisationId: a.session.organisation.id });

    const imported = await importReceiptPacket(a.db, reply.body);
    expect(imported).toEqual({ ok: true, report: { answered: seed.length, rejected: 0, adjusted: 0, changes: 'applied', pulled: expect.any(Number) as number, hasMore: false, waiting: 0 } });
    expect(await pendingChanges(a.db)).toBe(0);
    expect(await snapshot(a.db, tables)).toEqual(await hubRows());

    // The same packet again: stored results, nothing new on the hub; its reply changes nothing on the device.
    const hubBefore = await hubState();
    const deviceBefore = await deviceState(a.db);
    const again = await postPacket(packet.bytes);
    expect(again.status).toBe(200);
    expect(await hubState()).toEqual(hubBefore);
    for (const bytes of [reply.body, again.body]) {
      const twice = await importReceiptPacket(a.db, bytes);
      expect(twice).toMatchObject({ ok: true, report: { answered: 0, changes: 'already', pulled: 0, waiting: 0 } });
      expect(await deviceState(a.db)).toEqual(deviceBefore);
    }

    await b.sync();
    expect(await snapshot(b.db, tables)).toEqual(await snapshot(a.db, tables));
    expect(await b.db.sessions.get('session-1')).toBeTruthy();
  });

  it('a file with nothing waiting still brings the hub changes back', async () => {
    await b.run([{ name: 'enrolment.request', args: enrolmentArgs({ id: 'e-1', personId: 't-1' }) }], during);
    await b.sync();
    const reply = await receiptFor(a);
    const imported = await importReceiptPacket(a.db, reply.body);
    expect(imported).toMatchObject({ ok: true, report: { answered: 0, changes: 'applied', waiting: 0 } });
    expect((await a.db.enrolments.get('e-1'))?.state).toBe('enrolled');
    expect(await snapshot(a.db, tables)).toEqual(await snapshot(b.db, tables));
  });

  it('adjusted changes land in Needs attention, as after a sync', async () => {
    // B fills the second place; A, offline, enrols two more: one is waitlisted by the hub.
    await b.run([{ name: 'enrolment.request', args: enrolmentArgs({ id: 'e-2', personId: 't-2' }) }], during);
    await b.sync();
    await a.run([{ name: 'enrolment.request', args: enrolmentArgs({ id: 'e-3', personId: 't-3' }) }], during);
    expect((await a.db.enrolments.get('e-3'))?.state).toBe('enrolled');
    const reply = await receiptFor(a);
    const imported = await importReceiptPacket(a.db, reply.body);
    expect(imported).toMatchObject({ ok: true, report: { answered: 1, adjusted: 1, changes: 'applied', waiting: 0 } });
    expect((await a.db.enrolments.get('e-3'))?.state).toBe('waitlisted');
    expect(await a.db.inbox.toArray()).toMatchObject([{ kind: 'adjusted', name: 'enrolment.request', notices: [{ code: 'waitlisted' }] }]);
  });

  it('a reply older than the device\'s last sync is harmless', async () => {
    await a.run([{ name: 'team.create', args: { id: 'team-1', sessionId: 'session-1', name: 'Orbit' } }], during);
    const old = await receiptFor(a);
    await a.run([{ name: 'team.create', args: { id: 'team-2', sessionId: 'session-1', name: 'Apogee' } }], during);
    await b.run([{ name: 'team.create', args: { id: 'team-3', sessionId: 'session-1', name: 'Perigee' } }], during);
    await b.sync();
    await a.sync(); // the network came back: team-1 answered from the stored result, team-2 pushed
    expect(await pendingChanges(a.db)).toBe(0);
    const before = await deviceState(a.db);
    const imported = await importReceiptPacket(a.db, old.body);
    expect(imported).toMatchObject({ ok: true, report: { answered: 0, changes: 'already', pulled: 0 } });
    expect(await deviceState(a.db)).toEqual(before);
    expect(await a.db.teams.count()).toBe(3);
  });

  it('a refused change comes back refused and its local effect is undone', async () => {
    const li = await startDevice(hub.url, 'li.wei@example.org', { role: 'instructor', deviceId: 'li' });
    await li.sync();
    // Li's device acts as a coordinator locally; the hub checks the account behind the packet's key.
    await runMutations(li.db, [{ name: 'programme.create', args: programmeArgs({ id: 'prog-x', name: 'Rogue programme' }) }], { actor: { role: 'coordinator', deviceId: 'li' } });
    expect(await li.db.programmes.get('prog-x')).toBeTruthy();
    const reply = await receiptFor(li);
    const imported = await importReceiptPacket(li.db, reply.body);
    expect(imported).toMatchObject({ ok: true, report: { answered: 1, rejected: 1, waiting: 0 } });
    expect(await li.db.programmes.get('prog-x')).toBeUndefined();
    expect(await li.db.inbox.toArray()).toMatchObject([{ kind: 'rejected', error: { code: 'forbidden' } }]);
    expect(await hub.db.selectFrom('records').select('id').where('id', '=', 'prog-x').executeTakeFirst()).toBeUndefined();
  });

  it('refuses a packet for another organisation, altered or cut short: HTTP 400 with the reason, nothing stored changes', async () => {
    await a.run([{ name: 'team.create', args: { id: 'team-4', sessionId: 'session-1', name: 'Refused' } }], during);
    const packet = await exported(a);
    const opened = openPacket(packet.bytes);
    if (!opened.ok) throw new Error('not a packet');
    const foreign: ChangesPacket = {
      header: { format: packetFormat, kind: 'changes', version: packetVersion, organisationId: 'another-org', clientId: a.session.clientId, createdAt: during, packetId: newPacketId() },
      body: { push: { clientId: a.session.clientId, schemaVersion: syncSchemaVersion, pending: 1, deviceName: '', mutations: [] }, cursor: '' },
    };
    const flipped = packet.bytes.slice();
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    const unknownDevice = encodePacket({ ...foreign, header: { ...foreign.header, organisationId: a.session.organisation.id, clientId: 'not-a-device-here' }, body: { ...foreign.body, push: { ...foreign.body.push, clientId: 'not-a-device-here' } } }, a.session.packetKey);
    const cases: [Uint8Array, string, RegExp][] = [
      [encodePacket(foreign, a.session.packetKey), 'packet-other-organisation', /another organisation/],
      [flipped, 'packet-', /altered|damaged/],
      [packet.bytes.subarray(0, packet.bytes.length - 20), 'packet-corrupt', /incomplete or damaged/],
      [packet.bytes.subarray(0, 100), 'packet-corrupt', /incomplete or damaged/],
      [new TextEncoder().encode('name,email\nAmina,amina@centre.org\n'), 'packet-not-a-packet', /not an Apogee sync packet/],
      [encodePacket({ ...foreign, header: { ...foreign.header, organisationId: a.session.organisation.id } }, 'ab'.repeat(32)), 'packet-altered', /altered/],
      [unknownDevice, 'packet-other-device', /device this hub does not know/],
      [new Uint8Array(), 'packet-not-a-packet', /not an Apogee sync packet/],
    ];
    const before = await hubState();
    for (const [bytes, code, message] of cases) {
      const reply = await postPacket(bytes);
      expect(reply.status, code).toBe(400);
      expect(reply.json().error).toContain(code);
      expect(reply.json().message).toMatch(message);
    }
    // A reply file sent to the hub is the wrong kind.
    const receipt = await postPacket(packet.bytes);
    const wrongKind = await postPacket(receipt.body);
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.json()).toMatchObject({ error: 'packet-wrong-kind' });
    // Only the genuine packet changed anything (team-4); the refused ones nothing.
    const after = await hubState();
    expect(after.records.filter((r) => r.id !== 'team-4')).toEqual(before.records);
    expect(after.records.filter((r) => r.id === 'team-4')).toHaveLength(1);
  });

  it('refused files change nothing on the hub', async () => {
    const packet = await exported(a);
    const before = await hubState();
    for (const bytes of [packet.bytes.subarray(0, packet.bytes.length - 1), packet.bytes.map((byte, i) => (i === 30 ? byte ^ 1 : byte))]) {
      expect((await postPacket(bytes)).status).toBe(400);
    }
    expect(await hubState()).toEqual(before);
  });

  it('the device refuses reply files that are altered, cut, for another device or not replies, and changes nothing', async () => {
    await b.run([{ name: 'team.create', args: { id: 'team-5', sessionId: 'session-1', name: 'Later' } }], during);
    await b.sync();
    await a.run([{ name: 'team.create', args: { id: 'team-6', sessionId: 'session-1', name: 'Waiting' } }], during);
    const reply = await receiptFor(a);
    const forB = await receiptFor(b);
    const flipped = reply.body.slice();
    flipped[flipped.length - 12]! ^= 0xff;
    const before = await deviceState(a.db);
    const cases: [Uint8Array, string][] = [
      [flipped, 'corrupt'],
      [reply.body.subarray(0, reply.body.length - 3), 'corrupt'],
      [forB.body, 'other-device'],
      [(await exported(a)).bytes, 'wrong-kind'],
      [new TextEncoder().encode('hello'), 'not-a-packet'],
    ];
    for (const [bytes, code] of cases) {
      const result = await importReceiptPacket(a.db, bytes);
      expect(result.ok, code).toBe(false);
      expect(!result.ok && result.problem.code).toBe(code);
      expect(await deviceState(a.db)).toEqual(before);
    }
    const good = await importReceiptPacket(a.db, reply.body);
    // team-4 (its packet reached the hub in the test before) and team-6.
    expect(good).toMatchObject({ ok: true, report: { answered: 2, changes: 'applied', waiting: 0 } });
    expect(await a.db.teams.get('team-5')).toBeTruthy();
  });

  it('the hub offers an upload form without scripts, which answers the reply as a download', async () => {
    const form = await fetch(new URL('/sync/packet', hub.url));
    expect(form.status).toBe(200);
    expect(form.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const html = await form.text();
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).not.toMatch(/<script/i);

    const packet = await exported(a);
    const upload = new FormData();
    upload.set('packet', new Blob([packet.bytes as BlobPart]), packet.fileName);
    const reply = await fetch(new URL('/sync/packet', hub.url), { method: 'POST', body: upload });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-disposition')).toMatch(/^attachment/);
    const bytes = new Uint8Array(await reply.arrayBuffer());
    expect(openPacket(bytes).ok).toBe(true);

    const bad = new FormData();
    bad.set('packet', new Blob([packet.bytes.subarray(0, 50) as BlobPart]), 'cut.apogee');
    const refused = await fetch(new URL('/sync/packet', hub.url), { method: 'POST', body: bad });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toMatch(/text\/html/);
    expect(await refused.text()).toContain('incomplete or damaged');
  });
});
