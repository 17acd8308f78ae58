import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '~/auth/password.server';
import {
  createSession,
  destroyOtherSessions,
  destroySession,
  getSessionUser,
  requireRole,
  requireUser,
  safeRedirect,
} from '~/auth/session.server';
import { signIn } from '~/services/sign-in.server';
import { closeDb, getDb } from '~db/client';
import { sessions, users } from '~db/schema';
import { createTestDb } from '../helpers/db';

const { db, file, close } = createTestDb();
const NOW = Date.UTC(2026, 10, 28, 9, 0);
let coordinatorId = 0;
let supporterId = 0;

beforeAll(async () => {
  const hash = await hashPassword('right-password');
  const base = { passwordHash: hash, createdAt: NOW, updatedAt: NOW };
  coordinatorId = db.insert(users).values({ ...base, email: 'coord@example.nl', name: 'Coco', role: 'coordinator' }).returning().get().id;
  supporterId = db.insert(users).values({ ...base, email: 'sup@example.nl', name: 'Sup', role: 'supporter' }).returning().get().id;
  db.insert(users).values({ ...base, email: 'gone@example.nl', name: 'Gone', role: 'supporter', active: false }).run();
  // The guards use the process-wide connection: point it at this test's file.
  process.env.DATABASE_PATH = file;
});
afterAll(() => {
  closeDb();
  close();
});

function requestWith(cookieHeader: string | null, url = 'http://localhost/team/regios') {
  return new Request(url, { headers: cookieHeader ? { Cookie: cookieHeader } : {} });
}
const cookiePair = (setCookie: string) => setCookie.split(';')[0]!;

describe('signIn', () => {
  it('accepts the right password, whatever the case of the e-mail', async () => {
    expect(await signIn(db, { email: ' COORD@example.nl ', password: 'right-password', ip: '10.0.0.1', now: NOW })).toEqual({ ok: true, userId: coordinatorId });
  });

  it('refuses a wrong password, an unknown e-mail and an inactive account alike', async () => {
    for (const email of ['coord@example.nl', 'nobody@example.nl']) {
      expect(await signIn(db, { email, password: 'wrong', ip: '10.0.0.2', now: NOW })).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await signIn(db, { email: 'gone@example.nl', password: 'right-password', ip: '10.0.0.3', now: NOW })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('lets the right password in from an address that has not failed, however many addresses failed before', async () => {
    for (let i = 0; i < 12; i += 1) {
      const r = await signIn(db, { email: 'sup@example.nl', password: 'wrong', ip: `10.1.0.${i}`, now: NOW + i });
      expect(r).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await signIn(db, { email: 'sup@example.nl', password: 'right-password', ip: '10.1.1.1', now: NOW + 20 })).toEqual({ ok: true, userId: supporterId });
    // The account's failures do hold back an address that failed on it: one guess each, no more.
    expect(await signIn(db, { email: 'sup@example.nl', password: 'right-password', ip: '10.1.0.3', now: NOW + 30 })).toEqual({
      ok: false,
      reason: 'tooMany',
      waitMs: expect.any(Number) as number,
    });
  });

  it('makes one address wait after five failures on an account, longer after each further failure', async () => {
    const email = 'coord@example.nl';
    const ip = '10.3.3.3';
    for (let i = 0; i < 5; i += 1) expect((await signIn(db, { email, password: 'wrong', ip, now: NOW })).ok).toBe(false);
    expect(await signIn(db, { email, password: 'right-password', ip, now: NOW + 1000 })).toEqual({ ok: false, reason: 'tooMany', waitMs: 59_000 });
    // A minute later one more try; a sixth failure means two minutes.
    expect(await signIn(db, { email, password: 'wrong', ip, now: NOW + 60_000 })).toEqual({ ok: false, reason: 'invalid' });
    expect(await signIn(db, { email, password: 'right-password', ip, now: NOW + 61_000 })).toEqual({ ok: false, reason: 'tooMany', waitMs: 119_000 });
    expect(await signIn(db, { email, password: 'right-password', ip, now: NOW + 180_000 })).toEqual({ ok: true, userId: coordinatorId });
    // The right password wiped the slate for this address.
    expect(await signIn(db, { email, password: 'wrong', ip, now: NOW + 181_000 })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('makes one address wait after ten failures over any accounts', async () => {
    for (let i = 0; i < 10; i += 1) {
      expect(await signIn(db, { email: `guess${i}@example.nl`, password: 'x', ip: '10.9.9.9', now: NOW })).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await signIn(db, { email: 'coord@example.nl', password: 'right-password', ip: '10.9.9.9', now: NOW })).toEqual({ ok: false, reason: 'tooMany', waitMs: 60_000 });
  });

  it('lets no more than five parallel guesses from one address reach the password check', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () => signIn(db, { email: 'parallel@example.nl', password: 'wrong', ip: '10.4.4.4', now: NOW })),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'tooMany')).toHaveLength(7);
  });

  it('does not count successful sign-ins', async () => {
    for (let i = 0; i < 8; i += 1) {
      expect((await signIn(db, { email: 'coord@example.nl', password: 'right-password', ip: '10.2.2.2', now: NOW })).ok).toBe(true);
    }
  });
});

describe('sessions and guards', () => {
  it('finds the user of a session, and nobody after sign-out (server-side)', async () => {
    const setCookie = await createSession(db, coordinatorId, { now: Date.now(), userAgent: 'test' });
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = cookiePair(setCookie);
    expect(db.select().from(sessions).all().some((s) => cookie.includes(s.idHash))).toBe(false); // only the hash is stored
    expect((await getSessionUser(requestWith(cookie), db))?.id).toBe(coordinatorId);
    await destroySession(requestWith(cookie), db);
    expect(await getSessionUser(requestWith(cookie), db)).toBeNull();
  });

  it('ignores a forged or tampered cookie and an expired session', async () => {
    expect(await getSessionUser(requestWith('sto_session=abc.def'), db)).toBeNull();
    const cookie = cookiePair(await createSession(db, coordinatorId, { now: Date.now(), userAgent: '' }));
    expect(await getSessionUser(requestWith(cookie.slice(0, -2) + 'xx'), db)).toBeNull();
    expect(await getSessionUser(requestWith(cookie), db, Date.now() + 15 * 24 * 60 * 60 * 1000)).toBeNull();
  });

  it('signs out every other session of a user', async () => {
    const a = cookiePair(await createSession(db, supporterId, { now: Date.now(), userAgent: '' }));
    const b = cookiePair(await createSession(db, supporterId, { now: Date.now(), userAgent: '' }));
    await destroyOtherSessions(requestWith(a), supporterId, db);
    expect((await getSessionUser(requestWith(a), db))?.id).toBe(supporterId);
    expect(await getSessionUser(requestWith(b), db)).toBeNull();
  });

  it('requireUser sends a visitor to sign-in and back; requireRole gives 403 to the other role', async () => {
    const thrown = await requireUser(requestWith(null, 'http://localhost/team/regios?x=1')).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(302);
    expect((thrown as Response).headers.get('Location')).toBe('/inloggen?redirectTo=%2Fteam%2Fregios%3Fx%3D1');

    const supporterCookie = cookiePair(await createSession(getDb(), supporterId, { now: Date.now(), userAgent: '' }));
    const forbidden = await requireRole(requestWith(supporterCookie), 'coordinator').catch((e: unknown) => e);
    expect((forbidden as Response).status).toBe(403);
    expect((await requireRole(requestWith(supporterCookie), 'supporter')).id).toBe(supporterId);
  });

  it('redirects only within the site', () => {
    expect(safeRedirect('/team/inbox')).toBe('/team/inbox');
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', 'team', null, '/a\r\nSet-Cookie: x']) {
      expect(safeRedirect(bad, '/fallback')).toBe('/fallback');
    }
  });
});
