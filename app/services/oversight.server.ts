/**
 * The coordinators' oversight: what needs attention, the regions overview and a region's page, the
 * calendar of all visits, the supporters (with their own use cases: add, edit, temporary password),
 * the settings, the audit log and the accountability exports (CSV).
 *
 * Reads are a fixed handful of queries per page (never one per region or per row). Writes run in one
 * immediate transaction with their audit row.
 */
import { and, asc, count, desc, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { hashPassword } from '~/auth/password.server';
import { toCsv, type CsvCell } from '~/domain/csv';
import { filterAndSortRegions, type RegionFilters } from '~/domain/oversight';
import { isThemeKey } from '~/domain/themes';
import { resources } from '~/i18n/resources';
import { amsterdamYear, startOfAmsterdamYear, ZONE, type Lang } from '~/domain/time';
import type { Db, Queryable } from '~db/client';
import {
  auditEvents,
  dayAdjustments,
  dayAllotments,
  outbox,
  regionContacts,
  regionQuestions,
  regions,
  sessions,
  supportRequests,
  supportTypes,
  users,
  visits,
  type Language,
  type PlanStatus,
  type RequestStatus,
  type VisitStatus,
} from '~db/schema';
import { defaultHalfDaysPerYear, NotFoundError, writeAudit, type Actor } from './common.server';
import { allRegionsOverview, regionLedger, supporterLoads, type RegionLedger, type SupporterLoad } from './read-models.server';

const immediate = { behavior: 'immediate' } as const;

// ---------------------------------------------------------------------------------------------
// Support types (shared by several pages)
// ---------------------------------------------------------------------------------------------

export type SupportTypeRow = typeof supportTypes.$inferSelect;

/** Every support type, in the team's order. */
export function listSupportTypes(db: Queryable): SupportTypeRow[] {
  return db.select().from(supportTypes).orderBy(asc(supportTypes.sortOrder), asc(supportTypes.id)).all();
}

export type TypeRef = { id: number; key: string; nameNl: string; nameEn: string };

function typeRefs(db: Queryable): TypeRef[] {
  return listSupportTypes(db).map(({ id, key, nameNl, nameEn }) => ({ id, key, nameNl, nameEn }));
}

export const typeName = (t: { nameNl: string; nameEn: string }, lang: Lang) => (lang === 'en' ? t.nameEn : t.nameNl);

/** [start, end) of an Amsterdam calendar year, as instants. */
function yearRange(year: number): [number, number] {
  return [startOfAmsterdamYear(year), startOfAmsterdamYear(year + 1)];
}

// ---------------------------------------------------------------------------------------------
// Start page
// ---------------------------------------------------------------------------------------------

export type Attention = {
  /** Requests waiting for the team (status submitted). */
  newRequests: number;
  /** Region questions (move, cancel, withdraw) not yet answered. */
  openQuestions: number;
  /** Planned or held visits starting this week (Monday to Sunday, Amsterdam). */
  visitsThisWeek: number;
  weekStart: number;
  weekEnd: number;
  /** E-mails in the outbox that gave up. */
  failedEmails: number;
};

export function attentionCounts(db: Db, now: number): Attention {
  const monday = DateTime.fromMillis(now, { zone: ZONE }).startOf('week');
  const weekStart = monday.toMillis();
  const weekEnd = monday.plus({ weeks: 1 }).toMillis();
  const n = (row: { n: number } | undefined) => row?.n ?? 0;
  return {
    newRequests: n(db.select({ n: count() }).from(supportRequests).where(eq(supportRequests.status, 'submitted')).get()),
    openQuestions: n(db.select({ n: count() }).from(regionQuestions).where(eq(regionQuestions.status, 'open')).get()),
    visitsThisWeek: n(
      db
        .select({ n: count() })
        .from(visits)
        .where(and(gte(visits.startsAt, weekStart), lt(visits.startsAt, weekEnd), ne(visits.status, 'cancelled')))
        .get(),
    ),
    weekStart,
    weekEnd,
    failedEmails: n(db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'failed')).get()),
  };
}

export type MonthlyVisits = {
  year: number;
  types: TypeRef[];
  /** Twelve months; `counts[i]` belongs to `types[i]`. */
  months: Array<{ month: number; counts: number[]; total: number }>;
  max: number;
  total: number;
};

/** Planned and held visits per Amsterdam month and support type in the year. */
export function visitsPerMonthByKind(db: Db, year: number): MonthlyVisits {
  const types = typeRefs(db);
  const index = new Map(types.map((t, i) => [t.id, i]));
  const [from, to] = yearRange(year);
  const rows = db
    .select({ startsAt: visits.startsAt, typeId: visits.supportTypeId })
    .from(visits)
    .where(and(gte(visits.startsAt, from), lt(visits.startsAt, to), ne(visits.status, 'cancelled')))
    .all();
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, counts: types.map(() => 0), total: 0 }));
  for (const row of rows) {
    const month = months[DateTime.fromMillis(row.startsAt, { zone: ZONE }).month - 1]!;
    const at = index.get(row.typeId);
    if (at === undefined) continue;
    month.counts[at]! += 1;
    month.total += 1;
  }
  return { year, types, months, max: Math.max(0, ...months.map((m) => m.total)), total: rows.length };
}

// ---------------------------------------------------------------------------------------------
// Regions
// ---------------------------------------------------------------------------------------------

export type RegionOverviewRow = RegionLedger & {
  province: string;
  planStatus: PlanStatus;
  speerpunten: string[];
};

export type RegionsOverview = {
  year: number;
  rows: RegionOverviewRow[];
  total: number;
  provinces: string[];
};

/** Every region's figures for the year (read-models: a fixed number of queries), filtered and sorted. */
export function regionsOverview(db: Db, year: number, filters: RegionFilters): RegionsOverview {
  const ledgers = allRegionsOverview(db, year);
  const facts = new Map(
    db
      .select({ id: regions.id, province: regions.province, planStatus: regions.planStatus, speerpunten: regions.speerpunten })
      .from(regions)
      .all()
      .map((r) => [r.id, r]),
  );
  const all: RegionOverviewRow[] = ledgers.map((l) => {
    const f = facts.get(l.regionId)!;
    return { ...l, province: f.province, planStatus: f.planStatus, speerpunten: f.speerpunten };
  });
  const provinces = [...new Set(all.map((r) => r.province))].sort((a, b) => a.localeCompare(b, 'nl'));
  return { year, rows: filterAndSortRegions(all, filters), total: all.length, provinces };
}

export type RegionDetail = {
  region: {
    id: number;
    registrationNumber: string;
    name: string;
    province: string;
    planStatus: PlanStatus;
    penvoerder: string;
    mainTown: string | null;
    speerpunten: string[];
  };
  contacts: Array<{ id: number; name: string; email: string; role: string; phone: string | null }>;
  requests: Array<{
    id: number;
    createdAt: number;
    status: RequestStatus;
    typeNameNl: string;
    typeNameEn: string;
    supporterName: string | null;
    theme: string | null;
  }>;
  visits: Array<{
    id: number;
    requestId: number;
    startsAt: number;
    endsAt: number;
    status: VisitStatus;
    typeNameNl: string;
    typeNameEn: string;
    supporterName: string;
    halfDays: number;
    ledgerYear: number;
  }>;
  year: number;
  ledger: RegionLedger;
  defaultHalfDays: number;
  allotment: { halfDays: number; reason: string; setAt: number; setByName: string | null } | null;
  adjustments: Array<{ id: number; deltaHalfDays: number; reason: string; createdAt: number; authorName: string | null }>;
};

/** Everything the region page shows, or null for an unknown region. */
export function regionDetail(db: Db, regionId: number, year: number): RegionDetail | null {
  const region = db
    .select({
      id: regions.id,
      registrationNumber: regions.registrationNumber,
      name: regions.name,
      province: regions.province,
      planStatus: regions.planStatus,
      penvoerder: regions.penvoerder,
      mainTown: regions.mainTown,
      speerpunten: regions.speerpunten,
    })
    .from(regions)
    .where(eq(regions.id, regionId))
    .get();
  if (!region) return null;

  const contacts = db
    .select({ id: regionContacts.id, name: regionContacts.name, email: regionContacts.email, role: regionContacts.role, phone: regionContacts.phone })
    .from(regionContacts)
    .where(eq(regionContacts.regionId, regionId))
    .orderBy(asc(regionContacts.id))
    .all();

  const requests = db
    .select({
      id: supportRequests.id,
      createdAt: supportRequests.createdAt,
      status: supportRequests.status,
      typeNameNl: supportTypes.nameNl,
      typeNameEn: supportTypes.nameEn,
      supporterName: users.name,
      theme: supportRequests.theme,
    })
    .from(supportRequests)
    .innerJoin(supportTypes, eq(supportTypes.id, supportRequests.supportTypeId))
    .leftJoin(users, eq(users.id, supportRequests.supporterId))
    .where(eq(supportRequests.regionId, regionId))
    .orderBy(desc(supportRequests.createdAt), desc(supportRequests.id))
    .all();

  const regionVisits = db
    .select({
      id: visits.id,
      requestId: visits.requestId,
      startsAt: visits.startsAt,
      endsAt: visits.endsAt,
      status: visits.status,
      typeNameNl: supportTypes.nameNl,
      typeNameEn: supportTypes.nameEn,
      supporterName: users.name,
      halfDays: visits.halfDays,
      ledgerYear: visits.ledgerYear,
    })
    .from(visits)
    .innerJoin(supportTypes, eq(supportTypes.id, visits.supportTypeId))
    .innerJoin(users, eq(users.id, visits.supporterId))
    .where(eq(visits.regionId, regionId))
    .orderBy(desc(visits.startsAt))
    .all();

  const allotment =
    db
      .select({ halfDays: dayAllotments.halfDays, reason: dayAllotments.reason, setAt: dayAllotments.setAt, setByName: users.name })
      .from(dayAllotments)
      .leftJoin(users, eq(users.id, dayAllotments.setById))
      .where(and(eq(dayAllotments.regionId, regionId), eq(dayAllotments.year, year)))
      .get() ?? null;

  const adjustments = db
    .select({
      id: dayAdjustments.id,
      deltaHalfDays: dayAdjustments.deltaHalfDays,
      reason: dayAdjustments.reason,
      createdAt: dayAdjustments.createdAt,
      authorName: users.name,
    })
    .from(dayAdjustments)
    .leftJoin(users, eq(users.id, dayAdjustments.authorId))
    .where(and(eq(dayAdjustments.regionId, regionId), eq(dayAdjustments.year, year)))
    .orderBy(desc(dayAdjustments.createdAt), desc(dayAdjustments.id))
    .all();

  return {
    region,
    contacts,
    requests,
    visits: regionVisits,
    year,
    ledger: regionLedger(db, regionId, year),
    defaultHalfDays: defaultHalfDaysPerYear(db),
    allotment,
    adjustments,
  };
}

/** The years worth choosing on a region or accountability page: from 2019 to next year, plus any with visits. */
export function selectableYears(db: Db, now: number): number[] {
  const current = amsterdamYear(now);
  const rows = db.selectDistinct({ year: visits.ledgerYear }).from(visits).all();
  const years = new Set<number>(rows.map((r) => r.year));
  for (let y = Math.min(2019, current); y <= current + 1; y += 1) years.add(y);
  return [...years].sort((a, b) => b - a);
}

// ---------------------------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------------------------

export type CalendarFilters = {
  supporterId?: number;
  regionId?: number;
  supportTypeId?: number;
  includeCancelled?: boolean;
};

export type CalendarVisit = {
  id: number;
  requestId: number;
  regionId: number;
  regionName: string;
  registrationNumber: string;
  supportTypeId: number;
  typeKey: string;
  typeNameNl: string;
  typeNameEn: string;
  supporterId: number;
  supporterName: string;
  startsAt: number;
  endsAt: number;
  status: VisitStatus;
  location: string;
  halfDays: number;
};

/** Visits starting in [from, to), earliest first, filtered; cancelled ones only when asked. */
export function calendarVisits(db: Db, from: number, to: number, filters: CalendarFilters = {}): CalendarVisit[] {
  const conditions: Array<SQL | undefined> = [
    gte(visits.startsAt, from),
    lt(visits.startsAt, to),
    filters.includeCancelled ? undefined : ne(visits.status, 'cancelled'),
    filters.supporterId ? eq(visits.supporterId, filters.supporterId) : undefined,
    filters.regionId ? eq(visits.regionId, filters.regionId) : undefined,
    filters.supportTypeId ? eq(visits.supportTypeId, filters.supportTypeId) : undefined,
  ];
  return db
    .select({
      id: visits.id,
      requestId: visits.requestId,
      regionId: visits.regionId,
      regionName: regions.name,
      registrationNumber: regions.registrationNumber,
      supportTypeId: visits.supportTypeId,
      typeKey: supportTypes.key,
      typeNameNl: supportTypes.nameNl,
      typeNameEn: supportTypes.nameEn,
      supporterId: visits.supporterId,
      supporterName: users.name,
      startsAt: visits.startsAt,
      endsAt: visits.endsAt,
      status: visits.status,
      location: visits.location,
      halfDays: visits.halfDays,
    })
    .from(visits)
    .innerJoin(regions, eq(regions.id, visits.regionId))
    .innerJoin(supportTypes, eq(supportTypes.id, visits.supportTypeId))
    .innerJoin(users, eq(users.id, visits.supporterId))
    .where(and(...conditions))
    .orderBy(asc(visits.startsAt), asc(visits.id))
    .all();
}

export type FilterOptions = {
  supporters: Array<{ id: number; name: string; active: boolean }>;
  regions: Array<{ id: number; name: string; registrationNumber: string }>;
  types: TypeRef[];
};

/** The choices of the calendar's and the audit log's filters. */
export function filterOptions(db: Db): FilterOptions {
  return {
    supporters: db
      .select({ id: users.id, name: users.name, active: users.active })
      .from(users)
      .where(eq(users.role, 'supporter'))
      .orderBy(asc(users.name))
      .all(),
    regions: db
      .select({ id: regions.id, name: regions.name, registrationNumber: regions.registrationNumber })
      .from(regions)
      .orderBy(asc(regions.name))
      .all(),
    types: typeRefs(db),
  };
}

// ---------------------------------------------------------------------------------------------
// Supporters
// ---------------------------------------------------------------------------------------------

export type SupporterRow = SupporterLoad & {
  email: string;
  language: Language;
  themes: string[];
  homeRegionName: string | null;
};

/** Every supporter with their load in the year (read-models supporterLoads) and profile. */
export function supporterOverview(db: Db, year: number): SupporterRow[] {
  const loads = supporterLoads(db, year);
  const profiles = new Map(
    db
      .select({ id: users.id, email: users.email, language: users.language, themes: users.themes, homeRegionName: regions.name })
      .from(users)
      .leftJoin(regions, eq(regions.id, users.homeRegionId))
      .where(eq(users.role, 'supporter'))
      .all()
      .map((p) => [p.id, p]),
  );
  return loads.map((load) => {
    const p = profiles.get(load.supporterId)!;
    return { ...load, email: p.email, language: p.language, themes: p.themes, homeRegionName: p.homeRegionName };
  });
}

export type SupporterProfile = {
  id: number;
  name: string;
  email: string;
  language: Language;
  themes: string[];
  homeRegionId: number | null;
  active: boolean;
  plannedVisitsAhead: number;
};

/** A supporter's profile, or null when the id is unknown or not a supporter. */
export function getSupporter(db: Db, supporterId: number, now: number): SupporterProfile | null {
  const row = db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      language: users.language,
      themes: users.themes,
      homeRegionId: users.homeRegionId,
      active: users.active,
    })
    .from(users)
    .where(and(eq(users.id, supporterId), eq(users.role, 'supporter')))
    .get();
  if (!row) return null;
  const ahead = db
    .select({ n: count() })
    .from(visits)
    .where(and(eq(visits.supporterId, supporterId), eq(visits.status, 'planned'), gte(visits.startsAt, now)))
    .get();
  return { ...row, plannedVisitsAhead: ahead?.n ?? 0 };
}

export type SupporterInput = {
  name: string;
  email: string;
  language: Language;
  themes: string[];
  homeRegionId: number | null;
  active: boolean;
};

export type SupporterProblem = 'email_taken' | 'unknown_region' | 'unknown_theme';
export type SupporterResult = { ok: true; supporterId: number } | { ok: false; problem: SupporterProblem };

/** The profile as stored: e-mail trimmed and lower-cased, themes unique and in the standard order. */
function normalise(input: SupporterInput): SupporterInput {
  return {
    name: input.name.trim(),
    email: input.email.trim().toLowerCase(),
    language: input.language,
    themes: [...new Set(input.themes)],
    homeRegionId: input.homeRegionId,
    active: input.active,
  };
}

function checkProfile(tx: Queryable, input: SupporterInput, exceptUserId: number | null): SupporterProblem | null {
  if (!input.themes.every(isThemeKey)) return 'unknown_theme';
  if (input.homeRegionId !== null) {
    const region = tx.select({ id: regions.id }).from(regions).where(eq(regions.id, input.homeRegionId)).get();
    if (!region) return 'unknown_region';
  }
  const taken = tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        sql`lower(${users.email}) = ${input.email.toLowerCase()}`,
        exceptUserId === null ? undefined : ne(users.id, exceptUserId),
      ),
    )
    .get();
  return taken ? 'email_taken' : null;
}

/** The unique index on e-mail (COLLATE NOCASE) is the last word if two coordinators race. */
function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

const profileOf = (p: SupporterInput) => ({
  name: p.name,
  email: p.email,
  language: p.language,
  themes: p.themes,
  homeRegionId: p.homeRegionId,
  active: p.active,
});

export type CreateSupporterInput = Actor & SupporterInput & { temporaryPassword: string };

/** Adds a supporter with a temporary password (hashed here, before the transaction). */
export async function createSupporter(db: Db, input: CreateSupporterInput): Promise<SupporterResult> {
  const profile = normalise(input);
  const passwordHash = await hashPassword(input.temporaryPassword);
  try {
    return db.transaction((tx): SupporterResult => {
      const problem = checkProfile(tx, profile, null);
      if (problem) return { ok: false, problem };
      const created = tx
        .insert(users)
        // A temporary password: changed at the first sign-in before anything else opens.
        .values({ ...profile, passwordHash, mustChangePassword: true, role: 'supporter', createdAt: input.now, updatedAt: input.now })
        .returning({ id: users.id })
        .get();
      writeAudit(tx, input, {
        action: 'supporter.created',
        entityType: 'user',
        entityId: created.id,
        regionId: null,
        before: null,
        after: profileOf(profile),
      });
      return { ok: true, supporterId: created.id };
    }, immediate);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, problem: 'email_taken' };
    throw error;
  }
}

export type UpdateSupporterInput = Actor & SupporterInput & { supporterId: number };

/** Changes a supporter's profile; throws NotFoundError for an id that is not a supporter. */
export function updateSupporter(db: Db, input: UpdateSupporterInput): SupporterResult {
  const profile = normalise(input);
  try {
    return db.transaction((tx): SupporterResult => {
      const current = tx
        .select()
        .from(users)
        .where(and(eq(users.id, input.supporterId), eq(users.role, 'supporter')))
        .get();
      if (!current) throw new NotFoundError('supporter', input.supporterId);
      const problem = checkProfile(tx, profile, current.id);
      if (problem) return { ok: false, problem };
      tx.update(users)
        .set({ ...profile, updatedAt: input.now })
        .where(eq(users.id, current.id))
        .run();
      if (current.active && !profile.active) tx.delete(sessions).where(eq(sessions.userId, current.id)).run();
      writeAudit(tx, input, {
        action: 'supporter.updated',
        entityType: 'user',
        entityId: current.id,
        regionId: null,
        before: profileOf(current),
        after: profileOf(profile),
      });
      return { ok: true, supporterId: current.id };
    }, immediate);
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, problem: 'email_taken' };
    throw error;
  }
}

export type SetTemporaryPasswordInput = Actor & { supporterId: number; password: string };

/**
 * Gives the supporter a temporary password (hashed), to be changed at their next sign-in, and ends
 * all their sessions, so whoever had the old one is signed out. The audit row never holds the password or its hash.
 */
export async function setTemporaryPassword(
  db: Db,
  input: SetTemporaryPasswordInput,
): Promise<{ ok: true; sessionsEnded: number }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    const current = tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.supporterId), eq(users.role, 'supporter')))
      .get();
    if (!current) throw new NotFoundError('supporter', input.supporterId);
    tx.update(users).set({ passwordHash, mustChangePassword: true, updatedAt: input.now }).where(eq(users.id, current.id)).run();
    const ended = tx.delete(sessions).where(eq(sessions.userId, current.id)).run().changes;
    writeAudit(tx, input, {
      action: 'supporter.password_set',
      entityType: 'user',
      entityId: current.id,
      regionId: null,
      after: { sessionsEnded: ended },
    });
    return { ok: true as const, sessionsEnded: ended };
  }, immediate);
}

/** Regions to choose a supporter's home region from. */
export function regionChoices(db: Db): Array<{ id: number; name: string; registrationNumber: string }> {
  return db
    .select({ id: regions.id, name: regions.name, registrationNumber: regions.registrationNumber })
    .from(regions)
    .orderBy(asc(regions.name))
    .all();
}

// ---------------------------------------------------------------------------------------------
// Audit log
// ---------------------------------------------------------------------------------------------

export const AUDIT_PAGE_SIZE = 50;
const KIND = /^[a-z][a-z_]*$/;

export type AuditFilters = {
  regionId?: number;
  actorUserId?: number;
  /** The action's prefix before the dot: 'visit', 'ledger', 'supporter', 'seed'. */
  kind?: string;
  page?: number;
};

export type AuditRow = {
  id: number;
  at: number;
  actorUserId: number | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: number | null;
  regionId: number | null;
  regionName: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
};

export type AuditPage = { rows: AuditRow[]; total: number; page: number; pages: number; pageSize: number };

/** The audit log, newest first, a page at a time. */
export function auditLog(db: Db, filters: AuditFilters, pageSize = AUDIT_PAGE_SIZE): AuditPage {
  const kind = filters.kind && KIND.test(filters.kind) ? filters.kind : undefined;
  const where = and(
    filters.regionId ? eq(auditEvents.regionId, filters.regionId) : undefined,
    filters.actorUserId ? eq(auditEvents.actorUserId, filters.actorUserId) : undefined,
    kind ? sql`(${auditEvents.action} = ${kind} OR substr(${auditEvents.action}, 1, ${kind.length + 1}) = ${`${kind}.`})` : undefined,
  );
  const total = db.select({ n: count() }).from(auditEvents).where(where).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(filters.page ?? 1)), pages);
  const rows = db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorUserId: auditEvents.actorUserId,
      actorLabel: auditEvents.actorLabel,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      regionId: auditEvents.regionId,
      regionName: regions.name,
      before: auditEvents.before,
      after: auditEvents.after,
      reason: auditEvents.reason,
    })
    .from(auditEvents)
    .leftJoin(regions, eq(regions.id, auditEvents.regionId))
    .where(where)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { rows, total, page, pages, pageSize };
}

/** The choices of the audit log's filters: everyone who acted, and every kind of action. */
export function auditFilterOptions(db: Db): {
  actors: Array<{ id: number; name: string }>;
  kinds: string[];
  regions: Array<{ id: number; name: string; registrationNumber: string }>;
} {
  const actors = db
    .selectDistinct({ id: users.id, name: users.name })
    .from(auditEvents)
    .innerJoin(users, eq(users.id, auditEvents.actorUserId))
    .orderBy(asc(users.name))
    .all();
  const kinds = db
    .selectDistinct({
      kind: sql<string>`case when instr(${auditEvents.action}, '.') > 0 then substr(${auditEvents.action}, 1, instr(${auditEvents.action}, '.') - 1) else ${auditEvents.action} end`,
    })
    .from(auditEvents)
    .all()
    .map((r) => r.kind)
    .filter((k) => KIND.test(k))
    .sort();
  return { actors, kinds, regions: regionChoices(db) };
}

// ---------------------------------------------------------------------------------------------
// Accountability
// ---------------------------------------------------------------------------------------------

export type RegionReportRow = {
  regionId: number;
  registrationNumber: string;
  name: string;
  /** Half-days. */
  allotted: number;
  planned: number;
  used: number;
  remaining: number;
  /** Planned + held visits of the year, one entry per type in `types` order. */
  visitsByType: number[];
  /** Minutes recorded on held visits of the year. */
  minutesSpent: number;
};

export type RegionsReport = { year: number; types: TypeRef[]; rows: RegionReportRow[] };

/** Per region, for the ledger year: the days ledger, visits per type, time spent (three grouped queries). */
export function regionsReport(db: Db, year: number): RegionsReport {
  const types = typeRefs(db);
  const typeIndex = new Map(types.map((t, i) => [t.id, i]));
  const counts = db
    .select({ regionId: visits.regionId, typeId: visits.supportTypeId, n: count() })
    .from(visits)
    .where(and(eq(visits.ledgerYear, year), inArray(visits.status, ['planned', 'held'])))
    .groupBy(visits.regionId, visits.supportTypeId)
    .all();
  const minutes = new Map(
    db
      .select({ regionId: visits.regionId, minutes: sql<number>`coalesce(sum(${visits.minutesSpent}), 0)` })
      .from(visits)
      .where(and(eq(visits.ledgerYear, year), eq(visits.status, 'held')))
      .groupBy(visits.regionId)
      .all()
      .map((r) => [r.regionId, r.minutes]),
  );
  const byRegion = new Map<number, number[]>();
  for (const c of counts) {
    const at = typeIndex.get(c.typeId);
    if (at === undefined) continue;
    const list = byRegion.get(c.regionId) ?? types.map(() => 0);
    list[at] = c.n;
    byRegion.set(c.regionId, list);
  }
  const rows = allRegionsOverview(db, year).map((l) => ({
    regionId: l.regionId,
    registrationNumber: l.registrationNumber,
    name: l.regionName,
    allotted: l.allotted,
    planned: l.planned,
    used: l.used,
    remaining: l.remaining,
    visitsByType: byRegion.get(l.regionId) ?? types.map(() => 0),
    minutesSpent: minutes.get(l.regionId) ?? 0,
  }));
  return { year, types, rows };
}

export type VisitReportRow = {
  id: number;
  requestId: number;
  startsAt: number;
  endsAt: number;
  registrationNumber: string;
  regionName: string;
  typeNameNl: string;
  typeNameEn: string;
  supporterName: string;
  status: VisitStatus;
  halfDays: number;
  minutesSpent: number | null;
  report: string | null;
};

/** Every visit of the ledger year (cancelled ones too, marked so), earliest first. */
export function visitsReport(db: Db, year: number): VisitReportRow[] {
  return db
    .select({
      id: visits.id,
      requestId: visits.requestId,
      startsAt: visits.startsAt,
      endsAt: visits.endsAt,
      registrationNumber: regions.registrationNumber,
      regionName: regions.name,
      typeNameNl: supportTypes.nameNl,
      typeNameEn: supportTypes.nameEn,
      supporterName: users.name,
      status: visits.status,
      halfDays: visits.halfDays,
      minutesSpent: visits.minutesSpent,
      report: visits.report,
    })
    .from(visits)
    .innerJoin(regions, eq(regions.id, visits.regionId))
    .innerJoin(supportTypes, eq(supportTypes.id, visits.supportTypeId))
    .innerJoin(users, eq(users.id, visits.supporterId))
    .where(eq(visits.ledgerYear, year))
    .orderBy(asc(visits.startsAt), asc(visits.id))
    .all();
}

/** Column headings and words of the CSV files, in the reader's language (from the admin texts). */
export type CsvLabels = {
  registrationNumber: string;
  regionName: string;
  allotted: string;
  planned: string;
  used: string;
  remaining: string;
  /** `{{type}}` is replaced by the type's name. */
  visitsOfType: string;
  hoursSpent: string;
  date: string;
  startTime: string;
  endTime: string;
  supportType: string;
  supporter: string;
  status: string;
  days: string;
  hours: string;
  report: string;
  statuses: Record<VisitStatus, string>;
};

/** The CSV headings and words in the language, straight from the admin texts. */
export function csvLabels(lang: Lang): CsvLabels & { regionsFile: (year: number) => string; visitsFile: (year: number) => string } {
  const texts = resources[lang].admin;
  const c = texts.csv;
  return {
    ...c,
    visitsOfType: c.visitsOfType,
    statuses: texts.visitStatus,
    regionsFile: (year) => c.regionsFile.replace('{{year}}', String(year)),
    visitsFile: (year) => c.visitsFile.replace('{{year}}', String(year)),
  };
}

const days = (halfDays: number) => halfDays / 2;
const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** The per-region CSV of the year: numbers in days and hours, decimal comma. */
export function regionsCsv(db: Db, year: number, labels: CsvLabels, lang: Lang): string {
  const report = regionsReport(db, year);
  const header = [
    labels.registrationNumber,
    labels.regionName,
    labels.allotted,
    labels.planned,
    labels.used,
    labels.remaining,
    ...report.types.map((t) => labels.visitsOfType.replace('{{type}}', typeName(t, lang))),
    labels.hoursSpent,
  ];
  const rows: CsvCell[][] = report.rows.map((r) => [
    r.registrationNumber,
    r.name,
    days(r.allotted),
    days(r.planned),
    days(r.used),
    days(r.remaining),
    ...r.visitsByType,
    hours(r.minutesSpent),
  ]);
  return toCsv(header, rows);
}

/** Every visit of the year with its report: one line per visit. */
export function visitsCsv(db: Db, year: number, labels: CsvLabels, lang: Lang): string {
  const header = [
    labels.date,
    labels.startTime,
    labels.endTime,
    labels.registrationNumber,
    labels.regionName,
    labels.supportType,
    labels.supporter,
    labels.status,
    labels.days,
    labels.hours,
    labels.report,
  ];
  const rows: CsvCell[][] = visitsReport(db, year).map((v) => {
    const start = DateTime.fromMillis(v.startsAt, { zone: ZONE });
    const end = DateTime.fromMillis(v.endsAt, { zone: ZONE });
    return [
      start.toISODate()!,
      start.toFormat('HH:mm'),
      end.hasSame(start, 'day') ? end.toFormat('HH:mm') : end.toFormat('yyyy-MM-dd HH:mm'),
      v.registrationNumber,
      v.regionName,
      lang === 'en' ? v.typeNameEn : v.typeNameNl,
      v.supporterName,
      labels.statuses[v.status],
      days(v.halfDays),
      v.minutesSpent === null ? null : hours(v.minutesSpent),
      v.report ?? '',
    ];
  });
  return toCsv(header, rows);
}
