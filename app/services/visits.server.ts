/**
 * Visits: schedule, reschedule, cancel, record as held. Each use case runs one BEGIN IMMEDIATE
 * transaction: it reads the facts, asks the domain, writes the change, the audit row and the outbox
 * hook together. Refusals are returned, never thrown.
 */
import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, gt, gte, inArray, lt, ne } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '~db/client';
import { supportRequests, supportTypes, unavailability, visits } from '~db/schema';
import {
  chargeFor,
  checkMovable,
  decideCancel,
  decideRecordHeld,
  decideReschedule,
  decideSchedule,
  ledgerYearOf,
  resolveWhen,
  type Interval,
  type RegionFacts,
  type ScheduleFacts,
  type SupporterFacts,
  type SupportTypeFacts,
  type WhenInput,
} from '~/domain/rules';
import { enqueueVisitChange } from '~/mail/notify.server';
import {
  ledgerFigures,
  NotFoundError,
  requireRegion,
  requireUser,
  writeAudit,
  type Actor,
  type Refused,
} from './common.server';

export type Visit = typeof visits.$inferSelect;
export type VisitResult = { ok: true; visit: Visit } | Refused;

export type { WhenInput };

// ---------------------------------------------------------------------------------------------
// Facts

type RequestFacts = {
  id: number;
  regionId: number;
  supportTypeId: number;
  status: string;
  location: string;
};

function requireRequest(tx: Queryable, requestId: number): RequestFacts {
  const row = tx
    .select({
      id: supportRequests.id,
      regionId: supportRequests.regionId,
      supportTypeId: supportRequests.supportTypeId,
      status: supportRequests.status,
      location: supportRequests.location,
    })
    .from(supportRequests)
    .where(eq(supportRequests.id, requestId))
    .get();
  if (!row) throw new NotFoundError('support request', requestId);
  return row;
}

function requireSupportType(tx: Queryable, supportTypeId: number): SupportTypeFacts {
  const row = tx
    .select({
      key: supportTypes.key,
      nameNl: supportTypes.nameNl,
      nameEn: supportTypes.nameEn,
      capPerRegion: supportTypes.capPerRegion,
      bookableUntil: supportTypes.bookableUntil,
      drawsOnDays: supportTypes.drawsOnDays,
      defaultMinutes: supportTypes.defaultMinutes,
    })
    .from(supportTypes)
    .where(eq(supportTypes.id, supportTypeId))
    .get();
  if (!row) throw new NotFoundError('support type', supportTypeId);
  return row;
}

function requireVisit(tx: Queryable, visitId: number): Visit {
  const row = tx.select().from(visits).where(eq(visits.id, visitId)).get();
  if (!row) throw new NotFoundError('visit', visitId);
  return row;
}

/** Planned + held visits of one type in one region (uses visits_region_type_idx). */
function countTypeVisits(tx: Queryable, regionId: number, supportTypeId: number): number {
  const row = tx
    .select({ count: count() })
    .from(visits)
    .where(
      and(eq(visits.regionId, regionId), eq(visits.supportTypeId, supportTypeId), inArray(visits.status, ['planned', 'held'])),
    )
    .get();
  return row?.count ?? 0;
}

/**
 * The supporter's non-cancelled visits that could overlap the slot, found with two index seeks on
 * visits_supporter_time_idx: those starting inside the slot, and the last one starting before it.
 * That is enough because rule 4 keeps one supporter's visits apart: of the visits starting before
 * the slot, only the latest can still be running when it starts. (The domain checks the overlap.)
 */
function supporterVisitsAround(tx: Queryable, supporterId: number, slot: Interval): Array<Interval & { id: number }> {
  const columns = { id: visits.id, startsAt: visits.startsAt, endsAt: visits.endsAt };
  const ofSupporter = and(eq(visits.supporterId, supporterId), ne(visits.status, 'cancelled'));
  const startingInside = tx
    .select(columns)
    .from(visits)
    .where(and(ofSupporter, gte(visits.startsAt, slot.startsAt), lt(visits.startsAt, slot.endsAt)))
    .all();
  const lastBefore = tx
    .select(columns)
    .from(visits)
    .where(and(ofSupporter, lt(visits.startsAt, slot.startsAt)))
    .orderBy(desc(visits.startsAt))
    .limit(1)
    .get();
  return lastBefore ? [lastBefore, ...startingInside] : startingInside;
}

function unavailabilityAround(tx: Queryable, supporterId: number, slot: Interval): Interval[] {
  return tx
    .select({ startsAt: unavailability.startsAt, endsAt: unavailability.endsAt })
    .from(unavailability)
    .where(
      and(
        eq(unavailability.supporterId, supporterId),
        lt(unavailability.startsAt, slot.endsAt),
        gt(unavailability.endsAt, slot.startsAt),
      ),
    )
    .all();
}

const NO_LEDGER = { allotted: 0, planned: 0, used: 0 };

/** Everything decideSchedule / decideReschedule need, read inside the transaction. */
function scheduleFacts(
  tx: Queryable,
  parts: {
    request: RequestFacts;
    region: RegionFacts;
    supportType: SupportTypeFacts;
    supporter: SupporterFacts;
    slot: Interval & { halfDays: number };
  },
): ScheduleFacts {
  const { request, region, supportType, supporter, slot } = parts;
  return {
    ...parts,
    // A type without a cap needs no count; a visit charging no days needs no ledger.
    typeCount: supportType.capPerRegion === null ? 0 : countTypeVisits(tx, region.id, request.supportTypeId),
    ledger: slot.halfDays === 0 ? NO_LEDGER : ledgerFigures(tx, region.id, ledgerYearOf(slot.startsAt)),
    supporterVisits: supporterVisitsAround(tx, supporter.id, slot),
    unavailability: unavailabilityAround(tx, supporter.id, slot),
  };
}

/** What the audit trail keeps of a visit. */
function snapshot(v: Visit) {
  return {
    status: v.status,
    supporterId: v.supporterId,
    startsAt: v.startsAt,
    endsAt: v.endsAt,
    location: v.location,
    halfDays: v.halfDays,
    ledgerYear: v.ledgerYear,
    sequence: v.sequence,
  };
}

function updateVisit(tx: Tx, visitId: number, values: Partial<typeof visits.$inferInsert>): Visit {
  return tx.update(visits).set(values).where(eq(visits.id, visitId)).returning().get()!;
}

const immediate = { behavior: 'immediate' } as const;

// ---------------------------------------------------------------------------------------------
// Use cases

export type ScheduleVisitInput = Actor & {
  requestId: number;
  supporterId: number;
  when: WhenInput;
  /** Defaults to the request's location. */
  location?: string;
  /** Days charged, in half-days; defaults from the length (0 for a type that draws no days). */
  halfDays?: number;
};

export function scheduleVisit(db: Db, input: ScheduleVisitInput): VisitResult {
  return db.transaction((tx): VisitResult => {
    const request = requireRequest(tx, input.requestId);
    const region = requireRegion(tx, request.regionId);
    const supportType = requireSupportType(tx, request.supportTypeId);
    const supporter = requireUser(tx, input.supporterId);

    const times = resolveWhen(input.when, supportType.defaultMinutes);
    if (!times.ok) return times;
    const charge = chargeFor(supportType, times, input.halfDays);
    if (!charge.ok) return charge;
    const slot = { startsAt: times.startsAt, endsAt: times.endsAt, halfDays: charge.halfDays };

    const decision = decideSchedule(scheduleFacts(tx, { request, region, supportType, supporter, slot }), input.now);
    if (!decision.ok) return decision;

    const visit = tx
      .insert(visits)
      .values({
        requestId: request.id,
        regionId: region.id,
        supportTypeId: request.supportTypeId,
        supporterId: supporter.id,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        ledgerYear: ledgerYearOf(slot.startsAt),
        location: input.location ?? request.location,
        halfDays: slot.halfDays,
        status: 'planned',
        calendarUid: `${randomUUID()}@sto-ondersteuning.example`,
        sequence: 0,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning()
      .get();
    writeAudit(tx, input, {
      action: 'visit.scheduled',
      entityType: 'visit',
      entityId: visit.id,
      regionId: region.id,
      after: snapshot(visit),
    });
    enqueueVisitChange(tx, { kind: 'scheduled', visitId: visit.id }, input.now);
    return { ok: true, visit };
  }, immediate);
}

export type RescheduleVisitInput = Actor & {
  visitId: number;
  /** New times; a start alone keeps the visit's current length. */
  when?: WhenInput;
  supporterId?: number;
  location?: string;
  /** New days charged; when the times change and this is absent, the default for the new length. */
  halfDays?: number;
  reason?: string;
};

export type RescheduleResult = { ok: true; visit: Visit; changed: boolean } | Refused;

export function rescheduleVisit(db: Db, input: RescheduleVisitInput): RescheduleResult {
  return db.transaction((tx): RescheduleResult => {
    const visit = requireVisit(tx, input.visitId);
    const request = requireRequest(tx, visit.requestId);
    const region = requireRegion(tx, visit.regionId);
    const supportType = requireSupportType(tx, visit.supportTypeId);
    const supporter = requireUser(tx, input.supporterId ?? visit.supporterId);

    const currentMinutes = Math.max(1, Math.round((visit.endsAt - visit.startsAt) / 60_000));
    const times = input.when ? resolveWhen(input.when, currentMinutes) : { ok: true as const, ...visit };
    if (!times.ok) return times;
    const timesChanged = times.startsAt !== visit.startsAt || times.endsAt !== visit.endsAt;
    const charge = chargeFor(supportType, times, input.halfDays ?? (timesChanged ? undefined : visit.halfDays));
    if (!charge.ok) return charge;
    const slot = { startsAt: times.startsAt, endsAt: times.endsAt, halfDays: charge.halfDays };
    const location = input.location ?? visit.location;

    const calendarChanged = timesChanged || supporter.id !== visit.supporterId || location !== visit.location;
    const movable = checkMovable(visit, region);
    if (!movable.ok) return movable;
    if (!calendarChanged && slot.halfDays === visit.halfDays) return { ok: true, visit, changed: false };

    const facts = scheduleFacts(tx, { request, region, supportType, supporter, slot });
    const decision = decideReschedule({ ...facts, visit }, input.now);
    if (!decision.ok) return decision;

    const moved = updateVisit(tx, visit.id, {
      supporterId: supporter.id,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      ledgerYear: ledgerYearOf(slot.startsAt),
      location,
      halfDays: slot.halfDays,
      sequence: calendarChanged ? visit.sequence + 1 : visit.sequence,
      updatedAt: input.now,
    });
    writeAudit(tx, input, {
      action: 'visit.rescheduled',
      entityType: 'visit',
      entityId: visit.id,
      regionId: region.id,
      before: snapshot(visit),
      after: snapshot(moved),
      reason: input.reason?.trim() || null,
    });
    if (calendarChanged) {
      const previousSupporterId = supporter.id !== visit.supporterId ? visit.supporterId : null;
      enqueueVisitChange(tx, { kind: 'moved', visitId: visit.id, previousSupporterId }, input.now);
    }
    return { ok: true, visit: moved, changed: true };
  }, immediate);
}

export type CancelVisitInput = Actor & { visitId: number; reason: string };

/** Cancels a planned visit: its days and its slot under the type's cap come back. */
export function cancelVisit(db: Db, input: CancelVisitInput): VisitResult {
  return db.transaction((tx): VisitResult => {
    const visit = requireVisit(tx, input.visitId);
    const region = requireRegion(tx, visit.regionId);
    const decision = decideCancel({ visit, region, reason: input.reason }, input.now);
    if (!decision.ok) return decision;

    const reason = input.reason.trim();
    const cancelled = updateVisit(tx, visit.id, {
      status: 'cancelled',
      cancelReason: reason,
      sequence: visit.sequence + 1,
      updatedAt: input.now,
    });
    writeAudit(tx, input, {
      action: 'visit.cancelled',
      entityType: 'visit',
      entityId: visit.id,
      regionId: region.id,
      before: snapshot(visit),
      after: snapshot(cancelled),
      reason,
    });
    enqueueVisitChange(tx, { kind: 'cancelled', visitId: visit.id, reason }, input.now);
    return { ok: true, visit: cancelled };
  }, immediate);
}

export type RecordVisitHeldInput = Actor & {
  visitId: number;
  minutesSpent: number;
  report: string;
  reportVisibleToRegion: boolean;
};

/** Records a started, planned visit as held: its planned days become used days. */
export function recordVisitHeld(db: Db, input: RecordVisitHeldInput): VisitResult {
  return db.transaction((tx): VisitResult => {
    const visit = requireVisit(tx, input.visitId);
    const region = requireRegion(tx, visit.regionId);
    const decision = decideRecordHeld({ visit, region, minutesSpent: input.minutesSpent }, input.now);
    if (!decision.ok) return decision;

    const held = updateVisit(tx, visit.id, {
      status: 'held',
      minutesSpent: input.minutesSpent,
      report: input.report.trim(),
      reportVisibleToRegion: input.reportVisibleToRegion,
      sequence: visit.sequence + 1,
      updatedAt: input.now,
    });
    writeAudit(tx, input, {
      action: 'visit.held',
      entityType: 'visit',
      entityId: visit.id,
      regionId: region.id,
      before: snapshot(visit),
      after: { ...snapshot(held), minutesSpent: held.minutesSpent, reportVisibleToRegion: held.reportVisibleToRegion },
    });
    return { ok: true, visit: held };
  }, immediate);
}
