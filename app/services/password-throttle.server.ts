/**
 * The throttle of app/domain/throttle.ts on the rate_limit_events table (so it survives restarts
 * and holds across processes). A try is counted as a failure before the password is checked, in one
 * immediate transaction with the check of the wait, so parallel guesses can't slip through together;
 * a right password takes its events back and forgets the pair's earlier failures.
 */
import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '~db/client';
import { rateLimitEvents } from '~db/schema';
import { THROTTLE_WINDOW_MS, throttleWait, type FailureCount } from '~/domain/throttle';

/** What is being guessed: the sign-in, or the current password when changing it. */
export type ThrottleScope = 'sign-in' | 'password-change';

export type ThrottleTicket = { ok: true; eventIds: number[]; pairKey: string } | { ok: false; waitMs: number };

function failures(tx: Tx, bucket: string, key: string, now: number): FailureCount {
  const row = tx
    .select({ count: sql<number>`count(*)`, last: sql<number | null>`max(${rateLimitEvents.at})` })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.bucket, bucket), eq(rateLimitEvents.key, key), gte(rateLimitEvents.at, now - THROTTLE_WINDOW_MS)))
    .get();
  return { count: row?.count ?? 0, last: row?.last ?? null };
}

/** Before checking a password: refused with the wait, or counted (provisionally) as a failure. */
export function beginPasswordTry(db: Db, scope: ThrottleScope, { account, address, now }: { account: string; address: string; now: number }): ThrottleTicket {
  const keys = { pair: `${account} ${address}`, address, account };
  return db.transaction(
    (tx) => {
      const waitMs = throttleWait(
        {
          pair: failures(tx, `${scope}:pair`, keys.pair, now),
          address: failures(tx, `${scope}:address`, keys.address, now),
          account: failures(tx, `${scope}:account`, keys.account, now),
        },
        now,
      );
      if (waitMs > 0) return { ok: false as const, waitMs };
      const eventIds = (['pair', 'address', 'account'] as const).map(
        (kind) =>
          tx
            .insert(rateLimitEvents)
            .values({ bucket: `${scope}:${kind}`, key: keys[kind], at: now })
            .returning({ id: rateLimitEvents.id })
            .get().id,
      );
      return { ok: true as const, eventIds, pairKey: keys.pair };
    },
    { behavior: 'immediate' },
  );
}

/** The password was right: this try was no failure, and the pair starts afresh. */
export function passwordTrySucceeded(db: Db, scope: ThrottleScope, ticket: { eventIds: number[]; pairKey: string }): void {
  db.transaction(
    (tx) => {
      tx.delete(rateLimitEvents).where(inArray(rateLimitEvents.id, ticket.eventIds)).run();
      tx.delete(rateLimitEvents)
        .where(and(eq(rateLimitEvents.bucket, `${scope}:pair`), eq(rateLimitEvents.key, ticket.pairKey)))
        .run();
    },
    { behavior: 'immediate' },
  );
}
