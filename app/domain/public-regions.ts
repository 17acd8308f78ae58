/**
 * What the public pages about regions may show, and the filters of the map. Client-safe: no
 * database imports. Only regions with an approved plan (including "lichtgroen": may start) are
 * public; contacts, days and visits never are.
 */
import { isThemeKey, type ThemeKey } from './themes';

/** The plan statuses (db/schema PLAN_STATUSES) that make a region public. */
export const PUBLIC_PLAN_STATUSES = ['approved_2019_07', 'approved_2019_12', 'lichtgroen'] as const;
export type PublicPlanStatus = (typeof PUBLIC_PLAN_STATUSES)[number];

export function isPublicPlanStatus(value: string): value is PublicPlanStatus {
  return (PUBLIC_PLAN_STATUSES as readonly string[]).includes(value);
}

export type MapFilters = { theme?: ThemeKey; province?: string; planStatus?: PublicPlanStatus };

/** Reads the map's GET form (speerpunt, provincie, status); unknown values are ignored, not errors. */
export function parseMapFilters(params: URLSearchParams, provinces: readonly string[]): MapFilters {
  const theme = params.get('speerpunt') ?? '';
  const province = params.get('provincie') ?? '';
  const status = params.get('status') ?? '';
  return {
    theme: isThemeKey(theme) ? theme : undefined,
    province: provinces.includes(province) ? province : undefined,
    planStatus: isPublicPlanStatus(status) ? status : undefined,
  };
}

/** The team map's colouring. */
export const TEAM_MAP_COLOURINGS = ['days', 'criticalFriend'] as const;
export type TeamMapColouring = (typeof TEAM_MAP_COLOURINGS)[number];

export type Tone = 'none' | 'low' | 'some' | 'full';

/** Days left this year (half-days) as a tone: none left, one day or less, more. */
export function daysTone(remainingHalfDays: number): Tone {
  if (remainingHalfDays <= 0) return 'none';
  if (remainingHalfDays <= 2) return 'low';
  return 'full';
}

/** Critical-friend visits used of the cap: none used (full), some, all used (none left). */
export function criticalFriendTone(used: number, cap: number | null): Tone {
  if (cap === null) return 'full';
  if (used >= cap) return 'none';
  if (used > 0) return 'some';
  return 'full';
}
