import { DateTime } from 'luxon';

/**
 * "Laatste ontwikkelingen": the decisions on a region's short public posts. Pure: handed the facts.
 */
export const DEVELOPMENT_LIMITS = { title: 120, body: 2000, link: 500 } as const;

/** Proposals a region contact may send from one status page per day. */
export const PROPOSALS_PER_REQUEST_PER_DAY = 3;

export type DevelopmentProblem = 'not_proposed' | 'region_not_public' | 'request_closed' | 'rate_limited' | 'unknown_region';

/** A link must be an absolute http(s) address: no javascript:, data: or relative links on a public page. */
export function isSafeLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/** A team decision on a proposal is only possible while it is still proposed. */
export function decideOnProposal(status: string): { ok: true } | { ok: false; problem: DevelopmentProblem } {
  return status === 'proposed' ? { ok: true } : { ok: false, problem: 'not_proposed' };
}

/** A contact may propose while the request is open or done (not withdrawn or declined) and the region is public. */
export function mayPropose(facts: { requestStatus: string; regionPublic: boolean }): { ok: true } | { ok: false; problem: DevelopmentProblem } {
  if (!facts.regionPublic) return { ok: false, problem: 'region_not_public' };
  if (facts.requestStatus === 'withdrawn' || facts.requestStatus === 'declined') return { ok: false, problem: 'request_closed' };
  return { ok: true };
}

/** A post's calendar date (YYYY-MM-DD) in words: '14 november 2019' / '14 November 2019'. */
export function formatIsoDate(date: string, lang: 'nl' | 'en'): string {
  const d = DateTime.fromISO(date, { zone: 'Europe/Amsterdam' });
  return d.isValid ? d.setLocale(lang === 'en' ? 'en-GB' : 'nl-NL').toFormat('d LLLL yyyy') : date;
}
