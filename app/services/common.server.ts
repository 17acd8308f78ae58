/**
 * Shared pieces of the use cases: errors, the audit row, and the fact queries that several rules
 * need (all run inside the caller's transaction).
 *
 * The queries on the booking path are prepared once per connection (`perConnection`): building a
 * query with drizzle and compiling it in SQLite costs ten times more than running these small
 * indexed lookups, and a booking runs a dozen of them.
 */
import { eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '~db/client';
import { auditEvents, dayAdjustments, dayAllotments, regions, settings, users, visits } from '~db/schema';
import {
  allottedHalfDays,
  DEFAULT_HALF_DAYS_SETTING,
  defaultHalfDaysFromSetting,
  type LedgerFigures,
} from '~/domain/ledger';
import type { Refusal } from '~/domain/refusals';
import type { RegionFacts, SupporterFacts } from '~/domain/rules';

/**
 * A database and its transactions share one drizzle session per connection (drizzle-orm 0.45:
 * `db.transaction` hands the callback a transaction built on the same session), so a statement
 * prepared through either runs on that connection, inside whatever transaction is open on it.
 */
function sessionOf(q: Queryable): object {
  const session = (q as unknown as { session?: object }).session;
  if (!session) throw new Error('No drizzle session on this handle: check perConnection after a drizzle upgrade');
  return session;
}

/** Builds a set of prepared statements the first time a connection asks, and keeps them for it. */
export function perConnection<T>(build: (q: Queryable) => T): (q: Queryable) => T {
  const cache = new WeakMap<object, T>();
  return (q) => {
    const session = sessionOf(q);
    let statements = cache.get(session);
    if (statements === undefined) {
      statements = build(q);
      cache.set(session, statements);
    }
    return statements;
  };
}

/** A named placeholder where drizzle's types want a value (`set()`); it is encoded like one. */
export function placeholder<T>(name: string): T {
  return sql.placeholder(name) as unknown as T;
}

const p = sql.placeholder;

const statements = perConnection((q) => ({
  userName: q.select({ name: users.name }).from(users).where(eq(users.id, p('id'))).prepare(),
  user: q
    .select({ id: users.id, name: users.name, role: users.role, active: users.active, homeRegionId: users.homeRegionId })
    .from(users)
    .where(eq(users.id, p('id')))
    .prepare(),
  region: q.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.id, p('id'))).prepare(),
  insertAudit: q
    .insert(auditEvents)
    .values({
      at: p('at'),
      actorUserId: p('actorUserId'),
      actorLabel: p('actorLabel'),
      action: p('action'),
      entityType: p('entityType'),
      entityId: p('entityId'),
      regionId: p('regionId'),
      // Raw SQL parameters, so a missing before/after stays NULL (the JSON column would store 'null').
      before: sql`${p('before')}`,
      after: sql`${p('after')}`,
      reason: p('reason'),
    })
    .prepare(),
  // One statement, each part an index lookup: the allotment's primary key,
  // day_adjustments_region_year_idx, visits_region_year_idx. (drizzle writes the columns of a
  // one-table select unqualified, so each subquery names its own table's columns.)
  ledgerParts: q
    .select({
      allotmentHalfDays: sql<number | null>`(SELECT ${dayAllotments.halfDays} FROM ${dayAllotments}
        WHERE ${dayAllotments.regionId} = ${p('regionId')} AND ${dayAllotments.year} = ${p('year')})`,
      defaultSetting: sql<unknown>`(SELECT ${settings.value} FROM ${settings}
        WHERE ${settings.key} = ${DEFAULT_HALF_DAYS_SETTING})`.mapWith(settings.value),
      adjustmentsHalfDays: sql<number>`(SELECT coalesce(sum(${dayAdjustments.deltaHalfDays}), 0) FROM ${dayAdjustments}
        WHERE ${dayAdjustments.regionId} = ${p('regionId')} AND ${dayAdjustments.year} = ${p('year')})`,
      planned: sql<number>`(SELECT coalesce(sum(${visits.halfDays}), 0) FROM ${visits}
        WHERE ${visits.regionId} = ${p('regionId')} AND ${visits.ledgerYear} = ${p('year')} AND ${visits.status} = 'planned')`,
      used: sql<number>`(SELECT coalesce(sum(${visits.halfDays}), 0) FROM ${visits}
        WHERE ${visits.regionId} = ${p('regionId')} AND ${visits.ledgerYear} = ${p('year')} AND ${visits.status} = 'held')`,
    })
    .from(regions)
    .where(eq(regions.id, p('regionId')))
    .prepare(),
}));

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
  const row = statements(tx).userName.get({ id: actorUserId });
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
  statements(tx).insertAudit.run({
    at: actor.now,
    actorUserId: actor.actorUserId,
    actorLabel: actorLabel(tx, actor.actorUserId),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    regionId: entry.regionId,
    before: toJson(entry.before),
    after: toJson(entry.after),
    reason: entry.reason ?? null,
  });
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export function requireRegion(tx: Queryable, regionId: number): RegionFacts {
  const row = statements(tx).region.get({ id: regionId });
  if (!row) throw new NotFoundError('region', regionId);
  return row;
}

export function requireUser(tx: Queryable, userId: number): SupporterFacts {
  const row = statements(tx).user.get({ id: userId });
  if (!row) throw new NotFoundError('user', userId);
  return row;
}

export function defaultHalfDaysPerYear(tx: Queryable): number {
  const row = tx.select({ value: settings.value }).from(settings).where(eq(settings.key, DEFAULT_HALF_DAYS_SETTING)).get();
  return defaultHalfDaysFromSetting(row?.value);
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
  const row = statements(tx).ledgerParts.get({ regionId, year });
  if (!row) throw new NotFoundError('region', regionId);
  const { defaultSetting, ...parts } = row;
  return { ...parts, defaultHalfDays: defaultHalfDaysFromSetting(defaultSetting) };
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
