import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations, navLink } from './helpers';
import { hubAdmin, hubUrl } from './hubServer';

// The app as the hub serves it (same origin as the hub).
test.use({ baseURL: hubUrl });

/** Signs in through "Connect to hub" and waits for the first sync. */
async function signIn(page: Page): Promise<void> {
  await page.goto('./#/connect');
  await page.getByLabel('E-mail address').fill(hubAdmin.email);
  await page.getByLabel('Password', { exact: true }).fill(hubAdmin.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await expect(page.getByRole('banner').getByText(/^Synced/)).toBeVisible({ timeout: 20_000 });
}

test.describe('signing in to a hub', () => {
  test('signs in, syncs a new programme, keeps a change made offline waiting, and sends it when back online', async ({ page, context }) => {
    await page.goto('./');
    await page.getByRole('link', { name: 'Connect to hub' }).click();
    await expect(page.getByRole('heading', { name: 'Connect to a hub', level: 1 })).toBeVisible();
    // The web app served by a hub offers that hub.
    await expect(page.getByLabel('Hub address')).toHaveValue(hubUrl.replace(/\/$/, ''));
    await expectNoAccessibilityViolations(page, 'connect to hub');

    // A wrong password is said plainly, and nothing else happens.
    await page.getByLabel('E-mail address').fill(hubAdmin.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password');
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await expect(page.getByRole('alert')).toHaveText('Wrong e-mail address or password. Check both and try again.');

    await page.getByLabel('Password', { exact: true }).fill(hubAdmin.password);
    await page.getByLabel('Password', { exact: true }).press('Enter');

    const header = page.getByRole('banner');
    const pending = page.getByTestId('pending-changes');
    await expect(header.getByText(/^Synced/)).toBeVisible({ timeout: 20_000 });
    // Signed in: the account acts, the "Acting as" picker is gone.
    await expect(header.getByRole('button', { name: /^Account:/ })).toBeVisible();
    await expect(header.getByLabel('Acting as')).toHaveCount(0);

    await navLink(page, 'Programmes').click();
    await page.getByRole('link', { name: 'New programme' }).click();
    await page.getByLabel('Programme name').fill('CubeSat Design');
    await page.getByRole('button', { name: 'Create programme' }).click();
    await expect(page.getByRole('heading', { name: 'CubeSat Design' })).toBeVisible();
    await expect(pending).toHaveText('All changes saved on this device', { timeout: 15_000 });
    await expect(header.getByText(/^Synced/)).toBeVisible();

    await context.setOffline(true);
    await expect(header.getByText(/^Offline/)).toBeVisible();
    await page.getByRole('link', { name: 'New programme' }).click();
    await page.getByLabel('Programme name').fill('Scientist Training');
    await page.getByRole('button', { name: 'Create programme' }).click();
    await expect(page.getByRole('heading', { name: 'Scientist Training' })).toBeVisible();
    await expect(pending).toContainText('1 change waiting to sync');

    await context.setOffline(false);
    await expect(header.getByText(/^Online/)).toBeVisible();
    await expect(pending).toHaveText('All changes saved on this device', { timeout: 15_000 });
    await expect(header.getByText(/^Synced/)).toBeVisible();

    // The account menu: who is signed in, and signing out without removing the data.
    await header.getByRole('button', { name: /^Account:/ }).click();
    await expect(page.getByText(`Signed in as Coordinator`)).toBeVisible();
    await expectNoAccessibilityViolations(page, 'account menu');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out, keep the data' }).click();
    await expect(header.getByRole('link', { name: 'Connect to hub' })).toBeVisible();
    await expect(header.getByLabel('Acting as')).toBeVisible();
  });

  test('locks every window until the account password is typed; another window takes over syncing when the first closes', async ({ page, context }) => {
    await signIn(page);
    const other = await context.newPage();
    await other.goto('./');
    await expect(other.getByRole('banner').getByText(/^Synced/)).toBeVisible();

    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('button', { name: 'Lock' }).click();
    for (const window of [page, other]) await expect(window.getByRole('heading', { name: 'Apogee is locked' })).toBeVisible();
    await expect(other.getByRole('banner')).toHaveCount(0);
    await other.getByLabel('Password').fill('not the password');
    await other.getByLabel('Password').press('Enter');
    await expect(other.getByRole('alert')).toHaveText('That is not the password of this account. Try again.');
    await other.getByLabel('Password').fill(hubAdmin.password);
    await other.getByLabel('Password').press('Enter');
    for (const window of [page, other]) await expect(window.getByRole('banner')).toBeVisible();

    // The first window's worker held the sync lock; closing it hands the lock to the other's.
    await page.close();
    await navLink(other, 'Programmes').click();
    await other.getByRole('link', { name: 'New programme' }).click();
    await other.getByLabel('Programme name').fill('Ground Stations');
    await other.getByRole('button', { name: 'Create programme' }).click();
    await expect(other.getByTestId('pending-changes')).toHaveText('All changes saved on this device', { timeout: 15_000 });
  });
});
