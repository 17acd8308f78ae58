/**
 * Small factories for the booking tests: each inserts one row with sensible defaults and returns its
 * id. Independent of the demo seed (db/seed.ts).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import {
  regions,
  schoolHolidays,
  settings,
  supportRequests,
  supportTypes,
  users,
  type PlanStatus,
  type RequestStatus,
} from '~db/schema';
import { parseLocalDateTime } from '~/domain/time';

/** An Amsterdam wall-clock time as an instant; throws for a non-existent or ambiguous one. */
export function ams(local: string): number {
  const parsed = parseLocalDateTime(local);
  if (!parsed.ok) throw new Error(`fixture time ${local}: ${parsed.problem}`);
  return parsed.ms;
}

/** A moment long after every visit in the tests, so visits can be recorded as held. */
export const LATER = ams('2030-01-01T00:00');

let sequence = 0;
const next = () => (sequence += 1);

export function insertRegion(
  db: Db,
  values: { name?: string; registrationNumber?: string; planStatus?: PlanStatus; province?: string; holidayZone?: 'noord' | 'midden' | 'zuid' | null } = {},
): number {
  const n = next();
  return db
    .insert(regions)
    .values({
      registrationNumber: values.registrationNumber ?? `STO19${String(n % 1000).padStart(3, '0')}`,
      name: values.name ?? `Regio ${n}`,
      province: values.province ?? 'Zeeland',
      holidayZone: values.holidayZone ?? null,
      planStatus: values.planStatus ?? 'approved_2019_07',
      penvoerder: 'ROC Test',
      createdAt: 0,
    })
    .returning({ id: regions.id })
    .get().id;
}

export function insertUser(
  db: Db,
  values: { name?: string; role?: 'supporter' | 'coordinator'; homeRegionId?: number | null; active?: boolean } = {},
): number {
  const n = next();
  return db
    .insert(users)
    .values({
      email: `user${n}-${randomUUID().slice(0, 8)}@example.nl`,
      name: values.name ?? `Gebruiker ${n}`,
      passwordHash: 'x',
      role: values.role ?? 'supporter',
      homeRegionId: values.homeRegionId ?? null,
      active: values.active ?? true,
      createdAt: 0,
      updatedAt: 0,
    })
    .returning({ id: users.id })
    .get().id;
}

export const insertSupporter = (db: Db, values: { name?: string; homeRegionId?: number | null; active?: boolean } = {}) =>
  insertUser(db, { ...values, role: 'supporter' });

export const insertCoordinator = (db: Db, name = 'Coördinator Cora') => insertUser(db, { name, role: 'coordinator' });

export type SupportTypeValues = {
  key?: string;
  nameNl?: string;
  nameEn?: string;
  capPerRegion?: number | null;
  bookableUntil?: number | null;
  drawsOnDays?: boolean;
  defaultMinutes?: number;
};

export function insertSupportType(db: Db, values: SupportTypeValues = {}): number {
  const n = next();
  return db
    .insert(supportTypes)
    .values({
      key: values.key ?? `type_${n}`,
      nameNl: values.nameNl ?? `Soort ${n}`,
      nameEn: values.nameEn ?? `Type ${n}`,
      capPerRegion: values.capPerRegion ?? null,
      bookableUntil: values.bookableUntil ?? null,
      drawsOnDays: values.drawsOnDays ?? true,
      defaultMinutes: values.defaultMinutes ?? 180,
    })
    .returning({ id: supportTypes.id })
    .get().id;
}

/** The critical friend as the programme has it: free, at most 2 per region, starting before 1 Dec 2019. */
export const insertCriticalFriendType = (db: Db, values: SupportTypeValues = {}) =>
  insertSupportType(db, {
    key: 'critical_friend',
    nameNl: 'Critical friend',
    nameEn: 'Critical friend',
    capPerRegion: 2,
    bookableUntil: ams('2019-12-01T00:00'),
    drawsOnDays: false,
    defaultMinutes: 180,
    ...values,
  });

/** Support on a theme: draws on the free days, no cap, no cut-off. */
export const insertDayType = (db: Db, values: SupportTypeValues = {}) =>
  insertSupportType(db, { key: 'theme_support', nameNl: 'Ondersteuning op thema', nameEn: 'Theme support', ...values });

export function insertRequest(
  db: Db,
  values: { regionId: number; supportTypeId: number; status?: RequestStatus; location?: string },
): number {
  return db
    .insert(supportRequests)
    .values({
      regionId: values.regionId,
      supportTypeId: values.supportTypeId,
      contactName: 'Petra Projectleider',
      contactEmail: 'petra@example.nl',
      contactRole: 'projectleider',
      question: 'Graag ondersteuning.',
      location: values.location ?? 'Middelburg',
      status: values.status ?? 'accepted',
      statusTokenHash: randomUUID(),
      consentAt: 0,
      createdAt: 0,
      updatedAt: 0,
    })
    .returning({ id: supportRequests.id })
    .get().id;
}

export function setDefaultHalfDays(db: Db, halfDays: number): void {
  db.insert(settings)
    .values({ key: 'default_half_days_per_year', value: halfDays, updatedAt: 0 })
    .onConflictDoUpdate({ target: settings.key, set: { value: halfDays } })
    .run();
}

export function setRequestStatus(db: Db, requestId: number, status: RequestStatus): void {
  db.update(supportRequests).set({ status }).where(eq(supportRequests.id, requestId)).run();
}

/** A small world: one region with a coordinator, two supporters from elsewhere, both types and a request of each. */
export function bookingWorld(db: Db, regionName = 'Zeeland') {
  const regionId = insertRegion(db, { name: regionName });
  const otherRegionId = insertRegion(db, { name: 'Twente' });
  const coordinatorId = insertCoordinator(db);
  const anna = insertSupporter(db, { name: 'Anna Adviseur', homeRegionId: otherRegionId });
  const bram = insertSupporter(db, { name: 'Bram Begeleider', homeRegionId: null });
  const local = insertSupporter(db, { name: 'Lotte Lokaal', homeRegionId: regionId });
  const criticalFriendTypeId = insertCriticalFriendType(db);
  const dayTypeId = insertDayType(db);
  const cfRequestId = insertRequest(db, { regionId, supportTypeId: criticalFriendTypeId });
  const dayRequestId = insertRequest(db, { regionId, supportTypeId: dayTypeId });
  return {
    regionId,
    otherRegionId,
    coordinatorId,
    anna,
    bram,
    local,
    criticalFriendTypeId,
    dayTypeId,
    cfRequestId,
    dayRequestId,
  };
}

/** A school holiday of one zone (dates inclusive, 'yyyy-mm-dd'). */
export function insertSchoolHoliday(
  db: Db,
  values: { zone: 'noord' | 'midden' | 'zuid'; name: string; startDate: string; endDate: string; schoolYear?: string; compulsory?: boolean },
): number {
  const start = Number(values.startDate.slice(0, 4));
  const schoolYear = values.schoolYear ?? (Number(values.startDate.slice(5, 7)) >= 8 ? `${start}-${start + 1}` : `${start - 1}-${start}`);
  return db
    .insert(schoolHolidays)
    .values({ ...values, schoolYear, compulsory: values.compulsory ?? false, createdAt: 0, updatedAt: 0 })
    .returning({ id: schoolHolidays.id })
    .get().id;
}

/** The herfstvakantie 2019 as the Rijksoverheid had it: noord and midden 19–27 October, zuid 12–20 October. */
export function insertHerfstvakantie2019(db: Db): void {
  insertSchoolHoliday(db, { zone: 'noord', name: 'Herfstvakantie', startDate: '2019-10-19', endDate: '2019-10-27' });
  insertSchoolHoliday(db, { zone: 'midden', name: 'Herfstvakantie', startDate: '2019-10-19', endDate: '2019-10-27' });
  insertSchoolHoliday(db, { zone: 'zuid', name: 'Herfstvakantie', startDate: '2019-10-12', endDate: '2019-10-20' });
}
