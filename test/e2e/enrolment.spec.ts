import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAccessibilityViolations, loadDemo, navLink, waitForOfflineCache } from './helpers';

/** A day relative to today in the browser's time zone (playwright.config: Asia/Karachi), as YYYY-MM-DD. */
function day(offset: number): string {
  const date = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Karachi' }).format(date);
}

/** Clicks an export button and returns the name and text of the file downloaded. */
async function downloadCsv(page: Page, button: string): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** Adds a trainee through the people form, as a coordinator would. */
async function addTrainee(page: Page, nativeName: string, latinName: string) {
  await navLink(page, 'People').click();
  await page.getByRole('link', { name: 'New person' }).first().click();
  await page.getByLabel('Name in own script').fill(nativeName);
  await page.getByLabel('Name in Latin letters').fill(latinName);
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(latinName);
}

/** A session with two places that meets every day from yesterday, open for enrolment now. */
async function createSmallSession(page: Page) {
  await navLink(page, 'Catalogue').click();
  await page.getByLabel('Search courses').fill('CSD-101');
  await page.locator('.course-row').first().click();
  await page.getByRole('link', { name: 'New session' }).click();
  await page.getByLabel('Session name').fill('Two-seat pilot');
  await page.getByLabel('First day').fill(day(-1));
  await page.getByLabel('Last day').fill(day(5));
  await page.getByRole('checkbox', { name: 'Sat' }).check();
  await page.getByRole('checkbox', { name: 'Sun' }).check();
  await page.getByLabel('Site').fill('Middle East Technical University');
  await page.getByLabel('City').fill('Ankara');
  await page.getByLabel('Country').selectOption('TR');
  await page.getByLabel('Time zone').fill('Asia/Karachi');
  await page.getByLabel('Places').fill('2');
  await page.getByLabel('Enrolment opens').fill(day(-30));
  await page.getByLabel('Enrolment closes').fill(day(3));
  await page.getByLabel('Status').selectOption({ label: 'Open' });
  await expect(page.getByText('This schedule makes 7 class days.')).toBeVisible();
  await page.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByText('Saved on this device.')).toBeVisible();
}

test.describe('enrolment and attendance', () => {
  test('a coordinator fills a session, sees the waitlist move up, and takes attendance by keyboard, offline', async ({ page, context }) => {
    await loadDemo(page);
    await waitForOfflineCache(page);
    await context.setOffline(true);

    await addTrainee(page, 'آمنة بيلو', 'Amina Bello');
    await addTrainee(page, '李伟', 'Li Wei');
    await addTrainee(page, 'بلال خان', 'Bilal Khan');
    await createSmallSession(page);

    // Enrol three people in a session with two places: the third waits.
    await page.getByRole('link', { name: 'Roster', exact: true }).click();
    const roster = page.locator('.roster-table');
    await expect(page.getByText('0 of 2 places taken')).toBeVisible();
    await page.getByLabel('Find people').fill('amina');
    await page.getByRole('checkbox', { name: 'Amina Bello' }).check();
    await page.getByLabel('Find people').fill('李');
    await page.getByRole('checkbox', { name: 'Li Wei' }).check();
    await page.getByLabel('Find people').fill('');
    await page.getByRole('checkbox', { name: 'Bilal Khan' }).check();
    await page.getByRole('button', { name: 'Enrol 3 selected' }).click();
    const summary = page.locator('.enrol-summary');
    await expect(summary).toContainText('2 enrolled · 1 waitlisted · none refused');
    await expect(summary).toContainText('Bilal Khan: waitlisted, position 1');
    await expect(page.getByText('2 of 2 places taken')).toBeVisible();
    await expect(page.getByText('1 on the waitlist')).toBeVisible();
    await expect(roster.getByRole('row', { name: /Bilal Khan.*Waitlisted · position 1/ })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Amina Bello (on the roster)' })).toBeDisabled();
    await expectNoAccessibilityViolations(page, 'roster');

    // Withdraw one: the first of the waitlist gets the place, and the screen says so.
    await page.getByRole('button', { name: 'Withdraw Li Wei' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdraw Li Wei?' });
    await dialog.getByLabel('Reason (optional)').fill('Visa delayed');
    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Withdrawn. Bilal Khan moved up from the waitlist.' })).toBeVisible();
    await expect(roster.getByRole('row', { name: /Bilal Khan.*Enrolled/ })).toBeVisible();
    await expect(roster.getByRole('row', { name: /Li Wei.*Withdrawn — Visa delayed/ })).toBeVisible();
    await expect(page.getByText('Nobody on the waitlist')).toBeVisible();

    // The roster as a spreadsheet file: BOM, headers in the user's language, a row per person.
    const rosterFile = await downloadCsv(page, 'Export roster (CSV)');
    expect(rosterFile.name).toBe(`roster-CSD-101-${day(0)}.csv`);
    expect(rosterFile.text.startsWith('\uFEFFName,Name in Latin letters,E-mail,Institution,Country,Status,Waitlist position,Team,Attended %,Times late,Completion\r\n')).toBe(true);
    expect(rosterFile.text).toContain('\r\nآمنة بيلو,Amina Bello,,,,Enrolled,,,0,0,"0% attended, needs ');
    expect(rosterFile.text).toContain('\r\n李伟,Li Wei,,,,Withdrawn,,,,,\r\n');

    // Yesterday's attendance with the keyboard only: P for Amina, down, L for Bilal.
    await page.getByRole('link', { name: 'Attendance', exact: true }).click();
    const grid = page.getByRole('grid');
    await expect(grid).toBeVisible();
    await grid.getByRole('gridcell', { name: /^Amina Bello, .*: no mark$/ }).first().focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('p');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('l');
    await expect(grid.getByRole('gridcell', { name: /^Amina Bello, .*: present$/ })).toHaveCount(1);
    await expect(grid.getByRole('gridcell', { name: /^Bilal Khan, .*: late$/ })).toHaveCount(1);
    await expect(page.locator(':focus')).toHaveAccessibleName(/^Bilal Khan, .*: late$/);
    await expect(grid.getByRole('row', { name: /^آمنة بيلو/ })).toContainText('50% · 0 late');
    await expect(grid.getByRole('row', { name: /^بلال خان/ })).toContainText('50% · 1 late');
    await expect(grid.locator('tfoot td').first()).toContainText('1 present, 1 late, 0 excused, 0 absent, 0 not recorded');
    await expect(page.getByText(/Bilal Khan, .*: late, recorded by this device on/)).toBeVisible();

    // A mistake is fixed in place: Backspace clears, A marks absent.
    await page.keyboard.press('Backspace');
    await expect(grid.getByRole('gridcell', { name: /^Bilal Khan, .*: no mark$/ })).toHaveCount(7);
    await page.keyboard.press('a');
    await expect(grid.getByRole('row', { name: /^بلال خان/ })).toContainText('0% · 0 late');
    await expectNoAccessibilityViolations(page, 'attendance grid');

    // The grid as a spreadsheet file: a column per class day, marks as words.
    const attendanceFile = await downloadCsv(page, 'Export attendance (CSV)');
    expect(attendanceFile.name).toBe(`attendance-CSD-101-${day(0)}.csv`);
    expect(attendanceFile.text.startsWith(`\uFEFFName,Name in Latin letters,${[-1, 0, 1, 2, 3, 4, 5].map(day).join(',')},Attended %,Times late\r\n`)).toBe(true);
    expect(attendanceFile.text).toContain('\r\nآمنة بيلو,Amina Bello,present,,,,,,,50,0\r\n');
    expect(attendanceFile.text).toContain('\r\nبلال خان,Bilal Khan,absent,,,,,,,0,0\r\n');

    // Today: everyone present with one click, then the exception by keyboard.
    await navLink(page, 'Today').click();
    const card = page.getByRole('listitem').filter({ hasText: 'Two-seat pilot' });
    await expect(card).toBeVisible();
    await card.getByRole('link', { name: 'Take attendance' }).click();
    await page.getByRole('button', { name: /^Mark everyone present on / }).nth(1).click();
    await expect(grid.getByRole('row', { name: /^آمنة بيلو/ })).toContainText('100% · 0 late');
    await expect(grid.getByRole('row', { name: /^بلال خان/ })).toContainText('50% · 0 late');

    // The sign-in sheet lists both trainees in both scripts.
    await navLink(page, 'Today').click();
    await card.getByRole('link', { name: 'Sign-in sheet' }).click();
    await expect(page.getByRole('heading', { name: 'Sign-in sheet' })).toBeVisible();
    await expect(page.getByRole('row', { name: /آمنة بيلو.*Amina Bello/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /بلال خان.*Bilal Khan/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /Li Wei/ })).toHaveCount(0);

    // Everything survives a reload with no network.
    await page.reload();
    await expect(page.getByRole('row', { name: /بلال خان.*Bilal Khan/ })).toBeVisible();
  });
});
