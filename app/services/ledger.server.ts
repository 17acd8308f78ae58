/**
 * The days ledger: set a region's allotment for a year, or add/remove days, always with a reason.
 * Neither may leave the region with negative remaining days for that year.
 */
import type { Db } from '~db/client';
import { dayAdjustments, dayAllotments } from '~db/schema';
import { withRemaining, type Ledger } from '~/domain/ledger';
import { decideAdjustment, decideSetAllotment } from '~/domain/rules';
import { figuresOf, ledgerParts, requireRegion, writeAudit, type Actor, type Refused } from './common.server';

const immediate = { behavior: 'immediate' } as const;

export type LedgerResult = { ok: true; ledger: Ledger } | Refused;

export type SetAllotmentInput = Actor & { regionId: number; year: number; halfDays: number; reason: string };

/** Sets the region's own allotment for the year, replacing the default; adjustments still come on top. */
export function setAllotment(db: Db, input: SetAllotmentInput): LedgerResult {
  return db.transaction((tx): LedgerResult => {
    const region = requireRegion(tx, input.regionId);
    const parts = ledgerParts(tx, region.id, input.year);
    const before = figuresOf(parts);
    const after = figuresOf({ ...parts, allotmentHalfDays: input.halfDays });
    const decision = decideSetAllotment({ region, year: input.year, halfDays: input.halfDays, reason: input.reason, after });
    if (!decision.ok) return decision;

    const reason = input.reason.trim();
    const row = { halfDays: input.halfDays, reason, setById: input.actorUserId, setAt: input.now };
    tx.insert(dayAllotments)
      .values({ regionId: region.id, year: input.year, ...row })
      .onConflictDoUpdate({ target: [dayAllotments.regionId, dayAllotments.year], set: row })
      .run();
    writeAudit(tx, input, {
      action: 'ledger.allotment_set',
      entityType: 'day_allotment',
      entityId: null,
      regionId: region.id,
      before: { year: input.year, allotmentHalfDays: parts.allotmentHalfDays, ...withRemaining(before) },
      after: { year: input.year, allotmentHalfDays: input.halfDays, ...withRemaining(after) },
      reason,
    });
    return { ok: true, ledger: withRemaining(after) };
  }, immediate);
}

export type AdjustDaysInput = Actor & { regionId: number; year: number; deltaHalfDays: number; reason: string };
export type AdjustDaysResult = { ok: true; ledger: Ledger; adjustmentId: number } | Refused;

/** Adds (+) or removes (−) half-days for the region and year; a removal may not overdraw it. */
export function adjustDays(db: Db, input: AdjustDaysInput): AdjustDaysResult {
  return db.transaction((tx): AdjustDaysResult => {
    const region = requireRegion(tx, input.regionId);
    const before = figuresOf(ledgerParts(tx, region.id, input.year));
    const decision = decideAdjustment({
      region,
      year: input.year,
      deltaHalfDays: input.deltaHalfDays,
      reason: input.reason,
      before,
    });
    if (!decision.ok) return decision;

    const reason = input.reason.trim();
    const adjustment = tx
      .insert(dayAdjustments)
      .values({
        regionId: region.id,
        year: input.year,
        deltaHalfDays: input.deltaHalfDays,
        reason,
        authorId: input.actorUserId,
        createdAt: input.now,
      })
      .returning({ id: dayAdjustments.id })
      .get();
    const after = { ...before, allotted: before.allotted + input.deltaHalfDays };
    writeAudit(tx, input, {
      action: 'ledger.days_adjusted',
      entityType: 'day_adjustment',
      entityId: adjustment.id,
      regionId: region.id,
      before: { year: input.year, ...withRemaining(before) },
      after: { year: input.year, deltaHalfDays: input.deltaHalfDays, ...withRemaining(after) },
      reason,
    });
    return { ok: true, ledger: withRemaining(after), adjustmentId: adjustment.id };
  }, immediate);
}
