import { eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { users } from '~db/schema';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '~/auth/password.server';
import { consume, release } from './rate-limit.server';

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const SIGN_IN_MAX_FAILURES = 5;

export type SignInResult = { ok: true; userId: number } | { ok: false; reason: 'invalid' | 'tooMany' };

/**
 * Checks e-mail and password. Every try first takes a slot per account and per address (at most
 * five in fifteen minutes); a right password gives its slot back, so only failures count, and a
 * sixth try within the window is refused even with the right password.
 */
export async function signIn(db: Db, input: { email: string; password: string; ip: string; now: number }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const limit = { limit: SIGN_IN_MAX_FAILURES, windowMs: SIGN_IN_WINDOW_MS };
  const slot = consume(
    db,
    [
      { bucket: 'sign-in:account', key: email, ...limit },
      { bucket: 'sign-in:address', key: input.ip, ...limit },
    ],
    input.now,
  );
  if (!slot) return { ok: false, reason: 'tooMany' };

  const user = db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .get();
  // Compare against a dummy hash for an unknown e-mail, so the answer takes as long either way.
  const matches = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !matches || !user.active) return { ok: false, reason: 'invalid' };
  release(db, slot);
  return { ok: true, userId: user.id };
}
