import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations, loadDemo, waitForOfflineCache } from './helpers';

/** The demo's CSD-120 workshop in İstanbul: open for enrolment, 28 places, two trainees on its roster. */
const sessionId = 'demo-session-csd-120-istanbul';

async function openRoster(page: Page) {
  await page.evaluate((id) => {
    window.location.hash = `#/sessions/${id}/roster`;
  }, sessionId);
  await expect(page.getByRole('heading', { name: 'Enrol from a file' })).toBeVisible();
}

const csv = (lines: string[]) => ({
  name: 'cohort.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8'),
});

test.describe('enrol from a file', () => {
  test('a coordinator enrols the rows of a spreadsheet that match people, after reading which rows do not, offline', async ({
    page,
    context,
  }) => {
    await loadDemo(page);
    await waitForOfflineCache(page);
    await context.setOffline(true);
    await openRoster(page);
    await expect(page.getByText('2 of 28 places taken')).toBeVisible();

    const input = page.getByLabel('Choose a CSV file of people to enrol');
    // Not a CSV: one message, nothing to enrol, nothing changed.
    await input.setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]) });
    await expect(page.getByRole('alert')).toHaveText(/^photo\.jpg is not a CSV file: .* Nothing was changed\.$/);
    await expect(page.getByRole('button', { name: /^Enrol the/ })).toHaveCount(0);

    await input.setInputFiles(
      csv([
        'Name;E-mail',
        'Emre Aydın;emre.aydin@example.edu.tr',
        'Wang Fang;Wang.Fang@example.edu.cn',
        'Someone New;someone.new@example.org',
        'Broken;not-an-email',
        'Jonas Weber;jonas.weber@example.de',
        'Wang Fang again;wang.fang@example.edu.cn',
      ]),
    );
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'E-mail' })).toHaveValue('1');
    const check = page.getByRole('region', { name: 'What enrolling this file would do' });
    await expect(check).toContainText('2 people to enrol');
    await expect(check).toContainText('1 already on the roster');
    await expect(check).toContainText('1 e-mail matches nobody on this device');
    await expect(check).toContainText('1 row repeats an earlier one');
    await expect(check).toContainText('1 row with errors (not enrolled)');
    await expect(page.locator('.row-errors')).toHaveText(
      'Row 5, E-mail: Enter an e-mail address such as name@example.org, or leave it empty.',
    );
    await expect(page.locator('#enrol-file-unknown')).toHaveText('Row 4: someone.new@example.org');
    await expect(page.locator('#enrol-file-repeats')).toHaveText('Row 7: wang.fang@example.edu.cn is already on row 3');
    await expect(page.locator('#enrol-file-on-roster')).toContainText('Row 2: Emre Aydin');
    await expectNoAccessibilityViolations(page, 'enrol from a file');

    await page.getByRole('button', { name: 'Enrol the 2 matched rows' }).click();
    const summary = page.locator('.enrol-file .enrol-summary');
    await expect(summary).toContainText('2 enrolled · none waitlisted · none refused');
    await expect(summary).toContainText('Row 3, Wang Fang: enrolled');
    await expect(summary).toContainText('Row 6, Jonas Weber: enrolled');
    await expect(page.getByText('4 of 28 places taken')).toBeVisible();
    const roster = page.locator('.roster-table');
    await expect(roster.getByRole('row', { name: /Wang Fang.*Enrolled/ })).toBeVisible();
    await expect(roster.getByRole('row', { name: /Jonas Weber.*Enrolled/ })).toBeVisible();

    // The unknown address was not added as a person.
    await page.evaluate(() => {
      window.location.hash = '#/people';
    });
    await page.getByLabel('Search people').fill('someone.new');
    await expect(page.locator('.person-row')).toHaveCount(0);
  });

  test('a file with no e-mail column says so and changes nothing; the matched row is enrolled from the keyboard', async ({ page }) => {
    await loadDemo(page);
    await openRoster(page);
    const input = page.getByLabel('Choose a CSV file of people to enrol');
    await input.setInputFiles(csv(['Name', 'Wang Fang']));
    await expect(page.getByRole('alert')).toHaveText(
      'No column of cohort.csv holds e-mail addresses, and people are found by their e-mail: choose the e-mail column below, or add one to the file. Nothing was changed.',
    );
    await expect(page.getByRole('button', { name: 'Nothing to enrol' })).toBeDisabled();
    await expect(page.getByText('2 of 28 places taken')).toBeVisible();

    await input.setInputFiles(csv(['Courriel', 'priya.raman@example.ac.uk']));
    const run = page.getByRole('button', { name: 'Enrol the 1 matched row' });
    await run.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('.enrol-file .enrol-summary')).toContainText('1 enrolled');
    await expect(page.getByText('3 of 28 places taken')).toBeVisible();
  });
});
