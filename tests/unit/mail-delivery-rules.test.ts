import { describe, expect, it } from 'vitest';
import {
  classifyFailure,
  DEFAULT_BACKOFF,
  DEFAULT_LEASE_MS,
  DEFAULT_RATE_PER_SECOND,
  DEFAULT_SEND_TIMEOUT_MS,
  heartbeatEveryMs,
  initialPace,
  MAX_RETRY_AFTER_MS,
  nextStartAt,
  nextTryDelayMs,
  parseRatePerSecond,
  parseRetryAfter,
  pauseAfter,
  retryDelayMs,
  worstRecoveryMs,
  type SendFailure,
} from '~/mail/delivery-rules';
import { DEFAULT_LOOP_INTERVAL_MS } from '~/mail/deliver.server';
import { outbox as outboxEn } from '~/i18n/locales/outbox.en';
import { outbox as outboxNl } from '~/i18n/locales/outbox.nl';
import { ERROR_KINDS } from '~/mail/delivery-rules';
import { parseMailbox } from '~/mail/mail-config.server';
import { workingDaysAhead } from '~/mail/working-days';

const amsterdam = (iso: string) => new Date(iso).getTime();
const http = (status: number, errorName: string | null = null, retryAfterMs: number | null = null): SendFailure => ({
  kind: 'http',
  status,
  errorName,
  message: 'm',
  retryAfterMs,
});

describe('retryDelayMs', () => {
  it('doubles from 30 s with jitter between half and all of it, capped at an hour', () => {
    expect(retryDelayMs(1, DEFAULT_BACKOFF, () => 0)).toBe(15_000);
    expect(retryDelayMs(1, DEFAULT_BACKOFF, () => 0.999999)).toBeCloseTo(30_000, -1);
    expect(retryDelayMs(2, DEFAULT_BACKOFF, () => 0)).toBe(30_000);
    expect(retryDelayMs(4, DEFAULT_BACKOFF, () => 0.5)).toBe(180_000);
    expect(retryDelayMs(20, DEFAULT_BACKOFF, () => 0.999999)).toBeLessThanOrEqual(3_600_000);
    expect(retryDelayMs(20, DEFAULT_BACKOFF, () => 0)).toBe(1_800_000);
  });

  it('waits at least as long as Retry-After asked', () => {
    const verdict = classifyFailure(http(429, 'rate_limit_exceeded', 120_000));
    expect(nextTryDelayMs(verdict, 1, DEFAULT_BACKOFF, () => 0)).toBe(120_000);
    expect(nextTryDelayMs(verdict, 6, DEFAULT_BACKOFF, () => 0)).toBe(480_000);
  });
});

describe('classifyFailure: by HTTP status and kind of error, never by the body', () => {
  it.each([
    [429, 'rate_limit_exceeded', true, 'rate-limited'],
    [500, 'internal_server_error', true, 'provider-unavailable'],
    [502, null, true, 'provider-unavailable'], // a gateway's body with no statusCode and no name
    [503, 'application_error', true, 'provider-unavailable'],
    [504, null, true, 'provider-unavailable'],
    [408, null, true, 'timeout'],
    [409, 'concurrent_idempotent_requests', true, 'conflict'],
    [409, 'invalid_idempotent_request', false, 'conflict'],
    [422, 'validation_error', false, 'rejected'],
    [400, null, false, 'rejected'],
    [403, 'invalid_from_address', false, 'unauthorized'],
    [401, 'missing_api_key', false, 'unauthorized'],
    [404, 'not_found', false, 'not-found'],
  ] as const)('HTTP %s %s → retry %s (%s)', (status, name, retry, errorKind) => {
    const verdict = classifyFailure(http(status, name));
    expect(verdict).toMatchObject({ retry, errorKind });
    expect(verdict.detail).toContain(`HTTP ${status}`);
  });

  it('has a sentence for the team in Dutch and English for every kind of failure', () => {
    for (const kind of ERROR_KINDS) {
      expect(outboxNl.errorKinds[kind], kind).toMatch(/\w{3,}/);
      expect(outboxEn.errorKinds[kind], kind).toMatch(/\w{3,}/);
    }
  });

  it('retries time-outs and network errors', () => {
    expect(classifyFailure({ kind: 'timeout', afterMs: 10_000 })).toMatchObject({ retry: true, errorKind: 'timeout', detail: 'timeout after 10000 ms' });
    expect(classifyFailure({ kind: 'network', message: 'socket hang up' })).toMatchObject({ retry: true, errorKind: 'network' });
  });
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2019, 9, 28, 8);
  it('reads seconds and HTTP dates, ignores nonsense and the past, caps at 15 minutes', () => {
    expect(parseRetryAfter('5', now)).toBe(5000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter(new Date(now + 7000).toUTCString(), now)).toBe(7000);
    expect(parseRetryAfter(new Date(now - 7000).toUTCString(), now)).toBeNull();
    expect(parseRetryAfter('0', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('86400', now)).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe('pacing', () => {
  it('spaces sends to the rate and holds everything during a pause', () => {
    let state = initialPace();
    expect(nextStartAt(state, 1000, 5)).toBe(1000);
    state = { ...state, lastStartAt: 1000 };
    expect(nextStartAt(state, 1050, 5)).toBe(1200);
    expect(nextStartAt(state, 1300, 5)).toBe(1300);
    expect(nextStartAt(state, 1300, 0.5)).toBe(3000);
    state = pauseAfter(state, classifyFailure(http(429, 'rate_limit_exceeded', 5000)), 1300, 5);
    expect(state.pausedUntil).toBe(6300);
    expect(nextStartAt(state, 1400, 5)).toBe(6300);
    // A 429 without Retry-After still pauses (a second); a plain 500 does not.
    expect(pauseAfter(initialPace(), classifyFailure(http(429)), 0, 5).pausedUntil).toBe(1000);
    expect(pauseAfter(initialPace(), classifyFailure(http(500)), 0, 5).pausedUntil).toBe(0);
    expect(pauseAfter(initialPace(), classifyFailure(http(503, null, 2000)), 0, 5).pausedUntil).toBe(2000);
  });

  it('reads MAIL_RATE_PER_SECOND, 5 by default (what Resend allows a new account)', () => {
    expect(DEFAULT_RATE_PER_SECOND).toBe(5);
    expect(parseRatePerSecond(undefined)).toBe(5);
    expect(parseRatePerSecond('')).toBe(5);
    expect(parseRatePerSecond('2')).toBe(2);
    expect(parseRatePerSecond('0.5')).toBe(0.5);
    expect(() => parseRatePerSecond('0')).toThrow(/MAIL_RATE_PER_SECOND/);
    expect(() => parseRatePerSecond('fast')).toThrow(/MAIL_RATE_PER_SECOND/);
  });
});

describe('leases', () => {
  it('are short, beat three times per lease, and free a dead deliverer\'s rows well inside a minute', () => {
    expect(heartbeatEveryMs(DEFAULT_LEASE_MS)).toBe(5000);
    expect(heartbeatEveryMs(DEFAULT_LEASE_MS)).toBeLessThan(DEFAULT_SEND_TIMEOUT_MS);
    expect(worstRecoveryMs(DEFAULT_LEASE_MS, DEFAULT_LOOP_INTERVAL_MS)).toBeLessThanOrEqual(20_000);
  });
});

describe('workingDaysAhead (reminders)', () => {
  it('is two days on from Monday to Thursday', () => {
    const { from, until } = workingDaysAhead(amsterdam('2019-10-21T10:00:00+02:00')); // Monday
    expect(new Date(from).toISOString()).toBe('2019-10-22T22:00:00.000Z'); // Wednesday 00:00 CEST
    expect(until - from).toBe(24 * 3_600_000);
  });

  it('is Tuesday from Friday, Saturday and Sunday', () => {
    for (const day of ['2019-10-25T08:00:00+02:00', '2019-10-26T23:30:00+02:00', '2019-10-27T12:00:00+01:00']) {
      expect(new Date(workingDaysAhead(amsterdam(day)).from).toISOString()).toBe('2019-10-28T23:00:00.000Z');
    }
  });

  it('covers the weekend from Thursday, so a Saturday visit is reminded too', () => {
    // Thursday 24 October 2019 → Saturday 26 (CEST) up to Tuesday 29 (CET): across the change to winter time.
    const { from, until } = workingDaysAhead(amsterdam('2019-10-24T23:30:00+02:00'));
    expect(new Date(from).toISOString()).toBe('2019-10-25T22:00:00.000Z');
    expect(new Date(until).toISOString()).toBe('2019-10-28T23:00:00.000Z');
    // Friday 25 October → Tuesday; the 25-hour Sunday is skipped, not counted.
    const friday = workingDaysAhead(amsterdam('2019-10-25T00:10:00+02:00'));
    expect(new Date(friday.from).toISOString()).toBe('2019-10-28T23:00:00.000Z');
    expect(friday.until - friday.from).toBe(24 * 3_600_000);
  });

  it('skips public holidays: Easter 2020 and Christmas 2019', () => {
    // Wednesday 8 April 2020: Thursday 9 is the first working day, then Goede Vrijdag (10),
    // the weekend and Paasmaandag (13): the second is Tuesday 14. The window is Friday 10 to Tuesday 14.
    const easter = workingDaysAhead(amsterdam('2020-04-08T09:00:00+02:00'));
    expect(new Date(easter.from).toISOString()).toBe('2020-04-09T22:00:00.000Z');
    expect(new Date(easter.until).toISOString()).toBe('2020-04-14T22:00:00.000Z');
    // Thursday 9 April: Tuesday 14 is the first working day, Wednesday 15 the second.
    const thursday = workingDaysAhead(amsterdam('2020-04-09T09:00:00+02:00'));
    expect(new Date(thursday.from).toISOString()).toBe('2020-04-14T22:00:00.000Z');
    expect(thursday.until - thursday.from).toBe(24 * 3_600_000);
    // Monday 23 December 2019: Tuesday 24 is the first, Friday 27 the second (25 and 26 are Kerst).
    const christmas = workingDaysAhead(amsterdam('2019-12-23T09:00:00+01:00'));
    expect(new Date(christmas.from).toISOString()).toBe('2019-12-24T23:00:00.000Z');
    expect(new Date(christmas.until).toISOString()).toBe('2019-12-27T23:00:00.000Z');
  });

  it('gives every day of a year to exactly one working day', () => {
    const covered = new Map<number, number>();
    for (let day = Date.UTC(2019, 7, 1, 10); day < Date.UTC(2020, 7, 1, 10); day += 24 * 3_600_000) {
      const { from, until } = workingDaysAhead(day);
      covered.set(from, until);
    }
    const windows = [...covered.entries()].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < windows.length; i += 1) expect(windows[i]![0]).toBe(windows[i - 1]![1]);
  });
});

describe('parseMailbox', () => {
  it('reads "Name <address>" and a bare address', () => {
    expect(parseMailbox('STO Ondersteuning <ondersteuning@sto.example>')).toEqual({ name: 'STO Ondersteuning', email: 'ondersteuning@sto.example' });
    expect(parseMailbox('"Team, STO" <team@sto.example>')).toEqual({ name: 'Team, STO', email: 'team@sto.example' });
    expect(parseMailbox('team@sto.example')).toEqual({ name: 'team@sto.example', email: 'team@sto.example' });
  });
});
