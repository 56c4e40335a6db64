import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import type { MutationCall } from '../../shared/mutations';
import type { PushResponse } from '../../shared/sync/protocol';
import { expectNoAccessibilityViolations, navLink, waitForOfflineCache } from './helpers';
import { hubAdmin, hubUrl } from './hubServer';

// Two devices = two browser contexts (each its own IndexedDB), both on the app the hub serves.
test.use({ baseURL: hubUrl });

/** A day relative to today in the browser's time zone (playwright.config: Asia/Karachi), as YYYY-MM-DD. */
function day(offset: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Karachi' }).format(new Date(Date.now() + offset * 86_400_000));
}

/** Signs in to the hub's API directly (as a set-up device of its own) and returns the token. */
async function apiToken(request: APIRequestContext, email: string, password: string, clientId: string): Promise<string> {
  const response = await request.post(`${hubUrl}api/login`, { data: { email, password, clientId, deviceName: 'Test set-up' } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/**
 * Puts a small world on the hub through the sync API, as any device would: a course with one
 * session of three places (open for enrolment, a class day every day from yesterday), four
 * trainees, and two of them enrolled. Returns the ids.
 */
async function seedHub(request: APIRequestContext, token: string, clientId: string, run: string) {
  const id = (name: string) => `e2e-${run}-${name}`;
  const trainees = ['Amina Bello', 'Li Wei', 'Carlos Ruiz', 'Dara Okafor'] as const;
  const people = trainees.map((name, i) => ({ id: id(`p${i + 1}`), name }));
  const sessionId = id('session');
  const calls: MutationCall[] = [
    { name: 'programme.create', args: { id: id('programme'), name: `Two devices ${run}`, description: '' } },
    {
      name: 'course.create',
      args: {
        id: id('course'),
        programmeId: id('programme'),
        code: `TD-${run.slice(-4).toUpperCase()}`,
        title: 'Ground station operations',
        summary: 'Tracking passes and decoding telemetry.',
        level: 'introductory',
        languages: ['en'],
        hours: 20,
        modules: [],
        prerequisites: [],
        tags: [],
        completionRule: { minAttendancePercent: 80, note: '' },
      },
    },
    {
      name: 'session.create',
      args: {
        id: sessionId,
        courseId: id('course'),
        title: '',
        startDate: day(-1),
        endDate: day(5),
        timeZone: 'Asia/Karachi',
        mode: 'in-person',
        site: 'Ground station',
        city: 'Islamabad',
        country: 'PK',
        capacity: 3,
        instructors: [],
        enrolmentOpens: day(-10),
        enrolmentCloses: day(5),
        status: 'open',
        schedule: { weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '09:00', endTime: '16:00' },
      },
    },
    ...people.map((p): MutationCall => ({ name: 'person.create', args: { id: p.id, nativeName: p.name, latinName: p.name, email: '', country: 'PK', roles: ['trainee'], languages: ['en'] } })),
    { name: 'enrolment.request', args: { id: id('enr1'), personId: people[0]!.id, sessionId } },
    { name: 'enrolment.request', args: { id: id('enr2'), personId: people[1]!.id, sessionId } },
  ];
  const at = new Date().toISOString();
  const response = await request.post(`${hubUrl}sync/push`, {
    headers: { authorization: `Bearer ${token}` },
    data: {
      clientId,
      schemaVersion: 5,
      pending: 0,
      deviceName: 'Test set-up',
      mutations: calls.map((call, i) => ({ id: id(`m${i + 1}`), seq: i + 1, name: call.name, version: 1, args: call.args, at, seen: 0, writes: [] })),
    },
  });
  expect(response.status()).toBe(200);
  const { results } = (await response.json()) as PushResponse;
  expect(results.map((r) => (r.status === 'rejected' ? `${r.seq}: ${r.error.code}` : r.status))).toEqual(calls.map(() => 'ok'));
  return { sessionId, people };
}

/** A new device: its own browser context, signed in through "Connect to hub" under a device name. */
async function openDevice(browser: Browser, email: string, password: string, deviceName: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: hubUrl, locale: 'en-GB', timezoneId: 'Asia/Karachi' });
  const page = await context.newPage();
  await page.goto('./#/connect');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Name of this device').fill(deviceName);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByRole('banner').getByText(/^Synced/)).toBeVisible({ timeout: 30_000 });
  // Every screen must open with no network later on.
  await waitForOfflineCache(page);
  return page;
}

/** Records marks on the attendance grid by keyboard: one key per class day from the first ('' leaves a day alone). */
async function mark(page: Page, sessionId: string, trainee: string, keys: string[]) {
  await page.goto(`./#/sessions/${sessionId}/attendance`);
  const grid = page.getByRole('grid');
  await grid.getByRole('gridcell', { name: new RegExp(`^${trainee}, `) }).first().focus();
  await page.keyboard.press('Home');
  for (const [i, key] of keys.entries()) {
    if (i) await page.keyboard.press('ArrowRight');
    if (key) await page.keyboard.press(key);
  }
}

/** Enrols one trainee through the roster's "Enrol people". */
async function enrol(page: Page, sessionId: string, trainee: string) {
  await page.goto(`./#/sessions/${sessionId}/roster`);
  await page.getByLabel('Find people').fill(trainee.split(' ')[0]!);
  await page.getByRole('checkbox', { name: trainee }).check();
  await page.getByRole('button', { name: 'Enrol 1 selected' }).click();
  await expect(page.locator('.enrol-summary')).toContainText('1 enrolled');
}

const pending = (page: Page) => page.getByTestId('pending-changes');
const allSaved = 'All changes saved on this device';

test.describe('two devices offline, then online', () => {
  test('each sees the other’s attendance, the late enrolment is waitlisted and shown, and a conflict is settled', async ({ browser, request }) => {
    test.setTimeout(180_000);
    const run = Date.now().toString(36);
    const setupClient = `e2e-setup-${run}`;
    const token = await apiToken(request, hubAdmin.email, hubAdmin.password, setupClient);
    const { sessionId } = await seedHub(request, token, setupClient, run);

    // A second coordinator, created by the first through the hub's accounts API.
    const secondEmail = `second-${run}@apogee.local`;
    const created = await request.post(`${hubUrl}api/accounts`, {
      headers: { authorization: `Bearer ${token}` },
      data: { email: secondEmail, role: 'coordinator', name: 'Second coordinator' },
    });
    expect(created.status()).toBe(201);
    const { password: secondPassword } = (await created.json()) as { password: string };

    const a = await openDevice(browser, hubAdmin.email, hubAdmin.password, `Device A ${run}`);
    const b = await openDevice(browser, secondEmail, secondPassword, `Device B ${run}`);
    for (const page of [a, b]) {
      await page.goto(`./#/sessions/${sessionId}/roster`);
      await expect(page.getByText('2 of 3 places taken')).toBeVisible();
    }

    // Both offline. A: Amina present on day 1, Li present on day 2, and enrols Carlos (the last place).
    // B: Li late on day 1, Li absent on day 2 (the same slot as A's: a conflict), and enrols Dara.
    for (const page of [a, b]) await page.context().setOffline(true);
    await mark(a, sessionId, 'Amina Bello', ['p']);
    await mark(a, sessionId, 'Li Wei', ['', 'p']);
    await enrol(a, sessionId, 'Carlos Ruiz');
    await mark(b, sessionId, 'Li Wei', ['l', 'a']);
    await enrol(b, sessionId, 'Dara Okafor');
    // On its own, each device still thinks its enrolment got the last place.
    await expect(a.getByText('3 of 3 places taken')).toBeVisible();
    await expect(b.getByText('3 of 3 places taken')).toBeVisible();
    await expect(pending(a)).toContainText('3 changes waiting to sync');
    await expect(pending(b)).toContainText('3 changes waiting to sync');

    // A comes back first, so Carlos has the place on the hub; then B.
    await a.context().setOffline(false);
    await expect(pending(a)).toHaveText(allSaved, { timeout: 30_000 });
    await b.context().setOffline(false);
    await expect(pending(b)).toHaveText(allSaved, { timeout: 30_000 });

    // B's late enrolment is waitlisted, and B's "Needs attention" says so with the hub's reason.
    const bNav = b.getByRole('navigation', { name: 'Main' });
    await expect(bNav.getByRole('link', { name: /^Needs attention, 2 open items$/ })).toBeVisible({ timeout: 15_000 });
    await bNav.getByRole('link', { name: /^Needs attention/ }).click();
    await expect(b.getByRole('heading', { name: 'Needs attention', level: 1 })).toBeVisible();
    const change = b.getByRole('listitem').filter({ hasText: 'Enrol a person in a session' });
    await expect(change).toContainText('Dara Okafor');
    await expect(change).toContainText('Ground station operations');
    await expect(change).toContainText('Saved by the hub, but adjusted: The session is full: this person is on the waiting list, in position 1.');
    // The conflict: both values of Li's second day, with who and when.
    const conflict = b.getByRole('listitem').filter({ has: b.getByRole('heading', { name: 'Li Wei' }) });
    await expect(conflict).toContainText(/present — recorded by .*Device A/);
    // B's own mark: the hub names B as B names itself, so it reads "this device".
    await expect(conflict).toContainText(/absent — recorded by this device/);
    await expectNoAccessibilityViolations(b, 'needs attention');
    await b.screenshot({ path: '/tmp/pw-uib/needs-attention.png', fullPage: true });

    // Keyboard: "Got it" then the conflict's choice; nothing disappears, it moves to "seen"/"settled".
    await b.getByRole('button', { name: /^Got it: Enrol a person in a session/ }).focus();
    await b.keyboard.press('Enter');
    await expect(b.getByText('1 change already seen')).toBeVisible();
    await b.getByRole('button', { name: /^Keep “present” for Li Wei/ }).click();
    await expect(b.getByRole('status').filter({ hasText: 'Saved: Li Wei is present on' })).toBeVisible();
    await expect(b.getByText('1 conflict settled')).toBeVisible();
    await expect(b.getByText(/^Settled as present by this device, /)).toBeVisible();
    await expect(b.getByText('Nothing needs your attention right now.')).toBeVisible();
    await expect(bNav.getByRole('link', { name: 'Needs attention, nothing open' })).toBeVisible();
    await b.screenshot({ path: '/tmp/pw-uib/needs-attention-done.png', fullPage: true });
    await expect(pending(b)).toHaveText(allSaved, { timeout: 30_000 });

    // A fetches B's work: the waitlist, Li's late day 1, and the settled day 2.
    await a.getByRole('button', { name: /^Account:/ }).click();
    await a.getByRole('button', { name: 'Sync now' }).click();
    await a.keyboard.press('Escape');
    await a.goto(`./#/sessions/${sessionId}/roster`);
    await expect(a.locator('.roster-table').getByRole('row', { name: /Dara Okafor.*Waitlisted · position 1/ })).toBeVisible({ timeout: 20_000 });
    for (const page of [a, b]) {
      await page.goto(`./#/sessions/${sessionId}/attendance`);
      const grid = page.getByRole('grid');
      await expect(grid.getByRole('gridcell', { name: /^Amina Bello, .*: present$/ })).toHaveCount(1, { timeout: 20_000 });
      await expect(grid.getByRole('gridcell', { name: /^Li Wei, .*: late$/ })).toHaveCount(1);
      await expect(grid.getByRole('gridcell', { name: /^Li Wei, .*: present$/ })).toHaveCount(1);
    }
    // A made nothing the hub changed, and B settled the conflict: A has nothing open.
    await expect(a.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Needs attention, nothing open' })).toBeVisible();

    // The hub's device list, from A.
    await navLink(a, 'Devices').click();
    const devices = a.getByRole('table');
    await expect(devices.getByRole('row', { name: new RegExp(`Device A ${run}.*\\(this device\\).*${hubAdmin.email}.*Coordinator`) })).toBeVisible();
    await expect(devices.getByRole('row', { name: new RegExp(`Device B ${run}.*${secondEmail}.*Coordinator`) })).toBeVisible();
    await expectNoAccessibilityViolations(a, 'devices');
    await a.screenshot({ path: '/tmp/pw-uib/devices.png', fullPage: true });
    await a.context().setOffline(true);
    await a.getByRole('button', { name: 'Refresh' }).click();
    await expect(a.getByText('The hub cannot be reached from here')).toBeVisible();
    await a.context().setOffline(false);

    // A person's page: a sign-in for a trainee, the one-time password shown once; twice is refused plainly.
    await a.goto(`./#/people/e2e-${run}-p1/edit`);
    await a.getByLabel('E-mail').fill(`amina-${run}@example.org`);
    await a.getByRole('button', { name: 'Save changes' }).click();
    await expect(a.getByRole('heading', { name: 'Sign-in to the hub' })).toBeVisible();
    await a.getByRole('button', { name: 'Create sign-in' }).click();
    await expect(a.getByRole('heading', { name: `Sign-in created for amina-${run}@example.org` })).toBeFocused();
    await expect(a.getByTestId('one-time-password')).toHaveText(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await a.screenshot({ path: '/tmp/pw-uib/create-sign-in.png', fullPage: true });
    await a.getByRole('button', { name: /^I have passed it on/ }).click();
    await expect(a.getByTestId('one-time-password')).toHaveCount(0);
    await a.reload();
    await expect(a.getByText(`Has a sign-in on the hub: amina-${run}@example.org (Trainee).`)).toBeVisible();

    for (const page of [a, b]) await page.context().close();
  });
});
