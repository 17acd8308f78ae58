import { createHash, createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import AxeBuilder from '@axe-core/playwright';
import { expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';

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

/**
 * Fresh secrets for a request of the e2e database, as the app would issue them (only the SHA-256
 * hash is stored): a new status link token and a new region-contact feed token. The first request
 * with the given status that has a visit unless `requestId` is given.
 */
export function issueTokens(options: { status?: string; requestId?: number } = {}): { requestId: number; statusToken: string; feedToken: string } {
  const db = e2eDatabase({ readonly: false });
  try {
    const row = (options.requestId !== undefined
      ? { id: options.requestId }
      : db
          .prepare('SELECT r.id FROM support_requests r JOIN visits v ON v.request_id = r.id WHERE r.status = ? ORDER BY r.id LIMIT 1')
          .get(options.status ?? 'accepted')) as { id: number } | undefined;
    if (!row) throw new Error(`no request with status ${options.status}`);
    const statusToken = randomBytes(32).toString('base64url');
    const feedToken = randomBytes(32).toString('base64url');
    const hash = (t: string) => createHash('sha256').update(t).digest('hex');
    db.prepare('UPDATE support_requests SET status_token_hash = ? WHERE id = ?').run(hash(statusToken), row.id);
    db.prepare(
      `INSERT INTO calendar_feeds (owner_kind, owner_id, token_hash, created_at) VALUES ('request', ?, ?, ?)
       ON CONFLICT (owner_kind, owner_id) DO UPDATE SET token_hash = excluded.token_hash`,
    ).run(row.id, hash(feedToken), Date.now());
    return { requestId: row.id, statusToken, feedToken };
  } finally {
    db.close();
  }
}

/** An HTTP client of its own (own address behind the proxy), signed in when credentials are given. */
export async function httpClient(
  baseURL: string | undefined,
  address: string,
  credentials?: { email: string; password: string },
): Promise<APIRequestContext> {
  const client = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { 'X-Forwarded-For': address } });
  if (credentials) {
    const response = await client.post('/inloggen', { form: credentials, maxRedirects: 0 });
    expect(response.status(), `sign-in of ${credentials.email}`).toBe(302);
  }
  return client;
}

/** The e2e server's log so far (playwright.config.ts sends its output there). */
export function serverLog(): string {
  return fs.readFileSync(path.resolve('.cache/e2e/server.log'), 'utf8');
}

/** The SESSION_SECRET playwright.config.ts gives the e2e server. */
const E2E_SESSION_SECRET = 'e2e-secret-that-is-long-enough-0123456789';

/**
 * The status page path an outbox text's placeholder (`{{status-link:<id>}}`) becomes when sent:
 * derived from the request's stored nonce as the deliverer does (ADR 0013).
 */
export function statusPathInMail(text: string): string {
  const id = /\{\{status-link:(\d+)\}\}/.exec(text)?.[1];
  if (!id) throw new Error(`no status link placeholder in: ${text}`);
  const db = e2eDatabase();
  try {
    const row = db.prepare('SELECT status_nonce AS nonce FROM support_requests WHERE id = ?').get(Number(id)) as { nonce: string | null } | undefined;
    if (!row?.nonce) throw new Error(`request ${id} has no status nonce`);
    return `/aanvraag/${createHmac('sha256', E2E_SESSION_SECRET).update(`sto-status-link:${row.nonce}`).digest('base64url')}`;
  } finally {
    db.close();
  }
}
