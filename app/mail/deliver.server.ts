/**
 * Delivering the outbox. A short immediate transaction claims due rows (status 'sending' with a
 * short lease), the messages are sent OUTSIDE any transaction, then each row is marked delivered,
 * given a later try or failed, as app/mail/delivery-rules.ts decides.
 *
 * - Sends start paced to the configured rate (MAIL_RATE_PER_SECOND) and run side by side (a few at a
 *   time), each with its own time limit: a hanging send holds one slot, never the others.
 * - A heartbeat renews the lease of every row still in hand, so a claim never runs out while its
 *   send is running; a deliverer that is killed stops beating and its rows are free again within
 *   one lease (15 s).
 * - A 429 or a Retry-After pauses every send until the moment asked for; the rows not yet started
 *   go back to the queue for then, without using up an attempt.
 * - Stopping (SIGTERM) starts nothing new, gives back what has not started, lets sends in flight
 *   finish for a short grace and then abandons and gives those back too.
 * - Every try of a row carries the row's idempotency key, so a retry never sends a second e-mail.
 */
import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Db, Queryable } from '~db/client';
import { outbox } from '~db/schema';
import {
  classifyFailure,
  DEFAULT_BACKOFF,
  DEFAULT_LEASE_MS,
  DEFAULT_RATE_PER_SECOND,
  heartbeatEveryMs,
  initialPace,
  nextStartAt,
  nextTryDelayMs,
  parseRatePerSecond,
  pauseAfter,
  type BackoffPolicy,
  type PaceState,
} from './delivery-rules';
import type { OutboxRow } from './outbox.server';
import { enqueueDueMeetingReminders } from './meeting-notify.server';
import { enqueueDueReminders } from './reminders.server';
import { fillStatusLinks } from './status-links.server';
import { transportFromConfig, type MailTransport, type SendResult } from './transports.server';

export { DEFAULT_BACKOFF, DEFAULT_LEASE_MS, retryDelayMs, type BackoffPolicy } from './delivery-rules';

export const DEFAULT_MAX_ATTEMPTS = 8;
export const DEFAULT_BATCH_LIMIT = 20;
export const DEFAULT_CONCURRENCY = 4;
export const DEFAULT_LOOP_INTERVAL_MS = 5_000;
/** After a stop, how long sends in flight may still finish before they are abandoned. */
export const DEFAULT_STOP_GRACE_MS = 3_000;

export interface ClaimOptions {
  now: number;
  leaseMs?: number;
  limit?: number;
  maxAttempts?: number;
}

/** Shared by the rounds of one deliverer: the pace and any pause the provider asked for. */
export interface Pacer {
  state: PaceState;
}

export function newPacer(): Pacer {
  return { state: initialPace() };
}

export interface DeliverOptions extends Partial<ClaimOptions> {
  transport: MailTransport;
  backoff?: BackoffPolicy;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Time as the round goes on. Default: `now` (or the wall clock) plus the real time elapsed. */
  clock?: () => number;
  /** Default MAIL_RATE_PER_SECOND, else 5. */
  ratePerSecond?: number;
  /** Sends in flight at once. */
  concurrency?: number;
  pacer?: Pacer;
  /** Stop: start nothing new, give back what has not started. */
  signal?: AbortSignal;
  graceMs?: number;
}

export interface DeliverySummary {
  claimed: number;
  delivered: number;
  retried: number;
  failed: number;
  /** Given back unsent, without using up an attempt (a pause, or the deliverer stopping). */
  released: number;
}

const EMPTY: DeliverySummary = { claimed: 0, delivered: 0, retried: 0, failed: 0, released: 0 };

/**
 * Claims due rows: pending ones whose time has come, and 'sending' ones whose lease ran out (their
 * claimer died). Each claim counts as an attempt; a row that ran out of attempts while claimed by
 * a deliverer that died is failed instead of claimed again.
 */
export function claimDue(db: Db, options: ClaimOptions): OutboxRow[] {
  const { now, leaseMs = DEFAULT_LEASE_MS, limit = DEFAULT_BATCH_LIMIT, maxAttempts = DEFAULT_MAX_ATTEMPTS } = options;
  const leaseExpired = and(eq(outbox.status, 'sending'), lt(outbox.leaseUntil, now));
  return db.transaction(
    (tx) => {
      tx.update(outbox)
        .set({
          status: 'failed',
          leaseUntil: null,
          errorKind: 'lease-expired',
          lastError: sql`coalesce(${outbox.lastError}, 'lease expired')`,
        })
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

/** One round: claim what is due, send each (paced, side by side), record the outcomes. */
export async function deliverDue(db: Db, options: DeliverOptions): Promise<DeliverySummary> {
  const started = options.now ?? Date.now();
  const t0 = performance.now();
  const clock = options.clock ?? (() => started + Math.round(performance.now() - t0));
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const rate = options.ratePerSecond ?? rateFromEnv();
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const pacer = options.pacer ?? newPacer();
  const { signal } = options;
  if (signal?.aborted || pacer.state.pausedUntil > clock()) return { ...EMPTY };

  const claimed = claimDue(db, { now: clock(), leaseMs, limit: options.limit, maxAttempts: options.maxAttempts });
  const summary: DeliverySummary = { ...EMPTY, claimed: claimed.length };
  if (claimed.length === 0) return summary;

  // The lease each row in hand holds now; the heartbeat moves it on, an outcome removes the row.
  const leases = new Map(claimed.map((row) => [row.id, row.leaseUntil ?? 0]));
  const heartbeat = setInterval(() => renewLeases(db, leases, clock() + leaseMs), heartbeatEveryMs(leaseMs));
  heartbeat.unref();
  // Sends in flight are abandoned once the grace after a stop is over.
  const abandon = new AbortController();
  const onStop = () => setTimeout(() => abandon.abort(), options.graceMs ?? DEFAULT_STOP_GRACE_MS).unref();
  signal?.addEventListener('abort', onStop, { once: true });

  const queue = [...claimed];
  const inFlight = new Set<Promise<void>>();
  const sendOne = async (row: OutboxRow) => {
    const result = await sendSafely(options.transport, () => fillStatusLinks(db, row), abandon.signal);
    if (!result.ok && abandon.signal.aborted) {
      summary.released += release(db, [row], leases, clock());
      return;
    }
    const outcome = recordOutcome(db, row, result, leases, clock(), options);
    summary[outcome.kind] += 1;
    if (outcome.pause !== null) pacer.state = { ...pacer.state, pausedUntil: Math.max(pacer.state.pausedUntil, outcome.pause) };
  };
  try {
    while (queue.length > 0 && !signal?.aborted) {
      if (inFlight.size >= concurrency) {
        await Promise.race(inFlight);
        continue;
      }
      const now = clock();
      if (pacer.state.pausedUntil > now) break; // the provider asked for a pause: give the rest back
      const at = nextStartAt(pacer.state, now, rate);
      if (at > now) {
        await sleep(at - now, signal);
        continue;
      }
      const row = queue.shift()!;
      pacer.state = { ...pacer.state, lastStartAt: now };
      const sending: Promise<void> = sendOne(row).finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    }
    if (queue.length > 0) summary.released += release(db, queue, leases, Math.max(clock(), pacer.state.pausedUntil));
    await Promise.all(inFlight);
  } finally {
    clearInterval(heartbeat);
    signal?.removeEventListener('abort', onStop);
  }
  return summary;
}

/** The coordinators' "send again": a failed row becomes due now with a fresh count of attempts. */
export function requeue(db: Queryable, outboxId: number, now: number = Date.now()): boolean {
  const result = db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, leaseUntil: null, errorKind: null })
    .where(and(eq(outbox.id, outboxId), eq(outbox.status, 'failed')))
    .run();
  return result.changes > 0;
}

function rateFromEnv(): number {
  try {
    return parseRatePerSecond(process.env.MAIL_RATE_PER_SECOND);
  } catch {
    return DEFAULT_RATE_PER_SECOND; // app/config.server.ts refuses a bad value at start-up
  }
}

/** `message` fills in the contact's status links (ADR 0013): only in memory, right before the send. */
async function sendSafely(transport: MailTransport, message: () => OutboxRow, signal: AbortSignal): Promise<SendResult> {
  try {
    return await transport.send(message(), { signal });
  } catch (error) {
    return { ok: false, failure: { kind: 'network', message: error instanceof Error ? error.message : String(error) } };
  }
}

/** The row is still ours: same status and the lease we last wrote (else another deliverer took it over). */
function ours(rowId: number, leases: Map<number, number>) {
  return and(eq(outbox.id, rowId), eq(outbox.status, 'sending'), eq(outbox.leaseUntil, leases.get(rowId) ?? -1));
}

function renewLeases(db: Db, leases: Map<number, number>, until: number): void {
  if (leases.size === 0) return;
  try {
    db.transaction(
      (tx) => {
        for (const [id, lease] of [...leases]) {
          const renewed = tx.update(outbox).set({ leaseUntil: until }).where(ours(id, leases)).run().changes > 0;
          if (renewed) leases.set(id, until);
          else if (lease === leases.get(id)) leases.delete(id); // lost it: its outcome will not be recorded
        }
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    // A busy or closing database: the next beat tries again, well inside the lease.
    console.error('[mail] lease renewal failed:', error instanceof Error ? error.message : error);
  }
}

/** Gives rows back unsent: due at `at`, the claim's attempt not counted. Returns how many. */
function release(db: Db, rows: OutboxRow[], leases: Map<number, number>, at: number): number {
  let released = 0;
  for (const row of rows) {
    const changes = db
      .update(outbox)
      .set({ status: 'pending', nextAttemptAt: at, leaseUntil: null, attempts: sql`max(0, ${outbox.attempts} - 1)` })
      .where(ours(row.id, leases))
      .run().changes;
    leases.delete(row.id);
    released += changes;
  }
  return released;
}

/**
 * Writes the outcome, only while our claim still holds: if the lease ran out and another deliverer
 * took the row over, its outcome counts and ours is dropped. Returns what happened, and until when
 * every send should pause (a 429 or a Retry-After), or null.
 */
function recordOutcome(
  db: Db,
  row: OutboxRow,
  result: SendResult,
  leases: Map<number, number>,
  now: number,
  options: DeliverOptions,
): { kind: 'delivered' | 'retried' | 'failed'; pause: number | null } {
  const where = ours(row.id, leases);
  leases.delete(row.id);
  if (result.ok) {
    db.update(outbox)
      .set({ status: 'delivered', deliveredAt: now, providerId: result.providerId, transport: options.transport.name, leaseUntil: null })
      .where(where)
      .run();
    return { kind: 'delivered', pause: null };
  }
  const verdict = classifyFailure(result.failure);
  const rate = options.ratePerSecond ?? rateFromEnv();
  const paused = pauseAfter(initialPace(), verdict, now, rate).pausedUntil;
  const pause = paused > 0 ? paused : null;
  if (verdict.retry && row.attempts < (options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
    const delay = nextTryDelayMs(verdict, row.attempts, options.backoff ?? DEFAULT_BACKOFF, options.random ?? Math.random);
    db.update(outbox)
      .set({ status: 'pending', nextAttemptAt: now + delay, leaseUntil: null, lastError: verdict.detail, errorKind: verdict.errorKind })
      .where(where)
      .run();
    return { kind: 'retried', pause };
  }
  const errorKind = verdict.retry ? 'too-many-attempts' : verdict.errorKind;
  db.update(outbox).set({ status: 'failed', leaseUntil: null, lastError: verdict.detail, errorKind }).where(where).run();
  return { kind: 'failed', pause };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export interface LoopOptions {
  intervalMs?: number;
  transport?: MailTransport;
  leaseMs?: number;
  limit?: number;
  ratePerSecond?: number;
  concurrency?: number;
  graceMs?: number;
  onError?: (error: unknown) => void;
}

/** Stops the loop; resolves once nothing is held any more (sent, or given back to the queue). */
export type StopDelivery = () => Promise<void>;

/**
 * Delivers due mail every `intervalMs` in the server process (rounds never overlap; a full batch
 * is followed at once by the next). Returns stop().
 */
export function startDeliveryLoop(db: Db, options: LoopOptions = {}): StopDelivery {
  const transport = options.transport ?? transportFromConfig();
  const limit = options.limit ?? DEFAULT_BATCH_LIMIT;
  const pacer = newPacer();
  const stopping = new AbortController();
  return repeat(options.intervalMs ?? DEFAULT_LOOP_INTERVAL_MS, options.onError, stopping, async () => {
    let summary: DeliverySummary;
    do {
      summary = await deliverDue(db, {
        transport,
        leaseMs: options.leaseMs,
        limit,
        ratePerSecond: options.ratePerSecond,
        concurrency: options.concurrency,
        graceMs: options.graceMs,
        pacer,
        signal: stopping.signal,
      });
    } while (!stopping.signal.aborted && summary.claimed === limit && summary.released === 0);
  });
}

export interface ReminderJobOptions {
  intervalMs?: number;
  now?: () => number;
  onError?: (error: unknown) => void;
}

/** Once an hour (and at start): reminders for planned visits and theme meetings two working days ahead. Returns stop(). */
export function startReminderJob(db: Db, options: ReminderJobOptions = {}): StopDelivery {
  const now = options.now ?? Date.now;
  return repeat(options.intervalMs ?? 60 * 60_000, options.onError, new AbortController(), () => {
    enqueueDueReminders(db, now());
    enqueueDueMeetingReminders(db, now());
  });
}

/**
 * Runs `task` now and then `intervalMs` after each run ends; the timer never keeps the process
 * alive. stop() aborts `stopping` and resolves when the run in progress (if any) has ended.
 */
function repeat(
  intervalMs: number,
  onError: ((error: unknown) => void) | undefined,
  stopping: AbortController,
  task: () => unknown,
): StopDelivery {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const report = onError ?? ((error: unknown) => console.error('[mail]', error));
  const run = async () => {
    if (stopping.signal.aborted) return;
    try {
      await task();
    } catch (error) {
      report(error);
    }
    if (!stopping.signal.aborted) {
      timer = setTimeout(() => (running = run()), intervalMs);
      timer.unref();
    }
  };
  timer = setTimeout(() => (running = run()), 0);
  timer.unref();
  return async () => {
    stopping.abort();
    clearTimeout(timer);
    await running;
  };
}
