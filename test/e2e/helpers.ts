import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the app on a fresh profile and loads the demo workspace, as a new coordinator would. */
export async function loadDemo(page: Page): Promise<void> {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Your catalogue is empty' })).toBeVisible();
  await page.getByRole('button', { name: 'Load demo workspace' }).click();
  await expect(page.getByText(/^\d+ courses of \d+$/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}

/** Waits until the service worker controls the page, so the app reloads with no network. */
export async function waitForOfflineCache(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
}

/** Runs axe-core on the current screen and fails with the list of violations. */
export async function expectNoAccessibilityViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, `accessibility violations on ${screen}`).toEqual([]);
}

/** A link of the main navigation (Catalogue, Programmes, Settings). */
export function navLink(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}
