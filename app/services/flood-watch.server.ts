/**
 * Suspected floods of the public request form. No region's form is ever shut by what anonymous
 * visitors send (each address and each e-mail address has its own limit, see submitRequest); instead
 * the team sees a region that received unusually many requests in the last day, on the dashboard.
 */
import { desc, eq, gte, sql } from 'drizzle-orm';
import type { Queryable } from '~db/client';
import { regions, supportRequests } from '~db/schema';

/** More requests than this for one region within a day is unusual (a region asks a few a year). */
export const FLOOD_THRESHOLD_PER_DAY = 8;
const DAY = 24 * 60 * 60 * 1000;

export type SuspectedFlood = { regionId: number; regionName: string; registrationNumber: string; requests: number };

export function suspectedFloods(db: Queryable, now: number): SuspectedFlood[] {
  const count = sql<number>`count(*)`;
  return db
    .select({ regionId: regions.id, regionName: regions.name, registrationNumber: regions.registrationNumber, requests: count })
    .from(supportRequests)
    .innerJoin(regions, eq(regions.id, supportRequests.regionId))
    .where(gte(supportRequests.createdAt, now - DAY))
    .groupBy(regions.id)
    .having(sql`count(*) > ${FLOOD_THRESHOLD_PER_DAY}`)
    .orderBy(desc(count))
    .limit(20)
    .all();
}
