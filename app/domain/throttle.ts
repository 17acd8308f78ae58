/**
 * Password guessing: how long a try must wait, from the failures seen so far. Pure (handed the facts
 * and `now`); the storage is in app/services/password-throttle.server.ts, the reasoning in ADR 0012.
 *
 * Three counts, each over the last day: failures of this account from this address (the pair), of
 * this address on any account, and of this account from any address. A few failures are free; after
 * that each further failure doubles the wait, from one minute up to an hour. The account's count
 * only holds back addresses that have failed on it themselves: the right password from an address
 * that has not failed still works, so nobody can lock someone else out by failing on purpose.
 */

export const THROTTLE_WINDOW_MS = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;
const MAX_WAIT_MS = 60 * MINUTE;

/** Failures allowed before waits start. */
export const FREE_FAILURES = { pair: 5, address: 10, account: 10 } as const;

export type FailureCount = { count: number; last: number | null };
export type ThrottleFacts = { pair: FailureCount; address: FailureCount; account: FailureCount };

/** The wait that `count` failures earn, the last of them at `last`. */
export function waitAfter(failures: FailureCount, free: number, now: number): number {
  if (failures.last === null || failures.count < free) return 0;
  const wait = Math.min(MAX_WAIT_MS, MINUTE * 2 ** Math.min(failures.count - free, 10));
  return Math.max(0, failures.last + wait - now);
}

/** Milliseconds until this account may be tried from this address (0: now). */
export function throttleWait(facts: ThrottleFacts, now: number): number {
  const pair = waitAfter(facts.pair, FREE_FAILURES.pair, now);
  const address = waitAfter(facts.address, FREE_FAILURES.address, now);
  // An address that has not failed on this account is not held back by the account's failures.
  const account = facts.pair.count > 0 ? waitAfter(facts.account, FREE_FAILURES.account, now) : 0;
  return Math.max(pair, address, account);
}

/** The wait as the Retry-After header gives it: whole seconds, at least one. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
