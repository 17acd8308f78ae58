/**
 * Use cases of the public side: a region asks for support, follows it through its private link,
 * and asks the team to move or cancel a visit or to withdraw the request.
 */
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { buildFeed } from '~/calendar/ics';
import { visitCalendarEvent } from '~/calendar/visit-event';
import { getMailConfig } from '~/mail/mail-config.server';
import { selectVisitRecords, visitMessageFacts } from '~/mail/visit-facts.server';
import type { Db, Queryable, Tx } from '~db/client';
import {
  regionQuestions,
  regions,
  requestEvents,
  supportRequests,
  supportTypes,
  users,
  visits,
  type ContactRole,
  type Language,
  type QuestionKind,
} from '~db/schema';
import { hashToken } from '~/auth/tokens.server';
import { withRemaining, type Ledger } from '~/domain/ledger';
import type { Refusal } from '~/domain/refusals';
import { checkCap, checkCutOff, type SupportTypeFacts } from '~/domain/rules';
import { amsterdamYear } from '~/domain/time';
import { enqueueQuestionReceived, enqueueRequestReceived } from '~/mail/notify.server';
import { newStatusLink } from '~/mail/status-links.server';
import { ledgerFigures, writeAudit } from './common.server';
import { tryConsume, type Bucket } from './rate-limit.server';

const HOUR = 60 * 60 * 1000;
export const REQUESTS_PER_ADDRESS_PER_HOUR = 5;
/**
 * Per contact e-mail address, so nobody can make us mail one inbox over and over. There is no limit
 * per region: anonymous visitors from rotating addresses could use it up and shut a region's form.
 * Unusual numbers for a region show on the team's dashboard instead (flood-watch.server.ts).
 */
export const REQUESTS_PER_EMAIL_PER_DAY = 10;
export const QUESTIONS_PER_REQUEST_PER_DAY = 10;

export type RegionChoice = { id: number; registrationNumber: string; name: string; province: string };

export function listRegions(db: Queryable): RegionChoice[] {
  return db
    .select({ id: regions.id, registrationNumber: regions.registrationNumber, name: regions.name, province: regions.province })
    .from(regions)
    .orderBy(asc(regions.name))
    .all();
}

export type SupportTypeOption = SupportTypeFacts & {
  id: number;
  descriptionNl: string;
  descriptionEn: string;
  /** Planned + held visits of this type for the chosen region (0 without a region). */
  used: number;
  /** Null when it can be asked for; else why not (for this region, or for everyone). */
  unavailable: Refusal | null;
};

function typeFacts(db: Queryable) {
  return db
    .select({
      id: supportTypes.id,
      key: supportTypes.key,
      nameNl: supportTypes.nameNl,
      nameEn: supportTypes.nameEn,
      descriptionNl: supportTypes.descriptionNl,
      descriptionEn: supportTypes.descriptionEn,
      capPerRegion: supportTypes.capPerRegion,
      bookableUntil: supportTypes.bookableUntil,
      drawsOnDays: supportTypes.drawsOnDays,
      defaultMinutes: supportTypes.defaultMinutes,
    })
    .from(supportTypes)
    .where(eq(supportTypes.active, true))
    .orderBy(asc(supportTypes.sortOrder), asc(supportTypes.id))
    .all();
}

/** Planned + held visits per support type for one region. */
function typeCounts(db: Queryable, regionId: number): Map<number, number> {
  const rows = db
    .select({ typeId: visits.supportTypeId, n: sql<number>`count(*)` })
    .from(visits)
    .where(and(eq(visits.regionId, regionId), inArray(visits.status, ['planned', 'held'])))
    .groupBy(visits.supportTypeId)
    .all();
  return new Map(rows.map((r) => [r.typeId, r.n]));
}

/**
 * What the form offers: every active support type, and for a chosen region which of them can still
 * be asked for (the cut-off has not passed, the cap is not reached) and its days this year.
 */
export function requestOffer(
  db: Queryable,
  regionId: number | null,
  now: number,
): { region: RegionChoice | null; types: SupportTypeOption[]; ledger: Ledger | null; year: number } {
  const year = amsterdamYear(now);
  const region = regionId === null ? null : (listRegionById(db, regionId) ?? null);
  const counts = region ? typeCounts(db, region.id) : new Map<number, number>();
  const asRegion = region ?? { id: 0, name: '' };
  const types = typeFacts(db).map((t) => {
    const cutOff = checkCutOff(t, asRegion, now);
    const used = counts.get(t.id) ?? 0;
    const cap = region ? checkCap(t, asRegion, used) : ({ ok: true } as const);
    const unavailable = !cutOff.ok ? cutOff.refusal : !cap.ok ? cap.refusal : null;
    return { ...t, used, unavailable };
  });
  return { region, types, ledger: region ? withRemaining(ledgerFigures(db, region.id, year)) : null, year };
}

function listRegionById(db: Queryable, id: number): RegionChoice | undefined {
  return db
    .select({ id: regions.id, registrationNumber: regions.registrationNumber, name: regions.name, province: regions.province })
    .from(regions)
    .where(eq(regions.id, id))
    .get();
}

export type SubmitRequestInput = {
  regionId: number;
  supportTypeId: number;
  contactName: string;
  contactEmail: string;
  contactRole: ContactRole;
  contactLanguage: Language;
  question: string;
  theme: string | null;
  preferredPeriod: string;
  location: string;
  expectedHalfDays: number;
};

export type SubmitResult =
  | { ok: true; requestId: number; token: string }
  | { ok: false; problem: 'rateLimited' | 'unknownRegion' | 'unknownType' }
  | { ok: false; problem: 'unavailable'; refusal: Refusal };

/**
 * Stores a request, its first history line, an audit row and the confirmation e-mail (with the
 * private status link) in one immediate transaction, after the rate limits and the type's rules.
 */
export function submitRequest(db: Db, input: SubmitRequestInput, { now, ip }: { now: number; ip: string }): SubmitResult {
  return db.transaction(
    (tx): SubmitResult => {
      const region = listRegionById(tx, input.regionId);
      if (!region) return { ok: false, problem: 'unknownRegion' };
      const type = typeFacts(tx).find((t) => t.id === input.supportTypeId);
      if (!type) return { ok: false, problem: 'unknownType' };
      const cutOff = checkCutOff(type, region, now);
      if (!cutOff.ok) return { ok: false, problem: 'unavailable', refusal: cutOff.refusal };
      const cap = checkCap(type, region, typeCounts(tx, region.id).get(type.id) ?? 0);
      if (!cap.ok) return { ok: false, problem: 'unavailable', refusal: cap.refusal };

      const buckets: Bucket[] = [
        { bucket: 'request:address', key: ip, limit: REQUESTS_PER_ADDRESS_PER_HOUR, windowMs: HOUR },
        { bucket: 'request:email', key: input.contactEmail.trim().toLowerCase(), limit: REQUESTS_PER_EMAIL_PER_DAY, windowMs: 24 * HOUR },
      ];
      if (!tryConsume(tx, buckets, now)) return { ok: false, problem: 'rateLimited' };

      const link = newStatusLink();
      const request = tx
        .insert(supportRequests)
        .values({
          ...input,
          contactEmail: input.contactEmail.toLowerCase(),
          status: 'submitted',
          statusTokenHash: link.hash,
          statusNonce: link.nonce,
          consentAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: supportRequests.id })
        .get();
      tx.insert(requestEvents).values({ requestId: request.id, at: now, actorKind: 'contact', kind: 'submitted', visibleToRegion: true }).run();
      writeAudit(tx, { actorUserId: null, now }, {
        action: 'request.submitted',
        entityType: 'support_request',
        entityId: request.id,
        regionId: region.id,
        after: { supportType: type.key, contactRole: input.contactRole, expectedHalfDays: input.expectedHalfDays },
      });
      enqueueRequestReceived(tx, request.id, now);
      return { ok: true, requestId: request.id, token: link.token };
    },
    { behavior: 'immediate' },
  );
}

/** The request behind a private status link, or null (unknown, malformed or replaced token). */
export function findRequestIdByToken(db: Queryable, token: string): number | null {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const hash = hashToken(token);
  const row = db
    .select({ id: supportRequests.id })
    .from(supportRequests)
    .where(or(eq(supportRequests.statusTokenHash, hash), eq(supportRequests.statusLinkHash, hash)))
    .get();
  return row?.id ?? null;
}

/** Everything the status page shows, and nothing of other requests or regions. */
export function requestStatusView(db: Queryable, requestId: number, now: number) {
  const request = db
    .select({
      id: supportRequests.id,
      status: supportRequests.status,
      question: supportRequests.question,
      theme: supportRequests.theme,
      preferredPeriod: supportRequests.preferredPeriod,
      location: supportRequests.location,
      expectedHalfDays: supportRequests.expectedHalfDays,
      contactName: supportRequests.contactName,
      contactLanguage: supportRequests.contactLanguage,
      createdAt: supportRequests.createdAt,
      regionId: supportRequests.regionId,
      regionName: regions.name,
      registrationNumber: regions.registrationNumber,
      typeKey: supportTypes.key,
      typeNameNl: supportTypes.nameNl,
      typeNameEn: supportTypes.nameEn,
      supporterName: users.name,
      assignmentStatus: supportRequests.assignmentStatus,
    })
    .from(supportRequests)
    .innerJoin(regions, eq(regions.id, supportRequests.regionId))
    .innerJoin(supportTypes, eq(supportTypes.id, supportRequests.supportTypeId))
    .leftJoin(users, eq(users.id, supportRequests.supporterId))
    .where(eq(supportRequests.id, requestId))
    .get();
  if (!request) return null;
  const history = db
    .select({ at: requestEvents.at, kind: requestEvents.kind, message: requestEvents.message })
    .from(requestEvents)
    .where(and(eq(requestEvents.requestId, requestId), eq(requestEvents.visibleToRegion, true)))
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
      supporterName: users.name,
      report: sql<string | null>`case when ${visits.reportVisibleToRegion} then ${visits.report} else null end`,
      cancelReason: visits.cancelReason,
    })
    .from(visits)
    .innerJoin(users, eq(users.id, visits.supporterId))
    .where(eq(visits.requestId, requestId))
    .orderBy(asc(visits.startsAt))
    .all();
  const questions = db
    .select({
      id: regionQuestions.id,
      kind: regionQuestions.kind,
      visitId: regionQuestions.visitId,
      reason: regionQuestions.reason,
      status: regionQuestions.status,
      answer: regionQuestions.answer,
      createdAt: regionQuestions.createdAt,
    })
    .from(regionQuestions)
    .where(eq(regionQuestions.requestId, requestId))
    .orderBy(asc(regionQuestions.createdAt))
    .all();
  const year = amsterdamYear(now);
  const criticalFriend = requestOffer(db, request.regionId, now).types.find((t) => t.key === 'critical_friend');
  return {
    request,
    history,
    visits: requestVisits,
    questions,
    year,
    ledger: withRemaining(ledgerFigures(db, request.regionId, year)),
    criticalFriend: criticalFriend?.capPerRegion != null ? { used: criticalFriend.used, cap: criticalFriend.capPerRegion } : null,
  };
}

export type QuestionInput =
  | { kind: 'withdraw'; reason: string }
  | { kind: 'cancel'; visitId: number; reason: string }
  | { kind: 'move'; visitId: number; reason: string; proposedStartsAt: number; proposedEndsAt: number };

export type QuestionResult = { ok: true; questionId: number } | { ok: false; problem: 'rateLimited' | 'notOpen' | 'unknownVisit' };

/**
 * A region asks the team something about its request. Nothing changes until the team decides:
 * the question lands in the team's inbox and in the request's history.
 */
export function askQuestion(db: Db, requestId: number, input: QuestionInput, now: number): QuestionResult {
  return db.transaction(
    (tx): QuestionResult => {
      const request = tx
        .select({ status: supportRequests.status, regionId: supportRequests.regionId })
        .from(supportRequests)
        .where(eq(supportRequests.id, requestId))
        .get();
      if (!request || !['submitted', 'accepted'].includes(request.status)) return { ok: false, problem: 'notOpen' };
      if (input.kind !== 'withdraw' && !plannedVisitOf(tx, requestId, input.visitId)) return { ok: false, problem: 'unknownVisit' };
      const limit: Bucket = { bucket: 'question:request', key: String(requestId), limit: QUESTIONS_PER_REQUEST_PER_DAY, windowMs: 24 * HOUR };
      if (!tryConsume(tx, [limit], now)) return { ok: false, problem: 'rateLimited' };
      const question = tx
        .insert(regionQuestions)
        .values({
          requestId,
          kind: input.kind,
          visitId: input.kind === 'withdraw' ? null : input.visitId,
          reason: input.reason,
          proposedStartsAt: input.kind === 'move' ? input.proposedStartsAt : null,
          proposedEndsAt: input.kind === 'move' ? input.proposedEndsAt : null,
          createdAt: now,
        })
        .returning({ id: regionQuestions.id })
        .get();
      tx.insert(requestEvents)
        .values({ requestId, at: now, actorKind: 'contact', kind: `question_${input.kind satisfies QuestionKind}`, message: input.reason, visibleToRegion: true })
        .run();
      writeAudit(tx, { actorUserId: null, now }, {
        action: `request.question_${input.kind}`,
        entityType: 'region_question',
        entityId: question.id,
        regionId: request.regionId,
        after: input,
      });
      enqueueQuestionReceived(tx, question.id, now);
      return { ok: true, questionId: question.id };
    },
    { behavior: 'immediate' },
  );
}

function plannedVisitOf(tx: Tx, requestId: number, visitId: number): boolean {
  const row = tx
    .select({ id: visits.id })
    .from(visits)
    .where(and(eq(visits.id, visitId), eq(visits.requestId, requestId), eq(visits.status, 'planned')))
    .get();
  return Boolean(row);
}

/**
 * One visit of the request as a calendar file to download from the status page: the same UID and
 * SEQUENCE as the invitations, METHOD:PUBLISH (it adds the visit; it is no invitation). Null when
 * the visit is not this request's or is cancelled.
 */
export function visitIcsForRequest(db: Queryable, requestId: number, visitId: number, language: Language, now: number): string | null {
  const [record] = selectVisitRecords(db, and(eq(visits.id, visitId), eq(visits.requestId, requestId), ne(visits.status, 'cancelled')));
  if (!record) return null;
  const event = visitCalendarEvent(visitMessageFacts(record), language, getMailConfig().appUrl);
  return buildFeed({ name: `STO Ondersteuning – ${record.regionName}`, events: [event], dtstamp: now });
}
