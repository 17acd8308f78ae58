import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import { SAMPLE_PDF, sampleExe } from '../helpers/sample-files';
import { DEMO, expectAccessible, signIn } from './helpers';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function uploadAndDownload(browser: Browser, javaScriptEnabled: boolean) {
  const title = `Werkvorm samenwerking ${javaScriptEnabled ? 'A' : 'B'}`;
  const context = await browser.newContext({ javaScriptEnabled, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(page).toHaveURL(/\/team/);
  await page.goto('/team/tools');
  if (javaScriptEnabled) await expectAccessible(page);

  // A program disguised as a PDF is refused with a clear sentence; nothing is published.
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Korte beschrijving').fill('Een werkvorm om met vmbo, mbo en bedrijven afspraken te maken.');
  await page.getByLabel('Speerpunt').selectOption('bedrijfsleven');
  await page.getByLabel('Bestand').setInputFiles({ name: 'setup.pdf', mimeType: 'application/pdf', buffer: sampleExe() });
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Het bestand “setup.pdf” heet een .pdf-bestand, maar de inhoud is van een ander soort (EXE). Alleen echte PDF-, Word-, Excel- en PowerPoint-bestanden kunnen worden gepubliceerd.',
  );
  await expect(page.getByLabel('Titel')).toHaveValue(title);
  if (javaScriptEnabled) await expectAccessible(page);

  await page.getByLabel('Bestand').setInputFiles({ name: 'Werkvorm samenwerking.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
  await page.getByRole('button', { name: 'Publiceren' }).click();
  await expect(page.getByText('De tool is gepubliceerd.')).toBeVisible();

  await page.goto('/tools');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tools');
  if (javaScriptEnabled) await expectAccessible(page);
  const link = page.getByRole('link', { name: new RegExp(`^${title} downloaden \\(PDF, 1 kB\\)$`) });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('Werkvorm samenwerking.pdf');
  const saved = fs.readFileSync((await download.path())!);
  expect(sha(saved)).toBe(sha(SAMPLE_PDF));

  const response = await page.request.get((await link.getAttribute('href'))!);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['content-disposition']).toContain("filename*=UTF-8''Werkvorm%20samenwerking.pdf");
  expect(Buffer.from(await response.body()).equals(SAMPLE_PDF)).toBe(true);
  await context.close();
}

test('a tool is uploaded and downloaded intact; a disguised .exe is refused (JavaScript)', async ({ browser }) => {
  await uploadAndDownload(browser, true);
});

test('the same without JavaScript', async ({ browser }) => {
  await uploadAndDownload(browser, false);
});
