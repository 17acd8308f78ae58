import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, e2eDatabase, expectAccessible, signIn, visit } from './helpers';

/**
 * The supporters' workspace, as Ruud van Leeuwen (nobody else's tests use him): accept a request,
 * propose a visit (invitations in the outbox), record a visit as held with a report the team sees,
 * block a week and see a visit in it refused, make a calendar link; and never see or change another
 * supporter's requests, visits or blocks (404), nor a coordinator page (403).
 *
 * The request is prepared in the database: a new 'submitted' request, assigned to Ruud and waiting
 * for his answer, in a region without any other requests (so no other spec touches it) that is not
 * his home region (Haaglanden).
 */
const RUUD = { email: 'ruud.vanleeuwen@sto-ondersteuning.example', name: 'Ruud van Leeuwen' };
const CONTACT_EMAIL = 'e2e.ondersteuner@regio.example';
const REPORT = 'E2E-verslag: goed gesprek over instroom met de projectleider en twee docenten.';

test.describe.configure({ mode: 'serial' });

type Prepared = {
  ruudId: number;
  requestId: number;
  declineRequestId: number;
  regionName: string;
  otherRequestId: number;
  otherVisitId: number;
  otherBlockId: number;
};

function run<T>(fn: (db: ReturnType<typeof e2eDatabase>) => T, write = false): T {
  const db = e2eDatabase({ readonly: !write });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** YYYY-MM-DD of a weekday (1 = Monday) in the given week of next year's month. */
function nextYearWeekday(month: number, day: number, weekday: number): string {
  const date = new Date(Date.UTC(new Date().getFullYear() + 1, month - 1, day));
  while (date.getUTCDay() !== weekday % 7) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

const addDays = (iso: string, days: number) => {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** An Amsterdam-local date (YYYY-MM-DD) some days ago. */
const localDaysAgo = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() - days * 86_400_000));

function prepare(): Prepared {
  return run((db) => {
    const ruud = db.prepare('SELECT id, home_region_id AS home FROM users WHERE email = ?').get(RUUD.email) as { id: number; home: number };
    // A region nobody has asked anything of yet, and not Ruud's own.
    const quiet = db
      .prepare(
        `SELECT id, name FROM regions
         WHERE id != ? AND id NOT IN (SELECT region_id FROM support_requests) AND id NOT IN (SELECT region_id FROM visits)
           AND id NOT IN (SELECT home_region_id FROM users WHERE home_region_id IS NOT NULL)
         ORDER BY registration_number`,
      )
      .all(ruud.home) as Array<{ id: number; name: string }>;
    const region = quiet[Math.floor(quiet.length / 2)];
    const declineRegion = quiet[Math.floor(quiet.length / 2) + 1];
    if (!region || !declineRegion) throw new Error('no quiet regions in the seed');
    const type = db.prepare("SELECT id FROM support_types WHERE key = 'samenwerking'").get() as { id: number };
    const now = Date.now();
    const insertRequest = (regionId: number) => Number(
      db
        .prepare(
          `INSERT INTO support_requests (region_id, support_type_id, contact_name, contact_email, contact_role, contact_language, question,
             theme, preferred_period, location, expected_half_days, status, supporter_id, assignment_status, status_token_hash, consent_at,
             created_at, updated_at)
           VALUES (?, ?, 'Esther Eetveld', ?, 'projectleider', 'nl', 'Kunt u meedenken over de samenwerking met het bedrijfsleven?',
             'instroom', 'voorjaar', 'Techniekhuis', 2, 'submitted', ?, 'pending', ?, ?, ?, ?)`,
        )
        .run(regionId, type.id, CONTACT_EMAIL, ruud.id, randomBytes(32).toString('hex'), now, now, now).lastInsertRowid,
    );
    const requestId = insertRequest(region.id);
    const declineRequestId = insertRequest(declineRegion.id);
    const other = db
      .prepare('SELECT id FROM support_requests WHERE supporter_id IS NOT NULL AND supporter_id != ? ORDER BY id LIMIT 1')
      .get(ruud.id) as { id: number };
    const otherVisit = db.prepare("SELECT id FROM visits WHERE supporter_id != ? AND status = 'planned' ORDER BY id LIMIT 1").get(ruud.id) as {
      id: number;
    };
    // A block of Bert Jansen (inactive: nobody books him), far in the future.
    const bert = db.prepare("SELECT id FROM users WHERE name = 'Bert Jansen'").get() as { id: number };
    const otherBlockId = Number(
      db
        .prepare("INSERT INTO unavailability (supporter_id, starts_at, ends_at, reason, created_at) VALUES (?, ?, ?, 'e2e: iemand anders', ?)")
        .run(bert.id, Date.UTC(2031, 0, 6), Date.UTC(2031, 0, 7), now).lastInsertRowid,
    );
    return { ruudId: ruud.id, requestId, declineRequestId, regionName: region.name, otherRequestId: other.id, otherVisitId: otherVisit.id, otherBlockId };
  }, true);
}

/** A recent past day on which Ruud has no visit and no block between 13:00 and 14:00 (checked loosely: the whole day). */
function freePastDay(ruudId: number): string {
  return run((db) => {
    for (let back = 2; back < 60; back += 1) {
      const day = localDaysAgo(back);
      const from = Date.parse(`${day}T00:00:00Z`) - 2 * 3_600_000;
      const until = from + 28 * 3_600_000;
      const busy = db
        .prepare(
          `SELECT 1 FROM visits WHERE supporter_id = ? AND status != 'cancelled' AND starts_at < ? AND ends_at > ?
           UNION SELECT 1 FROM unavailability WHERE supporter_id = ? AND starts_at < ? AND ends_at > ?`,
        )
        .get(ruudId, until, from, ruudId, until, from);
      if (!busy) return day;
    }
    throw new Error('Ruud has no free day in the last two months');
  });
}

async function supporterPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, RUUD.email, DEMO.supporterPassword);
  await expect(page).toHaveURL(/\/ondersteuner$/);
  return page;
}

async function propose(page: Page, requestId: number, slot: { date: string; start: string; end: string; location?: string }) {
  await page.goto(`/ondersteuner/aanvragen/${requestId}`);
  const form = page.getByRole('region', { name: 'Een bezoek voorstellen' });
  await form.getByLabel('Datum').fill(slot.date);
  await form.getByLabel('Begintijd').fill(slot.start);
  await form.getByLabel('Eindtijd').fill(slot.end);
  if (slot.location !== undefined) await form.getByLabel('Plaats').fill(slot.location);
  await form.getByRole('button', { name: 'Bezoek voorstellen' }).click();
  return form;
}

let prepared: Prepared;

test.beforeAll(() => {
  prepared = prepare();
});

test('Ruud accepts a request, proposes a visit, records one as held and the team reads the report', async ({ browser }) => {
  const page = await supporterPage(browser);
  const { requestId, regionName } = prepared;

  // The start page says the request waits for his answer.
  await expectAccessible(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welkom, ${RUUD.name}`);
  const waiting = page.getByRole('region', { name: /Aanvragen die op uw antwoord wachten/ });
  await expect(waiting).toContainText(regionName);
  await waiting.getByRole('link', { name: `Bekijken en beantwoorden: ${regionName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/ondersteuner/aanvragen/${requestId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Aanvraag van ${regionName}`);
  await expect(page.getByText('Esther Eetveld')).toBeVisible();
  await expect(page.getByRole('link', { name: CONTACT_EMAIL })).toBeVisible();
  await expect(page.getByRole('region', { name: /Dagen van de regio/ })).toContainText('Nog over');
  await expect(page.getByText('Neem de aanvraag eerst aan voordat u een bezoek voorstelt.')).toBeVisible();
  await expectAccessible(page);

  // Declining needs a reason: nothing changes without one.
  await page.getByRole('button', { name: 'Aanvraag afwijzen' }).click();
  await expect(page.getByText('Geef een reden op.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Aanvraag aannemen' }).click();
  await expect(page.getByRole('status')).toHaveText('U hebt de aanvraag aangenomen. U kunt nu een bezoek voorstellen.');
  await expectAccessible(page);

  // The list of his requests has it, accepted.
  await visit(page, '/ondersteuner/aanvragen');
  await expect(page.getByRole('row', { name: new RegExp(regionName) })).toContainText('Door u aangenomen');

  // Bad input stays on the form with a message.
  const bad = await propose(page, requestId, { date: nextYearWeekday(3, 8, 2), start: '12:00', end: '10:00' });
  await expect(bad.getByText('De eindtijd moet na de begintijd liggen.')).toBeVisible();
  await expectAccessible(page);

  // A weekday next year, 10:00–12:00.
  const date = nextYearWeekday(3, 8, 2);
  await propose(page, requestId, { date, start: '10:00', end: '12:00', location: 'Techniekhuis, zaal 2' });
  await expect(page).toHaveURL(/\/ondersteuner\/bezoeken\/\d+\?klaar=voorgesteld$/);
  await expect(page.getByRole('status')).toContainText('Het bezoek is gepland');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bezoek aan ${regionName}`);
  await expect(page.getByText('10:00–12:00')).toBeVisible();
  await expect(page.getByText(/U kunt het bezoek vastleggen als gehouden zodra het begonnen is/)).toBeVisible();
  await expectAccessible(page);
  const visitId = Number(/bezoeken\/(\d+)/.exec(page.url())![1]);

  // Invitations to the contact and to Ruud, in the outbox.
  const invitations = run((db) =>
    db.prepare("SELECT to_email AS email FROM outbox WHERE visit_id = ? AND ics_method = 'REQUEST' ORDER BY to_email").all(visitId),
  ) as Array<{ email: string }>;
  expect(invitations.map((r) => r.email).sort()).toEqual([CONTACT_EMAIL, RUUD.email].sort());

  // A visit earlier on a free day (it has started), recorded as held with a report.
  const pastDay = freePastDay(prepared.ruudId);
  await propose(page, requestId, { date: pastDay, start: '13:00', end: '14:00' });
  await expect(page.getByRole('status')).toContainText('Het bezoek is gepland');
  const pastVisitId = Number(/bezoeken\/(\d+)/.exec(page.url())![1]);

  await visit(page, '/ondersteuner');
  const toRecord = page.getByRole('region', { name: 'Bezoeken om vast te leggen' }).getByRole('link', { name: new RegExp(regionName) });
  await expect(toRecord).toHaveCount(1);
  await toRecord.click();
  await expect(page).toHaveURL(new RegExp(`/ondersteuner/bezoeken/${pastVisitId}$`));
  const held = page.getByRole('region', { name: 'Vastleggen als gehouden' });
  await held.getByLabel('Bestede tijd in uren').fill('abc');
  await held.getByRole('button', { name: 'Vastleggen als gehouden' }).click();
  await expect(held.getByText('Vul een getal in, bijvoorbeeld 2 of 2,5.')).toBeVisible();
  await held.getByLabel('Bestede tijd in uren').fill('1,5');
  await held.getByLabel('Kort verslag').fill(REPORT);
  await held.getByLabel('De regio mag dit verslag zien op haar statuspagina').check();
  await held.getByRole('button', { name: 'Vastleggen als gehouden' }).click();
  await expect(page.getByRole('status')).toHaveText('Het bezoek is vastgelegd als gehouden.');
  await expect(page.getByText(REPORT).first()).toBeVisible();
  await expect(page.getByText('1,5 uur')).toBeVisible();
  await expectAccessible(page);
  const stored = run((db) =>
    db.prepare('SELECT status, minutes_spent AS minutes, report, report_visible_to_region AS visible FROM visits WHERE id = ?').get(pastVisitId),
  );
  expect(stored).toEqual({ status: 'held', minutes: 90, report: REPORT, visible: 1 });

  // The visits page lists both.
  await visit(page, '/ondersteuner/bezoeken');
  await expect(page.getByRole('region', { name: 'Komende bezoeken' }).getByRole('link', { name: /10:00–12:00/ })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Eerdere bezoeken' })).toContainText(regionName);
  await page.context().close();

  // The team sees the report on its request page.
  const team = await (await browser.newContext()).newPage();
  await signIn(team, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(team).toHaveURL(/\/team$/);
  const response = await team.goto(`/team/aanvragen/${requestId}`);
  expect(response?.status()).toBe(200);
  await expect(team.getByText(REPORT).first()).toBeVisible();
  await expectAccessible(team);
  await team.context().close();
});

test('Ruud blocks a week; a visit proposed in it is refused with a clear sentence', async ({ browser }) => {
  const page = await supporterPage(browser);
  const monday = nextYearWeekday(5, 10, 1);
  const wednesday = addDays(monday, 2);

  await visit(page, '/ondersteuner/beschikbaarheid');
  const add = page.getByRole('region', { name: 'Blokkade toevoegen' });
  // One time without the other is refused.
  await add.getByLabel('Van datum').fill(monday);
  await add.getByLabel('Van tijd').fill('09:00');
  await add.getByLabel('Tot en met datum').fill(addDays(monday, 6));
  await add.getByRole('button', { name: 'Blokkade toevoegen' }).click();
  await expect(add.getByText('Vul beide tijden in, of laat ze allebei leeg voor hele dagen.')).toBeVisible();
  await expectAccessible(page);

  await add.getByLabel('Van tijd').fill('');
  await add.getByLabel('Reden').fill('Vakantie (e2e)');
  await add.getByRole('button', { name: 'Blokkade toevoegen' }).click();
  await expect(page.getByRole('status').first()).toContainText('Geblokkeerd:');
  const blocks = page.getByRole('region', { name: 'Mijn blokkades' });
  await expect(blocks.getByRole('row', { name: /Vakantie \(e2e\)/ })).toBeVisible();
  await expectAccessible(page);

  const form = await propose(page, prepared.requestId, { date: wednesday, start: '10:00', end: '12:00' });
  await expect(form.getByRole('alert')).toContainText(`${RUUD.name} is niet beschikbaar van`);
  await expect(form.getByRole('alert')).toContainText('plan het bezoek aan regio');
  await expectAccessible(page);
  const count = run((db) => db.prepare('SELECT count(*) AS n FROM visits WHERE request_id = ? AND starts_at > ?').get(prepared.requestId, Date.parse(`${monday}T00:00:00Z`)));
  expect(count).toEqual({ n: 0 });

  // Removing the block.
  await visit(page, '/ondersteuner/beschikbaarheid');
  await blocks.getByRole('button', { name: /Blokkade .* verwijderen/ }).first().click();
  await expect(page.getByText('De blokkade is verwijderd.')).toBeVisible();
  await expectAccessible(page);
  await page.context().close();
});

test('Ruud makes and replaces his calendar link, changes his password and profile', async ({ browser }) => {
  const page = await supporterPage(browser);
  await visit(page, '/ondersteuner/bezoeken');
  const feed = page.getByRole('region', { name: 'Mijn agenda-link' });
  await feed.getByRole('button', { name: /agenda-link maken/i }).click();
  const first = await feed.getByLabel('Uw agenda-link').inputValue();
  expect(first).toMatch(/\/agenda\/[A-Za-z0-9_-]+\.ics$/);
  await expectAccessible(page);
  const calendar = await page.request.get(new URL(first).pathname);
  expect(calendar.status()).toBe(200);
  expect(await calendar.text()).toContain('BEGIN:VCALENDAR');

  await feed.getByRole('button', { name: 'Nieuwe agenda-link maken' }).click();
  await expect(feed.getByText('Uw vorige agenda-link werkt niet meer.')).toBeVisible();
  const second = await feed.getByLabel('Uw agenda-link').inputValue();
  expect(second).not.toBe(first);
  expect((await page.request.get(new URL(first).pathname)).status()).toBe(404);
  expect((await page.request.get(new URL(second).pathname)).status()).toBe(200);

  // The profile page, and a password change that is refused.
  await visit(page, '/ondersteuner/profiel');
  const password = page.getByRole('region', { name: 'Wachtwoord wijzigen' });
  await password.getByLabel('Huidig wachtwoord').fill('niet-het-goede-wachtwoord');
  await password.getByLabel(/^Nieuw wachtwoord( \*)?$/).fill('kort');
  await password.getByLabel('Nieuw wachtwoord nog een keer').fill('anders');
  await password.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(password.getByText('Het nieuwe wachtwoord moet minstens 12 tekens hebben.')).toBeVisible();
  await expect(password.getByText('De twee nieuwe wachtwoorden zijn niet gelijk.')).toBeVisible();
  await password.getByLabel('Huidig wachtwoord').fill('niet-het-goede-wachtwoord');
  await password.getByLabel(/^Nieuw wachtwoord( \*)?$/).fill('een-lang-nieuw-wachtwoord');
  await password.getByLabel('Nieuw wachtwoord nog een keer').fill('een-lang-nieuw-wachtwoord');
  await password.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(password.getByText('Uw huidige wachtwoord klopt niet.')).toBeVisible();
  await expectAccessible(page);

  // A right change signs out every other session (and is then undone for the other tests).
  const other = await supporterPage(browser);
  const changePassword = async (current: string, next: string) => {
    await page.goto('/ondersteuner/profiel');
    await password.getByLabel('Huidig wachtwoord').fill(current);
    await password.getByLabel(/^Nieuw wachtwoord( \*)?$/).fill(next);
    await password.getByLabel('Nieuw wachtwoord nog een keer').fill(next);
    await password.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect(page.getByRole('status')).toHaveText('Uw wachtwoord is gewijzigd. U bent op alle andere apparaten uitgelogd.');
  };
  await changePassword(DEMO.supporterPassword, 'ruud-zijn-nieuwe-wachtwoord');
  await expectAccessible(page);
  await other.goto('/ondersteuner');
  await expect(other).toHaveURL(/\/inloggen\?redirectTo=%2Fondersteuner/);
  await other.context().close();
  await changePassword('ruud-zijn-nieuwe-wachtwoord', DEMO.supporterPassword);

  // Name, language (the page follows at once) and themes.
  const details = page.getByRole('region', { name: 'Mijn gegevens' });
  await details.getByRole('radio', { name: 'English' }).check();
  await details.getByRole('checkbox', { name: 'Samenwerking met het primair onderwijs' }).uncheck();
  await details.getByRole('checkbox', { name: 'Innovatie en actualiteit' }).check();
  await details.getByRole('button', { name: 'Gegevens opslaan' }).click();
  await expect(page.getByRole('status')).toHaveText('Your details have been saved.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My profile');
  await expectAccessible(page);
  const stored = run((db) => db.prepare('SELECT language, themes FROM users WHERE email = ?').get(RUUD.email));
  expect(stored).toEqual({ language: 'en', themes: JSON.stringify(['instroom', 'lob', 'innovatie']) });
  const mine = page.getByRole('region', { name: 'My details' });
  await mine.getByRole('radio', { name: 'Nederlands' }).check();
  await mine.getByRole('checkbox', { name: 'Working with primary education' }).check();
  await mine.getByRole('checkbox', { name: 'Innovation and current topics' }).uncheck();
  await mine.getByRole('button', { name: 'Save my details' }).click();
  await expect(page.getByRole('status')).toHaveText('Uw gegevens zijn opgeslagen.');
  await page.context().close();
});

test('Ruud gets 404 for other supporters’ requests, visits and blocks, and 403 for the team pages', async ({ browser }) => {
  const page = await supporterPage(browser);
  const { otherRequestId, otherVisitId, otherBlockId } = prepared;

  for (const path of [
    `/ondersteuner/aanvragen/${otherRequestId}`,
    `/ondersteuner/bezoeken/${otherVisitId}`,
    '/ondersteuner/aanvragen/99999999',
    '/ondersteuner/bezoeken/99999999',
    '/ondersteuner/bezoeken/abc',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina niet gevonden');
    await expectAccessible(page);
  }

  const visitRow = () => run((db) => db.prepare('SELECT status, sequence, starts_at, report FROM visits WHERE id = ?').get(otherVisitId));
  const requestRow = () =>
    run((db) => db.prepare('SELECT status, supporter_id, assignment_status, updated_at FROM support_requests WHERE id = ?').get(otherRequestId));
  const before = { visit: visitRow(), request: requestRow() };
  const posts: Array<[string, Record<string, string>]> = [
    [`/ondersteuner/aanvragen/${otherRequestId}`, { intent: 'accept' }],
    [`/ondersteuner/aanvragen/${otherRequestId}`, { intent: 'decline', reason: 'x' }],
    [`/ondersteuner/aanvragen/${otherRequestId}`, { intent: 'propose', date: nextYearWeekday(6, 1, 3), start: '10:00', end: '12:00' }],
    [`/ondersteuner/bezoeken/${otherVisitId}`, { intent: 'cancel', reason: 'x' }],
    [`/ondersteuner/bezoeken/${otherVisitId}`, { intent: 'move', date: nextYearWeekday(6, 1, 3), start: '10:00', end: '12:00', reason: 'x' }],
    [`/ondersteuner/bezoeken/${otherVisitId}`, { intent: 'held', hours: '1', report: 'x' }],
    [`/ondersteuner/bezoeken/${otherVisitId}`, { intent: 'report', report: 'x' }],
    ['/ondersteuner/beschikbaarheid', { intent: 'remove', blockId: String(otherBlockId) }],
  ];
  for (const [path, form] of posts) {
    const response = await page.request.post(path, { form, maxRedirects: 0 });
    expect(response.status(), `${form.intent} ${path}`).toBe(404);
  }
  expect({ visit: visitRow(), request: requestRow() }).toEqual(before);
  expect(run((db) => db.prepare('SELECT count(*) AS n FROM unavailability WHERE id = ?').get(otherBlockId))).toEqual({ n: 1 });

  const team = await page.goto('/team');
  expect(team?.status()).toBe(403);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
  await expectAccessible(page);
  await page.context().close();
});

test('without JavaScript: Ruud declines a request with a reason, and blocks and frees whole days', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, RUUD.email, DEMO.supporterPassword);
  await expect(page).toHaveURL(/\/ondersteuner$/);
  const { declineRequestId } = prepared;
  // axe needs JavaScript in the page: these pages are checked with it in the tests above.

  // The server checks the input too: a decline without a reason changes nothing.
  await page.goto(`/ondersteuner/aanvragen/${declineRequestId}`);
  await page.getByRole('button', { name: 'Aanvraag afwijzen' }).click();
  await expect(page.getByText('Geef een reden op.')).toBeVisible();
  await page.getByLabel(/Reden van afwijzen/).fill('Ik zit dit voorjaar vol (e2e).');
  await page.getByRole('button', { name: 'Aanvraag afwijzen' }).click();
  await expect(page).toHaveURL(/\/ondersteuner\/aanvragen\?afgewezen=1$/);
  await expect(page.getByText('U hebt de aanvraag afgewezen.')).toBeVisible();

  // Back in the team's inbox with the reason, and no longer Ruud's: its page is gone for him.
  const request = run((db) =>
    db.prepare('SELECT status, supporter_id AS supporter, assignment_status AS assignment FROM support_requests WHERE id = ?').get(declineRequestId),
  );
  expect(request).toEqual({ status: 'submitted', supporter: null, assignment: null });
  const event = run((db) =>
    db.prepare("SELECT message, visible_to_region AS visible FROM request_events WHERE request_id = ? AND kind = 'assignment_declined'").get(declineRequestId),
  );
  expect(event).toEqual({ message: 'Ik zit dit voorjaar vol (e2e).', visible: 0 });
  expect((await page.goto(`/ondersteuner/aanvragen/${declineRequestId}`))?.status()).toBe(404);

  // A visit with the end before the start is refused by the server, next to the field.
  const form = await propose(page, prepared.requestId, { date: nextYearWeekday(4, 5, 4), start: '15:00', end: '11:00' });
  await expect(form.getByText('De eindtijd moet na de begintijd liggen.')).toBeVisible();

  // Whole days: leave the times empty.
  const day = nextYearWeekday(9, 1, 5);
  await page.goto('/ondersteuner/beschikbaarheid');
  const add = page.getByRole('region', { name: 'Blokkade toevoegen' });
  await add.getByLabel('Van datum').fill(day);
  await add.getByLabel('Tot en met datum').fill(day);
  await add.getByRole('button', { name: 'Blokkade toevoegen' }).click();
  await expect(page.getByText('Geblokkeerd:')).toContainText('00:00');
  const blocks = page.getByRole('region', { name: 'Mijn blokkades' });
  await expect(blocks.getByRole('row', { name: /geen reden opgegeven/ })).toHaveCount(1);
  await blocks.getByRole('row', { name: /geen reden opgegeven/ }).getByRole('button').click();
  await expect(page.getByText('De blokkade is verwijderd.')).toBeVisible();
  await expect(blocks.getByRole('row', { name: /geen reden opgegeven/ })).toHaveCount(0);
  await context.close();
});
