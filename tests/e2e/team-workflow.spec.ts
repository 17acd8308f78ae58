import { randomBytes } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { REGIONS, SUPPORTERS } from '../../db/seed-data';
import { DEMO, e2eDatabase, expectAccessible, signIn, visit } from './helpers';

/**
 * The coordinators' core workflow: a region asks → inbox → accept → assign (never the supporter from
 * the region itself) → schedule → invitations → move → update → cancel → cancellation; and every
 * refusal of the booking core shows up next to the form that caused it.
 *
 * TechniekPact Kop van Noord-Holland (STO19072) is nobody's home region in the seed, so this flow
 * uses Parkstad Limburg: the home region of Hans Verbeek (active), who must never be suggested.
 */
const HOME_SUPPORTER = SUPPORTERS.find((s) => s.name === 'Hans Verbeek')!;
const REGION = REGIONS.find((r) => r.registrationNumber === HOME_SUPPORTER.homeRegistrationNumber)!;
const CONTACT_EMAIL = 'e2e.triage@parkstad.example';

/** The first weekday on or after the given day of a month (1–12) next year, as YYYY-MM-DD. */
function weekdayNextYear(month: number, day: number): string {
  const year = new Date().getFullYear() + 1;
  const date = new Date(Date.UTC(year, month - 1, day));
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
const marchWeekday = (day: number) => weekdayNextYear(3, day);

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = e2eDatabase();
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const outboxKinds = (visitId: number) =>
  query<{ kind: string; ics_method: string }>('SELECT kind, ics_method FROM outbox WHERE visit_id = ? ORDER BY id', visitId).map(
    (r) => `${r.kind}:${r.ics_method}`,
  );

async function fillSlot(scope: Locator, slot: { supporter?: string; date: string; start: string; end: string; halfDays?: string }) {
  if (slot.supporter) await scope.getByLabel('Ondersteuner').selectOption({ label: slot.supporter });
  await scope.getByLabel('Datum').fill(slot.date);
  await scope.getByLabel('Begintijd').fill(slot.start);
  await scope.getByLabel('Eindtijd').fill(slot.end);
  await scope.getByLabel('Halve dagen in rekening').fill(slot.halfDays ?? '');
}

async function schedule(page: Page, slot: Parameters<typeof fillSlot>[1]) {
  const form = page.getByRole('region', { name: 'Nieuw bezoek plannen' });
  await fillSlot(form, slot);
  await form.getByRole('button', { name: 'Bezoek plannen' }).click();
  return form;
}

test('a request goes from the public form through the inbox to a visit that is moved and cancelled', async ({ browser, page }) => {
  test.setTimeout(180_000); // many steps, each checked with axe
  expect(REGION, 'the seed has Hans Verbeek’s home region').toBeTruthy();

  // 1. The region asks for support (its own browser and address, for the rate limit).
  const region = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '198.51.100.10' } });
  const form = await region.newPage();
  await visit(form, '/aanvragen');
  await form.getByLabel('Regio of registratienummer').fill(REGION.registrationNumber);
  await form.getByRole('button', { name: 'Regio kiezen' }).click();
  await expect(form.getByText(`${REGION.name} (${REGION.registrationNumber})`)).toBeVisible();
  await form.getByRole('radio', { name: 'Samenwerking in de regio' }).check();
  await form.getByLabel('Uw naam').fill('Sanne Triage');
  await form.getByLabel('Uw e-mailadres').fill(CONTACT_EMAIL);
  await form.getByLabel('Uw rol').selectOption('projectleider');
  await form.getByLabel('Thema (speerpunt)').selectOption('bedrijfsleven');
  await form.getByLabel('Uw vraag').fill('Wie helpt ons een vaste overlegtafel met de werkgevers in de regio op te zetten?');
  await form.getByLabel('Liefst vanaf').fill(marchWeekday(1));
  await form.getByLabel('Liefst uiterlijk').fill(marchWeekday(26));
  await form.getByLabel('Locatie').fill('Techniekcollege, Heerlen');
  await form.getByLabel('Een halve dag').check();
  await form.getByLabel(/toestemming/).check();
  await form.getByRole('button', { name: 'Aanvraag versturen' }).click();
  await expect(form.getByRole('heading', { level: 1 })).toHaveText('Bedankt voor uw aanvraag');
  await region.close();
  const [{ id: requestId }] = query<{ id: number }>('SELECT id FROM support_requests WHERE contact_email = ? ORDER BY id DESC LIMIT 1', CONTACT_EMAIL) as [
    { id: number },
  ];

  // 2. The coordinator finds it in the inbox, filtered on the region.
  await signIn(page, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(page).toHaveURL(/\/team$/);
  await visit(page, '/team/inbox');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inbox');
  await page.getByLabel('Regio', { exact: true }).selectOption({ label: `${REGION.name} (${REGION.registrationNumber})` });
  await page.getByRole('button', { name: 'Filters toepassen' }).click();
  await expect(page).toHaveURL(/regio=\d+/);
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `Aanvraag ${requestId}`, exact: true }) });
  await expect(row).toContainText('Samenwerking in de regio');
  await expect(row).toContainText(/(minuut|minuten) geleden/);
  await expectAccessible(page);
  await row.getByRole('link', { name: `Aanvraag ${requestId}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Aanvraag ${requestId}: ${REGION.name}`);
  await expectAccessible(page);

  // 3. Accept.
  await page.getByRole('button', { name: 'Aanvraag aannemen' }).click();
  await expect(page.getByText('De aanvraag is aangenomen.')).toBeVisible();
  await expectAccessible(page);

  // 4. Assign: the supporter from the region itself is not suggested at all; each suggestion says why.
  const suggestions = page.getByTestId('suggestion');
  await expect(suggestions.first()).toBeVisible();
  const names = await suggestions.getByRole('rowheader').allTextContents();
  expect(names.length).toBeGreaterThan(5);
  expect(names).not.toContain(HOME_SUPPORTER.name);
  expect(names).not.toContain('Bert Jansen'); // inactive
  await expect(suggestions.first()).toContainText('Dit jaar gepland');
  const chosen = names[0]!;
  await page.getByRole('button', { name: `${chosen} koppelen` }).click();
  await expect(page.getByText(`${chosen} is gekoppeld`)).toBeVisible();
  await expect(page.getByText(`Gekoppeld: ${chosen}`)).toBeVisible();
  await expectAccessible(page);

  // 5. Schedule a visit on a weekday next March, 09:00–12:00 (the supporter defaults to the assigned one).
  const first = marchWeekday(2);
  await schedule(page, { date: first, start: '09:00', end: '12:00' });
  await expect(page.getByText('Het bezoek is gepland.')).toBeVisible();
  const visits = page.getByRole('region', { name: 'Bezoeken' });
  await expect(visits.getByTestId('visit')).toHaveCount(1);
  await expect(visits.getByTestId('visit')).toContainText('09:00–12:00');
  await expect(visits.getByTestId('visit')).toContainText(chosen);
  await expectAccessible(page);
  const [{ id: visitId }] = query<{ id: number }>('SELECT id FROM visits WHERE request_id = ?', requestId) as [{ id: number }];
  expect(outboxKinds(visitId)).toEqual(['visit-invitation:REQUEST', 'visit-invitation:REQUEST']);

  // The invitations are in the team's outbox.
  await visit(page, '/team/berichten');
  await expect(page.getByRole('link', { name: new RegExp(`Uitnodiging: .*${REGION.name}`) }).first()).toBeVisible();
  await visit(page, `/team/aanvragen/${requestId}`);

  // 6. Move it to another day: updates go out.
  const moved = marchWeekday(9);
  const visitItem = page.getByRole('region', { name: 'Bezoeken' }).getByTestId('visit');
  await visitItem.getByText('Verplaatsen of wijzigen').click();
  await visitItem.getByLabel('Datum').fill(moved);
  await visitItem.getByLabel('Begintijd').fill('10:00');
  await visitItem.getByLabel('Eindtijd').fill('12:30');
  await visitItem.getByRole('button', { name: 'Wijziging opslaan' }).click();
  await expect(page.getByText('Het bezoek is gewijzigd.')).toBeVisible();
  await expect(visitItem).toContainText('10:00–12:30');
  await expectAccessible(page);
  expect(outboxKinds(visitId)).toEqual(['visit-invitation:REQUEST', 'visit-invitation:REQUEST', 'visit-update:REQUEST', 'visit-update:REQUEST']);

  // 7. Refusals appear inside the schedule form, with the figures, and the typed values stay.
  // A clash: the same supporter at the same time.
  let scheduleForm = await schedule(page, { date: moved, start: '11:00', end: '12:00' });
  await expect(scheduleForm.getByRole('alert')).toContainText(`${chosen} heeft dan al een ander bezoek`);
  await expect(scheduleForm.getByLabel('Datum')).toHaveValue(moved);
  await expect(scheduleForm.getByLabel('Begintijd')).toHaveValue('11:00');
  await expectAccessible(page);
  // Overdrawing the days: 12 half-days when fewer are left.
  scheduleForm = await schedule(page, { date: marchWeekday(16), start: '09:00', end: '16:00', halfDays: '12' });
  await expect(scheduleForm.getByRole('alert')).toContainText(new RegExp(`Regio ${REGION.name} heeft in \\d{4} nog 4,5 dagen over .*dit bezoek kost 6 dagen`));
  await expect(scheduleForm.getByLabel('Halve dagen in rekening')).toHaveValue('12');
  await expectAccessible(page);
  // The supporter's own home region.
  scheduleForm = await schedule(page, { supporter: `${HOME_SUPPORTER.name} (werkt in deze regio)`, date: marchWeekday(16), start: '09:00', end: '12:00' });
  await expect(scheduleForm.getByRole('alert')).toContainText(`${HOME_SUPPORTER.name} werkt zelf in regio ${REGION.name}`);
  await expectAccessible(page);
  expect(query('SELECT id FROM visits WHERE request_id = ?', requestId)).toHaveLength(1);

  // 8. Cancel it: cancellations go out.
  await visitItem.getByText('Annuleren', { exact: true }).click();
  await visitItem.getByLabel('Reden', { exact: true }).fill('De werkgevers kunnen die week niet.');
  await visitItem.getByRole('button', { name: 'Bezoek annuleren' }).click();
  await expect(page.getByText('Het bezoek is geannuleerd.')).toBeVisible();
  await expect(visitItem).toContainText('Geannuleerd');
  await expect(visitItem).toContainText('De werkgevers kunnen die week niet.');
  await expectAccessible(page);
  expect(outboxKinds(visitId).slice(-2)).toEqual(['visit-cancellation:CANCEL', 'visit-cancellation:CANCEL']);

  // The history keeps it all, with an internal note that the region never sees.
  const history = page.getByRole('region', { name: 'Verloop' });
  await history.getByRole('textbox', { name: 'Notitie' }).fill('Werkgeversvereniging eerst zelf bellen.');
  await history.getByRole('button', { name: 'Notitie opslaan' }).click();
  await expect(page.getByText('De interne notitie is opgeslagen.')).toBeVisible();
  await expect(history).toContainText('Werkgeversvereniging eerst zelf bellen.');
  await expect(history).toContainText('Intern');
  await expect(history).toContainText('Bezoek gepland');
  await expect(history).toContainText('Bezoek gewijzigd');
  await expect(history).toContainText('Bezoek geannuleerd');
  await expectAccessible(page);
});

test('a third critical-friend visit and a visit after the cut-off are refused on the page', async ({ page }) => {
  // An open critical-friend request can no longer be made through the public form (the cut-off has
  // passed), so one is put straight into the e2e database, for a region with 2 visits in 2019.
  const db = e2eDatabase({ readonly: false });
  let requestId: number;
  let regionName: string;
  let supporterName: string;
  try {
    const cf = db.prepare("SELECT id FROM support_types WHERE key = 'critical_friend'").get() as { id: number };
    const region = db
      .prepare(
        `SELECT r.id, r.name FROM regions r JOIN visits v ON v.region_id = r.id
         WHERE v.support_type_id = ? AND v.status IN ('planned', 'held')
         GROUP BY r.id HAVING count(*) = 2 ORDER BY r.registration_number DESC LIMIT 1`,
      )
      .get(cf.id) as { id: number; name: string };
    regionName = region.name;
    const supporter = db
      .prepare("SELECT name FROM users WHERE role = 'supporter' AND active = 1 AND (home_region_id IS NULL OR home_region_id <> ?) ORDER BY name LIMIT 1")
      .get(region.id) as { name: string };
    supporterName = supporter.name;
    const now = Date.now();
    requestId = Number(
      db
        .prepare(
          `INSERT INTO support_requests (region_id, support_type_id, contact_name, contact_email, contact_role, contact_language, question,
             preferred_period, location, expected_half_days, status, status_token_hash, consent_at, created_at, updated_at)
           VALUES (?, ?, 'Karel Kritisch', 'e2e.cf@example.nl', 'projectleider', 'nl', 'Graag een derde gesprek met een critical friend.',
             'November 2019', 'Stadhuis', 0, 'accepted', ?, ?, ?, ?)`,
        )
        .run(region.id, cf.id, randomBytes(32).toString('hex'), now, now, now).lastInsertRowid,
    );
    db.prepare("INSERT INTO request_events (request_id, at, actor_kind, kind, message, visible_to_region) VALUES (?, ?, 'contact', 'submitted', '', 1)").run(
      requestId,
      now,
    );
  } finally {
    db.close();
  }

  await signIn(page, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(page).toHaveURL(/\/team$/);
  await visit(page, `/team/aanvragen/${requestId}`);
  await expect(page.getByText('Critical friend: 2 van 2 bezoeken gepland of gehad')).toBeVisible();

  // Before the cut-off, but the region already had its two visits.
  let form = await schedule(page, { supporter: supporterName, date: '2019-11-12', start: '09:00', end: '11:00' });
  await expect(form.getByRole('alert')).toContainText(`Regio ${regionName} heeft al 2 bezoeken van een critical friend gepland of gehad (maximaal 2)`);
  await expectAccessible(page);

  // After the cut-off.
  form = await schedule(page, { supporter: supporterName, date: '2020-01-14', start: '09:00', end: '11:00' });
  await expect(form.getByRole('alert')).toContainText('moeten beginnen vóór');
  await expect(form.getByRole('alert')).toContainText('1 december 2019');
  await expect(form.getByLabel('Datum')).toHaveValue('2020-01-14');
  await expectAccessible(page);
  expect(query('SELECT id FROM visits WHERE request_id = ?', requestId)).toHaveLength(0);
});

test('the request page and the inbox are for coordinators only', async ({ page, request }) => {
  const anonymous = await request.get('/team/inbox', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  const post = await request.post('/team/aanvragen/1', { form: { intent: 'accept' }, maxRedirects: 0 });
  expect(post.status()).toBe(302);

  // Not Erik de Wit or Marieke Bosman: the sign-in tests lock those accounts for a while.
  await signIn(page, 'thomas.visscher@sto-ondersteuning.example', DEMO.supporterPassword);
  await expect(page).toHaveURL(/\/ondersteuner$/);
  expect((await page.goto('/team/inbox'))?.status()).toBe(403);
  expect((await page.goto('/team/aanvragen/1'))?.status()).toBe(403);
  const asSupporter = await page.request.post('/team/aanvragen/1', { form: { intent: 'accept' }, maxRedirects: 0 });
  expect(asSupporter.status()).toBe(403);
});

test('an unknown or malformed request id is a 404, not an error', async ({ page }) => {
  await signIn(page, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(page).toHaveURL(/\/team$/);
  expect((await page.goto('/team/aanvragen/999999'))?.status()).toBe(404);
  expect((await page.goto('/team/aanvragen/abc'))?.status()).toBe(404);
  await expectAccessible(page);
  expect((await page.goto('/team/inbox?status=nonsense&regio=-1&wacht=5'))?.status()).toBe(200);
});

test('without JavaScript: accept, schedule, and grant the region’s question to move the visit', async ({ browser }) => {
  // A submitted request of STO19072 (TechniekPact Kop van Noord-Holland), put in the database directly.
  const kop = REGIONS.find((r) => r.registrationNumber === 'STO19072')!;
  const db = e2eDatabase({ readonly: false });
  let requestId: number;
  try {
    const region = db.prepare('SELECT id FROM regions WHERE registration_number = ?').get(kop.registrationNumber) as { id: number };
    const type = db.prepare("SELECT id FROM support_types WHERE key = 'samenwerking'").get() as { id: number };
    const now = Date.now();
    requestId = Number(
      db
        .prepare(
          `INSERT INTO support_requests (region_id, support_type_id, contact_name, contact_email, contact_role, contact_language, question,
             preferred_period, location, expected_half_days, status, status_token_hash, consent_at, created_at, updated_at)
           VALUES (?, ?, 'Nina Zonderscript', 'e2e.nojs@kop.example', 'projectleider', 'nl', 'Graag hulp bij de samenwerking met de gemeenten.',
             '', 'Regius College, Schagen', 1, 'submitted', ?, ?, ?, ?)`,
        )
        .run(region.id, type.id, randomBytes(32).toString('hex'), now, now, now).lastInsertRowid,
    );
  } finally {
    db.close();
  }

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(page).toHaveURL(/\/team$/);
  await page.goto(`/team/aanvragen/${requestId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Aanvraag ${requestId}: ${kop.name}`);

  await page.getByRole('button', { name: 'Aanvraag aannemen' }).click();
  await expect(page.getByText('De aanvraag is aangenomen.')).toBeVisible();

  // A mistake is explained next to the field and the values stay.
  const date = weekdayNextYear(4, 6);
  const form = await schedule(page, { supporter: 'Petra van Dam', date, start: '15:00', end: '13:00' });
  await expect(form.getByText('De eindtijd moet na de begintijd liggen.')).toBeVisible();
  await expect(form.getByLabel('Datum')).toHaveValue(date);
  await schedule(page, { supporter: 'Petra van Dam', date, start: '13:00', end: '15:00' });
  await expect(page.getByText('Het bezoek is gepland.')).toBeVisible();
  const [{ id: visitId }] = query<{ id: number }>('SELECT id FROM visits WHERE request_id = ?', requestId) as [{ id: number }];

  // The region asks to move it (as its status page would store it).
  const writer = e2eDatabase({ readonly: false });
  try {
    const visitRow = writer.prepare('SELECT starts_at FROM visits WHERE id = ?').get(visitId) as { starts_at: number };
    const proposedStart = visitRow.starts_at + 7 * 24 * 3600_000 - 3 * 3600_000; // a week later, 10:00
    writer
      .prepare("INSERT INTO region_questions (request_id, visit_id, kind, reason, proposed_starts_at, proposed_ends_at, status, created_at) VALUES (?, ?, 'move', 'Toets-week', ?, ?, 'open', ?)")
      .run(requestId, visitId, proposedStart, proposedStart + 2 * 3600_000, Date.now());
  } finally {
    writer.close();
  }
  await page.goto(`/team/aanvragen/${requestId}`);
  const questions = page.getByRole('region', { name: 'Vragen van de regio' });
  await expect(questions).toContainText('Toets-week');

  await questions.getByRole('button', { name: 'Afwijzen' }).click();
  await expect(page.getByText('Vul een antwoord voor de regio in.')).toBeVisible();
  await questions.getByLabel('Antwoord aan de regio').fill('Akkoord, tot dan.');
  await questions.getByRole('button', { name: 'Toekennen' }).click();
  await expect(page.getByText('De vraag is toegekend en beantwoord.')).toBeVisible();
  await expect(questions).toContainText('Toegekend');
  await expect(page.getByRole('region', { name: 'Bezoeken' }).getByTestId('visit')).toContainText('10:00–12:00');
  expect(outboxKinds(visitId)).toEqual(['visit-invitation:REQUEST', 'visit-invitation:REQUEST', 'visit-update:REQUEST', 'visit-update:REQUEST']);
  await context.close();
});
