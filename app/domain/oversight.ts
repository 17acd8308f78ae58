/**
 * Pure pieces of the coordinators' oversight pages: the regions overview's filters and sort orders,
 * and which month or week the calendar shows (Europe/Amsterdam). No I/O: `now` is handed in.
 */
import { DateTime } from 'luxon';
import { ZONE } from './time';

// ---------------------------------------------------------------------------------------------
// Regions overview
// ---------------------------------------------------------------------------------------------

export const DAYS_LEFT_FILTERS = ['none', 'low', 'more'] as const;
export type DaysLeftFilter = (typeof DAYS_LEFT_FILTERS)[number];
export const REGION_SORTS = ['number', 'name', 'province', 'left', '-left', 'open'] as const;
export type RegionSort = (typeof REGION_SORTS)[number];

export type RegionFilters = {
  province?: string;
  planStatus?: string;
  theme?: string;
  daysLeft?: DaysLeftFilter;
  sort?: RegionSort;
};

/** Half-days: "low" is one day or less left. */
const LOW_DAYS = 2;

export function matchesDaysLeft(remaining: number, filter: DaysLeftFilter): boolean {
  if (filter === 'none') return remaining <= 0;
  if (filter === 'low') return remaining > 0 && remaining <= LOW_DAYS;
  return remaining > LOW_DAYS;
}

/** What filtering and sorting a region row needs. */
export type RegionRowFacts = {
  registrationNumber: string;
  regionName: string;
  province: string;
  planStatus: string;
  speerpunten: readonly string[];
  /** Half-days left this year. */
  remaining: number;
  openRequests: number;
};

/** Filters and sorts the overview rows. Ties keep the registration-number order. */
export function filterAndSortRegions<T extends RegionRowFacts>(rows: readonly T[], filters: RegionFilters): T[] {
  const kept = rows.filter(
    (r) =>
      (!filters.province || r.province === filters.province) &&
      (!filters.planStatus || r.planStatus === filters.planStatus) &&
      (!filters.theme || r.speerpunten.includes(filters.theme)) &&
      (!filters.daysLeft || matchesDaysLeft(r.remaining, filters.daysLeft)),
  );
  const byNumber = (a: RegionRowFacts, b: RegionRowFacts) => a.registrationNumber.localeCompare(b.registrationNumber);
  const compare: Record<RegionSort, (a: RegionRowFacts, b: RegionRowFacts) => number> = {
    number: byNumber,
    name: (a, b) => a.regionName.localeCompare(b.regionName, 'nl') || byNumber(a, b),
    province: (a, b) => a.province.localeCompare(b.province, 'nl') || a.regionName.localeCompare(b.regionName, 'nl'),
    left: (a, b) => a.remaining - b.remaining || byNumber(a, b),
    '-left': (a, b) => b.remaining - a.remaining || byNumber(a, b),
    open: (a, b) => b.openRequests - a.openRequests || byNumber(a, b),
  };
  return [...kept].sort(compare[filters.sort ?? 'number']);
}

// ---------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------

export const CALENDAR_VIEWS = ['month', 'week', 'list'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export type CalendarPeriod = {
  view: CalendarView;
  /** [from, to) as instants. */
  from: number;
  to: number;
  /** The period's own `date` parameter, and those of the previous and next period. */
  date: string;
  prev: string;
  next: string;
  /** First day (Monday) of the grid and the number of days in it (month: whole weeks). */
  gridStart: string;
  gridDays: number;
  /** The month (yyyy-MM) the period is about, to dim days outside it in the month grid. */
  month: string;
};

const MONTH_PARAM = /^(\d{4})-(\d{2})$/;
const DAY_PARAM = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The month or week to show: `date` is yyyy-MM (month, list) or yyyy-MM-dd (week); anything else is today. */
export function calendarPeriod(view: CalendarView, date: string | null, now: number): CalendarPeriod {
  const today = DateTime.fromMillis(now, { zone: ZONE }).startOf('day');
  let anchor = today;
  const month = date ? MONTH_PARAM.exec(date) : null;
  const day = date ? DAY_PARAM.exec(date) : null;
  const inRange = (y: number) => y >= 2000 && y <= 2100;
  if (month && inRange(Number(month[1]))) {
    const d = DateTime.fromObject({ year: Number(month[1]), month: Number(month[2]), day: 1 }, { zone: ZONE });
    if (d.isValid) anchor = d;
  } else if (day && inRange(Number(day[1]))) {
    const d = DateTime.fromObject({ year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) }, { zone: ZONE });
    if (d.isValid) anchor = d;
  }

  if (view === 'week') {
    const start = anchor.startOf('week');
    const end = start.plus({ weeks: 1 });
    return {
      view,
      from: start.toMillis(),
      to: end.toMillis(),
      date: start.toISODate()!,
      prev: start.minus({ weeks: 1 }).toISODate()!,
      next: end.toISODate()!,
      gridStart: start.toISODate()!,
      gridDays: 7,
      month: start.toFormat('yyyy-MM'),
    };
  }
  const start = anchor.startOf('month');
  const end = start.plus({ months: 1 });
  const gridStart = start.startOf('week');
  const gridEnd = end.minus({ days: 1 }).endOf('week').plus({ milliseconds: 1 });
  return {
    view,
    from: start.toMillis(),
    to: end.toMillis(),
    date: start.toFormat('yyyy-MM'),
    prev: start.minus({ months: 1 }).toFormat('yyyy-MM'),
    next: end.toFormat('yyyy-MM'),
    gridStart: gridStart.toISODate()!,
    gridDays: Math.round(gridEnd.diff(gridStart, 'days').days),
    month: start.toFormat('yyyy-MM'),
  };
}
