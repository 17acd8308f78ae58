import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, expectAccessible, signIn, visit } from './helpers';

/** Marker names on the map and link names in the list: they must be the same regions. */
async function mapAndList(page: Page) {
  const markers = await page.locator('svg a.map-marker').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const list = await page.getByTestId('region-list').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  return { markers: [...markers].sort(), list: [...list].sort() };
}

async function filterByTheme(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Regio’s in beeld' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regio’s in beeld');
  if (javaScriptEnabled) await expectAccessible(page);
  const all = await mapAndList(page);
  expect(all.markers).toHaveLength(71);
  expect(all.markers).toEqual(all.list);

  await page.getByLabel('Speerpunt').selectOption({ label: 'Samenwerking met het primair onderwijs' });
  await page.getByRole('button', { name: 'Toon regio’s' }).click();
  await expect(page).toHaveURL(/speerpunt=po/);
  // The new page has loaded once the count is no longer the national one.
  await expect(page.getByRole('status')).not.toHaveText('71 regio’s van de 71');
  const filtered = await mapAndList(page);
  expect(filtered.markers.length).toBeGreaterThan(0);
  expect(filtered.markers.length).toBeLessThan(71);
  expect(filtered.markers).toEqual(filtered.list);
  await expect(page.getByRole('status')).toHaveText(`${filtered.markers.length} regio’s van de 71`);
  if (javaScriptEnabled) await expectAccessible(page);

  // Open a region page from a marker (keyboard focus, then Enter), named by its accessible name.
  const marker = page.locator('svg a.map-marker').first();
  const label = (await marker.getAttribute('aria-label'))!;
  const name = label.replace(/ \(STO19\d{3}\).*$/, '');
  await marker.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByText('Samenwerking met het primair onderwijs').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ook aan “Samenwerking met het primair onderwijs” werken' })).toBeVisible();
  if (javaScriptEnabled) await expectAccessible(page);
  await context.close();
}

test('filter the map by a theme, the map and the list agree, open a region from a marker (JavaScript)', async ({ browser }) => {
  await filterByTheme(browser, true);
});

test('the same without JavaScript', async ({ browser }) => {
  await filterByTheme(browser, false);
});

test('the map page stays under 150 kB at the national size and fits a 375 px phone', async ({ browser, request }) => {
  const response = await request.get('/regios', { headers: { 'Accept-Encoding': 'identity' } });
  const html = await response.text();
  expect(html.length).toBeLessThan(150_000);
  expect(html).toContain('Grenzen: CBS / PDOK (provincie 2019), vereenvoudigd door cartomap/nl');
  expect(html).not.toMatch(/@sto-|penvoerder/i);

  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await visit(page, '/regios');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await visit(page, '/regios/STO19072');
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await context.close();
});

test('a region that must resubmit has no public page; the team map links to the team’s region pages', async ({ page }) => {
  const missing = await page.goto('/regios/STO19999');
  expect(missing?.status()).toBe(404);

  await signIn(page, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(page).toHaveURL(/\/team/);
  await page.getByRole('link', { name: 'Kaart' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kaart van de regio’s');
  await expectAccessible(page);
  expect(await page.locator('svg a.map-marker').count()).toBe(78);
  await page.getByLabel('Kleur naar').selectOption('criticalFriend');
  await page.getByRole('button', { name: 'Toon regio’s' }).click();
  await expect(page.getByText('Alle bezoeken gebruikt')).toBeVisible();
  await expectAccessible(page);
  const marker = page.locator('svg a.map-marker').first();
  await expect(marker).toHaveAttribute('aria-label', /critical friend: \d van 2/);
  await marker.click();
  await expect(page).toHaveURL(/\/team\/regios\/\d+/);
});
