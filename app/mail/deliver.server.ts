/**
 * Delivering the outbox. A short immediate transaction claims due rows (status 'sending' with a
 * lease), the messages are sent OUTSIDE any transaction, then each row is marked delivered, given
 * a later try (429, 5xx, network, timeout; exponential backoff with jitter) or failed (other 4xx,
 * or too many tries). A row whose claimer died is taken up again once its lease has run out; the
 * idempotency key sent with every try keeps Resend from sending a message twice.
 */
import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '~db/client';
import { outbox } from '~db/schema';
import type { OutboxRow } from './outbox.server';
import { enqueueDueReminders } from './reminders.server';
import { transportFromConfig, type MailTransport, type SendResult } from './transports.server';

export interface BackoffPolicy {
  baseMs: number;
  factor: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, factor: 2, capMs: 60 * 60_000 };
export const DEFAULT_MAX_ATTEMPTS = 8;
export const DEFAULT_LEASE_MS = 5 * 60_000;
export const DEFAULT_BATCH_LIMIT = 20;

export interface ClaimOptions {
  now: number;
  /** How long a claim holds; must outlast a send (the transport's timeout). */
  leaseMs?: number;
  limit?: number;
  maxAttempts?: number;
}

export interface DeliverOptions extends ClaimOptions {
  transport: MailTransport;
  backoff?: BackoffPolicy;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

export interface DeliverySummary {
  claimed: number;
  delivered: number;
  retried: number;
  failed: number;
}

/**
 * Claims due rows: pending ones whose time has come, and 'sending' ones whose lease ran out (their
 * claimer crashed). Each claim counts as an attempt; a row that ran out of attempts while claimed
 * by a crashed process is failed instead of claimed again.
 */
export function claimDue(db: Db, options: ClaimOptions): OutboxRow[] {
  const { now, leaseMs = DEFAULT_LEASE_MS, limit = DEFAULT_BATCH_LIMIT, maxAttempts = DEFAULT_MAX_ATTEMPTS } = options;
  const leaseExpired = and(eq(outbox.status, 'sending'), lt(outbox.leaseUntil, now));
  return db.transaction(
    (tx) => {
      tx.update(outbox)
        .set({ status: 'failed', leaseUntil: null, lastError: sql`coalesce(${outbox.lastError}, 'lease expired')` })
        .where(and(leaseExpired, sql`${outbox.attempts} >= ${maxAttempts}`))
        .run();
      const ids = tx
        .select({ id: outbox.id })
        .from(outbox)
        .where(or(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)), leaseExpired))
        .orderBy(outbox.nextAttemptAt, outbox.id)
        .limit(limit)
        .all()
        .map((row) => row.id);
      if (ids.length === 0) return [];
      return tx
        .update(outbox)
        .set({ status: 'sending', leaseUntil: now + leaseMs, attempts: sql`${outbox.attempts} + 1` })
        .where(inArray(outbox.id, ids))
        .returning()
        .all();
    },
    { behavior: 'immediate' },
  );
}

/** One round: claim what is due, send each, record the outcome. */
export async function deliverDue(db: Db, options: DeliverOptions): Promise<DeliverySummary> {
  const claimed = claimDue(db, options);
  const summary: DeliverySummary = { claimed: claimed.length, delivered: 0, retried: 0, failed: 0 };
  for (const row of claimed) {
    const result = await sendSafely(options.transport, row);
    const outcome = recordOutcome(db, row, result, options);
    summary[outcome] += 1;
  }
  return summary;
}

/** The coordinators' "send again": a failed row becomes due now with a fresh count of attempts. */
export function requeue(db: Queryable, outboxId: number, now: number = Date.now()): boolean {
  const result = db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, leaseUntil: null })
    .where(and(eq(outbox.id, outboxId), eq(outbox.status, 'failed')))
    .run();
  return result.changes > 0;
}

/** Exponential backoff with jitter: base · factor^(attempt-1), capped, then between half and all of it. */
export function retryDelayMs(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * policy.factor ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

async function sendSafely(transport: MailTransport, row: OutboxRow): Promise<SendResult> {
  try {
    return await transport.send(row);
  } catch (error) {
    return { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Writes the outcome, only while our claim still holds (same lease): if the lease ran out and
 * another process took the row over, its outcome counts and ours is dropped.
 */
function recordOutcome(db: Db, row: OutboxRow, result: SendResult, options: DeliverOptions): 'delivered' | 'retried' | 'failed' {
  const { now, maxAttempts = DEFAULT_MAX_ATTEMPTS } = options;
  const ours = and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), eq(outbox.leaseUntil, row.leaseUntil ?? -1));
  if (result.ok) {
    db.update(outbox)
      .set({ status: 'delivered', deliveredAt: now, providerId: result.providerId, transport: options.transport.name, leaseUntil: null })
      .where(ours)
      .run();
    return 'delivered';
  }
  if (result.retryable && row.attempts < maxAttempts) {
    const delay = retryDelayMs(row.attempts, options.backoff, options.random);
    db.update(outbox)
      .set({ status: 'pending', nextAttemptAt: now + delay, leaseUntil: null, lastError: result.error })
      .where(ours)
      .run();
    return 'retried';
  }
  db.update(outbox).set({ status: 'failed', leaseUntil: null, lastError: result.error }).where(ours).run();
  return 'failed';
}

export interface LoopOptions {
  intervalMs?: number;
  transport?: MailTransport;
  leaseMs?: number;
  limit?: number;
  onError?: (error: unknown) => void;
}

/**
 * Delivers due mail every `intervalMs` in the server process (runs never overlap). Returns stop():
 * no new round starts after it; a send in flight finishes or is taken up again after its lease.
 */
export function startDeliveryLoop(db: Db, options: LoopOptions = {}): () => void {
  const transport = options.transport ?? transportFromConfig();
  return repeat(options.intervalMs ?? 15_000, options.onError, async () => {
    let summary: DeliverySummary;
    do {
      summary = await deliverDue(db, { now: Date.now(), transport, leaseMs: options.leaseMs, limit: options.limit });
    } while (summary.claimed > 0 && summary.claimed === (options.limit ?? DEFAULT_BATCH_LIMIT));
  });
}

export interface ReminderJobOptions {
  intervalMs?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/** Once an hour (and at start): reminders for planned visits two working days ahead. Returns stop(). */
export function startReminderJob(db: Db, options: ReminderJobOptions = {}): () => void {
  const now = options.now ?? Date.now;
  return repeat(options.intervalMs ?? 60 * 60_000, options.onError, () => {
    enqueueDueReminders(db, now());
  });
}

/** Runs `task` now and then `intervalMs` after each run ends; the timer never keeps the process alive. */
function repeat(intervalMs: number, onError: ((error: unknown) => void) | undefined, task: () => unknown): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const report = onError ?? ((error: unknown) => console.error('[mail]', error));
  const run = async () => {
    if (stopped) return;
    try {
      await task();
    } catch (error) {
      report(error);
    }
    if (!stopped) {
      timer = setTimeout(() => void run(), intervalMs);
      timer.unref();
    }
  };
  timer = setTimeout(() => void run(), 0);
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
