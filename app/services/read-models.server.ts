/**
 * What the screens read: a region's ledger, every region at once (a fixed handful of grouped
 * queries, never one per region), and a supporter's visits and load.
 */
import { and, asc, count, eq, gt, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db, Queryable } from '~db/client';
import { dayAdjustments, dayAllotments, regions, supportRequests, supportTypes, users, visits } from '~db/schema';
import { allottedHalfDays, withRemaining, type Ledger } from '~/domain/ledger';
import { defaultHalfDaysPerYear, NotFoundError } from './common.server';

export const CRITICAL_FRIEND_KEY = 'critical_friend';

export type RegionLedger = Ledger & {
  regionId: number;
  regionName: string;
  registrationNumber: string;
  year: number;
  /** Planned + held critical-friend visits (any year: the cap is per region). */
  criticalFriendUsed: number;
  /** null when there is no critical-friend type or it has no cap. */
  criticalFriendCap: number | null;
  /** Requests still being handled: submitted or accepted. */
  openRequests: number;
};

/** Region id → value, from rows grouped by region. */
function byRegion<T extends { regionId: number }, V>(rows: T[], value: (row: T) => V): Map<number, V> {
  return new Map(rows.map((row) => [row.regionId, value(row)]));
}

/** The overview for every region, or for one when `onlyRegionId` is given: seven queries either way. */
function regionLedgers(tx: Queryable, year: number, onlyRegionId?: number): RegionLedger[] {
  /** Narrows a query to the one region, when asked; `and()` drops the undefined otherwise. */
  const only = (column: SQLiteColumn, condition: SQL | undefined) =>
    and(onlyRegionId === undefined ? undefined : eq(column, onlyRegionId), condition);

  const regionRows = tx
    .select({ regionId: regions.id, regionName: regions.name, registrationNumber: regions.registrationNumber })
    .from(regions)
    .where(only(regions.id, undefined))
    .orderBy(asc(regions.registrationNumber))
    .all();
  const defaultHalfDays = defaultHalfDaysPerYear(tx);

  const allotments = byRegion(
    tx
      .select({ regionId: dayAllotments.regionId, halfDays: dayAllotments.halfDays })
      .from(dayAllotments)
      .where(only(dayAllotments.regionId, eq(dayAllotments.year, year)))
      .all(),
    (r) => r.halfDays,
  );
  const adjustments = byRegion(
    tx
      .select({ regionId: dayAdjustments.regionId, total: sql<number>`sum(${dayAdjustments.deltaHalfDays})` })
      .from(dayAdjustments)
      .where(only(dayAdjustments.regionId, eq(dayAdjustments.year, year)))
      .groupBy(dayAdjustments.regionId)
      .all(),
    (r) => r.total,
  );
  const booked = byRegion(
    tx
      .select({
        regionId: visits.regionId,
        planned: sql<number>`coalesce(sum(case when ${visits.status} = 'planned' then ${visits.halfDays} end), 0)`,
        used: sql<number>`coalesce(sum(case when ${visits.status} = 'held' then ${visits.halfDays} end), 0)`,
      })
      .from(visits)
      .where(only(visits.regionId, and(eq(visits.ledgerYear, year), inArray(visits.status, ['planned', 'held']))))
      .groupBy(visits.regionId)
      .all(),
    (r) => ({ planned: r.planned, used: r.used }),
  );

  const criticalFriend = tx
    .select({ id: supportTypes.id, cap: supportTypes.capPerRegion })
    .from(supportTypes)
    .where(eq(supportTypes.key, CRITICAL_FRIEND_KEY))
    .get();
  const criticalFriendCounts = criticalFriend
    ? byRegion(
        tx
          .select({ regionId: visits.regionId, n: count() })
          .from(visits)
          .where(
            only(
              visits.regionId,
              and(eq(visits.supportTypeId, criticalFriend.id), inArray(visits.status, ['planned', 'held'])),
            ),
          )
          .groupBy(visits.regionId)
          .all(),
        (r) => r.n,
      )
    : new Map<number, number>();
  const openRequests = byRegion(
    tx
      .select({ regionId: supportRequests.regionId, n: count() })
      .from(supportRequests)
      .where(only(supportRequests.regionId, inArray(supportRequests.status, ['submitted', 'accepted'])))
      .groupBy(supportRequests.regionId)
      .all(),
    (r) => r.n,
  );

  return regionRows.map((region) => {
    const { planned, used } = booked.get(region.regionId) ?? { planned: 0, used: 0 };
    const allotted = allottedHalfDays({
      allotmentHalfDays: allotments.get(region.regionId) ?? null,
      defaultHalfDays,
      adjustmentsHalfDays: adjustments.get(region.regionId) ?? 0,
    });
    return {
      ...region,
      year,
      ...withRemaining({ allotted, planned, used }),
      criticalFriendUsed: criticalFriendCounts.get(region.regionId) ?? 0,
      criticalFriendCap: criticalFriend?.cap ?? null,
      openRequests: openRequests.get(region.regionId) ?? 0,
    };
  });
}

/** A region's days for the year (half-days), its critical-friend visits of the cap, its open requests. */
export function regionLedger(db: Db, regionId: number, year: number): RegionLedger {
  const [row] = regionLedgers(db, year, regionId);
  if (!row) throw new NotFoundError('region', regionId);
  return row;
}

/** The same figures for every region, ordered by registration number. */
export function allRegionsOverview(db: Db, year: number): RegionLedger[] {
  return regionLedgers(db, year);
}

export type SupporterVisit = {
  id: number;
  requestId: number;
  regionId: number;
  regionName: string;
  supportTypeKey: string;
  supportTypeNameNl: string;
  supportTypeNameEn: string;
  startsAt: number;
  endsAt: number;
  location: string;
  halfDays: number;
  status: 'planned' | 'held' | 'cancelled';
  calendarUid: string;
  sequence: number;
};

/** The supporter's visits overlapping [fromMs, toMs), earliest first; cancelled ones only on request. */
export function supporterVisits(
  db: Db,
  supporterId: number,
  fromMs: number,
  toMs: number,
  options: { includeCancelled?: boolean } = {},
): SupporterVisit[] {
  return db
    .select({
      id: visits.id,
      requestId: visits.requestId,
      regionId: visits.regionId,
      regionName: regions.name,
      supportTypeKey: supportTypes.key,
      supportTypeNameNl: supportTypes.nameNl,
      supportTypeNameEn: supportTypes.nameEn,
      startsAt: visits.startsAt,
      endsAt: visits.endsAt,
      location: visits.location,
      halfDays: visits.halfDays,
      status: visits.status,
      calendarUid: visits.calendarUid,
      sequence: visits.sequence,
    })
    .from(visits)
    .innerJoin(regions, eq(regions.id, visits.regionId))
    .innerJoin(supportTypes, eq(supportTypes.id, visits.supportTypeId))
    .where(
      and(
        eq(visits.supporterId, supporterId),
        lt(visits.startsAt, toMs),
        gt(visits.endsAt, fromMs),
        options.includeCancelled ? undefined : ne(visits.status, 'cancelled'),
      ),
    )
    .orderBy(asc(visits.startsAt))
    .all();
}

/** Half-days of the supporter's planned (not yet held) visits in that ledger year. */
export function supporterPlannedHalfDays(db: Db, supporterId: number, year: number): number {
  const row = db
    .select({ total: sql<number>`coalesce(sum(${visits.halfDays}), 0)` })
    .from(visits)
    .where(and(eq(visits.supporterId, supporterId), eq(visits.ledgerYear, year), eq(visits.status, 'planned')))
    .get();
  return row?.total ?? 0;
}

export type SupporterLoad = {
  supporterId: number;
  name: string;
  active: boolean;
  homeRegionId: number | null;
  plannedVisits: number;
  heldVisits: number;
  plannedHalfDays: number;
  usedHalfDays: number;
};

/** Every supporter's visits and half-days in the ledger year, in one grouped query. */
export function supporterLoads(db: Db, year: number): SupporterLoad[] {
  const planned = sql`${visits.status} = 'planned'`;
  const held = sql`${visits.status} = 'held'`;
  return db
    .select({
      supporterId: users.id,
      name: users.name,
      active: users.active,
      homeRegionId: users.homeRegionId,
      plannedVisits: sql<number>`count(case when ${planned} then 1 end)`,
      heldVisits: sql<number>`count(case when ${held} then 1 end)`,
      plannedHalfDays: sql<number>`coalesce(sum(case when ${planned} then ${visits.halfDays} end), 0)`,
      usedHalfDays: sql<number>`coalesce(sum(case when ${held} then ${visits.halfDays} end), 0)`,
    })
    .from(users)
    .leftJoin(visits, and(eq(visits.supporterId, users.id), eq(visits.ledgerYear, year)))
    .where(eq(users.role, 'supporter'))
    .groupBy(users.id)
    .orderBy(asc(users.name))
    .all();
}
