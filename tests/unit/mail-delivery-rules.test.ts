import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKOFF, retryDelayMs } from '~/mail/deliver.server';
import { parseMailbox } from '~/mail/mail-config.server';
import { classifyResendError } from '~/mail/transports.server';
import { workingDaysAhead } from '~/mail/working-days';

const amsterdam = (iso: string) => new Date(iso).getTime();

describe('retryDelayMs', () => {
  it('doubles from 30 s with jitter between half and all of it, capped at an hour', () => {
    expect(retryDelayMs(1, DEFAULT_BACKOFF, () => 0)).toBe(15_000);
    expect(retryDelayMs(1, DEFAULT_BACKOFF, () => 0.999999)).toBeCloseTo(30_000, -1);
    expect(retryDelayMs(2, DEFAULT_BACKOFF, () => 0)).toBe(30_000);
    expect(retryDelayMs(4, DEFAULT_BACKOFF, () => 0.5)).toBe(180_000);
    expect(retryDelayMs(20, DEFAULT_BACKOFF, () => 0.999999)).toBeLessThanOrEqual(3_600_000);
    expect(retryDelayMs(20, DEFAULT_BACKOFF, () => 0)).toBe(1_800_000);
  });
});

describe('classifyResendError', () => {
  it.each([
    [429, 'rate_limit_exceeded', true],
    [500, 'internal_server_error', true],
    [503, 'application_error', true],
    [null, 'application_error', true],
    [409, 'concurrent_idempotent_requests', true],
    [409, 'invalid_idempotent_request', false],
    [422, 'validation_error', false],
    [403, 'invalid_from_address', false],
    [401, 'missing_api_key', false],
    [null, 'invalid_parameter', false],
  ] as const)('%s %s → retryable %s', (statusCode, name, retryable) => {
    const result = classifyResendError({ statusCode, name, message: 'm' });
    expect(result.retryable).toBe(retryable);
    expect(result.error).toContain(name);
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

  it('counts Amsterdam days across the change to winter time', () => {
    // Thursday 24 October 2019 → Monday 28 October (CET), the window is 24 h long.
    const { from, until } = workingDaysAhead(amsterdam('2019-10-24T23:30:00+02:00'));
    expect(new Date(from).toISOString()).toBe('2019-10-27T23:00:00.000Z');
    expect(until - from).toBe(24 * 3_600_000);
    // Friday 25 October → Tuesday; Saturday 26 → Tuesday: the 25-hour Sunday is skipped, not counted.
    const friday = workingDaysAhead(amsterdam('2019-10-25T00:10:00+02:00'));
    expect(new Date(friday.from).toISOString()).toBe('2019-10-28T23:00:00.000Z');
  });
});

describe('parseMailbox', () => {
  it('reads "Name <address>" and a bare address', () => {
    expect(parseMailbox('STO Ondersteuning <ondersteuning@sto.example>')).toEqual({ name: 'STO Ondersteuning', email: 'ondersteuning@sto.example' });
    expect(parseMailbox('"Team, STO" <team@sto.example>')).toEqual({ name: 'Team, STO', email: 'team@sto.example' });
    expect(parseMailbox('team@sto.example')).toEqual({ name: 'team@sto.example', email: 'team@sto.example' });
  });
});
