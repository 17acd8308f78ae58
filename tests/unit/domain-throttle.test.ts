import { describe, expect, it } from 'vitest';
import { retryAfterSeconds, throttleWait, waitAfter } from '~/domain/throttle';

const MIN = 60_000;
const none = { count: 0, last: null };

describe('password throttle', () => {
  it('lets the free failures pass, then doubles the wait from a minute up to an hour', () => {
    expect(waitAfter({ count: 4, last: 0 }, 5, 0)).toBe(0);
    expect(waitAfter({ count: 5, last: 0 }, 5, 0)).toBe(MIN);
    expect(waitAfter({ count: 6, last: 0 }, 5, 0)).toBe(2 * MIN);
    expect(waitAfter({ count: 8, last: 0 }, 5, 0)).toBe(8 * MIN);
    expect(waitAfter({ count: 40, last: 0 }, 5, 0)).toBe(60 * MIN);
    expect(waitAfter({ count: 5, last: 0 }, 5, 45_000)).toBe(15_000);
    expect(waitAfter({ count: 5, last: 0 }, 5, MIN)).toBe(0);
  });

  it("holds back only addresses that failed on the account for the account's failures", () => {
    const account = { count: 50, last: 1000 };
    expect(throttleWait({ pair: none, address: none, account }, 2000)).toBe(0);
    expect(throttleWait({ pair: { count: 1, last: 500 }, address: { count: 1, last: 500 }, account }, 2000)).toBe(60 * MIN - 1000);
    expect(throttleWait({ pair: none, address: { count: 10, last: 2000 }, account: none }, 2000)).toBe(MIN);
  });

  it('gives Retry-After in whole seconds', () => {
    expect(retryAfterSeconds(59_001)).toBe(60);
    expect(retryAfterSeconds(1)).toBe(1);
  });
});
