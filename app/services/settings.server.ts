import { eq } from 'drizzle-orm';
import type { Queryable } from '~db/client';
import { settings } from '~db/schema';

export const DEFAULT_HALF_DAYS_PER_YEAR = 10;

/** The free support days a region gets per calendar year unless set otherwise, in half-days. */
export function getDefaultHalfDaysPerYear(db: Queryable): number {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'default_half_days_per_year')).get();
  return typeof row?.value === 'number' && Number.isInteger(row.value) && row.value >= 0 ? row.value : DEFAULT_HALF_DAYS_PER_YEAR;
}
