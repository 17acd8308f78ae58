import fs from 'node:fs';
import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, signIn, visit } from './helpers';

/**
 * The coordinators' oversight: start page, regions, calendar, supporters, settings, audit log and
 * accountability; and that no one else gets any /team page or action.
 *
 * Data it changes, which no other spec touches: the days of Zuidwest-Drenthe (STO19003), the default
 * length of "Verantwoording van de subsidie" (restored afterwards), a new supporter with an address
 * of its own.
 */

const REGION = { name: 'Zuidwest-Drenthe', number: 'STO19003', province: 'Drenthe' };
const SUPPORTER = 'ruud.vanleeuwen@sto-ondersteuning.example';

async function signInCoordinator(page: Page) {
  await signIn(page, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(page).toHaveURL(/\/team$/);
}

/** "Toegekend 5, gepland 0, …" → the allotted days as a number. */
async function allottedDays(page: Page): Promise<number> {
  const text = await page.getByText(/^Toegekend [\d,]+, gepland/).first().textContent();
  return Number(/^Toegekend ([\d,]+)/.exec(text ?? '')![1]!.replace(',', '.'));
}

test('the coordinator visits every oversight page, each accessible', async ({ page }) => {
  // Fifteen pages, each checked with axe (the regions table and the audit log are long).
  test.setTimeout(240_000);
  await signInCoordinator(page);
  await expectAccessible(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welkom, Coördinator Demo');
  await expect(page.getByRole('heading', { name: 'Wat aandacht vraagt' })).toBeVisible();
  await expect(page.getByText('Nieuwe aanvragen')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Naar de berichten' })).toHaveAttribute('href', '/team/berichten?status=failed');
  await expect(page.getByRole('link', { name: 'Naar de inbox' })).toHaveAttribute('href', '/team/inbox?status=submitted');
  // The chart has its figures as a table as well.
  await page.getByText('Toon de cijfers als tabel').first().click();
  await expect(page.getByRole('table', { name: /^Bezoeken per maand en soort ondersteuning in \d{4}$/ })).toBeVisible();
  await expectAccessible(page);

  await visit(page, '/team/regios');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regio’s');
  await expect(page.getByText('78 van 78 regio’s')).toBeVisible();

  await page.getByRole('link', { name: REGION.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(REGION.name);
  await expect(page.getByText(`${REGION.number} · ${REGION.province}`)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Contactpersonen' })).toBeVisible();
  await expectAccessible(page);
  // Another year of the ledger through the year form.
  await page.getByLabel('Jaar').selectOption('2019');
  await page.getByRole('button', { name: 'Toon jaar' }).click();
  await expect(page.getByRole('heading', { name: 'Kosteloze ondersteuningsdagen in 2019' })).toBeVisible();
  await expectAccessible(page);

  for (const view of ['month', 'week', 'list']) {
    await visit(page, `/team/agenda?view=${view}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agenda');
    const views = page.getByRole('navigation', { name: 'Weergave' });
    await expect(views.getByRole('link', { name: { month: 'Maand', week: 'Week', list: 'Lijst' }[view]!, exact: true })).toHaveAttribute('aria-current', 'page');
  }
  // October 2019 had critical-friend visits; prev/next are plain links.
  await visit(page, '/team/agenda?view=month&date=2019-10');
  await expect(page.getByRole('heading', { name: 'oktober 2019' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Bezoeken in oktober 2019' }).getByRole('link').first()).toHaveAttribute('href', /^\/team\/aanvragen\/\d+$/);
  await page.getByRole('link', { name: 'Volgende maand' }).click();
  await expect(page).toHaveURL(/date=2019-11/);
  await expect(page.getByRole('heading', { name: 'november 2019' })).toBeVisible();

  await visit(page, '/team/ondersteuners');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ondersteuners');
  await page.getByRole('link', { name: /^Wijzig Ruud/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/wijzigen$/);
  await expect(page.getByRole('heading', { name: 'Tijdelijk wachtwoord instellen' })).toBeVisible();
  await expectAccessible(page);
  await visit(page, '/team/ondersteuners/nieuw');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ondersteuner toevoegen');

  await visit(page, '/team/instellingen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instellingen');
  await expect(page.getByRole('heading', { name: 'Critical friend' })).toBeVisible();

  await visit(page, '/team/logboek');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logboek');
  // Earlier specs add rows on top of the seed's: filter on its kind to find it on the first page.
  await visit(page, '/team/logboek?soort=seed');
  await expect(page.getByRole('cell', { name: /^Demogegevens geladen/ })).toBeVisible();

  await visit(page, '/team/verantwoording?jaar=2019');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verantwoording');
  await expect(page.getByRole('heading', { name: 'Totalen in 2019' })).toBeVisible();
});

test('the regions filter by province and by speerpunt', async ({ page }) => {
  await signInCoordinator(page);
  await visit(page, '/team/regios');

  await page.getByLabel('Provincie').selectOption('Drenthe');
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(page).toHaveURL(/provincie=Drenthe/);
  await expect(page.getByText('3 van 78 regio’s')).toBeVisible();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(4);
  await expect(page.getByRole('link', { name: REGION.name, exact: true })).toBeVisible();
  await expectAccessible(page);

  // "Which regions work on this theme?"
  await page.goto('/team/regios');
  await page.getByLabel('Speerpunt').selectOption({ label: 'Samenwerking met het primair onderwijs' });
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(page).toHaveURL(/speerpunt=po/);
  const shown = Number((await page.getByText(/van 78 regio’s$/).textContent())!.split(' ')[0]);
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(78);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(shown + 1);
  await expectAccessible(page);

  await page.getByLabel('Sorteren op').selectOption({ label: 'Minste dagen over eerst' });
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(page).toHaveURL(/speerpunt=po.*sorteer=left/);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(shown + 1);
});

test('the regions filter and the calendar list work without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInCoordinator(page);
  await page.goto('/team/regios');
  await page.getByLabel('Provincie').selectOption('Drenthe');
  await page.getByLabel('Speerpunt').selectOption({ label: 'Samenwerking met het primair onderwijs' });
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(page).toHaveURL(/provincie=Drenthe.*speerpunt=po/);
  await expect(page.getByText(/^\d+ van 78 regio’s$/)).toBeVisible();

  await page.goto('/team/agenda?view=list&date=2019-10');
  await expect(page.getByRole('table', { name: 'Bezoeken in oktober 2019' })).toBeVisible();
  await page.getByLabel('Soort ondersteuning').selectOption({ label: 'Critical friend' });
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(page).toHaveURL(/view=list&date=2019-10&ondersteuner=&regio=&soort=\d+/);
  const kinds = await page.getByRole('table', { name: 'Bezoeken in oktober 2019' }).locator('tbody tr td:nth-child(3)').allTextContents();
  expect(kinds.length).toBeGreaterThan(0);
  expect(new Set(kinds)).toEqual(new Set(['Critical friend']));
  await page.getByRole('link', { name: 'Vorige maand' }).click();
  await expect(page).toHaveURL(/date=2019-09/);
  await context.close();
});

test('adding a day to a region with a reason changes its ledger; a refusal shows beside the form', async ({ page }) => {
  await signInCoordinator(page);
  await page.goto('/team/regios?provincie=Drenthe');
  await page.getByRole('link', { name: REGION.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(REGION.name);
  const before = await allottedDays(page);

  const form = page.locator('form#aanpassen');
  await form.getByLabel('Dagen toevoegen').check();
  await form.getByLabel('Aantal dagen').fill('1');
  await form.getByRole('button', { name: 'Aanpassing opslaan' }).click();
  // No reason: a message next to the field, nothing changed.
  await expect(form.getByText('Geef een reden op.')).toBeVisible();
  expect(await allottedDays(page)).toBe(before);

  await form.getByLabel('Reden').fill('E2E: extra dag voor de werkconferentie');
  await form.getByRole('button', { name: 'Aanpassing opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'De dagen zijn aangepast.' })).toBeVisible();
  expect(await allottedDays(page)).toBe(before + 1);
  const adjustments = page.getByRole('table', { name: /^Dagen toegevoegd of afgehaald in \d{4}$/ });
  await expect(adjustments.getByRole('row').filter({ hasText: 'E2E: extra dag voor de werkconferentie' })).toContainText('+1 dag');
  await expectAccessible(page);

  // Removing more than is left is refused with the figures, and changes nothing.
  const removeForm = page.locator('form#aanpassen');
  await removeForm.getByLabel('Dagen afhalen').check();
  await removeForm.getByLabel('Aantal dagen').fill('50');
  await removeForm.getByLabel('Reden').fill('E2E: te veel afhalen');
  await removeForm.getByRole('button', { name: 'Aanpassing opslaan' }).click();
  await expect(removeForm.getByRole('alert')).toContainText(`Dan houdt regio ${REGION.name} in`);
  expect(await allottedDays(page)).toBe(before + 1);
  await expectAccessible(page);

  // It is in the audit log, filtered on the region.
  await page.goto('/team/logboek?soort=ledger');
  await expect(page.getByRole('row').filter({ hasText: 'E2E: extra dag voor de werkconferentie' })).toContainText('Dagen aangepast');
});

test('changing a support type’s default length asks for a reason and lands in the audit log', async ({ page }) => {
  await signInCoordinator(page);
  await visit(page, '/team/instellingen');
  const type = page.getByRole('region', { name: 'Verantwoording van de subsidie' });
  const minutes = type.getByLabel('Standaardduur in minuten');
  const original = await minutes.inputValue();
  expect(original).toBe('240');

  await minutes.fill('195');
  await type.getByRole('button', { name: 'Regels van Verantwoording van de subsidie opslaan' }).click();
  await expect(type.getByText('Geef een reden op.')).toBeVisible();

  await type.getByLabel('Reden van de wijziging').fill('E2E: sessies duren korter');
  await type.getByRole('button', { name: 'Regels van Verantwoording van de subsidie opslaan' }).click();
  await expect(type.getByRole('status')).toHaveText('De regels van “Verantwoording van de subsidie” zijn gewijzigd.');
  await expect(type.getByLabel('Standaardduur in minuten')).toHaveValue('195');
  await expect(type.getByText(/standaard 195 minuten/)).toBeVisible();
  await expectAccessible(page);

  await page.goto('/team/logboek');
  await page.getByLabel('Soort wijziging').selectOption({ label: 'Soorten ondersteuning' });
  await page.getByRole('button', { name: 'Toon' }).click();
  const row = page.getByRole('row').filter({ hasText: 'E2E: sessies duren korter' });
  await expect(row).toContainText('Regels gewijzigd');
  await expect(row).toContainText('Standaardduur (minuten)');
  await expect(row).toContainText('240 → 195');
  await expectAccessible(page);

  // Put it back for everyone else.
  await page.goto('/team/instellingen');
  const again = page.getByRole('region', { name: 'Verantwoording van de subsidie' });
  await again.getByLabel('Standaardduur in minuten').fill(original);
  await again.getByLabel('Reden van de wijziging').fill('E2E: terug naar de standaard');
  await again.getByRole('button', { name: 'Regels van Verantwoording van de subsidie opslaan' }).click();
  await expect(again.getByRole('status')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Verantwoording van de subsidie' }).getByLabel('Standaardduur in minuten')).toHaveValue(original);
});

test('adding a supporter refuses an e-mail address in use, whatever its case', async ({ page }) => {
  await signInCoordinator(page);
  await visit(page, '/team/ondersteuners/nieuw');
  await page.getByLabel('Naam', { exact: true }).fill('Test Dubbel');
  await page.getByLabel('E-mailadres').fill('Ruud.VanLeeuwen@STO-ondersteuning.example');
  await page.getByLabel('Samenwerking met het primair onderwijs').check();
  await page.getByLabel('Tijdelijk wachtwoord').fill('tijdelijk-e2e-wachtwoord');
  await page.getByRole('button', { name: 'Ondersteuner toevoegen' }).click();
  await expect(page.getByText('Er is al een account met het e-mailadres ruud.vanleeuwen@sto-ondersteuning.example.')).toBeVisible();
  await expect(page.getByLabel('Samenwerking met het primair onderwijs')).toBeChecked();
  await expectAccessible(page);

  await page.getByLabel('E-mailadres').fill('test.oversight@example.nl');
  await page.getByLabel('Tijdelijk wachtwoord').fill('tijdelijk-e2e-wachtwoord');
  await page.getByRole('button', { name: 'Ondersteuner toevoegen' }).click();
  await expect(page).toHaveURL(/\/team\/ondersteuners\?klaar=toegevoegd$/);
  await expect(page.getByRole('status')).toHaveText('De ondersteuner is toegevoegd.');
  await expect(page.getByRole('row').filter({ hasText: 'test.oversight@example.nl' })).toContainText('Test Dubbel');
  await expectAccessible(page);
});

test('the regions CSV downloads for Dutch Excel: BOM, semicolons, CRLF', async ({ page }) => {
  await signInCoordinator(page);
  await visit(page, '/team/verantwoording?jaar=2019');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Cijfers per regio in 2019 (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('sto-cijfers-per-regio-2019.csv');
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const lines = text.split('\r\n');
  expect(lines[0]).toMatch(/^Registratienummer;Regio;Toegekend \(dagen\);Gepland \(dagen\);Gebruikt \(dagen\);Over \(dagen\);Bezoeken: Critical friend;/);
  expect(lines).toHaveLength(78 + 2); // header, 78 regions, and the empty string after the last CRLF
  expect(lines.at(-1)).toBe('');

  const visits = await page.request.get('/team/verantwoording/bezoeken.csv?jaar=2019');
  expect(visits.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(visits.headers()['content-disposition']).toBe('attachment; filename="sto-bezoeken-2019.csv"');
  const body = await visits.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(body.toString('utf8')).toMatch(/^\uFEFFDatum;Begin;Einde;Registratienummer;/);
});

/** Every coordinator page and download, ours and the others'. */
const TEAM_ROUTES = [
  '/team',
  '/team/inbox',
  '/team/regios',
  '/team/regios/1',
  '/team/regios/importeren',
  '/team/agenda',
  '/team/agenda?view=list',
  '/team/ondersteuners',
  '/team/ondersteuners/nieuw',
  '/team/ondersteuners/2',
  '/team/instellingen',
  '/team/logboek',
  '/team/verantwoording',
  '/team/verantwoording/regios.csv?jaar=2019',
  '/team/verantwoording/bezoeken.csv?jaar=2019',
  '/team/berichten',
  '/team/aanvragen/1',
];

test('a signed-out visitor is sent to sign in, a supporter gets 403: every /team route, GET and POST', async ({ baseURL }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const supporter = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.61' } });
  const signedIn = await supporter.post('/inloggen', { form: { email: SUPPORTER, password: DEMO.supporterPassword }, maxRedirects: 0 });
  expect(signedIn.status()).toBe(302);
  expect(signedIn.headers()['location']).toBe('/ondersteuner');

  const form = { intent: 'adjust', direction: 'add', days: '5', reason: 'mag niet', year: '2026' };
  const problems: string[] = [];
  for (const path of TEAM_ROUTES) {
    const asked = [
      ['GET', anonymous, await anonymous.get(path, { maxRedirects: 0 })],
      ['POST', anonymous, await anonymous.post(path, { form, maxRedirects: 0 })],
      ['GET', supporter, await supporter.get(path, { maxRedirects: 0 })],
      ['POST', supporter, await supporter.post(path, { form, maxRedirects: 0 })],
    ] as const;
    for (const [method, who, response] of asked) {
      const anonymousCall = who === anonymous;
      const ok = anonymousCall
        ? response.status() === 302 && (response.headers()['location'] ?? '').startsWith('/inloggen?redirectTo=')
        : response.status() === 403;
      if (!ok) {
        problems.push(`${method} ${path} as ${anonymousCall ? 'signed-out visitor' : 'supporter'}: ${response.status()} ${response.headers()['location'] ?? ''}`);
      }
    }
  }
  expect(problems).toEqual([]);
  // Nothing was changed by those posts: region 1 has no adjustment with that reason.
  const coordinator = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.62' } });
  await coordinator.post('/inloggen', { form: { email: DEMO.coordinator.email, password: DEMO.coordinator.password } });
  const page = await coordinator.get('/team/regios/1?jaar=2026');
  expect(await page.text()).not.toContain('mag niet');
  await Promise.all([anonymous.dispose(), supporter.dispose(), coordinator.dispose()]);
});
