import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '~db/client';
import { auditEvents, outbox, regionQuestions, requestEvents, supportRequests, visits } from '~db/schema';
import { askQuestion } from '~/services/requests.server';
import { answerQuestion, scheduleVisitForRequest } from '~/services/triage.server';
import { createTestDb } from '../helpers/db';
import { ams, bookingWorld, insertRequest } from '../helpers/fixtures';

const NOW = ams('2019-09-01T12:00');

let db: Db;
let close: () => void;
let w: ReturnType<typeof bookingWorld>;

beforeEach(() => {
  ({ db, close } = createTestDb());
  w = bookingWorld(db);
});
afterEach(() => close());

const actor = (requestId = w.dayRequestId) => ({ actorUserId: w.coordinatorId, now: NOW, requestId });

function book(date: string, supporterId = w.anna, requestId = w.dayRequestId): number {
  const result = scheduleVisitForRequest(db, { ...actor(requestId), supporterId, when: { startLocal: `${date}T09:00`, endLocal: `${date}T12:00` } });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.visit.id;
}

function ask(input: Parameters<typeof askQuestion>[2], requestId = w.dayRequestId): number {
  const result = askQuestion(db, requestId, input, NOW);
  if (!result.ok) throw new Error(result.problem);
  return result.questionId;
}

const question = (id: number) => db.select().from(regionQuestions).where(eq(regionQuestions.id, id)).get()!;
const visit = (id: number) => db.select().from(visits).where(eq(visits.id, id)).get()!;
const lastEvents = (n: number) =>
  db
    .select({ kind: requestEvents.kind, message: requestEvents.message, visibleToRegion: requestEvents.visibleToRegion })
    .from(requestEvents)
    .where(eq(requestEvents.requestId, w.dayRequestId))
    .orderBy(asc(requestEvents.id))
    .all()
    .slice(-n);
const counts = () => ({
  events: db.select().from(requestEvents).all().length,
  audits: db.select().from(auditEvents).all().length,
  mails: db.select().from(outbox).all().length,
});

describe('granting a move', () => {
  it('moves the visit to the proposed times and answers the question, together', () => {
    const visitId = book('2019-10-01');
    const q = ask({ kind: 'move', visitId, reason: 'Studiedag', proposedStartsAt: ams('2019-10-08T13:00'), proposedEndsAt: ams('2019-10-08T15:00') });
    const mailsBefore = counts().mails;

    expect(answerQuestion(db, { ...actor(), questionId: q, grant: true, answer: 'Prima, tot dan.' })).toEqual({ ok: true });
    expect(visit(visitId)).toMatchObject({ startsAt: ams('2019-10-08T13:00'), endsAt: ams('2019-10-08T15:00'), sequence: 1, status: 'planned' });
    expect(question(q)).toMatchObject({ status: 'granted', answer: 'Prima, tot dan.', handledById: w.coordinatorId, handledAt: NOW });
    expect(lastEvents(2)).toEqual([
      { kind: 'visit_moved', message: 'dinsdag 8 oktober 2019 13:00–15:00', visibleToRegion: true },
      { kind: 'question_answered', message: 'Prima, tot dan.', visibleToRegion: true },
    ]);
    expect(counts().mails - mailsBefore).toBe(3); // updates to the supporter and the contact, the answer to the contact
    const audit = db.select().from(auditEvents).where(eq(auditEvents.action, 'region_question.granted')).all();
    expect(audit).toEqual([expect.objectContaining({ entityType: 'region_question', entityId: q, regionId: w.regionId, after: { status: 'granted', answer: 'Prima, tot dan.' } })]);
  });

  it('leaves the question open and the visit as it was when the rules refuse the new times', () => {
    const visitId = book('2019-10-01');
    book('2019-10-08', w.anna); // Anna is busy at the proposed time
    const q = ask({ kind: 'move', visitId, reason: 'Studiedag', proposedStartsAt: ams('2019-10-08T10:00'), proposedEndsAt: ams('2019-10-08T11:00') });
    const before = counts();

    const result = answerQuestion(db, { ...actor(), questionId: q, grant: true, answer: '' });
    expect(result).toMatchObject({ ok: false, refusal: { code: 'supporter_busy' } });
    expect(question(q)).toMatchObject({ status: 'open', answer: null, handledById: null });
    expect(visit(visitId)).toMatchObject({ startsAt: ams('2019-10-01T09:00'), sequence: 0 });
    expect(counts()).toEqual(before);
  });
});

describe('granting a cancel', () => {
  it('cancels the visit with the region’s reason', () => {
    const visitId = book('2019-10-01');
    const q = ask({ kind: 'cancel', visitId, reason: 'Projectleider ziek' });
    expect(answerQuestion(db, { ...actor(), questionId: q, grant: true, answer: 'Beterschap!' })).toEqual({ ok: true });
    expect(visit(visitId)).toMatchObject({ status: 'cancelled', cancelReason: 'Projectleider ziek' });
    expect(question(q).status).toBe('granted');
    expect(lastEvents(2).map((e) => e.kind)).toEqual(['visit_cancelled', 'question_answered']);
  });
});

describe('granting a withdrawal', () => {
  it('withdraws the request and cancels all its planned visits', () => {
    const first = book('2019-10-01');
    const second = book('2019-10-15');
    const q = ask({ kind: 'withdraw', reason: 'Intern opgelost' });
    expect(answerQuestion(db, { ...actor(), questionId: q, grant: true, answer: '' })).toEqual({ ok: true });
    expect(db.select({ status: supportRequests.status }).from(supportRequests).where(eq(supportRequests.id, w.dayRequestId)).get()).toEqual({
      status: 'withdrawn',
    });
    expect([visit(first).status, visit(second).status]).toEqual(['cancelled', 'cancelled']);
    expect(lastEvents(4).map((e) => [e.kind, e.message])).toEqual([
      ['visit_cancelled', 'dinsdag 1 oktober 2019 09:00–12:00: Intern opgelost'],
      ['visit_cancelled', 'dinsdag 15 oktober 2019 09:00–12:00: Intern opgelost'],
      ['withdrawn', 'Intern opgelost'],
      ['question_answered', ''],
    ]);
  });
});

describe('granting a withdrawal with other questions open', () => {
  it('closes the questions that lost their object, with an answer in the contact’s language', () => {
    const visitId = book('2019-10-01');
    const move = ask({ kind: 'move', visitId, reason: 'Studiedag', proposedStartsAt: ams('2019-10-08T13:00'), proposedEndsAt: ams('2019-10-08T15:00') });
    const withdraw = ask({ kind: 'withdraw', reason: 'Intern opgelost' });
    expect(answerQuestion(db, { ...actor(), questionId: withdraw, grant: true, answer: '' })).toEqual({ ok: true });
    expect(question(withdraw).status).toBe('granted');
    expect(question(move)).toMatchObject({ status: 'refused', answer: 'De aanvraag is ingetrokken.', handledById: w.coordinatorId });
  });
});

describe('refusing', () => {
  it('needs an answer, then refuses without touching the visit', () => {
    const visitId = book('2019-10-01');
    const q = ask({ kind: 'cancel', visitId, reason: 'Liever later' });
    expect(answerQuestion(db, { ...actor(), questionId: q, grant: false, answer: '  ' })).toEqual({ ok: false, problem: 'textRequired' });
    expect(question(q).status).toBe('open');
    expect(answerQuestion(db, { ...actor(), questionId: q, grant: false, answer: 'Dit bezoek gaat door.' })).toEqual({ ok: true });
    expect(question(q)).toMatchObject({ status: 'refused', answer: 'Dit bezoek gaat door.' });
    expect(visit(visitId).status).toBe('planned');
    expect(lastEvents(1)).toEqual([{ kind: 'question_answered', message: 'Dit bezoek gaat door.', visibleToRegion: true }]);
  });

  it('answers a question only once, and only on its own request', () => {
    const q = ask({ kind: 'withdraw', reason: 'Toch niet' });
    const other = insertRequest(db, { regionId: w.regionId, supportTypeId: w.dayTypeId });
    expect(answerQuestion(db, { ...actor(other), questionId: q, grant: false, answer: 'Nee' })).toEqual({ ok: false, problem: 'notFound' });
    expect(answerQuestion(db, { ...actor(), questionId: q, grant: false, answer: 'Nee' })).toEqual({ ok: true });
    expect(answerQuestion(db, { ...actor(), questionId: q, grant: true, answer: '' })).toEqual({ ok: false, problem: 'questionNotOpen' });
  });
});
