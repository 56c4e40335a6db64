import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { encodeQrPayload } from '../../shared/credentials/qr';
import { extractCredential } from '../../shared/credentials/pdfAttachment';
import { expectNoAccessibilityViolations, loadDemo, navLink, waitForOfflineCache } from './helpers';

/** Downloads what clicking `name` saves and answers the file's path. */
async function download(page: Page, name: string, path: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByRole('button', { name }).click()]);
  await file.saveAs(path);
  return path;
}

/** Verifies a file on the Verify screen and answers the verdict heading. */
async function verifyFile(page: Page, path: string) {
  await navLink(page, 'Verify').click();
  await page.getByLabel('Open a file…').setInputFiles(path);
  return page.locator('#verdict-title');
}

test.describe('certificates, as a coordinator with no network', () => {
  test('sets up signing, issues a session, downloads, verifies, catches an alteration, revokes; a trainee sees only their own', async ({
    page,
    context,
  }, testInfo) => {
    test.setTimeout(180_000);
    await loadDemo(page);
    await waitForOfflineCache(page);
    await context.setOffline(true);

    // Set up signing: the organisation's key and this device's key, made here, offline.
    await navLink(page, 'Certificates').click();
    await page.getByRole('button', { name: 'Set up signing' }).click();
    await expect(page.getByText('Organisation name as printed on certificates: This is required')).toBeVisible();
    await page.getByLabel('Organisation name as printed on certificates').fill('International Deep Space Education Association');
    await page.getByLabel('Short code for serial numbers').fill('idsea');
    await page.getByLabel('Verification web address').fill('https://verify.idsea.example');
    await page.getByRole('button', { name: 'Set up signing' }).click();
    await expect(page.getByRole('heading', { name: 'Certificates are signed for International Deep Space Education Association' })).toBeVisible();

    // The finished short course: 12 of 14 meet the completion rule.
    const option = page.getByLabel('Session').locator('option', { hasText: 'DST-101 Bangkok short course' });
    await page.getByLabel('Session').selectOption(await option.getAttribute('value'));
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Ready for a certificate (12)' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Not ready yet (2)' })).toBeVisible();
    await expectNoAccessibilityViolations(page, 'session certificates');
    await page.getByRole('button', { name: 'Issue to all ready (12)' }).click();
    await expect(page.getByText('12 certificates issued.')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('heading', { name: 'Certificates issued (12)' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Ready for a certificate (0)' })).toBeVisible();

    // Open one: Maryam Iqbal's certificate carries her name as she writes it, in Urdu.
    const row = page.getByRole('listitem').filter({ hasText: 'Maryam Iqbal' });
    const serial = (await row.getByRole('link').textContent())!.trim();
    expect(serial).toMatch(/^IDSEA-[0-9A-Z]{4}-\d{6}$/);
    await row.getByRole('link').click();
    await expect(page.getByRole('heading', { name: new RegExp(serial) })).toBeVisible();
    await expect(page.locator('#verdict-title')).toHaveText('Valid');
    await expectNoAccessibilityViolations(page, 'certificate');

    const jsonPath = await download(page, 'Download JSON', testInfo.outputPath('certificate.json'));
    const pdfPath = await download(page, 'Download PDF', testInfo.outputPath('certificate.pdf'));
    const credential = JSON.parse(await readFile(jsonPath, 'utf8')) as { credentialSubject: { identifier: { identityHash: string }[] } };
    expect(credential.credentialSubject.identifier[0]!.identityHash).toBe('مریم اقبال');
    const attached = await extractCredential(new Uint8Array(await readFile(pdfPath)));
    expect(attached.ok && attached.value.credential).toEqual(credential);

    // Verify the JSON, the PDF and the QR text in the app: valid.
    await expect(await verifyFile(page, jsonPath)).toHaveText('Valid');
    await expect(page.getByText('مریم اقبال')).toBeVisible();
    await expect(await verifyFile(page, pdfPath)).toHaveText('Valid');
    await page.getByLabel('QR text, link, JSON or serial number').fill(encodeQrPayload(credential));
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.locator('#verdict-title')).toHaveText('Valid');

    // One changed letter in the name: altered.
    const altered = structuredClone(credential);
    altered.credentialSubject.identifier[0]!.identityHash = 'مریم اقبالی';
    const alteredPath = testInfo.outputPath('altered.json');
    await writeFile(alteredPath, JSON.stringify(altered));
    await expect(await verifyFile(page, alteredPath)).toHaveText('Altered');

    // A file that is not a certificate: one clear answer.
    const junkPath = testInfo.outputPath('notes.json');
    await writeFile(junkPath, 'these are my notes');
    await expect(await verifyFile(page, junkPath)).toHaveText('Not a readable certificate');

    // Revoke with a reason, then the same JSON verifies as revoked, with date and reason.
    await page.getByLabel('QR text, link, JSON or serial number').fill(serial);
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.locator('#verdict-title')).toHaveText('Valid');
    await page.getByRole('link', { name: 'Open this certificate' }).click();
    await page.getByRole('button', { name: 'Revoke…' }).click();
    await page.getByLabel('Reason').selectOption({ label: 'Name corrected (reissued)' });
    await page.getByLabel('Details (optional)').fill('Family name misspelt');
    await page.getByRole('button', { name: 'Revoke the certificate' }).click();
    await expect(page.getByText(/Revoked on .*: Name corrected \(reissued\): Family name misspelt/).first()).toBeVisible();
    await expect(await verifyFile(page, jsonPath)).toHaveText('Revoked');
    await expect(page.getByText(/Revoked on .*Family name misspelt/)).toBeVisible();

    // A trainee sees only their own certificates.
    await page.getByLabel('Acting as').selectOption('trainee');
    await page.getByRole('combobox', { name: /^Person/ }).selectOption({ label: 'Hamza Khan' });
    await navLink(page, 'My certificates').click();
    await expect(page.getByRole('heading', { name: 'My certificates' })).toBeVisible();
    await expect(page.getByRole('listitem')).toHaveCount(1);
    await expect(page.getByRole('listitem')).toContainText('DST-101');
    // Maryam's certificate is not Hamza's to open.
    await page.goto(`./#/verify`);
    await page.getByLabel('QR text, link, JSON or serial number').fill(serial);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByRole('link', { name: 'Open this certificate' }).click();
    await expect(page.getByRole('heading', { name: 'Not on this device' })).toBeVisible();
    await expect(page.getByText(new RegExp(serial))).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Download JSON' })).toHaveCount(0);
  });
});
