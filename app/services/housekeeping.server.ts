import { lt } from 'drizzle-orm';
import type { Db } from '~db/client';
import { sessions } from '~db/schema';
import { pruneRateLimitEvents } from './rate-limit.server';

/** Removes expired sessions and old rate-limit events. */
export function cleanUp(db: Db, now: number): void {
  db.delete(sessions).where(lt(sessions.expiresAt, now)).run();
  pruneRateLimitEvents(db, now);
}

/** Runs cleanUp now and then every hour; returns a stop function. */
export function startHousekeeping(db: Db, intervalMs = 60 * 60 * 1000): () => void {
  cleanUp(db, Date.now());
  const timer = setInterval(() => cleanUp(db, Date.now()), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
