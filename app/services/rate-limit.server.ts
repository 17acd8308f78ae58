import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '~db/client';
import { rateLimitEvents } from '~db/schema';

/** At most `limit` events with this bucket and key within `windowMs`. */
export type Bucket = { bucket: string; key: string; limit: number; windowMs: number };

/**
 * Inside the caller's transaction: counts one event in every bucket, unless one of them is already
 * at its limit. Returns the ids of the events written (for `release`), or null when refused.
 */
export function tryConsume(tx: Tx, buckets: Bucket[], now: number): number[] | null {
  for (const b of buckets) {
    const row = tx
      .select({ n: sql<number>`count(*)` })
      .from(rateLimitEvents)
      .where(and(eq(rateLimitEvents.bucket, b.bucket), eq(rateLimitEvents.key, b.key), gte(rateLimitEvents.at, now - b.windowMs)))
      .get();
    if ((row?.n ?? 0) >= b.limit) return null;
  }
  return buckets.map(
    (b) => tx.insert(rateLimitEvents).values({ bucket: b.bucket, key: b.key, at: now }).returning({ id: rateLimitEvents.id }).get().id,
  );
}

/** tryConsume in its own immediate transaction, so parallel attempts can't slip through together. */
export function consume(db: Db, buckets: Bucket[], now: number): number[] | null {
  return db.transaction((tx) => tryConsume(tx, buckets, now), { behavior: 'immediate' });
}

/** Takes back events that should not count (a successful sign-in). */
export function release(db: Db, eventIds: number[]): void {
  if (eventIds.length > 0) db.delete(rateLimitEvents).where(inArray(rateLimitEvents.id, eventIds)).run();
}

/** Forgets events older than the longest window in use (a day). */
export function pruneRateLimitEvents(db: Db, now: number): void {
  db.delete(rateLimitEvents).where(lt(rateLimitEvents.at, now - 24 * 60 * 60 * 1000)).run();
}
