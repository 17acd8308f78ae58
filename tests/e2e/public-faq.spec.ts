import { expect, test, type Browser } from '@playwright/test';
import { DEMO, expectAccessible, signIn } from './helpers';

async function search(browser: Browser, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await page.goto('/');
  // The home page shows the three most recent questions, each a link to its anchor.
  const home = page.getByRole('region', { name: 'Veelgestelde vragen' });
  await expect(home.getByRole('listitem')).toHaveCount(3);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Veelgestelde vragen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Veelgestelde vragen');
  if (javaScriptEnabled) await expectAccessible(page);

  await page.getByRole('searchbox', { name: 'Zoek in de vragen en antwoorden' }).fill('DUS-I');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/zoek=DUS-I/);
  await expect(page.getByRole('status')).toHaveText(/^(1 vraag|\d+ vragen) gevonden voor “DUS-I”$/);
  const question = page.getByRole('article', { name: /Het uploaden bij DUS-I lukt niet/ });
  await expect(question).toBeVisible();
  await expect(question).toContainText('5 MB');
  await expect(page.getByRole('article', { name: /Mogen we al vóór 1 januari 2020 beginnen/ })).toHaveCount(0);
  if (javaScriptEnabled) await expectAccessible(page);

  // Each question has its own anchor.
  const id = await question.getAttribute('id');
  expect(id).toMatch(/^vraag-\d+$/);
  await page.goto(`/vragen#${id}`);
  await expect(page.locator(`#${id}`)).toBeInViewport();

  await page.getByRole('searchbox').fill('geen-enkele-vraag-gaat-hierover');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByText('Geen vraag gevonden.')).toBeVisible();
  await context.close();
}

test('FAQ search finds a question (JavaScript)', async ({ browser }) => {
  await search(browser, true);
});

test('FAQ search without JavaScript', async ({ browser }) => {
  await search(browser, false);
});

test('a coordinator writes a question in Markdown, saves it as a draft, then publishes it; HTML stays text', async ({ page }) => {
  await signIn(page, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(page).toHaveURL(/\/team/);
  await page.goto('/team/vragen');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Nieuwe vraag' }).click();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Onderwerp: Kies een onderwerp.' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Onderwerp').selectOption({ label: 'Ondersteuning aanvragen' });
  await page.getByLabel('Vraag (Nederlands)').fill('Kan een docent zelf ondersteuning vragen?');
  await page.getByLabel('Antwoord (Nederlands)').fill('Ja. Gebruik het [formulier](/aanvragen).\n\n- als **docent**\n- <script>alert(1)</script>');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('De vraag is opgeslagen.')).toBeVisible();
  await page.goto('/vragen?zoek=docent+zelf');
  await expect(page.getByText('Geen vraag gevonden.')).toBeVisible();

  await page.goto('/team/vragen');
  await page.getByRole('link', { name: 'Kan een docent zelf ondersteuning vragen?' }).click();
  await page.getByLabel('Publiceren op de openbare pagina').check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  // Let the save finish before leaving the page (a navigation would abort it).
  await expect(page.getByText('De vraag is opgeslagen.')).toBeVisible();
  await page.goto('/vragen?zoek=docent+zelf');
  const article = page.getByRole('article', { name: /Kan een docent zelf ondersteuning vragen/ });
  await expect(article.getByRole('link', { name: 'formulier' })).toHaveAttribute('href', '/aanvragen');
  await expect(article.locator('strong')).toHaveText('docent');
  await expect(article).toContainText('<script>alert(1)</script>');
  expect(await article.locator('script').count()).toBe(0);
  await expectAccessible(page);
});
