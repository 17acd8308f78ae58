/**
 * Support types are data with their own rules (cap per region, bookable-until, draws on days,
 * default length); the team can change them, always with a reason and an audit row. Also the
 * default number of days per region per year.
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Queryable } from '~db/client';
import { regions, settings, supportTypes, visits } from '~db/schema';
import { DEFAULT_HALF_DAYS_SETTING } from '~/domain/ledger';
import {
  decideDefaultDays,
  decideRuleChange,
  resolveOptionalInstant,
  type SupportTypeRuleChanges,
} from '~/domain/rules';
import { defaultHalfDaysPerYear, NotFoundError, writeAudit, type Actor, type Refused } from './common.server';

const immediate = { behavior: 'immediate' } as const;

export type SupportType = typeof supportTypes.$inferSelect;

export type RuleChangesInput = Omit<SupportTypeRuleChanges, 'bookableUntil'> & {
  /** An instant (ms), Amsterdam wall-clock input ('2019-12-01T00:00'), or null for no cut-off. */
  bookableUntil?: number | string | null;
};

export type UpdateSupportTypeRulesInput = Actor & {
  supportTypeId: number;
  changes: RuleChangesInput;
  reason: string;
};

export type RegionOverCap = { regionId: number; regionName: string; count: number };

export type UpdateSupportTypeRulesResult =
  | {
      ok: true;
      supportType: SupportType;
      /** Regions that already have more planned + held visits than a lowered cap (they are kept). */
      regionsOverCap: RegionOverCap[];
    }
  | Refused;

const rulesOf = (t: SupportType) => ({
  capPerRegion: t.capPerRegion,
  bookableUntil: t.bookableUntil,
  drawsOnDays: t.drawsOnDays,
  defaultMinutes: t.defaultMinutes,
});

/**
 * Changes a type's rules. They apply to bookings and moves from now on; existing visits are left as
 * they are (a lowered cap is reported in `regionsOverCap`, not enforced backwards).
 */
export function updateSupportTypeRules(db: Db, input: UpdateSupportTypeRulesInput): UpdateSupportTypeRulesResult {
  return db.transaction((tx): UpdateSupportTypeRulesResult => {
    const current = tx.select().from(supportTypes).where(eq(supportTypes.id, input.supportTypeId)).get();
    if (!current) throw new NotFoundError('support type', input.supportTypeId);

    const { bookableUntil: bookableInput, ...rest } = input.changes;
    let changes: SupportTypeRuleChanges = rest;
    if (bookableInput !== undefined) {
      const bookableUntil = resolveOptionalInstant(bookableInput);
      if (!bookableUntil.ok) return bookableUntil;
      changes = { ...changes, bookableUntil: bookableUntil.ms };
    }
    const decision = decideRuleChange(changes, input.reason);
    if (!decision.ok) return decision;

    const updated = Object.keys(changes).length
      ? tx.update(supportTypes).set(changes).where(eq(supportTypes.id, current.id)).returning().get()!
      : current;
    writeAudit(tx, input, {
      action: 'support_type.rules_changed',
      entityType: 'support_type',
      entityId: current.id,
      regionId: null,
      before: rulesOf(current),
      after: rulesOf(updated),
      reason: input.reason.trim(),
    });

    const cap = updated.capPerRegion;
    const regionsOverCap =
      cap === null
        ? []
        : tx
            .select({ regionId: visits.regionId, regionName: regions.name, count: count() })
            .from(visits)
            .innerJoin(regions, eq(regions.id, visits.regionId))
            .where(and(eq(visits.supportTypeId, current.id), inArray(visits.status, ['planned', 'held'])))
            .groupBy(visits.regionId)
            .having(sql`count(*) > ${cap}`)
            .all();
    return { ok: true, supportType: updated, regionsOverCap };
  }, immediate);
}

export type SetDefaultDaysInput = Actor & { halfDays: number; reason: string };
export type SetDefaultDaysResult = { ok: true; halfDays: number } | Refused;

type DefaultYearRow = {
  regionId: number;
  regionName: string;
  year: number;
  adjustments: number;
  planned: number;
  used: number;
};

/**
 * Every region-year that has bookings or adjustments and no allotment row of its own (so it lives on
 * the default), with its figures: one grouped query.
 */
function regionYearsOnDefault(tx: Queryable): DefaultYearRow[] {
  return tx.all<DefaultYearRow>(sql`
    WITH keys AS (
      SELECT region_id, ledger_year AS year FROM visits WHERE status IN ('planned', 'held')
      UNION
      SELECT region_id, year FROM day_adjustments
    )
    SELECT k.region_id AS regionId, r.name AS regionName, k.year AS year,
      (SELECT coalesce(sum(a.delta_half_days), 0) FROM day_adjustments a
        WHERE a.region_id = k.region_id AND a.year = k.year) AS adjustments,
      (SELECT coalesce(sum(v.half_days), 0) FROM visits v
        WHERE v.region_id = k.region_id AND v.ledger_year = k.year AND v.status = 'planned') AS planned,
      (SELECT coalesce(sum(v.half_days), 0) FROM visits v
        WHERE v.region_id = k.region_id AND v.ledger_year = k.year AND v.status = 'held') AS used
    FROM keys k
    JOIN regions r ON r.id = k.region_id
    WHERE NOT EXISTS (SELECT 1 FROM day_allotments d WHERE d.region_id = k.region_id AND d.year = k.year)
    ORDER BY r.name, k.year
  `);
}

/** The allotment of every region-year without its own row; refused if it would overdraw one of them. */
export function setDefaultDaysPerYear(db: Db, input: SetDefaultDaysInput): SetDefaultDaysResult {
  return db.transaction((tx): SetDefaultDaysResult => {
    const previous = defaultHalfDaysPerYear(tx);
    const usingDefault = regionYearsOnDefault(tx).map((row) => ({
      region: { id: row.regionId, name: row.regionName },
      year: row.year,
      adjustments: row.adjustments,
      planned: row.planned,
      used: row.used,
    }));
    const decision = decideDefaultDays({ halfDays: input.halfDays, reason: input.reason, usingDefault });
    if (!decision.ok) return decision;

    tx.insert(settings)
      .values({ key: DEFAULT_HALF_DAYS_SETTING, value: input.halfDays, updatedAt: input.now })
      .onConflictDoUpdate({ target: settings.key, set: { value: input.halfDays, updatedAt: input.now } })
      .run();
    writeAudit(tx, input, {
      action: 'settings.default_days_changed',
      entityType: 'setting',
      entityId: null,
      regionId: null,
      before: { halfDays: previous },
      after: { halfDays: input.halfDays },
      reason: input.reason.trim(),
    });
    return { ok: true, halfDays: input.halfDays };
  }, immediate);
}
