import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations, loadDemo, navLink, waitForOfflineCache } from './helpers';

/**
 * The path of a new coordinator: first run → demo → search → open a course → create one,
 * with a mistake first → fix → edit → reload → still there.
 */
async function coordinatorCreatesACourse(page: Page, code: string) {
  const search = page.getByLabel('Search courses');

  // Search as you type, in any script, then open a result with the keyboard.
  await search.fill('月球');
  await expect(page.locator('.course-row')).toHaveCount(3);
  await expect(page.locator('.course-row').filter({ hasText: '嫦娥六号' })).toHaveCount(1);
  await search.fill('kup uydu');
  await expect(page.locator('.course-row')).toHaveCount(1);
  await expect(page.locator('.course-row')).toContainText('Küp Uydu Tasarımı Atölyesi');
  await search.fill('csd-101');
  await search.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('CubeSat Systems Engineering Fundamentals');
  await expect(page.getByRole('heading', { name: /sessions?$/ })).toBeVisible();

  // Create a course with a mistake first: the message names the field and says how to fix it.
  await navLink(page, 'Catalogue').click();
  await page.getByRole('link', { name: 'New course' }).click();
  await page.getByLabel('Programme', { exact: true }).selectOption({ label: 'CubeSat Design' });
  await page.getByLabel('Course code').fill('cubesat lab!');
  await page.getByLabel('Title', { exact: true }).fill('CubeSat Thermal Vacuum Testing');
  await page.getByLabel('Hours').fill('0');
  await page.getByRole('button', { name: 'Create course' }).click();
  await expect(page.getByText('Course code: Use 2 to 20 capital letters, digits or dashes, for example CSD-101.')).toBeVisible();
  await expect(page.getByText('Hours: This is too small: use 1 or more.')).toBeVisible();
  await expect(page.getByLabel('Course code')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: '2 fields need fixing' })).toBeVisible();

  // Fix and save.
  await page.getByLabel('Course code').fill(code.toLowerCase());
  await page.getByLabel('Hours').fill('24');
  await page.getByLabel('Tags').fill('thermal, testing');
  await page.getByRole('button', { name: 'Create course' }).click();
  await expect(page.getByText('Saved on this device.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`${code} CubeSat Thermal Vacuum Testing`);

  // A second course with the same code is refused on the code field.
  await page.getByRole('link', { name: 'Duplicate' }).click();
  await page.getByLabel('Course code').fill(code);
  await page.getByRole('button', { name: 'Create course' }).click();
  await expect(page.getByText(`Course code: Another course already uses the code ${code}: choose a different code.`)).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Leave and lose changes' }).click();

  // Edit.
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Title', { exact: true }).fill('CubeSat Thermal-Vacuum Qualification');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('CubeSat Thermal-Vacuum Qualification');

  // Reload: still there, and found by search.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('CubeSat Thermal-Vacuum Qualification');
  await navLink(page, 'Catalogue').click();
  await page.getByLabel('Search courses').fill(`${code} qualification`);
  await expect(page.locator('.course-row')).toHaveCount(1);
  await expect(page.locator('.course-row')).toContainText('CubeSat Thermal-Vacuum Qualification');
}

test.describe('catalogue', () => {
  test('a new coordinator loads the demo, searches, and creates and edits a course', async ({ page }) => {
    await loadDemo(page);
    await coordinatorCreatesACourse(page, 'TVT-101');
  });

  test('everything works and survives a reload with the network cut', async ({ page, context }) => {
    await page.goto('./');
    await waitForOfflineCache(page);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByText(/Offline/)).toBeVisible();
    await page.getByRole('button', { name: 'Load demo workspace' }).click();
    await expect(page.getByText(/^\d+ courses of \d+$/)).toBeVisible({ timeout: 30_000 });
    await coordinatorCreatesACourse(page, 'TVT-102');
    await page.reload();
    await expect(page.getByText(/changes waiting to sync/)).toBeVisible();
  });

  test('a session is created from a schedule after fixing its dates, and a class day is edited', async ({ page }) => {
    await loadDemo(page);
    await page.getByLabel('Search courses').fill('CSD-201');
    await page.locator('.course-row').first().click();
    await page.getByRole('link', { name: 'New session' }).click();
    await page.getByLabel('First day').fill('2027-05-03');
    await page.getByLabel('Last day').fill('2027-04-30');
    await page.getByLabel('Site').fill('Middle East Technical University');
    await page.getByLabel('City').fill('Ankara');
    await page.getByLabel('Country').selectOption('TR');
    await page.getByLabel('Time zone').fill('Europe/Istanbul');
    await page.getByRole('button', { name: 'Create session' }).click();
    await expect(page.getByText('Last day: The end date is before the start date: choose an end date on or after the start.')).toBeVisible();
    await page.getByLabel('Last day').fill('2027-05-14');
    await expect(page.getByText('This schedule makes 10 class days.')).toBeVisible();
    await page.getByRole('button', { name: 'Create session' }).click();
    await expect(page.getByText('Saved on this device.')).toBeVisible();
    await expect(page.getByRole('heading', { name: '10 class days' })).toBeVisible();

    await page.getByRole('button', { name: 'Edit class day 3 May 2027', exact: true }).click();
    await page.getByLabel('Room').fill('Clean room B');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('row', { name: /^3 May 2027.*Clean room B/ })).toBeVisible();
    await expect(page.getByText('Changed by hand')).toBeVisible();
  });

  test('leaving a form with unsaved changes asks first', async ({ page }) => {
    await loadDemo(page);
    await page.getByRole('link', { name: 'New course' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Half-typed course');
    await navLink(page, 'Programmes').click();
    await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toBeVisible();
    await page.getByRole('button', { name: 'Stay and keep editing' }).click();
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Half-typed course');
    await navLink(page, 'Programmes').click();
    await page.getByRole('button', { name: 'Leave and lose changes' }).click();
    await expect(page.getByRole('heading', { name: 'Programmes', level: 1 })).toBeVisible();
  });

  test('a damaged backup file is refused with where and why, and nothing changes', async ({ page }) => {
    await loadDemo(page);
    const count = await page.getByText(/^\d+ courses of \d+$/).textContent();
    await navLink(page, 'Settings').click();
    const backup = JSON.stringify({ format: 'apogee-backup', schemaVersion: 2, exportedAt: 'x', tables: { courses: [{ id: 'c1', code: '??' }] } });
    await page.getByLabel('Restore from a file…').setInputFiles({ name: 'damaged.json', mimeType: 'application/json', buffer: Buffer.from(backup) });
    await expect(page.getByRole('alert')).toContainText('Cannot restore damaged.json: the backup is damaged at courses, row 1');
    await expect(page.getByRole('alert')).toContainText('Nothing on this device was changed.');
    await page.getByLabel('Restore from a file…').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff]) });
    await expect(page.getByRole('alert')).toContainText('the file is not a backup');
    await navLink(page, 'Catalogue').click();
    await expect(page.getByText(/^\d+ courses of \d+$/)).toHaveText(count!);
  });

  test('the interface mirrors in Arabic and speaks Chinese, and remembers the choice', async ({ page }) => {
    await loadDemo(page);
    await page.getByLabel('Language').first().selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('دليل الدورات');
    const brand = await page.locator('.brand').boundingBox();
    const viewport = page.viewportSize()!;
    expect(brand!.x).toBeGreaterThan(viewport.width / 2);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.getByText(/دورة من/)).toBeVisible();
    await page.getByLabel('اللغة').first().selectOption('zh');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('课程目录');
    const fontsReady = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px "Noto Sans SC"', '课程') && document.fonts.check('16px "Noto Sans Arabic"', 'دورة');
    });
    expect(fontsReady).toBe(true);
  });

  test('every main screen passes the axe accessibility check', async ({ page }) => {
    await loadDemo(page);
    await expectNoAccessibilityViolations(page, 'catalogue');
    await page.getByLabel('Search courses').fill('CSD-101');
    await page.locator('.course-row').first().click();
    await expectNoAccessibilityViolations(page, 'course');
    await page.getByRole('link', { name: 'Edit' }).click();
    await expectNoAccessibilityViolations(page, 'course form');
    await navLink(page, 'Catalogue').click();
    await page.getByLabel('Search courses').fill('CSD-101');
    await page.locator('.course-row').first().click();
    await page.locator('table a').first().click();
    await expectNoAccessibilityViolations(page, 'session');
    await page.getByRole('link', { name: 'Edit' }).click();
    await expectNoAccessibilityViolations(page, 'session form');
    await navLink(page, 'Programmes').click();
    await expectNoAccessibilityViolations(page, 'programmes');
    await navLink(page, 'Settings').click();
    await expectNoAccessibilityViolations(page, 'settings');
    await page.getByLabel('Language').first().selectOption('ar');
    await page.getByRole('link', { name: 'دليل الدورات' }).first().click();
    await expectNoAccessibilityViolations(page, 'catalogue in Arabic');
  });
});
