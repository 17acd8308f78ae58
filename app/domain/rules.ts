/**
 * The booking rules as plain functions. Each is handed `now` and the facts the service read inside
 * its transaction, and returns a decision: allowed, or the first refusal with its reason code.
 */
import { chargedHalfDays, isValidHalfDays } from './days';
import { holidayHits, type HolidayHit, type HolidayZone, type PublicHoliday, type SchoolHoliday } from './holidays';
import { remainingHalfDays, withoutPlannedVisit, type LedgerFigures } from './ledger';
import { refusal, type ReasonContext, type Refusal } from './refusals';
import { amsterdamYear, parseLocalDateTime } from './time';

export type Decision = { ok: true } | { ok: false; refusal: Refusal };
export type Refused = { ok: false; refusal: Refusal };

const OK: Decision = { ok: true };
const refuse = (r: Refusal): Refused => ({ ok: false, refusal: r });

/** Half-open [startsAt, endsAt): one visit ending at 12:00 and another starting at 12:00 don't overlap. */
export type Interval = { startsAt: number; endsAt: number };

export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

// ---------------------------------------------------------------------------------------------
// Facts

export type VisitStatusName = 'planned' | 'held' | 'cancelled';

export type RegionFacts = { id: number; name: string };

export type SupportTypeFacts = {
  key: string;
  nameNl: string;
  nameEn: string;
  capPerRegion: number | null;
  bookableUntil: number | null;
  drawsOnDays: boolean;
  defaultMinutes: number;
};

export type SupporterFacts = {
  id: number;
  name: string;
  role: string;
  active: boolean;
  homeRegionId: number | null;
};

export type VisitFacts = Interval & {
  id: number;
  status: VisitStatusName;
  halfDays: number;
  ledgerYear: number;
};

export type ScheduleFacts = {
  request: { status: string };
  region: RegionFacts;
  supportType: SupportTypeFacts;
  supporter: SupporterFacts;
  /** The proposed times and the half-days it would charge. */
  slot: Interval & { halfDays: number };
  /** Planned + held visits of this type in this region (cancelled ones don't count). */
  typeCount: number;
  /** The region's ledger for the Amsterdam year of the slot's start. */
  ledger: LedgerFigures;
  /** The supporter's non-cancelled visits around the slot (the domain checks the overlap itself). */
  supporterVisits: ReadonlyArray<Interval & { id: number }>;
  /** The supporter's unavailability blocks around the slot. */
  unavailability: ReadonlyArray<Interval>;
};

// ---------------------------------------------------------------------------------------------
// Input: times and days charged

/** When a visit takes place: plain instants, or Amsterdam wall-clock input with an end or a length. */
export type WhenInput =
  | { startsAt: number; endsAt: number }
  | { startLocal: string; endLocal: string }
  | { startLocal: string; durationMinutes?: number };

function localInstant(input: string): { ok: true; ms: number } | Refused {
  const parsed = parseLocalDateTime(input);
  if (parsed.ok) return parsed;
  const code = ({ invalid: 'invalid_local_time', nonexistent: 'nonexistent_local_time', ambiguous: 'ambiguous_local_time' } as const)[
    parsed.problem
  ];
  return refuse(refusal(code, { input }));
}

const isPositiveInteger = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n > 0;

/**
 * Resolves the input to instants, refusing a wall-clock time that doesn't exist or is ambiguous.
 * A length is elapsed time: 09:00 + 180 minutes is 12:00 on every day, summer-time days included.
 */
export function resolveWhen(when: WhenInput, defaultMinutes: number): ({ ok: true } & Interval) | Refused {
  let startsAt: number;
  let endsAt: number;
  if ('startsAt' in when) {
    ({ startsAt, endsAt } = when);
  } else {
    const start = localInstant(when.startLocal);
    if (!start.ok) return start;
    startsAt = start.ms;
    if ('endLocal' in when) {
      const end = localInstant(when.endLocal);
      if (!end.ok) return end;
      endsAt = end.ms;
    } else {
      const minutes = when.durationMinutes ?? defaultMinutes;
      if (!isPositiveInteger(minutes)) return refuse(refusal('invalid_value', { field: 'durationMinutes', value: minutes }));
      endsAt = startsAt + minutes * 60_000;
    }
  }
  if (!Number.isSafeInteger(startsAt) || !Number.isSafeInteger(endsAt) || !(endsAt > startsAt)) {
    return refuse(refusal('end_not_after_start', { startsAt, endsAt }));
  }
  return { ok: true, startsAt, endsAt };
}

/** Days charged: 0 for a type that doesn't draw on days; else the caller's figure or the default from the length. */
export function chargeFor(
  supportType: Pick<SupportTypeFacts, 'drawsOnDays'>,
  slot: Interval,
  override: number | undefined,
): { ok: true; halfDays: number } | Refused {
  if (!supportType.drawsOnDays) return { ok: true, halfDays: 0 };
  if (override === undefined) return { ok: true, halfDays: chargedHalfDays(slot.startsAt, slot.endsAt) };
  if (!isValidHalfDays(override)) return refuse(refusal('invalid_half_days', { halfDays: override }));
  return { ok: true, halfDays: override };
}

export function ledgerYearOf(startsAt: number): number {
  return amsterdamYear(startsAt);
}

// ---------------------------------------------------------------------------------------------
// Single rules

const OPEN_REQUEST_STATUSES = new Set(['submitted', 'accepted']);

export function checkRequestOpen(request: { status: string }, region: RegionFacts): Decision {
  return OPEN_REQUEST_STATUSES.has(request.status)
    ? OK
    : refuse(refusal('request_not_open', { regionName: region.name, status: request.status }));
}

/** Rules 5 and 6: an active user with the supporter role, never for their own home region. */
export function checkSupporter(supporter: SupporterFacts, region: RegionFacts): Decision {
  if (supporter.role !== 'supporter') return refuse(refusal('not_a_supporter', { userName: supporter.name }));
  if (!supporter.active) return refuse(refusal('supporter_inactive', { supporterName: supporter.name }));
  if (supporter.homeRegionId === region.id) {
    return refuse(refusal('conflict_of_interest', { supporterName: supporter.name, regionName: region.name }));
  }
  return OK;
}

const typeRef = (t: SupportTypeFacts) => ({ typeKey: t.key, typeNameNl: t.nameNl, typeNameEn: t.nameEn });

/** Rule 2: the visit's start (not the moment of booking) must be before the type's bookable-until instant. */
export function checkCutOff(supportType: SupportTypeFacts, region: RegionFacts, startsAt: number): Decision {
  if (supportType.bookableUntil === null || startsAt < supportType.bookableUntil) return OK;
  return refuse(
    refusal('after_cut_off', { ...typeRef(supportType), regionName: region.name, startsAt, bookableUntil: supportType.bookableUntil }),
  );
}

/** Rule 1: at most `capPerRegion` planned + held visits of the type per region. */
export function checkCap(supportType: SupportTypeFacts, region: RegionFacts, typeCount: number): Decision {
  const cap = supportType.capPerRegion;
  if (cap === null || typeCount + 1 <= cap) return OK;
  return refuse(refusal('cap_reached', { ...typeRef(supportType), regionName: region.name, count: typeCount, cap }));
}

/** Rule 3: a visit that charges days may not make the region's remaining days negative. */
export function checkDays(region: RegionFacts, year: number, ledger: LedgerFigures, halfDays: number): Decision {
  const remaining = remainingHalfDays(ledger);
  if (halfDays === 0 || remaining - halfDays >= 0) return OK;
  return refuse(
    refusal('days_exhausted', {
      regionName: region.name,
      year,
      allotted: ledger.allotted,
      planned: ledger.planned,
      used: ledger.used,
      remaining,
      requested: halfDays,
    }),
  );
}

/** Rule 4: no overlap with another non-cancelled visit of the supporter, nor with an unavailability block. */
export function checkClash(
  supporter: SupporterFacts,
  region: RegionFacts,
  slot: Interval,
  supporterVisits: ReadonlyArray<Interval>,
  blocks: ReadonlyArray<Interval>,
): Decision {
  const other = supporterVisits.find((v) => overlaps(v, slot));
  if (other) {
    return refuse(
      refusal('supporter_busy', {
        supporterName: supporter.name,
        regionName: region.name,
        otherStartsAt: other.startsAt,
        otherEndsAt: other.endsAt,
      }),
    );
  }
  const block = blocks.find((b) => overlaps(b, slot));
  if (block) {
    return refuse(
      refusal('supporter_unavailable', {
        supporterName: supporter.name,
        regionName: region.name,
        blockStartsAt: block.startsAt,
        blockEndsAt: block.endsAt,
      }),
    );
  }
  return OK;
}

function firstRefusal(...checks: Array<() => Decision>): Decision {
  for (const check of checks) {
    const decision = check();
    if (!decision.ok) return decision;
  }
  return OK;
}

// ---------------------------------------------------------------------------------------------
// Decisions per use case

/** Every rule for a new visit. `now` is not needed: the cut-off looks at the visit's start. */
export function decideSchedule(f: ScheduleFacts, _now: number): Decision {
  const year = ledgerYearOf(f.slot.startsAt);
  return firstRefusal(
    () => (isValidHalfDays(f.slot.halfDays) ? OK : refuse(refusal('invalid_half_days', { halfDays: f.slot.halfDays }))),
    () => (f.slot.endsAt > f.slot.startsAt ? OK : refuse(refusal('end_not_after_start', f.slot))),
    () => checkRequestOpen(f.request, f.region),
    () => checkSupporter(f.supporter, f.region),
    () => checkCutOff(f.supportType, f.region, f.slot.startsAt),
    () => checkCap(f.supportType, f.region, f.typeCount),
    () => checkDays(f.region, year, f.ledger, f.slot.halfDays),
    () => checkClash(f.supporter, f.region, f.slot, f.supporterVisits, f.unavailability),
  );
}

const visitRef = (region: RegionFacts, visit: VisitFacts) => ({ regionName: region.name, startsAt: visit.startsAt });

/** Rule 7: only a planned visit can be moved. */
export function checkMovable(visit: VisitFacts, region: RegionFacts): Decision {
  if (visit.status === 'held') return refuse(refusal('held_visit_cannot_move', visitRef(region, visit)));
  if (visit.status === 'cancelled') return refuse(refusal('cancelled_visit_cannot_move', visitRef(region, visit)));
  return OK;
}

/**
 * Every rule again for a planned visit with new times, supporter or place, leaving the visit itself
 * out: `typeCount` and `ledger` are read as they stand (the visit included), the domain takes it out.
 */
export function decideReschedule(f: ScheduleFacts & { visit: VisitFacts }, now: number): Decision {
  const movable = checkMovable(f.visit, f.region);
  if (!movable.ok) return movable;
  const newYear = ledgerYearOf(f.slot.startsAt);
  const ledger = f.visit.ledgerYear === newYear ? withoutPlannedVisit(f.ledger, f.visit.halfDays) : f.ledger;
  return decideSchedule(
    {
      ...f,
      typeCount: f.typeCount - 1,
      ledger,
      supporterVisits: f.supporterVisits.filter((v) => v.id !== f.visit.id),
    },
    now,
  );
}

const hasText = (s: string | null | undefined): boolean => typeof s === 'string' && s.trim().length > 0;

export function requireReason(reason: string | null | undefined, context: ReasonContext): Decision {
  return hasText(reason) ? OK : refuse(refusal('reason_required', { context }));
}

/** Rule 7: only a planned visit can be cancelled, always with a reason. */
export function decideCancel(f: { visit: VisitFacts; region: RegionFacts; reason: string }, _now: number): Decision {
  if (f.visit.status === 'held') return refuse(refusal('held_visit_cannot_be_cancelled', visitRef(f.region, f.visit)));
  if (f.visit.status === 'cancelled') return refuse(refusal('visit_already_cancelled', visitRef(f.region, f.visit)));
  return requireReason(f.reason, 'cancel');
}

/** A planned visit that has started can be recorded as held; a cancelled one never. */
export function decideRecordHeld(
  f: { visit: VisitFacts; region: RegionFacts; minutesSpent: number },
  now: number,
): Decision {
  if (f.visit.status === 'cancelled') return refuse(refusal('cancelled_visit_cannot_be_held', visitRef(f.region, f.visit)));
  if (f.visit.status === 'held') return refuse(refusal('visit_already_held', visitRef(f.region, f.visit)));
  if (f.visit.startsAt > now) return refuse(refusal('visit_not_started', visitRef(f.region, f.visit)));
  if (!Number.isSafeInteger(f.minutesSpent) || f.minutesSpent < 0) {
    return refuse(refusal('invalid_value', { field: 'minutesSpent', value: f.minutesSpent }));
  }
  return OK;
}

/** Assigning a supporter to a request: the request is open, the supporter active and from elsewhere. */
export function decideAssignment(f: { request: { status: string }; region: RegionFacts; supporter: SupporterFacts }): Decision {
  return firstRefusal(
    () => checkRequestOpen(f.request, f.region),
    () => checkSupporter(f.supporter, f.region),
  );
}

/** Only supporters have unavailability blocks (inactive ones may still record theirs). */
export function decideUnavailability(f: { supporter: SupporterFacts }): Decision {
  return f.supporter.role === 'supporter' ? OK : refuse(refusal('not_a_supporter', { userName: f.supporter.name }));
}

/** A supporter answers an assignment that is theirs and still pending; accepting needs an open request. */
export function decideAssignmentResponse(f: {
  request: { status: string; supporterId: number | null; assignmentStatus: string | null };
  region: RegionFacts;
  supporter: { id: number; name: string };
  accept: boolean;
}): Decision {
  if (f.request.supporterId !== f.supporter.id) {
    return refuse(refusal('not_assigned_supporter', { supporterName: f.supporter.name, regionName: f.region.name }));
  }
  if (f.request.assignmentStatus !== 'pending') {
    return refuse(refusal('assignment_not_pending', { regionName: f.region.name, assignmentStatus: f.request.assignmentStatus }));
  }
  return f.accept ? checkRequestOpen(f.request, f.region) : OK;
}

/** A ledger change may never leave a region with negative remaining days for that year. */
export function checkLedgerStaysNonNegative(region: RegionFacts, year: number, after: LedgerFigures): Decision {
  const remaining = remainingHalfDays(after);
  if (remaining >= 0) return OK;
  return refuse(
    refusal('ledger_would_go_negative', {
      regionName: region.name,
      year,
      allotted: after.allotted,
      planned: after.planned,
      used: after.used,
      remaining,
    }),
  );
}

/** A ledger year the programme could mean: a whole year between 2000 and 2100. */
export function checkYear(year: number): Decision {
  return Number.isSafeInteger(year) && year >= 2000 && year <= 2100
    ? OK
    : refuse(refusal('invalid_value', { field: 'year', value: year }));
}

/** Setting a region's allotment for a year (before adjustments) with a reason. */
export function decideSetAllotment(f: {
  region: RegionFacts;
  year: number;
  halfDays: number;
  reason: string;
  /** The ledger as it would be with the new allotment. */
  after: LedgerFigures;
}): Decision {
  return firstRefusal(
    () => requireReason(f.reason, 'allotment'),
    () => checkYear(f.year),
    () => (isValidHalfDays(f.halfDays) ? OK : refuse(refusal('invalid_half_days', { halfDays: f.halfDays }))),
    () => checkLedgerStaysNonNegative(f.region, f.year, f.after),
  );
}

/** Adding (+) or removing (−) days with a reason; a removal may not overdraw the year. */
export function decideAdjustment(f: {
  region: RegionFacts;
  year: number;
  deltaHalfDays: number;
  reason: string;
  before: LedgerFigures;
}): Decision {
  return firstRefusal(
    () => requireReason(f.reason, 'adjustment'),
    () => checkYear(f.year),
    () =>
      Number.isSafeInteger(f.deltaHalfDays) && f.deltaHalfDays !== 0
        ? OK
        : refuse(refusal('invalid_adjustment', { deltaHalfDays: f.deltaHalfDays })),
    () =>
      f.deltaHalfDays > 0
        ? OK
        : checkLedgerStaysNonNegative(f.region, f.year, { ...f.before, allotted: f.before.allotted + f.deltaHalfDays }),
  );
}

/** An instant given as plain ms, as Amsterdam wall-clock input, or null for none. */
export function resolveOptionalInstant(value: number | string | null): { ok: true; ms: number | null } | Refused {
  if (value === null || typeof value === 'number') return { ok: true, ms: value };
  const parsed = localInstant(value);
  return parsed.ok ? { ok: true, ms: parsed.ms } : parsed;
}

export type SupportTypeRuleChanges = {
  capPerRegion?: number | null;
  bookableUntil?: number | null;
  drawsOnDays?: boolean;
  defaultMinutes?: number;
};

/** New rules for a support type: a cap ≥ 0 or none, a whole instant or none, a positive length. */
export function decideRuleChange(changes: SupportTypeRuleChanges, reason: string): Decision {
  const { capPerRegion, bookableUntil, defaultMinutes } = changes;
  return firstRefusal(
    () => requireReason(reason, 'rules'),
    () =>
      capPerRegion === undefined || capPerRegion === null || (Number.isSafeInteger(capPerRegion) && capPerRegion >= 0)
        ? OK
        : refuse(refusal('invalid_value', { field: 'capPerRegion', value: capPerRegion })),
    () =>
      bookableUntil === undefined || bookableUntil === null || Number.isSafeInteger(bookableUntil)
        ? OK
        : refuse(refusal('invalid_value', { field: 'bookableUntil', value: bookableUntil })),
    () =>
      defaultMinutes === undefined || isPositiveInteger(defaultMinutes)
        ? OK
        : refuse(refusal('invalid_value', { field: 'defaultMinutes', value: defaultMinutes })),
  );
}

/**
 * A new default allotment may not overdraw any region-year that uses the default: `usingDefault`
 * lists, for those region-years with bookings, the adjustments and booked half-days.
 */
export function decideDefaultDays(f: {
  halfDays: number;
  reason: string;
  usingDefault: ReadonlyArray<{ region: RegionFacts; year: number; adjustments: number; planned: number; used: number }>;
}): Decision {
  return firstRefusal(
    () => requireReason(f.reason, 'default_days'),
    () => (isValidHalfDays(f.halfDays) ? OK : refuse(refusal('invalid_half_days', { halfDays: f.halfDays }))),
    ...f.usingDefault.map(
      (row) => () =>
        checkLedgerStaysNonNegative(row.region, row.year, {
          allotted: f.halfDays + row.adjustments,
          planned: row.planned,
          used: row.used,
        }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Holidays: a warning, not a refusal

/**
 * A visit on a school holiday of the region's zone or on a public holiday is given back as a
 * 'holiday_warning' (nothing written) until the planner confirms; confirmed, it goes on and the
 * service records the confirmation in the audit log. Returns the hits either way.
 */
export function decideHolidays(
  f: {
    region: RegionFacts;
    slot: Interval;
    zone: HolidayZone | null;
    schoolHolidays: ReadonlyArray<SchoolHoliday>;
    publicHolidays: ReadonlyArray<PublicHoliday>;
  },
  confirmed: boolean,
): { decision: Decision; hits: HolidayHit[] } {
  const hits = holidayHits(f);
  if (hits.length === 0 || confirmed) return { decision: OK, hits };
  return { decision: refuse(refusal('holiday_warning', { regionName: f.region.name, hits })), hits };
}
