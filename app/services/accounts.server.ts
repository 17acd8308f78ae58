/**
 * Creating an account from the command line (`npm run user:create`): the first coordinator of a
 * real deployment, or anyone later. The password is a random temporary one, returned once to be
 * printed and never stored in clear; the account must change it at its first sign-in.
 */
import { sql } from 'drizzle-orm';
import { generateTemporaryPassword, hashPassword } from '~/auth/password.server';
import { checkNewAccount, type AccountProblem, type NewAccount } from '~/domain/accounts';
import type { Db } from '~db/client';
import { users } from '~db/schema';
import { writeAudit, type Actor } from './common.server';

export type CreateAccountResult =
  | { ok: true; userId: number; account: NewAccount; temporaryPassword: string }
  | { ok: false; problems: AccountProblem[] };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Checks the input, then inserts the account and its audit row in one immediate transaction. */
export async function createAccount(
  db: Db,
  input: Actor & { role?: string; email?: string; name?: string; language?: string },
): Promise<CreateAccountResult> {
  const checked = checkNewAccount(input);
  if (!checked.ok) return checked;
  const { account } = checked;
  const taken: CreateAccountResult = { ok: false, problems: [{ code: 'email_taken', value: account.email }] };
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  try {
    return db.transaction(
      (tx): CreateAccountResult => {
        const existing = tx
          .select({ id: users.id })
          .from(users)
          .where(sql`lower(${users.email}) = ${account.email}`)
          .get();
        if (existing) return taken;
        const created = tx
          .insert(users)
          .values({ ...account, passwordHash, mustChangePassword: true, createdAt: input.now, updatedAt: input.now })
          .returning({ id: users.id })
          .get();
        writeAudit(tx, input, {
          action: 'user.created',
          entityType: 'user',
          entityId: created.id,
          regionId: null,
          before: null,
          after: { ...account, via: 'command' },
        });
        return { ok: true, userId: created.id, account, temporaryPassword };
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    // The unique index on e-mail is the last word if two runs race.
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
}
