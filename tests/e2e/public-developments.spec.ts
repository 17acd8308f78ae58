import { createHash, randomBytes } from 'node:crypto';
import { expect, test, type Browser } from '@playwright/test';
import { DEMO, e2eDatabase, expectAccessible, signIn } from './helpers';

/**
 * A private status link for a request of a region with an approved plan, made by giving one of the
 * demo requests a token we know (only the hash is stored).
 */
function statusLinkOfPublicRegion(offset: number): { link: string; number: string } {
  const token = randomBytes(32).toString('base64url');
  const db = e2eDatabase({ readonly: false });
  let row: { id: number; number: string } | undefined;
  try {
    row = db
      .prepare(
        `SELECT r.id, g.registration_number AS number FROM support_requests r JOIN regions g ON g.id = r.region_id
         WHERE g.plan_status IN ('approved_2019_07', 'approved_2019_12', 'lichtgroen') AND r.status IN ('submitted', 'accepted', 'closed')
         ORDER BY r.id LIMIT 1 OFFSET ?`,
      )
      .get(offset) as { id: number; number: string } | undefined;
    if (!row) throw new Error('no request of an approved region in the demo data');
    const found = row;
    db.prepare('UPDATE support_requests SET status_token_hash = ? WHERE id = ?').run(createHash('sha256').update(token).digest('hex'), found.id);
  } finally {
    db.close();
  }
  return { link: `/aanvraag/${token}`, number: row!.number };
}


async function proposeAndPublish(browser: Browser, javaScriptEnabled: boolean) {
  const title = `Open dag techniekatelier ${javaScriptEnabled ? 'A' : 'B'}`;
  const contact = await browser.newContext({ javaScriptEnabled });
  const page = await contact.newPage();
  const { link, number } = statusLinkOfPublicRegion(javaScriptEnabled ? 0 : 1);
  await page.goto(link);
  const section = page.getByRole('region', { name: 'Een ontwikkeling voorstellen' });
  await expect(section).toBeVisible();

  // A mistake first: the summary names the field, the text stays.
  await section.getByLabel('Titel').fill(title);
  await section.getByLabel('Link (niet verplicht)').fill('javascript:alert(1)');
  await section.getByRole('button', { name: 'Voorstel versturen' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: /Tekst: Vul een tekst in\./ })).toBeVisible();
  await expect(page.getByRole('alert').getByRole('link', { name: /Link \(niet verplicht\): Vul een volledig webadres in/ })).toBeVisible();
  await expect(section.getByLabel('Titel')).toHaveValue(title);
  if (javaScriptEnabled) await expectAccessible(page);

  await section.getByLabel('Tekst').fill('Op 20 november openen vmbo en mbo samen het vernieuwde techniekatelier voor leerlingen en ouders.');
  await section.getByLabel('Link (niet verplicht)').fill('https://www.example.org/open-dag');
  await section.getByRole('button', { name: 'Voorstel versturen' }).click();
  await expect(page.getByText('Dank u. Het team bekijkt uw voorstel')).toBeVisible();
  await expect(section.getByText(`${title}`)).toBeVisible();
  await expect(section.getByText('wacht op het team')).toBeVisible();
  if (javaScriptEnabled) await expectAccessible(page);

  // Not public yet.
  await page.goto(`/regios/${number}`);
  await expect(page.getByRole('heading', { name: title })).toHaveCount(0);
  await contact.close();

  const team = await browser.newContext({ javaScriptEnabled });
  const teamPage = await team.newPage();
  await signIn(teamPage, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(teamPage).toHaveURL(/\/team/);
  await teamPage.goto('/team/ontwikkelingen');
  await expect(teamPage.getByRole('heading', { level: 1 })).toHaveText('Laatste ontwikkelingen');
  if (javaScriptEnabled) await expectAccessible(teamPage);
  await teamPage.getByRole('button', { name: `Publiceer “${title}”`, exact: true }).click();
  await expect(teamPage.getByText('Gepubliceerd.', { exact: true })).toBeVisible();
  if (javaScriptEnabled) await expectAccessible(teamPage);

  await teamPage.goto(`/regios/${number}`);
  const post = teamPage.getByRole('article', { name: title });
  await expect(post).toBeVisible();
  await expect(post.getByRole('link', { name: `Meer informatie over “${title}”` })).toHaveAttribute('href', 'https://www.example.org/open-dag');
  if (javaScriptEnabled) await expectAccessible(teamPage);
  await team.close();
}

test('a contact proposes a development from their status page and a coordinator publishes it (JavaScript)', async ({ browser }) => {
  await proposeAndPublish(browser, true);
});

test('the same without JavaScript', async ({ browser }) => {
  await proposeAndPublish(browser, false);
});

test('a coordinator publishes a development directly; a bad date is refused with a clear sentence', async ({ page }) => {
  await signIn(page, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(page).toHaveURL(/\/team/);
  await page.goto('/team/ontwikkelingen');
  const form = page.getByRole('region', { name: 'Een ontwikkeling publiceren' });
  await form.getByLabel('Regio').selectOption({ label: 'TechniekPact Kop van Noord-Holland (STO19072)' });
  await form.getByLabel('Titel').fill('Techniekweek in de Kop');
  await form.getByLabel('Tekst').fill('Alle vmbo-scholen doen mee.');
  await form.getByLabel('Datum').fill('');
  await form.getByRole('button', { name: 'Publiceren' }).click();
  await expect(page.getByRole('alert').getByText('Datum: Vul een datum in.')).toBeVisible();
  await expectAccessible(page);
  await form.getByLabel('Datum').fill('2019-11-25');
  await form.getByRole('button', { name: 'Publiceren' }).click();
  await expect(page.getByText('Gepubliceerd.', { exact: true })).toBeVisible();
  await page.goto('/regios/STO19072');
  await expect(page.getByRole('article', { name: 'Techniekweek in de Kop' })).toContainText('25 november 2019');
});
