/**
 * Read models of "Regio's in beeld": the public map and list, a public region page, and the team's
 * map coloured by days and critical-friend visits. Filtering happens in SQL (the speerpunten are a
 * JSON array: json_each). Public models carry no contacts, days or visits.
 */
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '~db/client';
import { regions, type PlanStatus } from '~db/schema';
import { PUBLIC_PLAN_STATUSES, type MapFilters } from '~/domain/public-regions';
import { placeMarker, type MapPoint } from '~/geo/national-map.server';
import { allRegionsOverview } from './read-models.server';

export type PublicRegion = {
  id: number;
  registrationNumber: string;
  name: string;
  province: string;
  planStatus: PlanStatus;
  speerpunten: string[];
  /** Where its marker goes, or null when its main town is not known (it is then only in the list). */
  point: MapPoint | null;
};

const publicColumns = {
  id: regions.id,
  registrationNumber: regions.registrationNumber,
  name: regions.name,
  province: regions.province,
  planStatus: regions.planStatus,
  speerpunten: regions.speerpunten,
  latitude: regions.latitude,
  longitude: regions.longitude,
};

type Row = { latitude: number | null; longitude: number | null };

function withPoint<T extends Row>({ latitude, longitude, ...rest }: T): Omit<T, 'latitude' | 'longitude'> & { point: MapPoint | null } {
  return { ...rest, point: latitude === null || longitude === null ? null : placeMarker(longitude, latitude) };
}

const hasTheme = (theme: string): SQL => sql`exists (select 1 from json_each(${regions.speerpunten}) where json_each.value = ${theme})`;

function filterConditions(filters: MapFilters): SQL | undefined {
  return and(
    filters.theme ? hasTheme(filters.theme) : undefined,
    filters.province ? eq(regions.province, filters.province) : undefined,
    filters.planStatus ? eq(regions.planStatus, filters.planStatus) : undefined,
  );
}

const isPublic = inArray(regions.planStatus, [...PUBLIC_PLAN_STATUSES]);

/** The provinces that have a public region, for the filter. */
export function publicProvinces(db: Db): string[] {
  return db
    .selectDistinct({ province: regions.province })
    .from(regions)
    .where(isPublic)
    .all()
    .map((r) => r.province)
    .sort((a, b) => a.localeCompare(b, 'nl'));
}

export type PublicMap = { regions: PublicRegion[]; total: number };

/** The approved regions that match the filters, by name; the map and the list show exactly these. */
export function publicMap(db: Db, filters: MapFilters): PublicMap {
  const rows = db
    .select(publicColumns)
    .from(regions)
    .where(and(isPublic, filterConditions(filters)))
    .orderBy(asc(regions.name))
    .all();
  const total = db.select({ n: count() }).from(regions).where(isPublic).get()?.n ?? 0;
  return { regions: rows.map(withPoint), total };
}

export type PublicRegionPage = {
  region: Omit<PublicRegion, 'point'>;
  /** Per speerpunt of this region, the other public regions that work on it. */
  alsoOn: Array<{ theme: string; regions: Array<{ registrationNumber: string; name: string }> }>;
};

/** A public region by registration number (any case), or null when there is none or it is not public. */
export function publicRegionPage(db: Db, registrationNumber: string): PublicRegionPage | null {
  const row = db
    .select(publicColumns)
    .from(regions)
    .where(and(isPublic, eq(regions.registrationNumber, registrationNumber.toUpperCase())))
    .get();
  if (!row) return null;
  const { latitude: _lat, longitude: _lon, ...region } = row;
  const themes = region.speerpunten;
  const statuses = sql.join(
    PUBLIC_PLAN_STATUSES.map((st) => sql`${st}`),
    sql`, `,
  );
  const wanted = sql.join(
    themes.map((th) => sql`${th}`),
    sql`, `,
  );
  const others = themes.length
    ? db.all<{ theme: string; registrationNumber: string; name: string }>(
        sql`select j.value as theme, r.registration_number as registrationNumber, r.name as name
            from ${regions} r, json_each(r.speerpunten) j
            where r.plan_status in (${statuses}) and r.id <> ${region.id} and j.value in (${wanted})
            order by r.name`,
      )
    : [];
  return {
    region,
    alsoOn: themes.map((theme) => ({
      theme,
      regions: others.filter((o) => o.theme === theme).map(({ registrationNumber: n, name }) => ({ registrationNumber: n, name })),
    })),
  };
}

export type TeamMapRegion = PublicRegion & {
  remaining: number;
  allotted: number;
  criticalFriendUsed: number;
  criticalFriendCap: number | null;
};

/** Every region (any plan status) matching the filters, with this year's days and critical-friend visits. */
export function teamMap(db: Db, year: number, filters: MapFilters): TeamMapRegion[] {
  const rows = db.select(publicColumns).from(regions).where(filterConditions(filters)).orderBy(asc(regions.name)).all();
  const ledgers = new Map(allRegionsOverview(db, year).map((l) => [l.regionId, l]));
  return rows.map((row) => {
    const ledger = ledgers.get(row.id)!;
    return {
      ...withPoint(row),
      remaining: ledger.remaining,
      allotted: ledger.allotted,
      criticalFriendUsed: ledger.criticalFriendUsed,
      criticalFriendCap: ledger.criticalFriendCap,
    };
  });
}

/** Every province that has a region, for the team's filter. */
export function allProvinces(db: Db): string[] {
  return db
    .selectDistinct({ province: regions.province })
    .from(regions)
    .all()
    .map((r) => r.province)
    .sort((a, b) => a.localeCompare(b, 'nl'));
}
