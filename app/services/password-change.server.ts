/**
 * A user changes their own password: the supporter's profile page and /wachtwoord (where a
 * temporary password must be replaced before anything else opens) share this one use case.
 */
import { eq } from 'drizzle-orm';
import { hashPassword, verifyPassword } from '~/auth/password.server';
import type { Db } from '~db/client';
import { users } from '~db/schema';
import { writeAudit } from './common.server';
import { beginPasswordTry, passwordTrySucceeded } from './password-throttle.server';

export type PasswordChangeResult = { ok: true } | { ok: false; problem: 'wrong_password' } | { ok: false; problem: 'too_many'; waitMs: number };

/**
 * Changes the password after checking the current one, behind the same throttle as signing in (a
 * stolen session must not become a way to guess the password), and clears the temporary-password
 * flag. The caller signs out the other sessions.
 */
export async function changePassword(
  db: Db,
  input: { userId: number; currentPassword: string; newPassword: string; ip: string; now: number },
): Promise<PasswordChangeResult> {
  const ticket = beginPasswordTry(db, 'password-change', { account: String(input.userId), address: input.ip, now: input.now });
  if (!ticket.ok) return { ok: false, problem: 'too_many', waitMs: ticket.waitMs };
  const row = db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, input.userId)).get();
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) return { ok: false, problem: 'wrong_password' };
  passwordTrySucceeded(db, 'password-change', ticket);
  const passwordHash = await hashPassword(input.newPassword);
  db.transaction(
    (tx) => {
      const before = tx.select({ temporary: users.mustChangePassword }).from(users).where(eq(users.id, input.userId)).get();
      tx.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: input.now }).where(eq(users.id, input.userId)).run();
      writeAudit(tx, { actorUserId: input.userId, now: input.now }, {
        action: 'user.password_changed',
        entityType: 'user',
        entityId: input.userId,
        regionId: null,
        after: before?.temporary ? { temporaryReplaced: true } : undefined,
      });
    },
    { behavior: 'immediate' },
  );
  return { ok: true };
}
