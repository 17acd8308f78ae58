/**
 * Visits: schedule, reschedule, cancel, record as held. Each use case runs one BEGIN IMMEDIATE
 * transaction: it reads the facts, asks the domain, writes the change, the audit row and the outbox
 * hook together. Refusals are returned, never thrown.
 */
import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, getTableColumns, gt, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '~db/client';
import { regions, requestEvents, supportRequests, supportTypes, unavailability, visits } from '~db/schema';
import {
  chargeFor,
  checkMovable,
  decideCancel,
  decideRecordHeld,
  decideReschedule,
  decideHolidays,
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
import { describeHit, type HolidayHit, type HolidayZone } from '~/domain/holidays';
import { enqueueVisitChange } from '~/mail/notify.server';
import { formatRange } from '~/domain/time';
import {
  actorKind,
  ledgerFigures,
  NotFoundError,
  perConnection,
  placeholder,
  requireUser,
  writeAudit,
  type Actor,
  type Refused,
} from './common.server';
import { holidayFactsForSlot } from './holidays.server';

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

/** What every booking rule needs to know about a request: the request, its region and its type. */
type BookingContext = {
  request: RequestFacts;
  region: RegionFacts;
  supportType: SupportTypeFacts;
  /** What the holiday check needs: the province (for the default zone) and the region's own zone. */
  regionZone: { province: string; holidayZone: HolidayZone | null };
};

const contextColumns = {
  request: {
    id: supportRequests.id,
    regionId: supportRequests.regionId,
    supportTypeId: supportRequests.supportTypeId,
    status: supportRequests.status,
    location: supportRequests.location,
  },
  region: { id: regions.id, name: regions.name },
  regionZone: { province: regions.province, holidayZone: regions.holidayZone },
  supportType: {
    key: supportTypes.key,
    nameNl: supportTypes.nameNl,
    nameEn: supportTypes.nameEn,
    capPerRegion: supportTypes.capPerRegion,
    bookableUntil: supportTypes.bookableUntil,
    drawsOnDays: supportTypes.drawsOnDays,
    defaultMinutes: supportTypes.defaultMinutes,
  },
};

const p = sql.placeholder;
const visitColumns = { id: visits.id, startsAt: visits.startsAt, endsAt: visits.endsAt };
const liveVisitsOf = and(eq(visits.supporterId, p('supporterId')), ne(visits.status, 'cancelled'));

/** The booking path's queries, prepared once per connection (see perConnection). */
const statements = perConnection((q) => ({
  contactLanguage: q.select({ lang: supportRequests.contactLanguage }).from(supportRequests).where(eq(supportRequests.id, p('id'))).prepare(),
  historyLine: q
    .insert(requestEvents)
    .values({
      requestId: placeholder('requestId'),
      at: placeholder('at'),
      actorUserId: placeholder('actorUserId'),
      actorKind: placeholder('actorKind'),
      kind: placeholder('kind'),
      message: placeholder('message'),
      visibleToRegion: true,
    })
    .prepare(),
  requestContext: q
    .select(contextColumns)
    .from(supportRequests)
    .innerJoin(regions, eq(regions.id, supportRequests.regionId))
    .innerJoin(supportTypes, eq(supportTypes.id, supportRequests.supportTypeId))
    .where(eq(supportRequests.id, p('id')))
    .prepare(),
  visitContext: q
    .select({ visit: getTableColumns(visits), ...contextColumns })
    .from(visits)
    .innerJoin(supportRequests, eq(supportRequests.id, visits.requestId))
    .innerJoin(regions, eq(regions.id, visits.regionId))
    .innerJoin(supportTypes, eq(supportTypes.id, visits.supportTypeId))
    .where(eq(visits.id, p('id')))
    .prepare(),
  // visits_region_type_idx
  typeCount: q
    .select({ count: count() })
    .from(visits)
    .where(
      and(
        eq(visits.regionId, p('regionId')),
        eq(visits.supportTypeId, p('supportTypeId')),
        inArray(visits.status, ['planned', 'held']),
      ),
    )
    .prepare(),
  // visits_supporter_time_idx, twice
  visitsStartingInside: q
    .select(visitColumns)
    .from(visits)
    .where(and(liveVisitsOf, gte(visits.startsAt, p('startsAt')), lt(visits.startsAt, p('endsAt'))))
    .prepare(),
  lastVisitStartingBefore: q
    .select(visitColumns)
    .from(visits)
    .where(and(liveVisitsOf, lt(visits.startsAt, p('startsAt'))))
    .orderBy(desc(visits.startsAt))
    .limit(1)
    .prepare(),
  // unavailability_supporter_idx
  blocksAround: q
    .select({ startsAt: unavailability.startsAt, endsAt: unavailability.endsAt })
    .from(unavailability)
    .where(
      and(
        eq(unavailability.supporterId, p('supporterId')),
        lt(unavailability.startsAt, p('endsAt')),
        gt(unavailability.endsAt, p('startsAt')),
      ),
    )
    .prepare(),
  insert: q
    .insert(visits)
    .values({
      requestId: p('requestId'),
      regionId: p('regionId'),
      supportTypeId: p('supportTypeId'),
      supporterId: p('supporterId'),
      startsAt: p('startsAt'),
      endsAt: p('endsAt'),
      ledgerYear: p('ledgerYear'),
      location: p('location'),
      halfDays: p('halfDays'),
      status: 'planned',
      calendarUid: p('calendarUid'),
      sequence: 0,
      createdAt: p('now'),
      updatedAt: p('now'),
    })
    .returning()
    .prepare(),
  move: q
    .update(visits)
    .set({
      supporterId: placeholder('supporterId'),
      startsAt: placeholder('startsAt'),
      endsAt: placeholder('endsAt'),
      ledgerYear: placeholder('ledgerYear'),
      location: placeholder('location'),
      halfDays: placeholder('halfDays'),
      sequence: placeholder('sequence'),
      updatedAt: placeholder('now'),
    })
    .where(eq(visits.id, p('id')))
    .returning()
    .prepare(),
  cancel: q
    .update(visits)
    .set({
      status: 'cancelled',
      cancelReason: placeholder('reason'),
      sequence: sql`${visits.sequence} + 1`,
      updatedAt: placeholder('now'),
    })
    .where(eq(visits.id, p('id')))
    .returning()
    .prepare(),
  hold: q
    .update(visits)
    .set({
      status: 'held',
      minutesSpent: placeholder('minutesSpent'),
      report: placeholder('report'),
      reportVisibleToRegion: placeholder('reportVisibleToRegion'),
      sequence: sql`${visits.sequence} + 1`,
      updatedAt: placeholder('now'),
    })
    .where(eq(visits.id, p('id')))
    .returning()
    .prepare(),
}));

/** The request with its region and type, in one query. */
function requireRequestContext(tx: Queryable, requestId: number): BookingContext {
  const row = statements(tx).requestContext.get({ id: requestId });
  if (!row) throw new NotFoundError('support request', requestId);
  return row;
}

/** A visit with its request, region and type, in one query. */
function requireVisitContext(tx: Queryable, visitId: number): BookingContext & { visit: Visit } {
  const row = statements(tx).visitContext.get({ id: visitId });
  if (!row) throw new NotFoundError('visit', visitId);
  return row;
}

/** Planned + held visits of one type in one region. */
function countTypeVisits(tx: Queryable, regionId: number, supportTypeId: number): number {
  return statements(tx).typeCount.get({ regionId, supportTypeId })?.count ?? 0;
}

/**
 * The supporter's non-cancelled visits that could overlap the slot: those starting inside it, and
 * the last one starting before it. That is enough because rule 4 keeps one supporter's visits
 * apart: of the visits starting before the slot, only the latest can still be running when it
 * starts. (The domain checks the overlap itself.)
 */
function supporterVisitsAround(tx: Queryable, supporterId: number, slot: Interval): Array<Interval & { id: number }> {
  const q = statements(tx);
  const inside = q.visitsStartingInside.all({ supporterId, startsAt: slot.startsAt, endsAt: slot.endsAt });
  const before = q.lastVisitStartingBefore.get({ supporterId, startsAt: slot.startsAt });
  return before ? [before, ...inside] : inside;
}

function unavailabilityAround(tx: Queryable, supporterId: number, slot: Interval): Interval[] {
  return statements(tx).blocksAround.all({ supporterId, startsAt: slot.startsAt, endsAt: slot.endsAt });
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

const immediate = { behavior: 'immediate' } as const;

/** What the audit log keeps of the holidays a planner confirmed. */
function hitSummary(hits: HolidayHit[]) {
  return hits.map((h) =>
    h.kind === 'school'
      ? { kind: h.kind, name: h.name, zone: h.zone, startDate: h.startDate, endDate: h.endDate, dates: h.dates }
      : { kind: h.kind, name: h.nameNl, date: h.date },
  );
}

/**
 * The holiday check, after every rule has passed: a warning (nothing written) unless confirmed.
 * Confirmed hits are returned so the audit log can record them.
 */
function checkHolidaysFor(tx: Queryable, ctx: BookingContext, slot: Interval, confirmed: boolean) {
  return decideHolidays({ region: ctx.region, slot, ...holidayFactsForSlot(tx, ctx.regionZone, slot) }, confirmed);
}

function auditHolidayConfirmed(tx: Tx, actor: Actor, visit: Visit, regionId: number, hits: HolidayHit[]): void {
  if (hits.length === 0) return;
  writeAudit(tx, actor, {
    action: 'visit.holiday_confirmed',
    entityType: 'visit',
    entityId: visit.id,
    regionId,
    after: { startsAt: visit.startsAt, endsAt: visit.endsAt, holidays: hitSummary(hits) },
    // The log's readable line: which holidays the planner knowingly planned in.
    reason: hits.map((h) => describeHit(h, 'nl')).join('; '),
  });
}

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
  /** The planner saw the holiday warning and goes on; without it a holiday gives a warning back. */
  confirmHolidays?: boolean;
};

/**
 * A line in the request's history, visible on the region's status page, for every visit change
 * whoever makes it (the team or the supporter): when, in the contact's language.
 */
function addVisitHistory(tx: Tx, actor: Actor, visit: Visit, kind: 'visit_scheduled' | 'visit_moved' | 'visit_cancelled' | 'visit_held', note = ''): void {
  const lang = statements(tx).contactLanguage.get({ id: visit.requestId })?.lang ?? 'nl';
  const when = formatRange(visit.startsAt, visit.endsAt, lang);
  statements(tx).historyLine.run({
    requestId: visit.requestId,
    at: actor.now,
    actorUserId: actor.actorUserId,
    actorKind: actorKind(actor.actorUserId),
    kind,
    message: note ? `${when}: ${note}` : when,
  });
}

export function scheduleVisit(db: Db, input: ScheduleVisitInput): VisitResult {
  return db.transaction((tx): VisitResult => {
    const ctx = requireRequestContext(tx, input.requestId);
    const { request, region, supportType } = ctx;
    const supporter = requireUser(tx, input.supporterId);

    const times = resolveWhen(input.when, supportType.defaultMinutes);
    if (!times.ok) return times;
    const charge = chargeFor(supportType, times, input.halfDays);
    if (!charge.ok) return charge;
    const slot = { startsAt: times.startsAt, endsAt: times.endsAt, halfDays: charge.halfDays };

    const decision = decideSchedule(scheduleFacts(tx, { request, region, supportType, supporter, slot }), input.now);
    if (!decision.ok) return decision;
    const holidays = checkHolidaysFor(tx, ctx, slot, input.confirmHolidays === true);
    if (!holidays.decision.ok) return holidays.decision;

    const visit = statements(tx).insert.get({
      requestId: request.id,
      regionId: region.id,
      supportTypeId: request.supportTypeId,
      supporterId: supporter.id,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      ledgerYear: ledgerYearOf(slot.startsAt),
      location: input.location ?? request.location,
      halfDays: slot.halfDays,
      calendarUid: `${randomUUID()}@sto-ondersteuning.example`,
      now: input.now,
    })!;
    writeAudit(tx, input, {
      action: 'visit.scheduled',
      entityType: 'visit',
      entityId: visit.id,
      regionId: region.id,
      after: snapshot(visit),
    });
    auditHolidayConfirmed(tx, input, visit, region.id, holidays.hits);
    addVisitHistory(tx, input, visit, 'visit_scheduled');
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
  /** The planner saw the holiday warning for the new times and goes on. */
  confirmHolidays?: boolean;
};

export type RescheduleResult = { ok: true; visit: Visit; changed: boolean } | Refused;

export function rescheduleVisit(db: Db, input: RescheduleVisitInput): RescheduleResult {
  return db.transaction((tx): RescheduleResult => {
    const ctx = requireVisitContext(tx, input.visitId);
    const { visit, request, region, supportType } = ctx;
    const movable = checkMovable(visit, region);
    if (!movable.ok) return movable;
    const supporter = requireUser(tx, input.supporterId ?? visit.supporterId);

    const currentMinutes = Math.max(1, Math.round((visit.endsAt - visit.startsAt) / 60_000));
    const times = input.when ? resolveWhen(input.when, currentMinutes) : ({ ok: true, startsAt: visit.startsAt, endsAt: visit.endsAt } as const);
    if (!times.ok) return times;
    const timesChanged = times.startsAt !== visit.startsAt || times.endsAt !== visit.endsAt;
    const charge = chargeFor(supportType, times, input.halfDays ?? (timesChanged ? undefined : visit.halfDays));
    if (!charge.ok) return charge;
    const slot = { startsAt: times.startsAt, endsAt: times.endsAt, halfDays: charge.halfDays };
    const location = input.location ?? visit.location;

    const calendarChanged = timesChanged || supporter.id !== visit.supporterId || location !== visit.location;
    if (!calendarChanged && slot.halfDays === visit.halfDays) return { ok: true, visit, changed: false };

    const facts = scheduleFacts(tx, { request, region, supportType, supporter, slot });
    const decision = decideReschedule({ ...facts, visit }, input.now);
    if (!decision.ok) return decision;
    // Only new times can land in a holiday; another supporter or place on the same day warns no more.
    const holidays = timesChanged ? checkHolidaysFor(tx, ctx, slot, input.confirmHolidays === true) : null;
    if (holidays && !holidays.decision.ok) return holidays.decision;

    const moved = statements(tx).move.get({
      id: visit.id,
      supporterId: supporter.id,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      ledgerYear: ledgerYearOf(slot.startsAt),
      location,
      halfDays: slot.halfDays,
      sequence: calendarChanged ? visit.sequence + 1 : visit.sequence,
      now: input.now,
    })!;
    writeAudit(tx, input, {
      action: 'visit.rescheduled',
      entityType: 'visit',
      entityId: visit.id,
      regionId: region.id,
      before: snapshot(visit),
      after: snapshot(moved),
      reason: input.reason?.trim() || null,
    });
    if (holidays) auditHolidayConfirmed(tx, input, moved, region.id, holidays.hits);
    if (calendarChanged) {
      addVisitHistory(tx, input, moved, 'visit_moved');
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
    const { visit, region } = requireVisitContext(tx, input.visitId);
    const decision = decideCancel({ visit, region, reason: input.reason }, input.now);
    if (!decision.ok) return decision;

    const reason = input.reason.trim();
    const cancelled = statements(tx).cancel.get({ id: visit.id, reason, now: input.now })!;
    writeAudit(tx, input, {
      action: 'visit.cancelled',
      entityType: 'visit',
      entityId: visit.id,
      regionId: region.id,
      before: snapshot(visit),
      after: snapshot(cancelled),
      reason,
    });
    addVisitHistory(tx, input, cancelled, 'visit_cancelled', reason);
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
    const { visit, region } = requireVisitContext(tx, input.visitId);
    const decision = decideRecordHeld({ visit, region, minutesSpent: input.minutesSpent }, input.now);
    if (!decision.ok) return decision;

    const held = statements(tx).hold.get({
      id: visit.id,
      minutesSpent: input.minutesSpent,
      report: input.report.trim(),
      reportVisibleToRegion: input.reportVisibleToRegion,
      now: input.now,
    })!;
    writeAudit(tx, input, {
      action: 'visit.held',
      entityType: 'visit',
      entityId: visit.id,
      regionId: region.id,
      before: snapshot(visit),
      after: { ...snapshot(held), minutesSpent: held.minutesSpent, reportVisibleToRegion: held.reportVisibleToRegion },
    });
    addVisitHistory(tx, input, held, 'visit_held');
    return { ok: true, visit: held };
  }, immediate);
}
