/**
 * Delivery policy as plain functions: what a failed send means (by HTTP status and kind of error,
 * never by the shape of the body), how long to wait before the next try, how Retry-After and the
 * configured rate pace the sends, and how leases and heartbeats fit together. No I/O, no clock:
 * every function is handed `now`.
 */

/** Why a send did not go through, as the transport saw it. */
export type SendFailure =
  /** An HTTP answer came back. `errorName` is the provider's own code, when its body had one. */
  | { kind: 'http'; status: number; errorName: string | null; message: string; retryAfterMs: number | null }
  /** No answer within the per-send time limit (or the send was abandoned when the deliverer stopped). */
  | { kind: 'timeout'; afterMs: number }
  /** No HTTP answer at all: connection refused or reset, DNS, TLS. */
  | { kind: 'network'; message: string };

/**
 * What the team is shown under Berichten for the last failure (a translated sentence per kind);
 * stored in outbox.error_kind next to the technical detail in last_error.
 */
export const ERROR_KINDS = [
  'rate-limited',
  'provider-unavailable',
  'timeout',
  'network',
  'rejected',
  'unauthorized',
  'not-found',
  'conflict',
  'lease-expired',
  'too-many-attempts',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (ERROR_KINDS as readonly string[]).includes(value);
}

export interface FailureVerdict {
  retry: boolean;
  errorKind: ErrorKind;
  /** Technical detail for last_error: status, provider code, message. */
  detail: string;
  /** The provider asked us to wait at least this long (Retry-After), or null. */
  retryAfterMs: number | null;
}

/**
 * 5xx, 408, 429, timeouts and network errors are worth another try; every other 4xx is permanent.
 * One 409 is the exception Resend documents: `concurrent_idempotent_requests` (the same key is still
 * being processed) clears by itself, while a 409 for a key reused with another body never will.
 */
export function classifyFailure(failure: SendFailure): FailureVerdict {
  switch (failure.kind) {
    case 'timeout':
      return { retry: true, errorKind: 'timeout', detail: `timeout after ${failure.afterMs} ms`, retryAfterMs: null };
    case 'network':
      return { retry: true, errorKind: 'network', detail: `network error: ${failure.message}`, retryAfterMs: null };
    case 'http': {
      const { status, errorName, message, retryAfterMs } = failure;
      const detail = `HTTP ${status}${errorName ? ` ${errorName}` : ''}: ${message}`.trim();
      const verdict = (retry: boolean, errorKind: ErrorKind): FailureVerdict => ({ retry, errorKind, detail, retryAfterMs });
      if (status === 429) return verdict(true, 'rate-limited');
      if (status >= 500) return verdict(true, 'provider-unavailable');
      if (status === 408) return verdict(true, 'timeout');
      if (status === 409) return verdict(errorName === 'concurrent_idempotent_requests', 'conflict');
      if (status === 401 || status === 403) return verdict(false, 'unauthorized');
      if (status === 404) return verdict(false, 'not-found');
      return verdict(false, 'rejected');
    }
  }
}

export interface BackoffPolicy {
  baseMs: number;
  factor: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, factor: 2, capMs: 60 * 60_000 };

/** Exponential backoff with jitter: base · factor^(attempt-1), capped, then between half and all of it. */
export function retryDelayMs(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * policy.factor ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The wait before the next try: the backoff, but never shorter than what Retry-After asked for. */
export function nextTryDelayMs(verdict: FailureVerdict, attempt: number, policy: BackoffPolicy, random: () => number): number {
  return Math.max(retryDelayMs(attempt, policy, random), verdict.retryAfterMs ?? 0);
}

/** Longest Retry-After we accept: a misconfigured gateway asking for a day must not stop mail for a day. */
export const MAX_RETRY_AFTER_MS = 15 * 60_000;

/** Retry-After is seconds ("5") or an HTTP date; anything else, or a moment already past, is null. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) ms = Math.ceil(Number(trimmed) * 1000);
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    ms = at - now;
  }
  if (!(ms > 0)) return null;
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

/** What Resend allows a new account: 5 requests per second per team (resend.com/docs/api-reference/rate-limit). */
export const DEFAULT_RATE_PER_SECOND = 5;

/** MAIL_RATE_PER_SECOND: a positive number (fractions allowed: 0.5 is one send every two seconds). */
export function parseRatePerSecond(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_RATE_PER_SECOND;
  const rate = Number(value);
  if (!Number.isFinite(rate) || rate <= 0 || rate > 1000) throw new Error(`MAIL_RATE_PER_SECOND must be a number above 0 and at most 1000, not "${value}"`);
  return rate;
}

/** Sends start no closer together than this. */
export function sendSpacingMs(ratePerSecond: number): number {
  return Math.ceil(1000 / ratePerSecond);
}

/** The pacer's memory: when the last send started, and until when the provider asked us to pause. */
export interface PaceState {
  lastStartAt: number | null;
  pausedUntil: number;
}

export function initialPace(): PaceState {
  return { lastStartAt: null, pausedUntil: 0 };
}

/** The earliest moment the next send may start. */
export function nextStartAt(state: PaceState, now: number, ratePerSecond: number): number {
  const spaced = state.lastStartAt === null ? now : state.lastStartAt + sendSpacingMs(ratePerSecond);
  return Math.max(now, spaced, state.pausedUntil);
}

/** After a failure that carried Retry-After (or a 429 without one): nothing starts before this. */
export function pauseAfter(state: PaceState, verdict: FailureVerdict, now: number, ratePerSecond: number): PaceState {
  if (verdict.errorKind !== 'rate-limited' && verdict.retryAfterMs === null) return state;
  const wait = verdict.retryAfterMs ?? Math.max(1000, sendSpacingMs(ratePerSecond));
  return { ...state, pausedUntil: Math.max(state.pausedUntil, now + wait) };
}

/**
 * Leases: short, so a killed deliverer's rows are taken up again quickly, and renewed by a heartbeat
 * while a send runs, so a slow send never outlives its claim. The heartbeat beats three times per
 * lease: two beats can be missed (a busy event loop) before the lease runs out.
 */
export const DEFAULT_LEASE_MS = 15_000;
export const DEFAULT_SEND_TIMEOUT_MS = 10_000;

export function heartbeatEveryMs(leaseMs: number): number {
  return Math.max(10, Math.floor(leaseMs / 3));
}

/** At most how long rows claimed by a deliverer that was killed stay untouched, given the loop's interval. */
export function worstRecoveryMs(leaseMs: number, loopIntervalMs: number): number {
  return leaseMs + loopIntervalMs;
}
