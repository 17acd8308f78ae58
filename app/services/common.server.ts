/**
 * Shared pieces of the use cases: errors, the audit row, and the fact queries that several rules
 * need (all run inside the caller's transaction).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '~db/client';
import { auditEvents, dayAdjustments, dayAllotments, regions, settings, users, visits } from '~db/schema';
import {
  allottedHalfDays,
  DEFAULT_HALF_DAYS_SETTING,
  defaultHalfDaysFromSetting,
  sumVisitHalfDays,
  type LedgerFigures,
} from '~/domain/ledger';
import type { Refusal } from '~/domain/refusals';
import type { RegionFacts, SupporterFacts } from '~/domain/rules';

/** A use case was asked about a row that doesn't exist (a programming or routing error, not a refusal). */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(
    readonly entity: string,
    readonly id: number | string,
  ) {
    super(`${entity} ${id} not found`);
  }
}

export type Refused = { ok: false; refusal: Refusal };

/** Who is acting: every use case takes the user's id (null for the system) and the moment. */
export type Actor = { actorUserId: number | null; now: number };

export function actorLabel(tx: Queryable, actorUserId: number | null): string {
  if (actorUserId === null) return 'system';
  const row = tx.select({ name: users.name }).from(users).where(eq(users.id, actorUserId)).get();
  if (!row) throw new NotFoundError('user', actorUserId);
  return row.name;
}

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: number | null;
  regionId: number | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

export function writeAudit(tx: Tx, actor: Actor, entry: AuditEntry): void {
  tx.insert(auditEvents)
    .values({
      at: actor.now,
      actorUserId: actor.actorUserId,
      actorLabel: actorLabel(tx, actor.actorUserId),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      regionId: entry.regionId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      reason: entry.reason ?? null,
    })
    .run();
}

export function requireRegion(tx: Queryable, regionId: number): RegionFacts {
  const row = tx.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.id, regionId)).get();
  if (!row) throw new NotFoundError('region', regionId);
  return row;
}

export function requireUser(tx: Queryable, userId: number): SupporterFacts {
  const row = tx
    .select({ id: users.id, name: users.name, role: users.role, active: users.active, homeRegionId: users.homeRegionId })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!row) throw new NotFoundError('user', userId);
  return row;
}

export function defaultHalfDaysPerYear(tx: Queryable): number {
  const row = tx.select({ value: settings.value }).from(settings).where(eq(settings.key, DEFAULT_HALF_DAYS_SETTING)).get();
  return defaultHalfDaysFromSetting(row?.value);
}

/** The region's own allotment row for the year, or null when the default applies. */
export function allotmentRow(tx: Queryable, regionId: number, year: number): number | null {
  const row = tx
    .select({ halfDays: dayAllotments.halfDays })
    .from(dayAllotments)
    .where(and(eq(dayAllotments.regionId, regionId), eq(dayAllotments.year, year)))
    .get();
  return row?.halfDays ?? null;
}

export function adjustmentsSum(tx: Queryable, regionId: number, year: number): number {
  const row = tx
    .select({ total: sql<number>`coalesce(sum(${dayAdjustments.deltaHalfDays}), 0)` })
    .from(dayAdjustments)
    .where(and(eq(dayAdjustments.regionId, regionId), eq(dayAdjustments.year, year)))
    .get();
  return row?.total ?? 0;
}

/** Planned and used half-days of the region's visits in that ledger year (uses visits_region_year_idx). */
export function bookedHalfDays(tx: Queryable, regionId: number, year: number): { planned: number; used: number } {
  const rows = tx
    .select({ status: visits.status, halfDays: sql<number>`sum(${visits.halfDays})` })
    .from(visits)
    .where(and(eq(visits.regionId, regionId), eq(visits.ledgerYear, year), inArray(visits.status, ['planned', 'held'])))
    .groupBy(visits.status)
    .all();
  return sumVisitHalfDays(rows);
}

export type LedgerParts = {
  allotmentHalfDays: number | null;
  defaultHalfDays: number;
  adjustmentsHalfDays: number;
  planned: number;
  used: number;
};

/** Everything the ledger of a region and year is made of, as it stands. */
export function ledgerParts(tx: Queryable, regionId: number, year: number): LedgerParts {
  return {
    allotmentHalfDays: allotmentRow(tx, regionId, year),
    defaultHalfDays: defaultHalfDaysPerYear(tx),
    adjustmentsHalfDays: adjustmentsSum(tx, regionId, year),
    ...bookedHalfDays(tx, regionId, year),
  };
}

export function figuresOf(parts: LedgerParts): LedgerFigures {
  return { allotted: allottedHalfDays(parts), planned: parts.planned, used: parts.used };
}

/** The ledger figures for a region and year, as they stand. */
export function ledgerFigures(tx: Queryable, regionId: number, year: number): LedgerFigures {
  return figuresOf(ledgerParts(tx, regionId, year));
}

export function actorKind(actorUserId: number | null): 'user' | 'system' {
  return actorUserId === null ? 'system' : 'user';
}
