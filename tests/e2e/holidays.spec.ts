/**
 * Holidays: a coordinator books a visit in the herfstvakantie of the region's zone, gets a warning
 * naming it, confirms, and finds the confirmation in the audit log; the same without JavaScript for
 * a public holiday; the region page's holiday zone.
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, e2eDatabase, expectAccessible, signIn, visit } from './helpers';

/** A submitted request of a Zuid-Holland region (zone midden by default), put in the database directly. */
function insertRequest(note: string): { requestId: number; regionId: number; regionName: string } {
  const db = e2eDatabase({ readonly: false });
  try {
    const region = db
      .prepare("SELECT id, name FROM regions WHERE province = 'Zuid-Holland' AND holiday_zone IS NULL ORDER BY registration_number LIMIT 1 OFFSET ?")
      .get(note === 'js' ? 0 : 1) as { id: number; name: string };
    const type = db.prepare("SELECT id FROM support_types WHERE key = 'samenwerking'").get() as { id: number };
    const now = Date.now();
    const requestId = Number(
      db
        .prepare(
          `INSERT INTO support_requests (region_id, support_type_id, contact_name, contact_email, contact_role, contact_language, question,
             preferred_period, location, expected_half_days, status, status_token_hash, consent_at, created_at, updated_at)
           VALUES (?, ?, 'Vera Vakantie', ?, 'projectleider', 'nl', 'Graag hulp bij de samenwerking.', '', 'Het Lyceum', 0, 'submitted', ?, ?, ?, ?)`,
        )
        .run(region.id, type.id, `e2e.holidays.${note}@example.nl`, randomBytes(32).toString('hex'), now, now, now).lastInsertRowid,
    );
    return { requestId, regionId: region.id, regionName: region.name };
  } finally {
    db.close();
  }
}

async function fillSchedule(page: Page, slot: { date: string; start: string; end: string }): Promise<Locator> {
  const form = page.getByRole('region', { name: 'Nieuw bezoek plannen' });
  await form.getByLabel('Ondersteuner').selectOption({ index: 1 });
  await form.getByLabel('Datum').fill(slot.date);
  await form.getByLabel('Begintijd').fill(slot.start);
  await form.getByLabel('Eindtijd').fill(slot.end);
  await form.getByLabel('Halve dagen in rekening').fill('0');
  await form.getByRole('button', { name: 'Bezoek plannen' }).click();
  return form;
}

const CONFIRM = 'Ik weet dat dit in een vakantie of op een feestdag valt en wil het toch zo plannen';

test('a coordinator books into the herfstvakantie: warning, confirmation, audit log', async ({ page }) => {
  test.setTimeout(120_000);
  const { requestId, regionId, regionName } = insertRequest('js');
  await signIn(page, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(page).toHaveURL(/\/team$/);

  // The region page shows the zone from its province.
  await visit(page, `/team/regios/${regionId}`);
  await expect(page.getByText('Vakantieregio: Midden (standaard voor Zuid-Holland)')).toBeVisible();

  await visit(page, `/team/aanvragen/${requestId}`);
  // Tuesday 22 October 2019: the herfstvakantie of zone midden (19–27 October).
  let form = await fillSchedule(page, { date: '2019-10-22', start: '09:00', end: '12:00' });
  await expect(form.getByRole('alert')).toContainText(`Let op: het bezoek aan regio ${regionName} valt in de herfstvakantie van vakantieregio midden`);
  await expect(form.getByRole('alert')).toContainText('19 oktober 2019 t/m 27 oktober 2019');
  await expect(form.getByLabel('Datum')).toHaveValue('2019-10-22');
  await expectAccessible(page);
  expect(visitsOf(requestId)).toBe(0);

  // Confirm and send again: booked.
  form = page.getByRole('region', { name: 'Nieuw bezoek plannen' });
  await form.getByLabel(CONFIRM).check();
  await form.getByRole('button', { name: 'Bezoek plannen' }).click();
  await expect(page.getByText('Het bezoek is gepland.')).toBeVisible();
  expect(visitsOf(requestId)).toBe(1);
  await expectAccessible(page);

  // The audit log has the confirmation, naming the holiday.
  await visit(page, '/team/logboek');
  const row = page.getByRole('row', { name: /Bezoek in vakantie of op feestdag bevestigd/ }).first();
  await expect(row).toContainText(regionName);
  await expect(row).toContainText('herfstvakantie van vakantieregio midden');
});

test('without JavaScript: a public holiday warns, the confirmation books; the zone can be changed', async ({ browser }) => {
  const { requestId, regionId, regionName } = insertRequest('nojs');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(page).toHaveURL(/\/team$/);

  await page.goto(`/team/aanvragen/${requestId}`);
  // Tuesday 27 April 2027: Koningsdag (and the meivakantie of every zone).
  let form = await fillSchedule(page, { date: '2027-04-27', start: '10:00', end: '12:00' });
  await expect(form.getByRole('alert')).toContainText('Koningsdag (dinsdag 27 april 2027, een feestdag)');
  await expect(form.getByRole('alert')).toContainText('meivakantie');
  form = page.getByRole('region', { name: 'Nieuw bezoek plannen' });
  await form.getByLabel(CONFIRM).check();
  await form.getByRole('button', { name: 'Bezoek plannen' }).click();
  await expect(page.getByText('Het bezoek is gepland.')).toBeVisible();
  expect(visitsOf(requestId)).toBe(1);

  // The region's own zone, set on its page.
  await page.goto(`/team/regios/${regionId}`);
  await page.getByLabel('Vakantieregio van deze regio').selectOption('zuid');
  await page.getByRole('button', { name: 'Vakantieregio opslaan' }).click();
  await expect(page.getByText('De vakantieregio is opgeslagen.')).toBeVisible();
  await expect(page.getByText('Vakantieregio: Zuid', { exact: true })).toBeVisible();
  await page.goto('/team/logboek');
  await expect(page.getByRole('row', { name: /Vakantieregio ingesteld/ }).first()).toContainText(regionName);
  await context.close();
});

function visitsOf(requestId: number): number {
  const db = e2eDatabase();
  try {
    return (db.prepare('SELECT count(*) AS n FROM visits WHERE request_id = ?').get(requestId) as { n: number }).n;
  } finally {
    db.close();
  }
}

test('the school-holiday settings: a bad file changes nothing, a good one imports; add and remove; axe', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(page).toHaveURL(/\/team$/);
  await visit(page, '/team/instellingen');
  await page.getByRole('link', { name: 'Schoolvakanties per schooljaar en vakantieregio' }).click();
  await expect(page.getByRole('heading', { name: 'Schoolvakanties', level: 1 })).toBeVisible();
  await expectAccessible(page);

  const fileOf = (region: string) => ({
    name: 'schoolvakanties-2027-2028.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        content: [
          {
            schoolyear: '2027-2028',
            vacations: [{ type: 'Kerstvakantie', compulsorydates: 'true', regions: [{ region, startdate: '2027-12-25', enddate: '2028-01-09' }] }],
          },
        ],
      }),
    ),
  });
  await page.getByLabel('JSON-bestand met schoolvakanties').setInputFiles(fileOf('oost'));
  await page.getByRole('button', { name: 'Bestand importeren' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Er is niets geïmporteerd');
  await expect(alert).toContainText('Bij content[0].vacations[0].regions[0].region: De vakantieregio “oost” bestaat niet');
  await expectAccessible(page);

  await page.getByLabel('JSON-bestand met schoolvakanties').setInputFiles(fileOf('heel Nederland'));
  await page.getByRole('button', { name: 'Bestand importeren' }).click();
  await expect(page.getByText('3 vakantieperiodes geïmporteerd voor 2027-2028.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Schooljaar 2027-2028' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Kerstvakantie/ })).toHaveCount(3);

  // Add one by hand, with an overlap refused first.
  const add = page.getByRole('region', { name: 'Vakantie toevoegen' });
  await add.getByLabel('Vakantieregio').selectOption('zuid');
  await add.getByLabel('Naam van de vakantie').fill('Carnaval');
  await add.getByLabel('Eerste dag').fill('2028-01-08');
  await add.getByLabel('Laatste dag').fill('2028-01-12');
  await add.getByRole('button', { name: 'Vakantie toevoegen' }).click();
  await expect(add.getByText(/overlapt met Kerstvakantie 2027-12-25–2028-01-09/)).toBeVisible();
  await expectAccessible(page);
  await add.getByLabel('Eerste dag').fill('2028-02-26');
  await add.getByLabel('Laatste dag').fill('2028-03-05');
  await add.getByRole('button', { name: 'Vakantie toevoegen' }).click();
  await expect(page.getByText('De vakantie is toegevoegd.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Carnaval/ })).toContainText('26 februari 2028');
  await page.getByRole('button', { name: 'Verwijderen Carnaval Zuid' }).click();
  await expect(page.getByText('De vakantie is verwijderd.')).toBeVisible();
  await expect(page.getByRole('row', { name: /Carnaval/ })).toHaveCount(0);
  await expectAccessible(page);
});
