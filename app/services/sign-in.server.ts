import { eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { users } from '~db/schema';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '~/auth/password.server';
import { beginPasswordTry, passwordTrySucceeded } from './password-throttle.server';

export type SignInResult = { ok: true; userId: number } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'tooMany'; waitMs: number };

/**
 * Checks e-mail and password behind the throttle (app/domain/throttle.ts): per account and address,
 * per address and per account, with growing waits; a refused try never reaches the password check.
 */
export async function signIn(db: Db, input: { email: string; password: string; ip: string; now: number }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const ticket = beginPasswordTry(db, 'sign-in', { account: email, address: input.ip, now: input.now });
  if (!ticket.ok) return { ok: false, reason: 'tooMany', waitMs: ticket.waitMs };

  const user = db
    .select({ id: users.id, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email))
    .get();
  // Compare against a dummy hash for an unknown e-mail, so the answer takes as long either way.
  const matches = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !matches || !user.active) return { ok: false, reason: 'invalid' };
  passwordTrySucceeded(db, 'sign-in', ticket);
  return { ok: true, userId: user.id };
}
