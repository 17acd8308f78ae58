/**
 * The days ledger of one region for one Amsterdam calendar year, in integer half-days:
 * remaining = allotted − planned − used.
 */

/** Five days a year unless the team says otherwise (settings `default_half_days_per_year`). */
export const DEFAULT_HALF_DAYS_PER_YEAR = 10;

export const DEFAULT_HALF_DAYS_SETTING = 'default_half_days_per_year';

export type LedgerFigures = {
  /** The allotment (own row or the default) plus every adjustment. */
  allotted: number;
  /** Half-days of planned visits (booked, not yet held). */
  planned: number;
  /** Half-days of held visits. */
  used: number;
};

export type Ledger = LedgerFigures & { remaining: number };

/** The stored setting, if it is a whole number of half-days ≥ 0; otherwise the built-in default. */
export function defaultHalfDaysFromSetting(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : DEFAULT_HALF_DAYS_PER_YEAR;
}

/** The region's own allotment row wins over the default; adjustments come on top of either. */
export function allottedHalfDays(input: {
  allotmentHalfDays: number | null;
  defaultHalfDays: number;
  adjustmentsHalfDays: number;
}): number {
  return (input.allotmentHalfDays ?? input.defaultHalfDays) + input.adjustmentsHalfDays;
}

export function remainingHalfDays(figures: LedgerFigures): number {
  return figures.allotted - figures.planned - figures.used;
}

export function withRemaining(figures: LedgerFigures): Ledger {
  return { ...figures, remaining: remainingHalfDays(figures) };
}

/** The ledger without one planned visit (when that visit is being moved). */
export function withoutPlannedVisit(figures: LedgerFigures, halfDays: number): LedgerFigures {
  return { ...figures, planned: figures.planned - halfDays };
}
