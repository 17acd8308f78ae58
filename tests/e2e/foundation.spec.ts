import { expect, test } from '@playwright/test';
import { DEMO, expectAccessible, signIn, visit } from './helpers';

test('the home page is Dutch first and switches to English and back', async ({ page }) => {
  await visit(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kosteloze ondersteuning voor uw regio');
  await expect(page.getByText('5 kosteloze ondersteuningsdagen', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Free support for your region');
  await expectAccessible(page);

  // Remembered across pages.
  await page.goto('/inloggen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
});

test('the language switch works without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Free support for your region');
  await context.close();
});

test('the coordinator signs in, lands on the team page and signs out server-side', async ({ page, context }) => {
  await visit(page, '/inloggen');
  await signIn(page, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(page).toHaveURL(/\/team$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welkom');
  await expectAccessible(page);

  const [session] = (await context.cookies()).filter((c) => c.name === 'sto_session');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');
  expect(session?.secure).toBe(true);

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page).toHaveURL(/\/$/);

  // The old cookie no longer works: the session row is gone.
  await context.addCookies([session!]);
  await page.goto('/team');
  await expect(page).toHaveURL(/\/inloggen\?redirectTo=%2Fteam/);
});

test('a supporter signs in on their own start page and gets no coordinator page', async ({ page, request }) => {
  const response = await request.get('/team', { maxRedirects: 0 });
  expect(response.status()).toBe(302);

  await page.goto('/inloggen?redirectTo=/ondersteuner');
  await page.getByLabel('E-mailadres').fill('marieke.bosman@sto-ondersteuning.example');
  await page.getByLabel('Wachtwoord').fill(DEMO.supporterPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/ondersteuner$/);
  await expectAccessible(page);

  const forbidden = await page.goto('/team');
  expect(forbidden?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
  await expectAccessible(page);
});

test('a wrong password gets a clear message; after five the address waits, another address still signs in', async ({ browser }) => {
  // Its own client address, so the wait does not touch the other tests.
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.66' } });
  const page = await context.newPage();
  const email = 'erik.dewit@sto-ondersteuning.example';
  for (let i = 0; i < 5; i += 1) {
    await signIn(page, email, `wrong-${i}`);
    await expect(page.getByRole('alert')).toHaveText('Het e-mailadres of wachtwoord klopt niet.');
  }
  await expectAccessible(page);
  const refused = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/inloggen'));
  await signIn(page, email, DEMO.supporterPassword);
  const response = await refused;
  expect(response.status()).toBe(429);
  expect(Number(response.headers()['retry-after'])).toBeGreaterThan(50);
  await expect(page.getByRole('alert')).toHaveText('Te veel mislukte pogingen. Probeer het over een minuut opnieuw.');
  await expect(page).toHaveURL(/\/inloggen/);
  await expectAccessible(page);
  await context.close();

  // The owner, from an address that has not failed, is not locked out.
  const owner = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.67' } });
  const ownerPage = await owner.newPage();
  await signIn(ownerPage, email, DEMO.supporterPassword);
  await expect(ownerPage).toHaveURL(/\/ondersteuner$/);
  await owner.close();
});

test('an unknown address shows a friendly 404 in the chosen language', async ({ page }) => {
  const response = await page.goto('/bestaat-niet');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
  await expectAccessible(page);
});

test('security headers are set on every page', async ({ request }) => {
  const response = await request.get('/');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
});
