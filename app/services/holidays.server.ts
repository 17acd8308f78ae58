/**
 * Holidays: the facts the planning rules need (a zone's school holidays around a slot, the public
 * holidays from the library), and the region's holiday zone, set by a coordinator (audited).
 */
import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Db, Queryable } from '~db/client';
import { regions, schoolHolidays } from '~db/schema';
import {
  defaultZoneForProvince,
  isHolidayZone,
  regionZone,
  slotDateRange,
  type HolidayZone,
  type PublicHoliday,
  type SchoolHoliday,
} from '~/domain/holidays';
import { checkSchoolHoliday, parseRijksoverheidJson, type HolidayProblem, type SchoolHolidayEntry } from '~/domain/holiday-import';
import { publicHolidaysBetween } from '~/domain/public-holidays';
import { NotFoundError, perConnection, writeAudit, type Actor } from './common.server';

const p = sql.placeholder;

const holidayColumns = {
  zone: schoolHolidays.zone,
  name: schoolHolidays.name,
  startDate: schoolHolidays.startDate,
  endDate: schoolHolidays.endDate,
};

const statements = perConnection((q) => ({
  // school_holidays_zone_dates_idx: a zone's holidays starting on or before the range's end and
  // ending on or after its start (no holiday is longer than a summer, so the scan is short).
  zoneOverlapping: q
    .select(holidayColumns)
    .from(schoolHolidays)
    .where(and(eq(schoolHolidays.zone, p('zone')), lte(schoolHolidays.startDate, p('to')), gte(schoolHolidays.endDate, p('from'))))
    .orderBy(asc(schoolHolidays.startDate))
    .prepare(),
}));

/** A zone's school holidays that overlap [from, to] (ISO dates, inclusive). */
export function schoolHolidaysOfZone(q: Queryable, zone: HolidayZone | null, from: string, to: string): SchoolHoliday[] {
  if (zone === null) return [];
  return statements(q).zoneOverlapping.all({ zone, from, to });
}

/** Every zone's school holidays that overlap [from, to], for the agenda. */
export function schoolHolidaysBetween(q: Queryable, from: string, to: string): SchoolHoliday[] {
  return q
    .select(holidayColumns)
    .from(schoolHolidays)
    .where(and(lte(schoolHolidays.startDate, to), gte(schoolHolidays.endDate, from)))
    .orderBy(asc(schoolHolidays.startDate), asc(schoolHolidays.zone))
    .all();
}

export type HolidayFacts = {
  zone: HolidayZone | null;
  schoolHolidays: SchoolHoliday[];
  publicHolidays: PublicHoliday[];
};

/** What decideHolidays needs for a slot in a region, read inside the caller's transaction. */
export function holidayFactsForSlot(
  q: Queryable,
  region: { province: string; holidayZone: HolidayZone | null },
  slot: { startsAt: number; endsAt: number },
): HolidayFacts {
  const zone = regionZone(region);
  const { from, to } = slotDateRange(slot);
  return { zone, schoolHolidays: schoolHolidaysOfZone(q, zone, from, to), publicHolidays: publicHolidaysBetween(from, to) };
}

/** What decideHolidays needs for a date range in a zone (the request form, the suggestions). */
export function holidayFactsForRange(q: Queryable, zone: HolidayZone | null, from: string, to: string): HolidayFacts {
  return { zone, schoolHolidays: schoolHolidaysOfZone(q, zone, from, to), publicHolidays: publicHolidaysBetween(from, to) };
}

// ---------------------------------------------------------------------------------------------
// The region's zone

export type SetZoneInput = Actor & { regionId: number; zone: HolidayZone | 'default' };
export type SetZoneResult = { ok: true; zone: HolidayZone | null; changed: boolean } | { ok: false; problem: 'invalid_zone' };

/**
 * Sets the region's own holiday zone, or 'default' to follow its province again. Audited with the
 * zone before and after (both the stored value and the zone in effect).
 */
export function setRegionHolidayZone(db: Db, input: SetZoneInput): SetZoneResult {
  if (input.zone !== 'default' && !isHolidayZone(input.zone)) return { ok: false, problem: 'invalid_zone' };
  return db.transaction((tx): SetZoneResult => {
    const region = tx
      .select({ id: regions.id, province: regions.province, holidayZone: regions.holidayZone })
      .from(regions)
      .where(eq(regions.id, input.regionId))
      .get();
    if (!region) throw new NotFoundError('region', input.regionId);
    const stored = input.zone === 'default' ? null : input.zone;
    if (stored === region.holidayZone) return { ok: true, zone: regionZone(region), changed: false };
    tx.update(regions).set({ holidayZone: stored }).where(eq(regions.id, region.id)).run();
    const after = { ...region, holidayZone: stored };
    writeAudit(tx, input, {
      action: 'region.holiday_zone_set',
      entityType: 'region',
      entityId: region.id,
      regionId: region.id,
      before: { holidayZone: region.holidayZone, zoneInEffect: regionZone(region) },
      after: { holidayZone: stored, zoneInEffect: regionZone(after), provinceDefault: defaultZoneForProvince(region.province) },
    });
    return { ok: true, zone: regionZone(after), changed: true };
  }, { behavior: 'immediate' });
}

export type RegionZoneView = {
  province: string;
  holidayZone: HolidayZone | null;
  zoneInEffect: HolidayZone | null;
  provinceDefault: HolidayZone | null;
};

/** The region page's view of its zone: what is stored, what is in effect, the province's default. */
export function regionZoneView(q: Queryable, regionId: number): RegionZoneView | null {
  const row = q.select({ province: regions.province, holidayZone: regions.holidayZone }).from(regions).where(eq(regions.id, regionId)).get();
  if (!row) return null;
  return { ...row, zoneInEffect: regionZone(row), provinceDefault: defaultZoneForProvince(row.province) };
}

// ---------------------------------------------------------------------------------------------
// The coordinators' school-holiday settings: add, edit, remove, import (each audited)

export type StoredSchoolHoliday = SchoolHolidayEntry & { id: number };

const storedColumns = {
  id: schoolHolidays.id,
  schoolYear: schoolHolidays.schoolYear,
  zone: schoolHolidays.zone,
  name: schoolHolidays.name,
  startDate: schoolHolidays.startDate,
  endDate: schoolHolidays.endDate,
  compulsory: schoolHolidays.compulsory,
};

/** The school years that have holidays, newest first. */
export function schoolYearsWithHolidays(q: Queryable): string[] {
  return q
    .selectDistinct({ y: schoolHolidays.schoolYear })
    .from(schoolHolidays)
    .orderBy(desc(schoolHolidays.schoolYear))
    .all()
    .map((r) => r.y);
}

/** One school year's holidays, by start date and zone (the settings page's read model). */
export function schoolHolidaysOfYear(q: Queryable, schoolYear: string): StoredSchoolHoliday[] {
  return q
    .select(storedColumns)
    .from(schoolHolidays)
    .where(eq(schoolHolidays.schoolYear, schoolYear))
    .orderBy(asc(schoolHolidays.startDate), asc(schoolHolidays.zone))
    .all();
}

export function schoolHolidayById(q: Queryable, id: number): StoredSchoolHoliday | null {
  return q.select(storedColumns).from(schoolHolidays).where(eq(schoolHolidays.id, id)).get() ?? null;
}

function storedOfZone(q: Queryable, zone: HolidayZone, exceptId: number | null): SchoolHolidayEntry[] {
  return q
    .select(storedColumns)
    .from(schoolHolidays)
    .where(exceptId === null ? eq(schoolHolidays.zone, zone) : and(eq(schoolHolidays.zone, zone), ne(schoolHolidays.id, exceptId)))
    .all();
}

export type HolidayWriteResult = { ok: true; id: number } | { ok: false; problems: HolidayProblem[] } | { ok: false; notFound: true };

const clean = (e: SchoolHolidayEntry): SchoolHolidayEntry => ({ ...e, name: e.name.trim(), schoolYear: e.schoolYear.trim() });

export function addSchoolHoliday(db: Db, input: Actor & { entry: SchoolHolidayEntry }): HolidayWriteResult {
  const entry = clean(input.entry);
  return db.transaction((tx): HolidayWriteResult => {
    const problems = checkSchoolHoliday(entry, isHolidayZone(entry.zone) ? storedOfZone(tx, entry.zone, null) : []);
    if (problems.length > 0) return { ok: false, problems };
    const row = tx
      .insert(schoolHolidays)
      .values({ ...entry, createdAt: input.now, updatedAt: input.now })
      .returning({ id: schoolHolidays.id })
      .get();
    writeAudit(tx, input, { action: 'school_holiday.added', entityType: 'school_holiday', entityId: row.id, regionId: null, after: entry });
    return { ok: true, id: row.id };
  }, { behavior: 'immediate' });
}

export function updateSchoolHoliday(db: Db, input: Actor & { id: number; entry: SchoolHolidayEntry }): HolidayWriteResult {
  const entry = clean(input.entry);
  return db.transaction((tx): HolidayWriteResult => {
    const before = schoolHolidayById(tx, input.id);
    if (!before) return { ok: false, notFound: true };
    const problems = checkSchoolHoliday(entry, isHolidayZone(entry.zone) ? storedOfZone(tx, entry.zone, input.id) : []);
    if (problems.length > 0) return { ok: false, problems };
    tx.update(schoolHolidays).set({ ...entry, updatedAt: input.now }).where(eq(schoolHolidays.id, input.id)).run();
    const { id: _id, ...was } = before;
    writeAudit(tx, input, { action: 'school_holiday.changed', entityType: 'school_holiday', entityId: input.id, regionId: null, before: was, after: entry });
    return { ok: true, id: input.id };
  }, { behavior: 'immediate' });
}

export function removeSchoolHoliday(db: Db, input: Actor & { id: number }): HolidayWriteResult {
  return db.transaction((tx): HolidayWriteResult => {
    const before = schoolHolidayById(tx, input.id);
    if (!before) return { ok: false, notFound: true };
    tx.delete(schoolHolidays).where(eq(schoolHolidays.id, input.id)).run();
    const { id: _id, ...was } = before;
    writeAudit(tx, input, { action: 'school_holiday.removed', entityType: 'school_holiday', entityId: input.id, regionId: null, before: was });
    return { ok: true, id: input.id };
  }, { behavior: 'immediate' });
}

export type ImportResult = { ok: true; schoolYears: string[]; count: number; replaced: number } | { ok: false; problems: HolidayProblem[] };

/**
 * Imports a Rijksoverheid schoolholidays file: all or nothing. Its school years replace what is
 * stored for them; a wrong entry (or an overlap with another stored year) changes nothing.
 */
export function importSchoolHolidays(db: Db, input: Actor & { text: string; fileName: string }): ImportResult {
  return db.transaction((tx): ImportResult => {
    const stored = tx.select(storedColumns).from(schoolHolidays).all();
    const parsed = parseRijksoverheidJson(input.text, stored);
    if (!parsed.ok) return parsed;
    const replaced = stored.filter((s) => parsed.schoolYears.includes(s.schoolYear)).length;
    tx.delete(schoolHolidays).where(inArray(schoolHolidays.schoolYear, parsed.schoolYears)).run();
    tx.insert(schoolHolidays)
      .values(parsed.entries.map((e) => ({ ...e, createdAt: input.now, updatedAt: input.now })))
      .run();
    writeAudit(tx, input, {
      action: 'school_holiday.imported',
      entityType: 'school_holiday',
      entityId: null,
      regionId: null,
      after: { fileName: input.fileName.slice(0, 200), schoolYears: parsed.schoolYears, count: parsed.entries.length, replaced },
    });
    return { ok: true, schoolYears: parsed.schoolYears, count: parsed.entries.length, replaced };
  }, { behavior: 'immediate' });
}
