/**
 * The supporter's own work: what they read on their pages and what they may change. Every function
 * takes the signed-in supporter's id and only ever returns or touches that supporter's requests,
 * visits, blocks and profile: someone else's id (or a non-existent one) gives `null`, which the
 * routes answer with 404.
 *
 * The writes check the ownership and call the booking core (visits, assignments, unavailability)
 * inside one BEGIN IMMEDIATE transaction: the use case's own transaction nests as a savepoint on the
 * same connection, so nobody can reassign the visit between the check and the change.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, ne, or } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { WhenInput } from '~/domain/rules';
import { isThemeKey } from '~/domain/themes';
import { amsterdamYear, ZONE } from '~/domain/time';
import type { Db, Queryable } from '~db/client';
import {
  calendarFeeds,
  regions,
  supportRequests,
  supportTypes,
  unavailability,
  users,
  visits,
  type AssignmentStatus,
  type ContactRole,
  type Language,
  type RequestStatus,
  type VisitStatus,
} from '~db/schema';
import { respondToAssignment, type AssignmentResult } from './assignments.server';
import { writeAudit } from './common.server';
import { replaceFeed } from './feeds.server';
import { regionLedger } from './read-models.server';
import { addUnavailability, removeUnavailability, type AddUnavailabilityResult } from './unavailability.server';
import {
  cancelVisit,
  recordVisitHeld,
  rescheduleVisit,
  scheduleVisit,
  type RescheduleResult,
  type Visit,
  type VisitResult,
} from './visits.server';

const immediate = { behavior: 'immediate' } as const;

/** Requests that can still get an answer or visits. */
const OPEN_STATUSES: RequestStatus[] = ['submitted', 'accepted'];

// ---------------------------------------------------------------------------------------------
// Reading

export type MyRequestRow = {
  id: number;
  status: RequestStatus;
  assignmentStatus: AssignmentStatus | null;
  regionId: number;
  regionName: string;
  registrationNumber: string;
  typeKey: string;
  typeNameNl: string;
  typeNameEn: string;
  contactName: string;
  theme: string | null;
  preferredPeriod: string;
  createdAt: number;
  updatedAt: number;
};

const requestColumns = {
  id: supportRequests.id,
  status: supportRequests.status,
  assignmentStatus: supportRequests.assignmentStatus,
  regionId: supportRequests.regionId,
  regionName: regions.name,
  registrationNumber: regions.registrationNumber,
  typeKey: supportTypes.key,
  typeNameNl: supportTypes.nameNl,
  typeNameEn: supportTypes.nameEn,
  contactName: supportRequests.contactName,
  theme: supportRequests.theme,
  preferredPeriod: supportRequests.preferredPeriod,
  createdAt: supportRequests.createdAt,
  updatedAt: supportRequests.updatedAt,
};

function selectMyRequests(q: Queryable, supporterId: number, extra?: ReturnType<typeof and>) {
  return q
    .select(requestColumns)
    .from(supportRequests)
    .innerJoin(regions, eq(regions.id, supportRequests.regionId))
    .innerJoin(supportTypes, eq(supportTypes.id, supportRequests.supportTypeId))
    .where(and(eq(supportRequests.supporterId, supporterId), extra))
    .orderBy(desc(supportRequests.updatedAt), desc(supportRequests.id))
    .all();
}

/** Every request assigned to the supporter, newest change first. */
export function myRequests(db: Db, supporterId: number): MyRequestRow[] {
  return selectMyRequests(db, supporterId);
}

/** Open requests waiting for the supporter's answer. */
export function myPendingRequests(db: Db, supporterId: number): MyRequestRow[] {
  return selectMyRequests(
    db,
    supporterId,
    and(eq(supportRequests.assignmentStatus, 'pending'), inArray(supportRequests.status, OPEN_STATUSES)),
  );
}

export type MyVisitRow = {
  id: number;
  requestId: number;
  regionName: string;
  registrationNumber: string;
  typeKey: string;
  typeNameNl: string;
  typeNameEn: string;
  startsAt: number;
  endsAt: number;
  location: string;
  status: VisitStatus;
  halfDays: number;
  hasReport: boolean;
};

const visitColumns = {
  id: visits.id,
  requestId: visits.requestId,
  regionName: regions.name,
  registrationNumber: regions.registrationNumber,
  typeKey: supportTypes.key,
  typeNameNl: supportTypes.nameNl,
  typeNameEn: supportTypes.nameEn,
  startsAt: visits.startsAt,
  endsAt: visits.endsAt,
  location: visits.location,
  status: visits.status,
  halfDays: visits.halfDays,
  report: visits.report,
};

function selectMyVisits(
  q: Queryable,
  supporterId: number,
  where: ReturnType<typeof and>,
  order: 'asc' | 'desc' = 'asc',
): MyVisitRow[] {
  return q
    .select(visitColumns)
    .from(visits)
    .innerJoin(regions, eq(regions.id, visits.regionId))
    .innerJoin(supportTypes, eq(supportTypes.id, visits.supportTypeId))
    .where(and(eq(visits.supporterId, supporterId), where))
    .orderBy(order === 'asc' ? asc(visits.startsAt) : desc(visits.startsAt), asc(visits.id))
    .all()
    .map(({ report, ...row }) => ({ ...row, hasReport: (report ?? '').trim().length > 0 }));
}

/** The supporter's visits: upcoming (starting from now, earliest first) and past (latest first). */
export function myVisits(db: Db, supporterId: number, now: number): { upcoming: MyVisitRow[]; past: MyVisitRow[] } {
  return {
    upcoming: selectMyVisits(db, supporterId, gt(visits.startsAt, now), 'asc'),
    past: selectMyVisits(db, supporterId, lte(visits.startsAt, now), 'desc'),
  };
}

/** Monday 00:00 to the next Monday 00:00 in Amsterdam, around `now`. */
export function amsterdamWeek(now: number): { from: number; until: number } {
  const monday = DateTime.fromMillis(now, { zone: ZONE }).startOf('week');
  return { from: monday.toMillis(), until: monday.plus({ weeks: 1 }).toMillis() };
}

export type SupporterStart = {
  pending: MyRequestRow[];
  thisWeek: MyVisitRow[];
  /** Planned visits that have started: to be recorded as held (or cancelled). */
  toRecord: MyVisitRow[];
  /** Held visits without a report. */
  withoutReport: MyVisitRow[];
};

/** What needs the supporter's attention. */
export function supporterStart(db: Db, supporterId: number, now: number): SupporterStart {
  const week = amsterdamWeek(now);
  return {
    pending: myPendingRequests(db, supporterId),
    thisWeek: selectMyVisits(
      db,
      supporterId,
      and(lt(visits.startsAt, week.until), gt(visits.endsAt, week.from), ne(visits.status, 'cancelled')),
    ),
    toRecord: selectMyVisits(db, supporterId, and(eq(visits.status, 'planned'), lte(visits.startsAt, now))),
    withoutReport: selectMyVisits(
      db,
      supporterId,
      and(eq(visits.status, 'held'), or(isNull(visits.report), eq(visits.report, ''))),
      'desc',
    ),
  };
}

export type MyRequestDetail = MyRequestRow & {
  contactEmail: string;
  contactRole: ContactRole;
  question: string;
  location: string;
  expectedHalfDays: number;
  typeDrawsOnDays: boolean;
  typeBookableUntil: number | null;
  /** The region's days this year (half-days) and its critical-friend visits of the cap. */
  year: number;
  ledger: { allotted: number; planned: number; used: number; remaining: number };
  criticalFriend: { used: number; cap: number } | null;
  /** The supporter's own visits for this request, earliest first. */
  visits: MyVisitRow[];
  /** Open and accepted by the supporter: they may propose visits. */
  canPropose: boolean;
  /** Open and waiting for the supporter's answer. */
  canRespond: boolean;
};

/** One request, if it is assigned to the supporter; else null. */
export function myRequest(db: Db, supporterId: number, requestId: number, now: number): MyRequestDetail | null {
  const row = db
    .select({
      ...requestColumns,
      contactEmail: supportRequests.contactEmail,
      contactRole: supportRequests.contactRole,
      question: supportRequests.question,
      location: supportRequests.location,
      expectedHalfDays: supportRequests.expectedHalfDays,
      typeDrawsOnDays: supportTypes.drawsOnDays,
      typeBookableUntil: supportTypes.bookableUntil,
    })
    .from(supportRequests)
    .innerJoin(regions, eq(regions.id, supportRequests.regionId))
    .innerJoin(supportTypes, eq(supportTypes.id, supportRequests.supportTypeId))
    .where(and(eq(supportRequests.id, requestId), eq(supportRequests.supporterId, supporterId)))
    .get();
  if (!row) return null;
  const year = amsterdamYear(now);
  const ledger = regionLedger(db, row.regionId, year);
  const open = OPEN_STATUSES.includes(row.status);
  return {
    ...row,
    year,
    ledger: { allotted: ledger.allotted, planned: ledger.planned, used: ledger.used, remaining: ledger.remaining },
    criticalFriend: ledger.criticalFriendCap === null ? null : { used: ledger.criticalFriendUsed, cap: ledger.criticalFriendCap },
    visits: selectMyVisits(db, supporterId, eq(visits.requestId, requestId)),
    canPropose: open && row.assignmentStatus === 'accepted',
    canRespond: open && row.assignmentStatus === 'pending',
  };
}

export type MyVisitDetail = MyVisitRow & {
  regionId: number;
  requestStatus: RequestStatus;
  contactName: string;
  contactEmail: string;
  question: string;
  report: string | null;
  reportVisibleToRegion: boolean;
  minutesSpent: number | null;
  cancelReason: string | null;
};

/** One visit, if it is the supporter's; else null. */
export function myVisit(db: Db, supporterId: number, visitId: number): MyVisitDetail | null {
  const row = db
    .select({
      ...visitColumns,
      regionId: visits.regionId,
      requestStatus: supportRequests.status,
      contactName: supportRequests.contactName,
      contactEmail: supportRequests.contactEmail,
      question: supportRequests.question,
      reportVisibleToRegion: visits.reportVisibleToRegion,
      minutesSpent: visits.minutesSpent,
      cancelReason: visits.cancelReason,
    })
    .from(visits)
    .innerJoin(regions, eq(regions.id, visits.regionId))
    .innerJoin(supportTypes, eq(supportTypes.id, visits.supportTypeId))
    .innerJoin(supportRequests, eq(supportRequests.id, visits.requestId))
    .where(and(eq(visits.id, visitId), eq(visits.supporterId, supporterId)))
    .get();
  if (!row) return null;
  return { ...row, hasReport: (row.report ?? '').trim().length > 0 };
}

export type MyBlock = { id: number; startsAt: number; endsAt: number; reason: string };

/** The supporter's unavailability blocks that have not ended yet, earliest first. */
export function myBlocks(db: Db, supporterId: number, now: number): MyBlock[] {
  return db
    .select({ id: unavailability.id, startsAt: unavailability.startsAt, endsAt: unavailability.endsAt, reason: unavailability.reason })
    .from(unavailability)
    .where(and(eq(unavailability.supporterId, supporterId), gt(unavailability.endsAt, now)))
    .orderBy(asc(unavailability.startsAt), asc(unavailability.id))
    .all();
}

export type MyProfile = { id: number; name: string; email: string; language: Language; themes: string[] };

export function myProfile(db: Db, userId: number): MyProfile | null {
  return (
    db
      .select({ id: users.id, name: users.name, email: users.email, language: users.language, themes: users.themes })
      .from(users)
      .where(eq(users.id, userId))
      .get() ?? null
  );
}

/** When the supporter's current calendar link was made, or null when they have none. */
export function myFeedCreatedAt(db: Db, supporterId: number): number | null {
  const row = db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.ownerKind, 'supporter'), eq(calendarFeeds.ownerId, supporterId)))
    .get();
  return row?.createdAt ?? null;
}

// ---------------------------------------------------------------------------------------------
// Writing: each returns null when the request, visit or block is not the supporter's.

function ownsRequest(q: Queryable, supporterId: number, requestId: number) {
  return (
    q
      .select({ status: supportRequests.status, assignmentStatus: supportRequests.assignmentStatus })
      .from(supportRequests)
      .where(and(eq(supportRequests.id, requestId), eq(supportRequests.supporterId, supporterId)))
      .get() ?? null
  );
}

function ownsVisit(q: Queryable, supporterId: number, visitId: number): Visit | null {
  return q.select().from(visits).where(and(eq(visits.id, visitId), eq(visits.supporterId, supporterId))).get() ?? null;
}

export type RespondInput = { supporterId: number; requestId: number; accept: boolean; reason?: string; now: number };

/** Accepts or declines an assignment of the supporter (a decline sends the request back to the team). */
export function answerMyAssignment(db: Db, input: RespondInput): AssignmentResult | null {
  return db.transaction((tx) => {
    if (!ownsRequest(tx, input.supporterId, input.requestId)) return null;
    return respondToAssignment(db, input);
  }, immediate);
}

/** The assignment has not been accepted (yet): no visits can be proposed. */
export type NotAccepted = { ok: false; problem: 'not_accepted' };

export type ProposeInput = {
  supporterId: number;
  requestId: number;
  when: WhenInput;
  location: string;
  now: number;
  /** Go on past a holiday warning (see scheduleVisit). */
  confirmHolidays?: boolean;
};

/** Proposes a visit for a request the supporter has accepted; the booking core decides. */
export function proposeMyVisit(db: Db, input: ProposeInput): VisitResult | NotAccepted | null {
  return db.transaction((tx): VisitResult | NotAccepted | null => {
    const request = ownsRequest(tx, input.supporterId, input.requestId);
    if (!request) return null;
    if (request.assignmentStatus !== 'accepted') return { ok: false, problem: 'not_accepted' };
    return scheduleVisit(db, {
      actorUserId: input.supporterId,
      now: input.now,
      requestId: input.requestId,
      supporterId: input.supporterId,
      when: input.when,
      location: input.location,
      confirmHolidays: input.confirmHolidays,
    });
  }, immediate);
}

export type MoveInput = {
  supporterId: number;
  visitId: number;
  when: WhenInput;
  location: string;
  reason: string;
  now: number;
  /** Go on past a holiday warning (see rescheduleVisit). */
  confirmHolidays?: boolean;
};

/** Moves the supporter's own planned visit (the supporter stays the same). */
export function moveMyVisit(db: Db, input: MoveInput): RescheduleResult | null {
  return db.transaction((tx) => {
    if (!ownsVisit(tx, input.supporterId, input.visitId)) return null;
    return rescheduleVisit(db, {
      actorUserId: input.supporterId,
      now: input.now,
      visitId: input.visitId,
      when: input.when,
      location: input.location,
      reason: input.reason,
      confirmHolidays: input.confirmHolidays,
    });
  }, immediate);
}

export type CancelInput = { supporterId: number; visitId: number; reason: string; now: number };

export function cancelMyVisit(db: Db, input: CancelInput): VisitResult | null {
  return db.transaction((tx) => {
    if (!ownsVisit(tx, input.supporterId, input.visitId)) return null;
    return cancelVisit(db, { actorUserId: input.supporterId, now: input.now, visitId: input.visitId, reason: input.reason });
  }, immediate);
}

export type RecordHeldInput = {
  supporterId: number;
  visitId: number;
  minutesSpent: number;
  report: string;
  reportVisibleToRegion: boolean;
  now: number;
};

export function recordMyVisitHeld(db: Db, input: RecordHeldInput): VisitResult | null {
  return db.transaction((tx) => {
    if (!ownsVisit(tx, input.supporterId, input.visitId)) return null;
    return recordVisitHeld(db, {
      actorUserId: input.supporterId,
      now: input.now,
      visitId: input.visitId,
      minutesSpent: input.minutesSpent,
      report: input.report,
      reportVisibleToRegion: input.reportVisibleToRegion,
    });
  }, immediate);
}

export type ReportInput = { supporterId: number; visitId: number; report: string; reportVisibleToRegion: boolean; now: number };

/** Not held (yet): a report is written when recording the visit as held. */
export type NotHeld = { ok: false; problem: 'not_held' };

/** Writes or corrects the report of the supporter's own held visit. */
export function updateMyReport(db: Db, input: ReportInput): { ok: true; visit: Visit } | NotHeld | null {
  return db.transaction((tx) => {
    const visit = ownsVisit(tx, input.supporterId, input.visitId);
    if (!visit) return null;
    if (visit.status !== 'held') return { ok: false as const, problem: 'not_held' as const };
    const report = input.report.trim();
    const updated = tx
      .update(visits)
      .set({ report, reportVisibleToRegion: input.reportVisibleToRegion, updatedAt: input.now })
      .where(eq(visits.id, visit.id))
      .returning()
      .get()!;
    writeAudit(tx, { actorUserId: input.supporterId, now: input.now }, {
      action: 'visit.report_updated',
      entityType: 'visit',
      entityId: visit.id,
      regionId: visit.regionId,
      before: { hasReport: Boolean(visit.report), reportVisibleToRegion: visit.reportVisibleToRegion },
      after: { hasReport: Boolean(report), reportVisibleToRegion: input.reportVisibleToRegion },
    });
    return { ok: true as const, visit: updated };
  }, immediate);
}

export type AddBlockInput = { supporterId: number; when: WhenInput; reason: string; now: number };

export function addMyBlock(db: Db, input: AddBlockInput): AddUnavailabilityResult {
  return addUnavailability(db, { actorUserId: input.supporterId, now: input.now, supporterId: input.supporterId, when: input.when, reason: input.reason });
}

export function removeMyBlock(db: Db, input: { supporterId: number; blockId: number; now: number }): { ok: true } | null {
  return db.transaction((tx) => {
    const block = tx
      .select({ id: unavailability.id })
      .from(unavailability)
      .where(and(eq(unavailability.id, input.blockId), eq(unavailability.supporterId, input.supporterId)))
      .get();
    if (!block) return null;
    removeUnavailability(db, { actorUserId: input.supporterId, now: input.now, blockId: block.id });
    return { ok: true as const };
  }, immediate);
}

/** A new calendar link for the supporter; the previous one stops working. Returns the secret token. */
export function replaceMyFeed(db: Db, supporterId: number, now: number): string {
  return replaceFeed(db, { ownerKind: 'supporter', ownerId: supporterId, actorUserId: supporterId, now });
}

export type ProfileInput = { userId: number; name: string; language: Language; themes: string[]; now: number };

export function updateMyProfile(db: Db, input: ProfileInput): MyProfile {
  return db.transaction((tx) => {
    const before = tx
      .select({ name: users.name, language: users.language, themes: users.themes })
      .from(users)
      .where(eq(users.id, input.userId))
      .get();
    if (!before) throw new Error(`user ${input.userId} not found`);
    const themes = [...new Set(input.themes.filter(isThemeKey))];
    const after = { name: input.name.trim(), language: input.language, themes };
    const updated = tx
      .update(users)
      .set({ ...after, updatedAt: input.now })
      .where(eq(users.id, input.userId))
      .returning({ id: users.id, name: users.name, email: users.email, language: users.language, themes: users.themes })
      .get()!;
    writeAudit(tx, { actorUserId: input.userId, now: input.now }, {
      action: 'user.profile_updated',
      entityType: 'user',
      entityId: input.userId,
      regionId: null,
      before,
      after,
    });
    return updated;
  }, immediate);
}

/** Changing one's password is its own use case (app/services/password-change.server.ts), shared with /wachtwoord. */
export { changePassword as changeMyPassword, type PasswordChangeResult } from './password-change.server';
