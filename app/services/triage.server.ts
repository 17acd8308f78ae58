/**
 * The coordinators' triage: the inbox, the request page, and the use cases behind its buttons
 * (accept, decline, note, close, answer a region's question, and visits booked from the request
 * page with their line in the request's history).
 *
 * Every write is one BEGIN IMMEDIATE transaction with its audit row. Where a decision needs a booking
 * use case (visits.server.ts opens its own transaction), that use case is called INSIDE our
 * transaction: better-sqlite3 turns a transaction started inside another into a SAVEPOINT on the same
 * connection, so the visit change, the question's answer and the history line commit together or not
 * at all. A refusal from the booking core writes nothing and leaves our transaction to return it.
 */
import { and, asc, count, desc, eq, gt, inArray, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '~db/client';
import {
  regionQuestions,
  regions,
  requestEvents,
  supportRequests,
  supportTypes,
  unavailability,
  users,
  visits,
  type RequestStatus,
} from '~db/schema';
import type { InboxFilters } from '~/components/triage-schemas';
import { withRemaining, type Ledger } from '~/domain/ledger';
import {
  parsePreferredPeriod,
  rankSupporters,
  type PreferredPeriod,
  type Suggestion,
  type SuggestionCandidate,
} from '~/domain/supporter-suggestions';
import { amsterdamYear, type Lang } from '~/domain/time';
import { enqueueQuestionAnswered, enqueueRequestDeclined } from '~/mail/notify.server';
import { assignSupporter, unassignSupporter } from './assignments.server';
import { actorKind, ledgerFigures, writeAudit, type Actor, type Refused } from './common.server';
import { CRITICAL_FRIEND_KEY, supporterLoads } from './read-models.server';
import {
  cancelVisit,
  recordVisitHeld,
  rescheduleVisit,
  scheduleVisit,
  type Visit,
  type WhenInput,
} from './visits.server';

const DAY = 24 * 60 * 60 * 1000;
const immediate = { behavior: 'immediate' } as const;
const OPEN: RequestStatus[] = ['submitted', 'accepted'];

// ---------------------------------------------------------------------------------------------
// Results

/** Why a triage action did nothing (shown through the triage namespace: `triage:problems.<key>`). */
export type TriageProblem =
  | 'notFound'
  | 'notSubmitted'
  | 'notOpen'
  | 'hasPlannedVisits'
  | 'reasonRequired'
  | 'textRequired'
  | 'questionNotOpen'
  | 'unknownSupporter';

export type Problem = { ok: false; problem: TriageProblem };
export type TriageResult = { ok: true } | Problem | Refused;
export type VisitActionResult = { ok: true; visit: Visit } | Problem | Refused;

const problem = (p: TriageProblem): Problem => ({ ok: false, problem: p });

/** Rolls the whole transaction back and hands its result to the caller. */
class Abort extends Error {
  constructor(readonly result: Problem | Refused) {
    super('aborted');
  }
}

function inTransaction<T>(db: Db, fn: (tx: Tx) => T): T | Problem | Refused {
  try {
    return db.transaction(fn, immediate);
  } catch (error) {
    if (error instanceof Abort) return error.result;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The inbox (its filters are in app/components/triage-schemas.ts, shared with the page)


const activeVisitCount = sql<number>`(select count(*) from visits v where v.request_id = ${supportRequests.id} and v.status in ('planned', 'held'))`;
const openQuestionCount = sql<number>`(select count(*) from region_questions q where q.request_id = ${supportRequests.id} and q.status = 'open')`;
/** Since when the request waits for the team: its oldest open question, else its submission. */
const waitingSince = sql<number>`coalesce((select min(q.created_at) from region_questions q where q.request_id = ${supportRequests.id} and q.status = 'open'), ${supportRequests.createdAt})`;

const INBOX_LIMIT = 300;

export function inboxView(db: Queryable, filters: InboxFilters, now: number) {
  const minAge = filters.minAgeDays === null ? undefined : now - filters.minAgeDays * DAY;
  const status: SQL | undefined =
    filters.status === 'open'
      ? and(inArray(supportRequests.status, OPEN), sql`(${activeVisitCount} = 0 or ${openQuestionCount} > 0)`)
      : filters.status === 'all'
        ? undefined
        : eq(supportRequests.status, filters.status);
  const requests = db
    .select({
      id: supportRequests.id,
      status: supportRequests.status,
      assignmentStatus: supportRequests.assignmentStatus,
      createdAt: supportRequests.createdAt,
      waitingSince,
      theme: supportRequests.theme,
      contactName: supportRequests.contactName,
      regionId: regions.id,
      regionName: regions.name,
      registrationNumber: regions.registrationNumber,
      typeNameNl: supportTypes.nameNl,
      typeNameEn: supportTypes.nameEn,
      supporterName: users.name,
      visitCount: activeVisitCount,
      openQuestions: openQuestionCount,
    })
    .from(supportRequests)
    .innerJoin(regions, eq(regions.id, supportRequests.regionId))
    .innerJoin(supportTypes, eq(supportTypes.id, supportRequests.supportTypeId))
    .leftJoin(users, eq(users.id, supportRequests.supporterId))
    .where(
      and(
        status,
        filters.regionId === null ? undefined : eq(supportRequests.regionId, filters.regionId),
        filters.supportTypeId === null ? undefined : eq(supportRequests.supportTypeId, filters.supportTypeId),
        minAge === undefined ? undefined : lte(waitingSince, minAge),
      ),
    )
    .orderBy(...(filters.sort === 'oldest' ? [asc(waitingSince), asc(supportRequests.id)] : [desc(supportRequests.createdAt), desc(supportRequests.id)]))
    .limit(INBOX_LIMIT + 1)
    .all();

  const questions = db
    .select({
      id: regionQuestions.id,
      requestId: regionQuestions.requestId,
      kind: regionQuestions.kind,
      reason: regionQuestions.reason,
      createdAt: regionQuestions.createdAt,
      proposedStartsAt: regionQuestions.proposedStartsAt,
      proposedEndsAt: regionQuestions.proposedEndsAt,
      visitStartsAt: visits.startsAt,
      visitEndsAt: visits.endsAt,
      regionId: regions.id,
      regionName: regions.name,
      registrationNumber: regions.registrationNumber,
      typeNameNl: supportTypes.nameNl,
      typeNameEn: supportTypes.nameEn,
    })
    .from(regionQuestions)
    .innerJoin(supportRequests, eq(supportRequests.id, regionQuestions.requestId))
    .innerJoin(regions, eq(regions.id, supportRequests.regionId))
    .innerJoin(supportTypes, eq(supportTypes.id, supportRequests.supportTypeId))
    .leftJoin(visits, eq(visits.id, regionQuestions.visitId))
    .where(
      and(
        eq(regionQuestions.status, 'open'),
        filters.regionId === null ? undefined : eq(supportRequests.regionId, filters.regionId),
        filters.supportTypeId === null ? undefined : eq(supportRequests.supportTypeId, filters.supportTypeId),
        minAge === undefined ? undefined : lte(regionQuestions.createdAt, minAge),
      ),
    )
    .orderBy(filters.sort === 'oldest' ? asc(regionQuestions.createdAt) : desc(regionQuestions.createdAt), asc(regionQuestions.id))
    .all();

  // Only what really waits for the team counts for "newest" and "waiting longest" (not ended requests).
  const waiting = [
    ...requests.filter((r) => OPEN.includes(r.status)).map((r) => ({ kind: 'request' as const, requestId: r.id, regionName: r.regionName, at: r.waitingSince, createdAt: r.createdAt })),
    ...questions.map((q) => ({ kind: 'question' as const, requestId: q.requestId, regionName: q.regionName, at: q.createdAt, createdAt: q.createdAt })),
  ];
  const newest = waiting.reduce<(typeof waiting)[number] | null>((best, w) => (!best || w.createdAt > best.createdAt ? w : best), null);
  const oldest = waiting.reduce<(typeof waiting)[number] | null>((best, w) => (!best || w.at < best.at ? w : best), null);

  return {
    requests: requests.slice(0, INBOX_LIMIT),
    truncated: requests.length > INBOX_LIMIT,
    questions,
    newest,
    oldest,
    regions: db
      .select({ id: regions.id, name: regions.name, registrationNumber: regions.registrationNumber })
      .from(regions)
      .orderBy(asc(regions.name))
      .all(),
    supportTypes: db
      .select({ id: supportTypes.id, nameNl: supportTypes.nameNl, nameEn: supportTypes.nameEn })
      .from(supportTypes)
      .orderBy(asc(supportTypes.sortOrder), asc(supportTypes.id))
      .all(),
  };
}

// ---------------------------------------------------------------------------------------------
// The request page

function requestRow(db: Queryable, requestId: number) {
  return db
    .select({
      id: supportRequests.id,
      status: supportRequests.status,
      assignmentStatus: supportRequests.assignmentStatus,
      supporterId: supportRequests.supporterId,
      question: supportRequests.question,
      theme: supportRequests.theme,
      preferredPeriod: supportRequests.preferredPeriod,
      location: supportRequests.location,
      expectedHalfDays: supportRequests.expectedHalfDays,
      contactName: supportRequests.contactName,
      contactEmail: supportRequests.contactEmail,
      contactRole: supportRequests.contactRole,
      contactLanguage: supportRequests.contactLanguage,
      createdAt: supportRequests.createdAt,
      updatedAt: supportRequests.updatedAt,
      regionId: regions.id,
      regionName: regions.name,
      registrationNumber: regions.registrationNumber,
      province: regions.province,
      planStatus: regions.planStatus,
      speerpunten: regions.speerpunten,
      supportTypeId: supportTypes.id,
      typeKey: supportTypes.key,
      typeNameNl: supportTypes.nameNl,
      typeNameEn: supportTypes.nameEn,
      drawsOnDays: supportTypes.drawsOnDays,
      defaultMinutes: supportTypes.defaultMinutes,
      supporterName: users.name,
    })
    .from(supportRequests)
    .innerJoin(regions, eq(regions.id, supportRequests.regionId))
    .innerJoin(supportTypes, eq(supportTypes.id, supportRequests.supportTypeId))
    .leftJoin(users, eq(users.id, supportRequests.supporterId))
    .where(eq(supportRequests.id, requestId))
    .get();
}

export type RequestPage = NonNullable<ReturnType<typeof requestPage>>;

/** Everything the coordinators' request page shows, internal notes included; null for an unknown id. */
export function requestPage(db: Db, requestId: number, now: number) {
  const request = requestRow(db, requestId);
  if (!request) return null;
  const history = db
    .select({
      id: requestEvents.id,
      at: requestEvents.at,
      kind: requestEvents.kind,
      message: requestEvents.message,
      visibleToRegion: requestEvents.visibleToRegion,
      actorKind: requestEvents.actorKind,
      actorName: users.name,
    })
    .from(requestEvents)
    .leftJoin(users, eq(users.id, requestEvents.actorUserId))
    .where(eq(requestEvents.requestId, requestId))
    .orderBy(asc(requestEvents.at), asc(requestEvents.id))
    .all();
  const requestVisits = db
    .select({
      id: visits.id,
      startsAt: visits.startsAt,
      endsAt: visits.endsAt,
      location: visits.location,
      status: visits.status,
      halfDays: visits.halfDays,
      supporterId: visits.supporterId,
      supporterName: users.name,
      minutesSpent: visits.minutesSpent,
      report: visits.report,
      reportVisibleToRegion: visits.reportVisibleToRegion,
      cancelReason: visits.cancelReason,
      sequence: visits.sequence,
    })
    .from(visits)
    .innerJoin(users, eq(users.id, visits.supporterId))
    .where(eq(visits.requestId, requestId))
    .orderBy(asc(visits.startsAt), asc(visits.id))
    .all();
  const questions = db
    .select({
      id: regionQuestions.id,
      kind: regionQuestions.kind,
      visitId: regionQuestions.visitId,
      reason: regionQuestions.reason,
      proposedStartsAt: regionQuestions.proposedStartsAt,
      proposedEndsAt: regionQuestions.proposedEndsAt,
      status: regionQuestions.status,
      answer: regionQuestions.answer,
      handledAt: regionQuestions.handledAt,
      handledByName: users.name,
      createdAt: regionQuestions.createdAt,
    })
    .from(regionQuestions)
    .leftJoin(users, eq(users.id, regionQuestions.handledById))
    .where(eq(regionQuestions.requestId, requestId))
    .orderBy(asc(regionQuestions.createdAt), asc(regionQuestions.id))
    .all();
  const year = amsterdamYear(now);
  const open = OPEN.includes(request.status);
  const cf = db
    .select({ id: supportTypes.id, cap: supportTypes.capPerRegion })
    .from(supportTypes)
    .where(eq(supportTypes.key, CRITICAL_FRIEND_KEY))
    .get();
  const cfUsed = cf
    ? (db
        .select({ n: count() })
        .from(visits)
        .where(and(eq(visits.regionId, request.regionId), eq(visits.supportTypeId, cf.id), inArray(visits.status, ['planned', 'held'])))
        .get()?.n ?? 0)
    : 0;
  const ledger: Ledger = withRemaining(ledgerFigures(db, request.regionId, year));
  const supporters = db
    .select({ id: users.id, name: users.name, homeRegionId: users.homeRegionId })
    .from(users)
    .where(and(eq(users.role, 'supporter'), eq(users.active, true)))
    .orderBy(asc(users.name))
    .all();
  return {
    request,
    history,
    visits: requestVisits,
    questions,
    year,
    ledger,
    criticalFriend: cf?.cap != null ? { used: cfUsed, cap: cf.cap } : null,
    supporters,
    suggestions: open ? supporterSuggestions(db, request, now) : null,
  };
}

/**
 * The ranked suggestions for a request: the facts per supporter (themes, load this year, earlier
 * work in the region, appointments in the preferred period) handed to the pure ranking.
 */
export function supporterSuggestions(
  db: Db,
  request: { id: number; regionId: number; theme: string | null; preferredPeriod: string; speerpunten: string[] },
  now: number,
): { suggestions: Suggestion[]; period: PreferredPeriod | null; year: number } {
  const year = amsterdamYear(now);
  const loads = new Map(supporterLoads(db, year).map((l) => [l.supporterId, l.plannedHalfDays]));
  const people = db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active, homeRegionId: users.homeRegionId, themes: users.themes })
    .from(users)
    .where(eq(users.role, 'supporter'))
    .all();
  const regionVisits = new Map(
    db
      .select({ supporterId: visits.supporterId, n: count() })
      .from(visits)
      .where(and(eq(visits.regionId, request.regionId), ne(visits.status, 'cancelled')))
      .groupBy(visits.supporterId)
      .all()
      .map((r) => [r.supporterId, r.n]),
  );
  const regionRequests = new Map(
    db
      .select({ supporterId: supportRequests.supporterId, n: count() })
      .from(supportRequests)
      .where(and(eq(supportRequests.regionId, request.regionId), ne(supportRequests.id, request.id)))
      .groupBy(supportRequests.supporterId)
      .all()
      .map((r) => [r.supporterId, r.n]),
  );
  const period = parsePreferredPeriod(request.preferredPeriod);
  const busy = new Map<number, number>();
  if (period) {
    const busyRows = [
      ...db
        .select({ supporterId: visits.supporterId, n: count() })
        .from(visits)
        .where(and(ne(visits.status, 'cancelled'), lt(visits.startsAt, period.endsAt), gt(visits.endsAt, period.startsAt)))
        .groupBy(visits.supporterId)
        .all(),
      ...db
        .select({ supporterId: unavailability.supporterId, n: count() })
        .from(unavailability)
        .where(and(lt(unavailability.startsAt, period.endsAt), gt(unavailability.endsAt, period.startsAt)))
        .groupBy(unavailability.supporterId)
        .all(),
    ];
    for (const row of busyRows) busy.set(row.supporterId, (busy.get(row.supporterId) ?? 0) + row.n);
  }
  const candidates: SuggestionCandidate[] = people.map((p) => ({
    ...p,
    plannedHalfDays: loads.get(p.id) ?? 0,
    regionVisits: regionVisits.get(p.id) ?? 0,
    regionRequests: regionRequests.get(p.id) ?? 0,
    busyInPeriod: period ? (busy.get(p.id) ?? 0) : null,
  }));
  const suggestions = rankSupporters(candidates, {
    regionId: request.regionId,
    requestTheme: request.theme,
    speerpunten: request.speerpunten,
  });
  return { suggestions, period, year };
}

// ---------------------------------------------------------------------------------------------
// Use cases on the request

type RequestFacts = { id: number; status: RequestStatus; regionId: number; contactLanguage: Lang };

function requestFacts(tx: Queryable, requestId: number): RequestFacts | undefined {
  return tx
    .select({ id: supportRequests.id, status: supportRequests.status, regionId: supportRequests.regionId, contactLanguage: supportRequests.contactLanguage })
    .from(supportRequests)
    .where(eq(supportRequests.id, requestId))
    .get();
}

function plannedVisitIds(tx: Queryable, requestId: number): number[] {
  return tx
    .select({ id: visits.id })
    .from(visits)
    .where(and(eq(visits.requestId, requestId), eq(visits.status, 'planned')))
    .orderBy(asc(visits.startsAt))
    .all()
    .map((v) => v.id);
}

function addEvent(tx: Tx, actor: Actor, requestId: number, kind: string, message: string, visibleToRegion = true): void {
  tx.insert(requestEvents)
    .values({ requestId, at: actor.now, actorUserId: actor.actorUserId, actorKind: actorKind(actor.actorUserId), kind, message, visibleToRegion })
    .run();
}

function setStatus(tx: Tx, actor: Actor, request: RequestFacts, status: RequestStatus, message: string, reason: string | null): void {
  tx.update(supportRequests).set({ status, updatedAt: actor.now }).where(eq(supportRequests.id, request.id)).run();
  addEvent(tx, actor, request.id, status, message);
  writeAudit(tx, actor, {
    action: `request.${status}`,
    entityType: 'support_request',
    entityId: request.id,
    regionId: request.regionId,
    before: { status: request.status },
    after: { status },
    reason,
  });
}

export type RequestActionInput = Actor & { requestId: number };

/** The team takes a submitted request on. */
export function acceptRequest(db: Db, input: RequestActionInput): TriageResult {
  return inTransaction(db, (tx): TriageResult => {
    const request = requestFacts(tx, input.requestId);
    if (!request) return problem('notFound');
    if (request.status !== 'submitted') return problem('notSubmitted');
    setStatus(tx, input, request, 'accepted', '', null);
    return { ok: true };
  });
}

/** The team declines an open request with a reason; the contact gets an e-mail with that reason. */
export function declineRequest(db: Db, input: RequestActionInput & { reason: string }): TriageResult {
  return inTransaction(db, (tx): TriageResult => {
    const request = requestFacts(tx, input.requestId);
    if (!request) return problem('notFound');
    if (!OPEN.includes(request.status)) return problem('notOpen');
    const reason = input.reason.trim();
    if (!reason) return problem('reasonRequired');
    if (plannedVisitIds(tx, request.id).length > 0) return problem('hasPlannedVisits');
    setStatus(tx, input, request, 'declined', reason, reason);
    enqueueRequestDeclined(tx, request.id, reason, input.now);
    return { ok: true };
  });
}

/** Ends an open request without planned visits (the support is done, or nothing more will happen). */
export function closeRequest(db: Db, input: RequestActionInput & { message?: string }): TriageResult {
  return inTransaction(db, (tx): TriageResult => {
    const request = requestFacts(tx, input.requestId);
    if (!request) return problem('notFound');
    if (!OPEN.includes(request.status)) return problem('notOpen');
    if (plannedVisitIds(tx, request.id).length > 0) return problem('hasPlannedVisits');
    const message = input.message?.trim() ?? '';
    setStatus(tx, input, request, 'closed', message, message || null);
    return { ok: true };
  });
}

/** An internal note: in the request's history for the team only, never shown to the region or mailed. */
export function addInternalNote(db: Db, input: RequestActionInput & { text: string }): TriageResult {
  return inTransaction(db, (tx): TriageResult => {
    const request = requestFacts(tx, input.requestId);
    if (!request) return problem('notFound');
    const text = input.text.trim();
    if (!text) return problem('textRequired');
    addEvent(tx, input, request.id, 'note', text, false);
    writeAudit(tx, input, {
      action: 'request.note_added',
      entityType: 'support_request',
      entityId: request.id,
      regionId: request.regionId,
      after: { note: text },
    });
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Assigning from the request page (assignments.server.ts decides and keeps the history)

export type AssignFromRequestResult = { ok: true; supporterName: string; changed: boolean } | Problem | Refused;

/** Assigns or reassigns a supporter; an unknown id is a problem, not an error. */
export function assignSupporterToRequest(db: Db, input: Actor & { requestId: number; supporterId: number }): AssignFromRequestResult {
  if (!requestFacts(db, input.requestId)) return problem('notFound');
  const supporter = db.select({ name: users.name }).from(users).where(eq(users.id, input.supporterId)).get();
  if (!supporter) return problem('unknownSupporter');
  const result = assignSupporter(db, input);
  return result.ok ? { ok: true, supporterName: supporter.name, changed: result.changed } : result;
}

export function unassignSupporterFromRequest(db: Db, input: Actor & { requestId: number }): TriageResult {
  if (!requestFacts(db, input.requestId)) return problem('notFound');
  const result = unassignSupporter(db, input);
  return result.ok ? { ok: true } : result;
}

// ---------------------------------------------------------------------------------------------
// Visits from the request page: the booking use case and a line in the request's history together

function supporterExists(tx: Queryable, supporterId: number): boolean {
  return Boolean(tx.select({ id: users.id }).from(users).where(eq(users.id, supporterId)).get());
}

function visitOfRequest(tx: Queryable, requestId: number, visitId: number) {
  return tx
    .select({ id: visits.id, status: visits.status })
    .from(visits)
    .where(and(eq(visits.id, visitId), eq(visits.requestId, requestId)))
    .get();
}


export type ScheduleFromRequestInput = Actor & {
  requestId: number;
  supporterId: number;
  when: WhenInput;
  location?: string;
  halfDays?: number;
  /** Go on past a holiday warning (see scheduleVisit). */
  confirmHolidays?: boolean;
};

/**
 * Books a visit for the request (scheduleVisit: every rule, the audit row and the invitations). A
 * request that was still only submitted is taken on at the same time.
 */
export function scheduleVisitForRequest(db: Db, input: ScheduleFromRequestInput): VisitActionResult {
  return inTransaction(db, (tx): VisitActionResult => {
    const request = requestFacts(tx, input.requestId);
    if (!request) return problem('notFound');
    if (!supporterExists(tx, input.supporterId)) return problem('unknownSupporter');
    // Taken on first, so the history reads in order; a refused booking rolls that back too (Abort).
    if (request.status === 'submitted') setStatus(tx, input, request, 'accepted', '', null);
    // Nested: a savepoint inside this transaction (see the note at the top of this file).
    const result = scheduleVisit(db, input);
    if (!result.ok) throw new Abort(result);
    return result;
  });
}

export type RescheduleFromRequestInput = Actor & {
  requestId: number;
  visitId: number;
  supporterId: number;
  when: WhenInput;
  location?: string;
  halfDays?: number;
  reason?: string;
  /** Go on past a holiday warning (see rescheduleVisit). */
  confirmHolidays?: boolean;
};

/** Moves a planned visit of the request (new times, place or supporter): rescheduleVisit plus history. */
export function rescheduleVisitForRequest(db: Db, input: RescheduleFromRequestInput): VisitActionResult & { changed?: boolean } {
  return inTransaction(db, (tx): VisitActionResult & { changed?: boolean } => {
    const request = requestFacts(tx, input.requestId);
    if (!request || !visitOfRequest(tx, request.id, input.visitId)) return problem('notFound');
    if (!supporterExists(tx, input.supporterId)) return problem('unknownSupporter');
    const result = rescheduleVisit(db, input);
    if (!result.ok) return result;
    return result;
  });
}

/** Cancels a planned visit of the request with a reason: cancelVisit plus history. */
export function cancelVisitForRequest(db: Db, input: Actor & { requestId: number; visitId: number; reason: string }): VisitActionResult {
  return inTransaction(db, (tx): VisitActionResult => {
    const request = requestFacts(tx, input.requestId);
    if (!request || !visitOfRequest(tx, request.id, input.visitId)) return problem('notFound');
    const result = cancelVisit(db, input);
    if (!result.ok) return result;
    return result;
  });
}

export type RecordHeldFromRequestInput = Actor & {
  requestId: number;
  visitId: number;
  minutesSpent: number;
  report: string;
  reportVisibleToRegion: boolean;
};

/** Records a visit of the request as held (hours and report): recordVisitHeld plus history. */
export function recordVisitHeldForRequest(db: Db, input: RecordHeldFromRequestInput): VisitActionResult {
  return inTransaction(db, (tx): VisitActionResult => {
    const request = requestFacts(tx, input.requestId);
    if (!request || !visitOfRequest(tx, request.id, input.visitId)) return problem('notFound');
    const result = recordVisitHeld(db, input);
    if (!result.ok) return result;
    return result;
  });
}

// ---------------------------------------------------------------------------------------------
// The region's questions: move or cancel a visit, withdraw the request

export type AnswerQuestionInput = Actor & {
  requestId: number;
  questionId: number;
  grant: boolean;
  /** Required when refusing; optional when granting. */
  answer: string;
};

/**
 * Grants or refuses an open question in ONE immediate transaction: granting a move reschedules the
 * visit to the proposed times (rescheduleVisit), granting a cancel cancels it with the region's
 * reason (cancelVisit), granting a withdraw withdraws the request and cancels its planned visits.
 * The booking use cases run nested (savepoints) in this transaction, so when the rules refuse,
 * nothing is written and the question stays open; on success the visit change, its invitations,
 * the answer and the history lines commit together.
 */
const WITHDRAWN_ANSWER = { nl: 'De aanvraag is ingetrokken.', en: 'The request has been withdrawn.' } as const;

export function answerQuestion(db: Db, input: AnswerQuestionInput): TriageResult {
  return inTransaction(db, (tx): TriageResult => {
    const question = tx
      .select()
      .from(regionQuestions)
      .where(and(eq(regionQuestions.id, input.questionId), eq(regionQuestions.requestId, input.requestId)))
      .get();
    const request = requestFacts(tx, input.requestId);
    if (!question || !request) return problem('notFound');
    if (question.status !== 'open') return problem('questionNotOpen');
    const answer = input.answer.trim();
    if (!input.grant && !answer) return problem('textRequired');
    const visitBefore =
      question.visitId === null
        ? null
        : (tx.select({ startsAt: visits.startsAt, endsAt: visits.endsAt }).from(visits).where(eq(visits.id, question.visitId)).get() ?? null);

    if (input.grant) {
      if (question.kind === 'move') {
        if (question.visitId === null || question.proposedStartsAt === null || question.proposedEndsAt === null) return problem('notFound');
        const moved = rescheduleVisit(db, {
          actorUserId: input.actorUserId,
          now: input.now,
          visitId: question.visitId,
          when: { startsAt: question.proposedStartsAt, endsAt: question.proposedEndsAt },
          reason: question.reason,
          // The region itself asked for these times: its own holidays are no news to it.
          confirmHolidays: true,
        });
        if (!moved.ok) return moved;
      } else if (question.kind === 'cancel') {
        if (question.visitId === null) return problem('notFound');
        const cancelled = cancelVisit(db, { actorUserId: input.actorUserId, now: input.now, visitId: question.visitId, reason: question.reason });
        if (!cancelled.ok) return cancelled;
      } else {
        if (!OPEN.includes(request.status)) return problem('notOpen');
        for (const visitId of plannedVisitIds(tx, request.id)) {
          const cancelled = cancelVisit(db, { actorUserId: input.actorUserId, now: input.now, visitId, reason: question.reason });
          // Undo the visits cancelled so far: the withdrawal happens whole or not at all.
          if (!cancelled.ok) throw new Abort(cancelled);
        }
        setStatus(tx, input, request, 'withdrawn', question.reason, question.reason);
        // The request's other open questions (move or cancel a visit) have lost their object.
        tx.update(regionQuestions)
          .set({ status: 'refused', answer: WITHDRAWN_ANSWER[request.contactLanguage], handledById: input.actorUserId, handledAt: input.now })
          .where(and(eq(regionQuestions.requestId, request.id), eq(regionQuestions.status, 'open'), ne(regionQuestions.id, question.id)))
          .run();
      }
    }

    const status = input.grant ? 'granted' : 'refused';
    tx.update(regionQuestions)
      .set({ status, answer, handledById: input.actorUserId, handledAt: input.now })
      .where(eq(regionQuestions.id, question.id))
      .run();
    addEvent(tx, input, request.id, 'question_answered', answer);
    writeAudit(tx, input, {
      action: `region_question.${status}`,
      entityType: 'region_question',
      entityId: question.id,
      regionId: request.regionId,
      before: { status: 'open', kind: question.kind },
      after: { status, answer },
    });
    enqueueQuestionAnswered(tx, question.id, { granted: input.grant, text: answer, visitBefore }, input.now);
    return { ok: true };
  });
}
