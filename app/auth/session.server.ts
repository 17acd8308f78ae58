import { createCookie, redirect } from '@remix-run/node';
import { and, eq, lt, ne } from 'drizzle-orm';
import { getConfig } from '~/config.server';
import { getDb, type Db } from '~db/client';
import { sessions, users, type Language, type UserRole } from '~db/schema';
import { hashToken, newToken } from './tokens.server';

const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type SessionUser = {
  id: number;
  name: string;
  email: string;
  role: UserRole;
  language: Language;
  /** The password is a temporary one: nothing but /wachtwoord (and signing out) opens until it is changed. */
  mustChangePassword: boolean;
};

/** Where a user with a temporary password is sent from every signed-in page. */
export const CHANGE_PASSWORD_PATH = '/wachtwoord';

let cookie: ReturnType<typeof createCookie> | undefined;

/** The signed session cookie; SESSION_SECRET may list several secrets (the first signs). */
function sessionCookie() {
  cookie ??= createCookie('sto_session', {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production',
    secrets: getConfig()
      .SESSION_SECRET.split(',')
      .map((s) => s.trim()),
    maxAge: SESSION_TTL_MS / 1000,
  });
  return cookie;
}

async function sessionIdFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'));
  return typeof value === 'string' && value.length > 0 && value.length < 200 ? value : null;
}

/** Starts a session for the user and returns the Set-Cookie header. Expired sessions are cleaned up. */
export async function createSession(
  db: Db,
  userId: number,
  { now, userAgent }: { now: number; userAgent: string },
): Promise<string> {
  const id = newToken();
  db.transaction(
    (tx) => {
      tx.delete(sessions).where(lt(sessions.expiresAt, now)).run();
      tx.insert(sessions)
        .values({ idHash: hashToken(id), userId, createdAt: now, lastSeenAt: now, expiresAt: now + SESSION_TTL_MS, userAgent: userAgent.slice(0, 300) })
        .run();
    },
    { behavior: 'immediate' },
  );
  return sessionCookie().serialize(id);
}

/** The signed-in user, or null for no, a forged, an expired or a revoked session. */
export async function getSessionUser(request: Request, db: Db = getDb(), now = Date.now()): Promise<SessionUser | null> {
  const id = await sessionIdFrom(request);
  if (!id) return null;
  const row = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      language: users.language,
      mustChangePassword: users.mustChangePassword,
      active: users.active,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, hashToken(id)))
    .get();
  if (!row || row.expiresAt <= now || !row.active) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role, language: row.language, mustChangePassword: row.mustChangePassword };
}

/** Ends this browser's session server-side and returns the Set-Cookie header that clears it. */
export async function destroySession(request: Request, db: Db = getDb()): Promise<string> {
  const id = await sessionIdFrom(request);
  if (id) db.delete(sessions).where(eq(sessions.idHash, hashToken(id))).run();
  return sessionCookie().serialize('', { maxAge: 0, expires: new Date(0) });
}

/** Signs the user out everywhere else (after a password change). */
export async function destroyOtherSessions(request: Request, userId: number, db: Db = getDb()): Promise<void> {
  const id = await sessionIdFrom(request);
  const keep = id ? hashToken(id) : '';
  db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.idHash, keep))).run();
}

/** Only same-site paths: anything else (//evil, https://…, /\evil) goes to the fallback. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\') || /[\r\n\t]/.test(to)) {
    return fallback;
  }
  return to;
}

/** Where the user starts: their role's home, or /wachtwoord while their password is a temporary one. */
export function homeFor(user: Pick<SessionUser, 'role' | 'mustChangePassword'>): string {
  if (user.mustChangePassword) return CHANGE_PASSWORD_PATH;
  return user.role === 'coordinator' ? '/team' : '/ondersteuner';
}

/**
 * The user, or a redirect to sign-in that comes back here afterwards. A user with a temporary
 * password is sent to /wachtwoord instead: every guarded loader and action passes through here, so
 * no signed-in page opens (and no form of one changes anything) before the password is changed.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname.replace(/\.data$/, '') + url.search;
    throw redirect(`/inloggen?${new URLSearchParams({ redirectTo: back })}`);
  }
  if (user.mustChangePassword) throw redirect(CHANGE_PASSWORD_PATH);
  return user;
}

/** The user if they have the role; a signed-in user with another role gets 403. */
export async function requireRole(request: Request, role: UserRole): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.role !== role) throw new Response('Forbidden', { status: 403 });
  return user;
}

export const requireCoordinator = (request: Request) => requireRole(request, 'coordinator');
export const requireSupporter = (request: Request) => requireRole(request, 'supporter');

/**
 * The action of a page that takes no POST: the guard answers first (sign-in redirect, 403), so a
 * POST reveals nothing more than a GET, then 405.
 */
export function readOnlyAction(role: UserRole) {
  return async ({ request }: { request: Request }): Promise<never> => {
    await requireRole(request, role);
    throw new Response('Method Not Allowed', { status: 405 });
  };
}
