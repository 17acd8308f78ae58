/**
 * Going live (issue 10, section 1): a supporter added by a coordinator must replace the temporary
 * password before anything else opens; coordinators import the real regions from a CSV.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, e2eDatabase, expectAccessible, signIn, visit } from './helpers';

async function signInCoordinator(page: Page) {
  await signIn(page, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(page).toHaveURL(/\/team$/);
}

/** A coordinator adds a supporter with a temporary password (in a context of its own). */
async function addSupporter(browser: Browser, email: string, temporary: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInCoordinator(page);
  await page.goto('/team/ondersteuners/nieuw');
  await page.getByLabel('Naam', { exact: true }).fill('Nieuwe Noor');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Tijdelijk wachtwoord').fill(temporary);
  await page.getByRole('button', { name: 'Ondersteuner toevoegen' }).click();
  await expect(page).toHaveURL(/\/team\/ondersteuners\?klaar=toegevoegd$/);
  await context.close();
}

test('a supporter with a temporary password is sent to /wachtwoord before anything else, also without JavaScript', async ({ browser }) => {
  const email = 'noor.nieuw@example.nl';
  const temporary = 'tijdelijk-e2e-noor-1';
  await addSupporter(browser, email, temporary);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, email, temporary);
  await expect(page).toHaveURL(/\/wachtwoord$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kies uw eigen wachtwoord');
  // No menu leads into the app; typing an address does not get past it either.
  await expect(page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn bezoeken' })).toHaveCount(0);
  for (const path of ['/ondersteuner', '/ondersteuner/bezoeken', '/ondersteuner/profiel', '/team']) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/wachtwoord$/);
  }

  // The profile's rules: the temporary password must be right, the new one different and typed twice.
  await page.getByLabel('Tijdelijk wachtwoord').fill(temporary);
  await page.getByLabel(/^Nieuw wachtwoord( \*)?$/).fill(temporary);
  await page.getByLabel('Nieuw wachtwoord nog een keer').fill(temporary);
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByText('Kies een nieuw wachtwoord dat anders is dan het huidige.')).toBeVisible();

  await page.getByLabel('Tijdelijk wachtwoord').fill(temporary);
  await page.getByLabel(/^Nieuw wachtwoord( \*)?$/).fill('noor-haar-eigen-wachtwoord');
  await page.getByLabel('Nieuw wachtwoord nog een keer').fill('noor-haar-eigen-wachtwoord');
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page).toHaveURL(/\/ondersteuner$/);
  await page.goto('/ondersteuner/bezoeken');
  await expect(page).toHaveURL(/\/ondersteuner\/bezoeken$/);

  // Signing out and in again with the new password goes straight home.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await signIn(page, email, 'noor-haar-eigen-wachtwoord');
  await expect(page).toHaveURL(/\/ondersteuner$/);
  await context.close();
});

test('the password page is accessible, says what is wrong, and signing out still works while the password is temporary', async ({ browser, page }) => {
  const email = 'sam.uitlog@example.nl';
  const temporary = 'tijdelijk-e2e-sam-1';
  await addSupporter(browser, email, temporary);
  await signIn(page, email, temporary);
  await expect(page).toHaveURL(/\/wachtwoord$/);
  await expectAccessible(page);
  await page.getByLabel('Tijdelijk wachtwoord').fill('niet-het-goede');
  await page.getByLabel(/^Nieuw wachtwoord( \*)?$/).fill('sam-zijn-eigen-wachtwoord');
  await page.getByLabel('Nieuw wachtwoord nog een keer').fill('sam-zijn-eigen-wachtwoord');
  await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await expect(page.getByText('Uw huidige wachtwoord klopt niet.')).toBeVisible();
  await expectAccessible(page);
  // In English too.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose your own password');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kies uw eigen wachtwoord');
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/wachtwoord');
  await expect(page).toHaveURL(/\/inloggen\?redirectTo=%2Fwachtwoord$/);
  await visit(page, '/inloggen');
});

test('a coordinator imports regions from a CSV: row errors and nothing written, then a preview, then the import', async ({ page }) => {
  const NEW = ['STO19998', 'STO19999'];
  const db = e2eDatabase({ readonly: false });
  const existing = db.prepare('SELECT * FROM regions ORDER BY id LIMIT 1').get() as Record<string, string>;
  const countNew = () => (db.prepare(`SELECT count(*) AS n FROM regions WHERE registration_number IN (?, ?)`).get(...NEW) as { n: number }).n;
  expect(countNew()).toBe(0);
  const quote = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(';');
  const header = 'Registratienummer;Naam;Provincie;Planstatus;Penvoerder;Hoofdplaats;Speerpunten;Breedtegraad;Lengtegraad';
  const unchanged = quote([
    existing.registration_number!,
    existing.name!,
    existing.province!,
    existing.plan_status!,
    existing.penvoerder!,
    existing.main_town!,
    (JSON.parse(existing.speerpunten!) as string[]).join(';'),
    '',
    '',
  ]);
  const file = (rows: string[]) => ({ name: 'regios.csv', mimeType: 'text/csv', buffer: Buffer.from('\uFEFF' + [header, ...rows].join('\r\n') + '\r\n', 'utf8') });
  const good = `${NEW[0]};Techniekregio Testland;Utrecht;lichtgroen;ROC Test;Amersfoort;"lob;po";52,156;5,387`;
  const bad = `${NEW[1]};Techniekregio Fout;Holland;lichtgroen;ROC Test;Ergens;lob;;`;
  try {
    await signInCoordinator(page);
    await page.goto('/team/regios');
    await page.getByRole('link', { name: 'Regio’s importeren uit een CSV-bestand' }).click();
    await expect(page).toHaveURL(/\/team\/regios\/importeren$/);
    await expectAccessible(page);

    await page.getByLabel('CSV-bestand').setInputFiles(file([good, unchanged, bad]));
    await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Er is niets ingelezen.');
    await expect(alert).toContainText('Rij 4, kolom provincie: "Holland" is geen provincie');
    await expectAccessible(page);
    expect(countNew()).toBe(0);

    const fixed = bad.replace('Holland', 'Zeeland');
    await page.getByLabel('CSV-bestand').setInputFiles(file([good, unchanged, fixed]));
    await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
    const preview = page.getByRole('region', { name: 'Voorbeeld van regios.csv' });
    await expect(preview.getByRole('status')).toContainText('2 nieuw, 0 bijgewerkt, 1 ongewijzigd.');
    await expect(preview.getByRole('table', { name: 'Nieuw (2)' }).getByRole('row', { name: /STO19999/ })).toContainText('Zuid');
    await expectAccessible(page);
    expect(countNew()).toBe(0);

    await preview.getByRole('button', { name: 'Import bevestigen' }).click();
    await expect(page.getByRole('status')).toHaveText('De import is opgeslagen: 2 nieuw, 0 bijgewerkt, 1 ongewijzigd.');
    await expectAccessible(page);
    const stored = db.prepare('SELECT registration_number, province, main_town, speerpunten, latitude, holiday_zone FROM regions WHERE registration_number IN (?, ?) ORDER BY 1').all(...NEW);
    expect(stored).toEqual([
      { registration_number: 'STO19998', province: 'Utrecht', main_town: 'Amersfoort', speerpunten: '["lob","po"]', latitude: 52.156, holiday_zone: null },
      { registration_number: 'STO19999', province: 'Zeeland', main_town: 'Ergens', speerpunten: '["lob"]', latitude: null, holiday_zone: null },
    ]);
    // The region's team page shows the imported main town.
    const id = (db.prepare('SELECT id FROM regions WHERE registration_number = ?').get(NEW[0]) as { id: number }).id;
    await page.goto(`/team/regios/${id}`);
    await expect(page.getByRole('definition').filter({ hasText: 'Amersfoort' })).toBeVisible();
  } finally {
    // Later specs count the demo's 78 regions: take the imported ones out again.
    db.prepare('DELETE FROM regions WHERE registration_number IN (?, ?)').run(...NEW);
    db.close();
  }
});
