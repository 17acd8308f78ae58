/**
 * Which supporter fits a request best: a pure ranking of the candidates the service read. Every
 * suggestion carries its reasons, so the coordinator sees why someone ranks where they do.
 *
 * Never suggested at all: anyone who is not an active supporter, and anyone whose home region is the
 * request's region (conflict of interest). The rest are ranked by score, then by the fewest planned
 * half-days this year, then by name.
 */
import { DateTime } from 'luxon';
import { ZONE } from './time';

export type SuggestionCandidate = {
  id: number;
  name: string;
  role: string;
  active: boolean;
  homeRegionId: number | null;
  /** Theme keys the supporter can help with. */
  themes: readonly string[];
  /** Half-days of their planned visits in the current year (read-models supporterLoads). */
  plannedHalfDays: number;
  /** Their earlier non-cancelled visits in this region. */
  regionVisits: number;
  /** Other requests of this region they were assigned to. */
  regionRequests: number;
  /**
   * Visits and unavailability blocks of theirs within the preferred period; null when the request
   * has no period we can read.
   */
  busyInPeriod: number | null;
};

export type SuggestionContext = {
  regionId: number;
  /** The request's own theme (a speerpunt key), if any. */
  requestTheme: string | null;
  /** The region's speerpunten. */
  speerpunten: readonly string[];
};

export type SuggestionReason =
  | { kind: 'request_theme'; theme: string }
  | { kind: 'speerpunten'; themes: string[] }
  | { kind: 'knows_region'; visits: number; requests: number }
  | { kind: 'free_in_period' }
  | { kind: 'busy_in_period'; count: number }
  | { kind: 'load'; plannedHalfDays: number };

export type Suggestion = {
  supporterId: number;
  name: string;
  score: number;
  plannedHalfDays: number;
  reasons: SuggestionReason[];
};

/** Points per criterion; the load only breaks ties. */
export const SUGGESTION_WEIGHTS = {
  requestTheme: 4,
  /** Per matching speerpunt of the region, at most `maxSpeerpunten` of them. */
  speerpunt: 1,
  maxSpeerpunten: 3,
  knowsRegion: 2,
  freeInPeriod: 2,
} as const;

/** Candidates who may never be suggested: not an active supporter, or from the region itself. */
export function isEligible(candidate: SuggestionCandidate, regionId: number): boolean {
  return candidate.role === 'supporter' && candidate.active && candidate.homeRegionId !== regionId;
}

export function rankSupporters(candidates: readonly SuggestionCandidate[], context: SuggestionContext): Suggestion[] {
  const w = SUGGESTION_WEIGHTS;
  return candidates
    .filter((c) => isEligible(c, context.regionId))
    .map((c): Suggestion => {
      const reasons: SuggestionReason[] = [];
      let score = 0;
      if (context.requestTheme && c.themes.includes(context.requestTheme)) {
        score += w.requestTheme;
        reasons.push({ kind: 'request_theme', theme: context.requestTheme });
      }
      const speerpunten = context.speerpunten.filter((t) => t !== context.requestTheme && c.themes.includes(t));
      if (speerpunten.length > 0) {
        score += w.speerpunt * Math.min(speerpunten.length, w.maxSpeerpunten);
        reasons.push({ kind: 'speerpunten', themes: speerpunten });
      }
      if (c.regionVisits > 0 || c.regionRequests > 0) {
        score += w.knowsRegion;
        reasons.push({ kind: 'knows_region', visits: c.regionVisits, requests: c.regionRequests });
      }
      if (c.busyInPeriod === 0) {
        score += w.freeInPeriod;
        reasons.push({ kind: 'free_in_period' });
      } else if (c.busyInPeriod !== null) {
        reasons.push({ kind: 'busy_in_period', count: c.busyInPeriod });
      }
      reasons.push({ kind: 'load', plannedHalfDays: c.plannedHalfDays });
      return { supporterId: c.id, name: c.name, score, plannedHalfDays: c.plannedHalfDays, reasons };
    })
    .sort((a, b) => b.score - a.score || a.plannedHalfDays - b.plannedHalfDays || a.name.localeCompare(b.name, 'nl'));
}

/** A preferred period as the public form writes it: 'YYYY-MM-DD – YYYY-MM-DD', possibly followed by a note. */
export type PreferredPeriod = { from: string; until: string; startsAt: number; endsAt: number };

const PERIOD = /(\d{4}-\d{2}-\d{2})\s*[–—-]\s*(\d{4}-\d{2}-\d{2})/;

/**
 * Reads the dates out of the free-text preferred period: from the start of the first day to the end
 * of the last day in Amsterdam. Null when there are no two valid dates in order (then the
 * "free on the preferred dates" criterion is skipped).
 */
export function parsePreferredPeriod(text: string): PreferredPeriod | null {
  const m = PERIOD.exec(text);
  if (!m) return null;
  const [from, until] = [m[1]!, m[2]!];
  const start = DateTime.fromISO(from, { zone: ZONE });
  const end = DateTime.fromISO(until, { zone: ZONE });
  if (!start.isValid || !end.isValid || end < start) return null;
  return { from, until, startsAt: start.toMillis(), endsAt: end.plus({ days: 1 }).toMillis() };
}
