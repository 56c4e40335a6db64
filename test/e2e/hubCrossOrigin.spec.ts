import { expect, test } from '@playwright/test';
import { navLink } from './helpers';
import { hubAdmin, hubUrl } from './hubServer';

// The app served from somewhere else than its hub, as the desktop app (app://apogee) and
// `npm run web` are: every sync request crosses origins, with its token and gzip body, through CORS.
test.describe('a hub on another origin', () => {
  test('signs in, downloads, sends a change made here and changes the password, across origins', async ({ page, baseURL }) => {
    expect(new URL(baseURL!).origin).not.toBe(new URL(hubUrl).origin);
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/CORS|Access-Control/i.test(message.text())) refused.push(message.text());
    });
    await page.goto('./#/connect');
    await expect(page.getByRole('heading', { name: 'Connect to a hub', level: 1 })).toBeVisible();
    await page.getByLabel('Hub address').fill(hubUrl);
    await page.getByLabel('E-mail address').fill(hubAdmin.email);
    await page.getByLabel('Password', { exact: true }).fill(hubAdmin.password);
    await page.getByLabel('Password', { exact: true }).press('Enter');
    const header = page.getByRole('banner');
    await expect(header.getByText(/^Synced/)).toBeVisible({ timeout: 20_000 });

    const name = `Across origins ${Date.now()}`;
    await navLink(page, 'Programmes').click();
    await page.getByRole('link', { name: 'New programme' }).click();
    await page.getByLabel('Programme name').fill(name);
    await page.getByRole('button', { name: 'Create programme' }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    // Sent and acknowledged by the hub (the push and the pull after it both crossed origins).
    await expect(page.getByTestId('pending-changes')).toHaveText('All changes saved on this device', { timeout: 15_000 });
    await expect(header.getByText(/^Synced/)).toBeVisible();

    // Choosing one's own password, from the account menu; the lock then opens with it.
    const changeTo = async (current: string, next: string) => {
      await header.getByRole('button', { name: /^Account:/ }).click();
      await page.getByRole('button', { name: 'Change password' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Current password').fill(current);
      await dialog.getByLabel('New password', { exact: true }).fill(next);
      await dialog.getByLabel('New password again').fill(next);
      await dialog.getByLabel('New password again').press('Enter');
      return dialog;
    };
    let dialog = await changeTo('not the password', 'a new password of mine');
    await expect(dialog.getByText('That is not the current password of this account. Nothing was changed.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    dialog = await changeTo(hubAdmin.password, 'a new password of mine');
    await expect(dialog.getByRole('status')).toHaveText(/Your password is changed/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await header.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByLabel('Password', { exact: true }).fill('a new password of mine');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(header.getByText(/^Synced/)).toBeVisible();
    // Back to the password the other tests sign in with.
    dialog = await changeTo('a new password of mine', hubAdmin.password);
    await expect(dialog.getByRole('status')).toHaveText(/Your password is changed/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(refused).toEqual([]);
  });
});
