import { expect, test } from '@playwright/test';
import { DEMO, e2eDatabase, expectAccessible, signIn, visit } from './helpers';

test('coordinators read the local outbox, download an invite and send a failed message again', async ({ page }) => {
  // A failed message and an invite to look at, prepared directly in the e2e database.
  const db = e2eDatabase({ readonly: false });
  const now = Date.now();
  const failedId = Number(
    db
      .prepare(
        `INSERT INTO outbox (idempotency_key, kind, to_email, to_name, language, subject, text, html, status, attempts, next_attempt_at, last_error, created_at)
         VALUES ('e2e-failed', 'request-declined', 'kees@example.nl', 'Kees', 'nl', 'E2E mislukt bericht', 'Beste Kees', '<p>Beste Kees</p>', 'failed', 8, ?, '422 validation_error', ?)`,
      )
      .run(now, now).lastInsertRowid,
  );
  const invite = db.prepare("SELECT id, subject FROM outbox WHERE ics_method = 'REQUEST' ORDER BY id LIMIT 1").get() as { id: number; subject: string } | undefined;
  db.close();

  await signIn(page, DEMO.coordinator.email, DEMO.coordinator.password);
  await expect(page).toHaveURL(/\/team$/);
  await visit(page, '/team/berichten');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Berichten');

  await page.getByLabel('Toon').selectOption('failed');
  await page.getByRole('button', { name: 'Toon' }).click();
  await expect(page.getByRole('link', { name: 'E2E mislukt bericht' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'E2E mislukt bericht' }).click();
  await expect(page.getByText('422 validation_error')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Opnieuw versturen' }).click();
  await expect(page.getByText('Het bericht staat weer in de wachtrij.')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/team/berichten/${failedId}`));

  if (invite) {
    await visit(page, `/team/berichten/${invite.id}`);
    const response = await page.request.get(`/team/berichten/${invite.id}.ics`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('text/calendar; charset=UTF-8; method=REQUEST');
    expect(await response.text()).toContain('METHOD:REQUEST');
  }
});
