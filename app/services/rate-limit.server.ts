import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '~db/client';
import { rateLimitEvents } from '~db/schema';

export type Bucket = { bucket: string; key: string; limit: number };

/**
 * Counts one event in every bucket, unless one of them is already at its limit within the window.
 * The check and the write run in one immediate transaction, so parallel attempts can't slip through.
 * Returns the ids of the events written, for `release` (e.g. a sign-in that turned out right).
 */
export function consume(
  db: Db,
  buckets: Bucket[],
  { windowMs, now }: { windowMs: number; now: number },
): { ok: true; eventIds: number[] } | { ok: false } {
  return db.transaction(
    (tx) => {
      for (const b of buckets) {
        const row = tx
          .select({ n: sql<number>`count(*)` })
          .from(rateLimitEvents)
          .where(and(eq(rateLimitEvents.bucket, b.bucket), eq(rateLimitEvents.key, b.key), gte(rateLimitEvents.at, now - windowMs)))
          .get();
        if ((row?.n ?? 0) >= b.limit) return { ok: false as const };
      }
      const eventIds = buckets.map(
        (b) =>
          tx
            .insert(rateLimitEvents)
            .values({ bucket: b.bucket, key: b.key, at: now })
            .returning({ id: rateLimitEvents.id })
            .get().id,
      );
      return { ok: true as const, eventIds };
    },
    { behavior: 'immediate' },
  );
}

/** Takes back events that should not count (a successful sign-in). */
export function release(db: Db, eventIds: number[]): void {
  if (eventIds.length > 0) db.delete(rateLimitEvents).where(inArray(rateLimitEvents.id, eventIds)).run();
}

/** Forgets events older than the longest window in use (a day). */
export function pruneRateLimitEvents(db: Db, now: number): void {
  db.delete(rateLimitEvents).where(lt(rateLimitEvents.at, now - 24 * 60 * 60 * 1000)).run();
}
