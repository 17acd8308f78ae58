import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '~db/client';
import { regions, supportRequests, unavailability, users } from '~db/schema';
import { askQuestion } from '~/services/requests.server';
import { DEFAULT_INBOX_FILTERS, type InboxFilters } from '~/components/triage-schemas';
import { inboxView, requestPage, scheduleVisitForRequest, supporterSuggestions } from '~/services/triage.server';
import { createTestDb } from '../helpers/db';
import { ams, bookingWorld, insertRegion, insertRequest, insertSupporter } from '../helpers/fixtures';

const DAY = 24 * 60 * 60 * 1000;
const NOW = ams('2019-09-20T12:00');

let db: Db;
let close: () => void;
let w: ReturnType<typeof bookingWorld>;

beforeEach(() => {
  ({ db, close } = createTestDb());
  w = bookingWorld(db);
});
afterEach(() => close());

const createdAt = (id: number, at: number) => db.update(supportRequests).set({ createdAt: at }).where(eq(supportRequests.id, id)).run();
const inbox = (filters: Partial<InboxFilters> = {}) => inboxView(db, { ...DEFAULT_INBOX_FILTERS, ...filters }, NOW);
const book = (requestId: number, date: string, supporterId = w.anna) => {
  const result = scheduleVisitForRequest(db, {
    actorUserId: w.coordinatorId,
    now: NOW,
    requestId,
    supporterId,
    when: { startLocal: `${date}T09:00`, endLocal: `${date}T12:00` },
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.visit.id;
};

describe('the inbox', () => {
  it('lists open requests without visits, and those with visits only while a question is open', () => {
    const submitted = insertRequest(db, { regionId: w.regionId, supportTypeId: w.dayTypeId, status: 'submitted' });
    const closed = insertRequest(db, { regionId: w.regionId, supportTypeId: w.dayTypeId, status: 'closed' });
    const visitId = book(w.dayRequestId, '2019-10-01');
    let view = inbox();
    expect(view.requests.map((r) => r.id).sort()).toEqual([w.cfRequestId, submitted].sort());
    expect(view.requests.map((r) => r.id)).not.toContain(closed);

    askQuestion(db, w.dayRequestId, { kind: 'cancel', visitId, reason: 'Ziek' }, NOW - DAY);
    view = inbox();
    expect(view.requests.map((r) => r.id)).toContain(w.dayRequestId);
    expect(view.requests.find((r) => r.id === w.dayRequestId)).toMatchObject({ openQuestions: 1, visitCount: 1, waitingSince: NOW - DAY });
    expect(view.questions).toEqual([expect.objectContaining({ requestId: w.dayRequestId, kind: 'cancel', reason: 'Ziek', visitStartsAt: ams('2019-10-01T09:00') })]);
  });

  it('filters by status, region, kind and age, and sorts newest or longest waiting first', () => {
    const otherRegion = insertRegion(db, { name: 'Drechtsteden' });
    const old = insertRequest(db, { regionId: otherRegion, supportTypeId: w.dayTypeId, status: 'submitted' });
    createdAt(old, NOW - 10 * DAY);
    createdAt(w.cfRequestId, NOW - 2 * DAY);
    createdAt(w.dayRequestId, NOW - DAY);

    expect(inbox().requests.map((r) => r.id)).toEqual([w.dayRequestId, w.cfRequestId, old]);
    expect(inbox({ sort: 'oldest' }).requests.map((r) => r.id)).toEqual([old, w.cfRequestId, w.dayRequestId]);
    expect(inbox({ regionId: otherRegion }).requests.map((r) => r.id)).toEqual([old]);
    expect(inbox({ supportTypeId: w.criticalFriendTypeId }).requests.map((r) => r.id)).toEqual([w.cfRequestId]);
    expect(inbox({ minAgeDays: 3 }).requests.map((r) => r.id)).toEqual([old]);
    expect(inbox({ status: 'submitted' }).requests.map((r) => r.id)).toEqual([old]);
    expect(inbox({ status: 'declined' }).requests).toEqual([]);

    const view = inbox();
    expect(view.newest).toMatchObject({ kind: 'request', requestId: w.dayRequestId });
    expect(view.oldest).toMatchObject({ kind: 'request', requestId: old, at: NOW - 10 * DAY });
  });
});

describe('suggestions', () => {
  it('leave out the region’s own and inactive supporters and rank on theme, earlier work and the preferred period', () => {
    db.update(regions).set({ speerpunten: ['lob', 'po'] }).where(eq(regions.id, w.regionId)).run();
    const themed = insertSupporter(db, { name: 'Thea Thema', homeRegionId: w.otherRegionId });
    const inactive = insertSupporter(db, { name: 'Ina Inactief', active: false });
    db.update(users).set({ themes: ['docenten'] }).where(eq(users.id, themed)).run();
    db.update(users).set({ themes: ['docenten', 'lob', 'po'] }).where(eq(users.id, w.local)).run();
    db.update(users).set({ themes: ['docenten'] }).where(eq(users.id, inactive)).run();
    db.update(supportRequests)
      .set({ theme: 'docenten', preferredPeriod: '2019-10-07 – 2019-10-11; liefst ’s ochtends' })
      .where(eq(supportRequests.id, w.dayRequestId))
      .run();
    // Bram worked in the region before; Anna is away in the preferred week.
    book(w.cfRequestId, '2019-09-10', w.bram);
    db.insert(unavailability)
      .values({ supporterId: w.anna, startsAt: ams('2019-10-08T00:00'), endsAt: ams('2019-10-09T00:00'), reason: 'Vrij', createdAt: 0 })
      .run();

    const request = { id: w.dayRequestId, regionId: w.regionId, theme: 'docenten', preferredPeriod: '2019-10-07 – 2019-10-11; liefst ’s ochtends', speerpunten: ['lob', 'po'] };
    const { suggestions, period } = supporterSuggestions(db, request, NOW);
    expect(period).toMatchObject({ from: '2019-10-07', until: '2019-10-11' });
    expect(suggestions.map((s) => s.name)).toEqual(['Thea Thema', 'Bram Begeleider', 'Anna Adviseur']);
    expect(suggestions.map((s) => s.supporterId)).not.toContain(w.local);
    expect(suggestions.map((s) => s.supporterId)).not.toContain(inactive);
    expect(suggestions[1]!.reasons).toContainEqual({ kind: 'knows_region', visits: 1, requests: 0 });
    expect(suggestions[2]!.reasons).toContainEqual({ kind: 'busy_in_period', count: 1 });
  });

  it('are part of the request page while the request is open', () => {
    const page = requestPage(db, w.dayRequestId, NOW)!;
    expect(page.suggestions?.suggestions.map((s) => s.supporterId)).toEqual(expect.arrayContaining([w.anna, w.bram]));
    expect(page.suggestions?.suggestions.map((s) => s.supporterId)).not.toContain(w.local);
    expect(requestPage(db, 9999, NOW)).toBeNull();
  });
});
