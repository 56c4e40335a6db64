// A device asks for the next page of a pull as soon as the hub's headers say its cursor, so the
// hub reads it while the device downloads and stores the page before; pages still land in order,
// and a hub that sends no such headers is pulled one page after the other.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseArgs, personArgs, programmeArgs, sessionArgs } from '../../shared/testing/factories';
import type { MutationCall } from '../../shared/mutations';
import { snapshot, startDevice, startTestHub, type Device } from '../support/hub';

const tables = ['programmes', 'courses', 'sessions', 'meetings', 'people'];

let hub: Awaited<ReturnType<typeof startTestHub>>;
beforeAll(async () => {
  hub = await startTestHub();
  await hub.account('amina@centre.org', 'coordinator');
  await hub.account('bo@centre.org', 'coordinator');
  const a = await startDevice(hub.url, 'amina@centre.org', { role: 'coordinator', deviceId: 'a' });
  // About 400 rows: a session's class days and 300 people with names in several scripts.
  const calls: MutationCall[] = [
    { name: 'programme.create', args: programmeArgs() },
    { name: 'course.create', args: courseArgs() },
    { name: 'session.create', args: sessionArgs() },
    ...Array.from({ length: 300 }, (_, i): MutationCall => ({
      name: 'person.create',
      args: personArgs({
        id: `p-${i}`,
        nativeName: `Trainee ${i} 李 ${i}`,
        email: `t${i}@example.org`,
      }),
    })),
  ];
  expect((await a.run(calls, '2026-02-01T10:00:00.000Z')).every((o) => o.ok)).toBe(true);
  await a.sync();
}, 120_000);
afterAll(() => hub.stop());

type Event = { what: 'asked' | 'read'; cursor: string };

/** A fetch that logs pull requests and the moment each body is read (a little late, as over a real link). */
function watchedFetch(events: Event[], options: { dropHeaders?: boolean } = {}): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (url.pathname !== '/sync/pull') return fetch(input, init);
    const cursor = url.searchParams.get('cursor') ?? '';
    events.push({ what: 'asked', cursor });
    const response = await fetch(input, init);
    const headers = new Headers(response.headers);
    if (options.dropHeaders)
      for (const name of ['x-apogee-cursor', 'x-apogee-has-more']) headers.delete(name);
    const body = new Promise((resolve) => setTimeout(resolve, 30)).then(() => response.text());
    return {
      ok: response.ok,
      status: response.status,
      headers,
      text: async () => {
        const text = await body;
        events.push({ what: 'read', cursor });
        return text;
      },
    } as Response;
  };
}

/** Most pull requests in flight at once (asked, body not read yet). */
function mostInFlight(events: readonly Event[]): number {
  let open = 0;
  let most = 0;
  for (const e of events) {
    open += e.what === 'asked' ? 1 : -1;
    most = Math.max(most, open);
  }
  return most;
}

/** A coordinator's device pulling small pages (16 KB) through watchedFetch. */
function watchedDevice(deviceId: string, events: Event[], options: { dropHeaders?: boolean } = {}) {
  return startDevice(
    hub.url,
    'bo@centre.org',
    { role: 'coordinator', deviceId },
    { fetch: watchedFetch(events, options), pageBytes: 16 * 1024 },
  );
}

/** The device holds what a device pulling with the hub's default pages gets, to its cursor. */
async function expectAsPulledAtOnce(device: Device, deviceId: string) {
  const fresh = await startDevice(hub.url, 'amina@centre.org', { role: 'coordinator', deviceId });
  await fresh.sync();
  expect(await snapshot(device.db, tables)).toEqual(await snapshot(fresh.db, tables));
  const cursorOf = async (d: Device) => (await d.db.syncState.get('cursor'))?.text;
  expect(await cursorOf(device)).toBe(await cursorOf(fresh));
}

describe('pulling ahead', () => {
  it('asks for the next page before the one before has arrived, two at most, and stores every page in order', async () => {
    const events: Event[] = [];
    const b = await watchedDevice('b', events);
    const report = await b.sync();
    const asked = events.filter((e) => e.what === 'asked');
    expect(asked.length).toBeGreaterThan(5);
    expect(report.requests).toBe(asked.length);
    // Page 2 was asked for while page 1's body was still on its way.
    const secondAsked = events.indexOf(asked[1]!);
    const firstRead = events.findIndex((e) => e.what === 'read' && e.cursor === asked[0]!.cursor);
    expect(secondAsked).toBeLessThan(firstRead);
    expect(mostInFlight(events)).toBe(2);
    // Every page asked for once, from the cursor the page before ended at.
    expect(new Set(asked.map((e) => e.cursor)).size).toBe(asked.length);
    await expectAsPulledAtOnce(b, 'a2');
  }, 120_000);

  it('pulls one page after the other from a hub that does not say the cursor in its headers', async () => {
    const events: Event[] = [];
    const b = await watchedDevice('b2', events, { dropHeaders: true });
    await b.sync();
    expect(events.filter((e) => e.what === 'asked').length).toBeGreaterThan(5);
    expect(mostInFlight(events)).toBe(1);
    await expectAsPulledAtOnce(b, 'a3');
  }, 120_000);
});
