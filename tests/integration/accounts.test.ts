/**
 * The first account and temporary passwords (issue 10, section 1): `npm run user:create`, and the
 * gate that sends anyone with a temporary password to /wachtwoord before anything else opens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '~/auth/password.server';
import { createSession, requireCoordinator, requireSupporter } from '~/auth/session.server';
import { loader as teamLoader } from '~/routes/team';
import { action as signInAction } from '~/routes/inloggen';
import { action as changeAction, loader as changeLoader } from '~/routes/wachtwoord';
import { createAccount } from '~/services/accounts.server';
import { createSupporter, setTemporaryPassword } from '~/services/oversight.server';
import { closeDb, getDb, type Db } from '~db/client';
import { auditEvents, users } from '~db/schema';
import { userCreateCommand } from '../../scripts/user-create';
import { createTestDb } from '../helpers/db';

const { db, file, close } = createTestDb();
const NOW = Date.UTC(2026, 11, 2, 9, 0);

beforeAll(() => {
  // The guards and routes use the process-wide connection: point it at this test's file.
  process.env.DATABASE_PATH = file;
});
afterAll(() => {
  closeDb();
  close();
});

const userByEmail = (email: string) => db.select().from(users).where(eq(users.email, email)).get();
const auditOf = (action: string) => db.select().from(auditEvents).where(eq(auditEvents.action, action)).all();
const cookiePair = (setCookie: string) => setCookie.split(';')[0]!;
const context = { clientIp: '10.9.9.9', cspNonce: '' };

async function thrown(promise: Promise<unknown>): Promise<Response> {
  const result = await promise.then(
    (value) => value,
    (error: unknown) => error,
  );
  if (!(result instanceof Response)) throw new Error(`expected a Response, got ${String(result)}`);
  return result;
}

describe('npm run user:create', () => {
  it('creates the account with a random temporary password, printed once, to be changed; audited', async () => {
    let opened = 0;
    const open = (): Db => ((opened += 1), db);
    const run = await userCreateCommand(['--role', 'coordinator', '--email', ' Eerste@Example.NL ', '--name', 'Eva  Eerste'], open, NOW);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([]);
    expect(opened).toBe(1);
    const password = /Temporary password \(shown only now\): (\S+)/.exec(run.out.join('\n'))?.[1];
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    const user = userByEmail('eerste@example.nl')!;
    expect(user).toMatchObject({ name: 'Eva Eerste', role: 'coordinator', language: 'nl', mustChangePassword: true, active: true });
    expect(await verifyPassword(password!, user.passwordHash)).toBe(true);
    expect(user.passwordHash).not.toContain(password!);
    const [audit] = auditOf('user.created');
    expect(audit).toMatchObject({ entityId: user.id, actorUserId: null, actorLabel: 'system' });
    expect(JSON.stringify(audit)).not.toContain(password!);

    // Two runs never give the same password.
    const other = await createAccount(db, { actorUserId: null, now: NOW, role: 'supporter', email: 'tweede@example.nl', name: 'Twan' });
    expect(other.ok && other.temporaryPassword).not.toBe(password);
  });

  it('bad arguments: a clear message, exit code 1, and the database is not even opened', async () => {
    const before = db.select().from(users).all().length;
    const cases: Array<[string[], RegExp]> = [
      [['--role', 'admin', '--email', 'a@example.nl', '--name', 'A'], /--role "admin" is not a role/],
      [['--role', 'supporter', '--email', 'geen-adres', '--name', 'A'], /--email "geen-adres" is not an e-mail address/],
      [['--role', 'supporter', '--email', 'a@example.nl'], /--name is missing/],
      [['--role', 'supporter', '--email', 'a@example.nl', '--name', 'A', '--language', 'de'], /--language "de" is not nl or en/],
      [['--role', 'supporter', '--email', 'a@example.nl', '--name', 'A', '--admin'], /Unknown option '--admin'/],
      [[], /--role is missing/],
    ];
    for (const [argv, expected] of cases) {
      const run = await userCreateCommand(argv, () => {
        throw new Error('opened the database for bad arguments');
      }, NOW);
      expect(run.code, argv.join(' ')).toBe(1);
      expect(run.out).toEqual([]);
      expect(run.err.join('\n')).toMatch(expected);
      expect(run.err.at(-1)).toMatch(/^Usage: npm run user:create/);
    }
    expect(db.select().from(users).all()).toHaveLength(before);
  });

  it('an e-mail that already has an account (in any case): a clear message, exit code 1, nothing written', async () => {
    const users0 = db.select().from(users).all().length;
    const audits0 = db.select().from(auditEvents).all().length;
    const run = await userCreateCommand(['--role', 'supporter', '--email', 'EERSTE@example.nl', '--name', 'Dubbel'], () => db, NOW);
    expect(run.code).toBe(1);
    expect(run.err[0]).toBe('There is already an account with e-mail eerste@example.nl; nothing was created.');
    expect(db.select().from(users).all()).toHaveLength(users0);
    expect(db.select().from(auditEvents).all()).toHaveLength(audits0);
  });
});

describe('a temporary password must be changed first', () => {
  it('is set by a coordinator adding a supporter and by setting a supporter\'s password', async () => {
    const coordinator = userByEmail('eerste@example.nl')!;
    const actor = { actorUserId: coordinator.id, now: NOW };
    const profile = { name: 'Nieuwe Nina', language: 'nl' as const, themes: [], homeRegionId: null, active: true };
    const created = await createSupporter(db, { ...actor, ...profile, email: 'nina@example.nl', temporaryPassword: 'tijdelijk-wachtwoord-1' });
    expect(created.ok).toBe(true);
    expect(userByEmail('nina@example.nl')!.mustChangePassword).toBe(true);

    db.update(users).set({ mustChangePassword: false }).where(eq(users.email, 'nina@example.nl')).run();
    await setTemporaryPassword(db, { ...actor, supporterId: userByEmail('nina@example.nl')!.id, password: 'nog-een-tijdelijke-2' });
    expect(userByEmail('nina@example.nl')!.mustChangePassword).toBe(true);
  });

  it('signing in goes to /wachtwoord; every guarded page and form sends there; then the change opens everything', async () => {
    const email = 'nina@example.nl';
    const temporary = 'nog-een-tijdelijke-2';
    const form = (fields: Record<string, string>) => {
      const body = new FormData();
      for (const [k, v] of Object.entries(fields)) body.set(k, v);
      return body;
    };
    const signedIn = await signInAction({
      request: new Request('http://localhost/inloggen', { method: 'POST', body: form({ email, password: temporary, redirectTo: '/ondersteuner/bezoeken' }) }),
      params: {},
      context,
    });
    expect(signedIn).toBeInstanceOf(Response);
    expect((signedIn as Response).headers.get('Location')).toBe('/wachtwoord');
    const cookie = cookiePair((signedIn as Response).headers.get('Set-Cookie')!);
    const at = (path: string, init: RequestInit = {}) => new Request(`http://localhost${path}`, { ...init, headers: { Cookie: cookie } });

    // Pages (also their .data requests) and form posts of either area: all sent to /wachtwoord.
    for (const request of [at('/ondersteuner'), at('/ondersteuner/profiel.data'), at('/ondersteuner/beschikbaarheid', { method: 'POST', body: form({}) })]) {
      const response = await thrown(requireSupporter(request));
      expect(response.headers.get('Location'), request.url).toBe('/wachtwoord');
    }
    expect((await thrown(requireCoordinator(at('/team')))).headers.get('Location')).toBe('/wachtwoord');
    expect((await thrown(teamLoader({ request: at('/team'), params: {}, context }))).headers.get('Location')).toBe('/wachtwoord');
    expect(await changeLoader({ request: at('/wachtwoord'), params: {}, context })).toEqual({ temporary: true });

    const post = (fields: Record<string, string>) => changeAction({ request: at('/wachtwoord', { method: 'POST', body: form(fields) }), params: {}, context });
    // The same rules as the profile's change: the temporary password must be right, the new one differ from it.
    const wrong = await post({ currentPassword: 'fout', newPassword: 'mijn-eigen-wachtwoord', confirmPassword: 'mijn-eigen-wachtwoord' });
    expect(JSON.stringify(wrong)).toContain('supporter:errors.currentPasswordWrong');
    const same = await post({ currentPassword: temporary, newPassword: temporary, confirmPassword: temporary });
    expect(JSON.stringify(same)).toContain('account:errors.samePassword');
    expect(userByEmail(email)!.mustChangePassword).toBe(true);

    const done = await post({ currentPassword: temporary, newPassword: 'mijn-eigen-wachtwoord', confirmPassword: 'mijn-eigen-wachtwoord' });
    expect(done).toBeInstanceOf(Response);
    expect((done as Response).headers.get('Location')).toBe('/ondersteuner');
    const user = userByEmail(email)!;
    expect(user.mustChangePassword).toBe(false);
    expect(await verifyPassword('mijn-eigen-wachtwoord', user.passwordHash)).toBe(true);
    expect(auditOf('user.password_changed').at(-1)).toMatchObject({ entityId: user.id, after: { temporaryReplaced: true } });
    expect((await requireSupporter(at('/ondersteuner'))).id).toBe(user.id);
    // No way back into the other role's area by the detour.
    expect((await thrown(requireCoordinator(at('/team')))).status).toBe(403);
  });

  it('guesses of the temporary password on /wachtwoord are throttled like sign-in (429 with Retry-After)', async () => {
    const id = db
      .insert(users)
      .values({ email: 'gok@example.nl', name: 'Gok', role: 'coordinator', passwordHash: await hashPassword('tijdelijk-123456'), mustChangePassword: true, createdAt: NOW, updatedAt: NOW })
      .returning()
      .get().id;
    const cookie = cookiePair(await createSession(getDb(), id, { now: Date.now(), userAgent: '' }));
    let last: unknown;
    for (let i = 0; i < 6; i += 1) {
      const body = new FormData();
      body.set('currentPassword', `fout-${i}`);
      body.set('newPassword', 'mijn-eigen-wachtwoord');
      body.set('confirmPassword', 'mijn-eigen-wachtwoord');
      last = await changeAction({ request: new Request('http://localhost/wachtwoord', { method: 'POST', body, headers: { Cookie: cookie } }), params: {}, context: { clientIp: '10.8.8.8', cspNonce: '' } });
    }
    const init = (last as { init?: { status?: number; headers?: Record<string, string> } }).init;
    expect(init?.status).toBe(429);
    expect(Number(init?.headers?.['Retry-After'])).toBeGreaterThan(0);
  });
});
