import { expect, test, type Browser, type Page } from '@playwright/test';
import { e2eDatabase, expectAccessible, statusPathInMail, visit } from './helpers';

type OutboxRow = { to_email: string; subject: string; text: string; kind: string };

function lastMailTo(email: string): OutboxRow | undefined {
  const db = e2eDatabase();
  try {
    return db.prepare('SELECT to_email, subject, text, kind FROM outbox WHERE to_email = ? ORDER BY id DESC LIMIT 1').get(email) as OutboxRow | undefined;
  } finally {
    db.close();
  }
}

async function fillRequest(page: Page, email: string) {
  await page.getByRole('radio', { name: 'Docenten brengen het plan in praktijk' }).check();
  await page.getByLabel('Uw naam').fill('Joyce Bakker');
  await page.getByLabel('Uw e-mailadres').fill(email);
  await page.getByLabel('Uw rol').selectOption('docent');
  await page.getByLabel('Thema (speerpunt)').selectOption('docenten');
  await page.getByLabel('Uw vraag').fill('Onze docenten willen het plan in de les brengen, maar weten niet waar te beginnen. Wie helpt?');
  await page.getByLabel('Liefst vanaf').fill('2027-02-01');
  await page.getByLabel('Liefst uiterlijk').fill('2027-03-15');
  await page.getByLabel('Locatie').fill('Regius College, Schagen');
  await page.getByLabel('Een halve dag').check();
  await page.getByLabel(/toestemming/).check();
}

async function requestFlow(browser: Browser, { javaScriptEnabled, ip, email }: { javaScriptEnabled: boolean; ip: string; email: string }) {
  const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { 'X-Forwarded-For': ip } });
  const page = await context.newPage();
  // axe runs inside the page, so it needs JavaScript: the no-JS run checks behaviour only
  // (the same pages are checked with axe in the run with JavaScript).
  const checkA11y = javaScriptEnabled ? expectAccessible : async () => {};
  await page.goto('/');
  await checkA11y(page);
  await page.getByRole('link', { name: 'Ondersteuning aanvragen' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ondersteuning aanvragen');
  await checkA11y(page);

  // Step 1: find the region by part of its number.
  await page.getByLabel('Regio of registratienummer').fill('072');
  await page.getByRole('button', { name: 'Regio kiezen' }).click();
  await expect(page.getByText('TechniekPact Kop van Noord-Holland (STO19072)')).toBeVisible();
  await expect(page.getByText('Kosteloze ondersteuningsdagen over')).toBeVisible();
  // The critical friend is shown but cannot be chosen, with the reason.
  await expect(page.getByRole('radio', { name: 'Critical friend' })).toBeDisabled();
  await expect(page.getByText(/Niet meer aan te vragen: Kon alleen worden aangevraagd voor een bezoek vóór/)).toBeVisible();
  await checkA11y(page);

  // A mistake first: the values stay, the message stands next to the field.
  await fillRequest(page, 'joyce@');
  await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
  await expect(page.getByText('Vul een geldig e-mailadres in, bijvoorbeeld naam@school.nl.')).toBeVisible();
  await expect(page.getByLabel('Uw naam')).toHaveValue('Joyce Bakker');
  await checkA11y(page);

  await page.getByLabel('Uw e-mailadres').fill(email);
  await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bedankt voor uw aanvraag');
  // The address the link went to and the reference, from a short-lived cookie (nothing in the URL).
  await expect(page.getByText(email, { exact: true })).toBeVisible();
  await expect(page.getByText(/^A-\d{6}$/)).toBeVisible();
  expect(new URL(page.url()).search).toBe('');
  await checkA11y(page);

  // The confirmation e-mail in the outbox carries the private link.
  const mail = lastMailTo(email);
  expect(mail?.kind).toBe('request-received');
  // Stored with a placeholder; the deliverer fills in the link derived from the request's nonce.
  expect(mail!.text).not.toMatch(/\/aanvraag\/[A-Za-z0-9_-]{20,}/);
  const link = statusPathInMail(mail!.text);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uw aanvraag: Docenten brengen het plan in praktijk');
  await expect(page.getByText('Ontvangen, wacht op het ondersteuningsteam')).toBeVisible();
  await expect(page.getByText('Regius College, Schagen')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Kosteloze ondersteuningsdagen van TechniekPact Kop van Noord-Holland/ })).toBeVisible();
  await checkA11y(page);

  // Ask to withdraw: the team decides, nothing changes yet.
  await page.getByLabel('Reden').last().fill('We lossen het zelf op.');
  await page.getByRole('button', { name: 'Vraag om in te trekken' }).click();
  await expect(page.getByText('Uw vraag is verstuurd naar het ondersteuningsteam.')).toBeVisible();
  await expect(page.getByText('U vroeg om de aanvraag in te trekken').first()).toBeVisible();
  await expect(page.getByText('Ontvangen, wacht op het ondersteuningsteam')).toBeVisible();
  await checkA11y(page);

  // A calendar link of its own.
  await page.getByRole('button', { name: 'Maak een agenda-link' }).click();
  const feed = page.getByText(/\/agenda\/[A-Za-z0-9_-]+\.ics/);
  await expect(feed).toBeVisible();
  const feedUrl = (await feed.textContent())!.trim();
  const response = await page.request.get(new URL(feedUrl).pathname);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/calendar');
  await context.close();
  return link;
}

test('a region asks for support, gets the e-mail and follows the request (with JavaScript)', async ({ browser }) => {
  await requestFlow(browser, { javaScriptEnabled: true, ip: '198.51.100.1', email: 'joyce.bakker@regius.example' });
});

test('the same flow works without JavaScript', async ({ browser }) => {
  await requestFlow(browser, { javaScriptEnabled: false, ip: '198.51.100.2', email: 'j.bakker@regius.example' });
});

test('a wrong or unknown status link gets 404 and shows nothing', async ({ page }) => {
  for (const path of ['/aanvraag/niet-bestaand-token-1234567890', '/aanvraag/x', '/agenda/onbekend.ics']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
  }
  await expect(page.locator('body')).not.toContainText('TechniekPact');
});

test('a region name search with several matches offers a choice', async ({ page }) => {
  await visit(page, '/aanvragen?regio=Fryslân');
  await expect(page.getByText(/Meerdere regio’s passen bij/)).toBeVisible();
  await page.getByRole('link', { name: /Zuidoost Fryslân/ }).click();
  await expect(page.getByText(/Gekozen regio/)).toBeVisible();
  await expectAccessible(page);
});
