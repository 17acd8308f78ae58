import path from 'node:path';
import Database from 'better-sqlite3';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DEMO = {
  coordinator: { email: 'coordinator@sto-ondersteuning.example', password: 'demo-coordinator-2019' },
  supporterPassword: 'demo-ondersteuner-2019',
};

/** WCAG 2.1 A and AA: axe must find nothing on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Goes to a page and checks it with axe. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expectAccessible(page);
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/**
 * The e2e server's own SQLite file (see playwright.config.ts), for checking what a flow stored
 * (e.g. the outbox) or preparing state that no page offers. Close it after use.
 */
export function e2eDatabase(options: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(path.resolve('.cache/e2e/sto.db'), { readonly: options.readonly ?? true, fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  return db;
}
