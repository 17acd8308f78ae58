import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loader } from '~/routes/agenda.$token[.ics]';
import { feedForToken, issueFeedToken } from '~/services/feeds.server';
import { closeDb, type Db } from '~db/client';
import { calendarFeeds, supportRequests, users } from '~db/schema';
import { insertRequest } from '../helpers/fixtures';
import { createTestDb } from '../helpers/db';
import { expectWellFormedIcs, parseIcs } from '../helpers/ics';
import { changeVisit, insertVisit, seedVisitWorld, T0, type VisitWorld } from '../helpers/visit-fixtures';

let db: Db;
let file: string;
let world: VisitWorld;
const savedEnv = { APP_URL: process.env.APP_URL, DATABASE_PATH: process.env.DATABASE_PATH };

beforeAll(() => {
  process.env.APP_URL = 'https://sto.example.nl';
});
afterAll(() => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

beforeEach(() => {
  const test = createTestDb();
  ({ db, file } = test);
  world = seedVisitWorld(db);
  return () => {
    closeDb();
    test.close();
  };
});

const day = (d: number) => ({ startsAt: Date.UTC(2019, 9, d, 8), endsAt: Date.UTC(2019, 9, d, 11) });

/** Anne: two visits (one later cancelled); Bob: one visit in another region. */
function seedVisits() {
  const annesFirst = insertVisit(db, world, day(28));
  const annesCancelled = insertVisit(db, world, day(29));
  const bobs = insertVisit(db, world, { ...day(30), supporterId: world.otherSupporterId, regionId: world.otherRegionId });
  changeVisit(db, annesFirst.id, { location: 'Heerenveen' }); // sequence 1
  changeVisit(db, annesCancelled.id, { status: 'cancelled', cancelReason: 'ziek' });
  return { annesFirst, annesCancelled, bobs };
}

describe('calendar feeds', () => {
  it('gives a supporter only their own visits that are not cancelled, with UID and SEQUENCE, and no addresses', () => {
    const { annesFirst } = seedVisits();
    const token = issueFeedToken(db, 'supporter', world.supporterId, T0);
    const ics = feedForToken(db, token, T0 + 1000)!;
    expectWellFormedIcs(ics);
    const parsed = parseIcs(ics);
    expect(parsed.method).toBe('PUBLISH');
    expect(parsed.events.map((e) => [e.uid, e.sequence, e.startUtc])).toEqual([
      [annesFirst.calendarUid, 1, '2019-10-28T08:00:00.000Z'],
    ]);
    expect(parsed.events[0]?.location).toBe('Heerenveen');
    expect(parsed.events[0]?.description).toContain(`https://sto.example.nl/ondersteuner/bezoeken/${annesFirst.id}`);
    expect(ics).not.toMatch(/ATTENDEE|ORGANIZER|mailto:|@ondersteuners\.example|@school\.example/i);
    expect(ics).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
    expect(ics).toContain('X-PUBLISHED-TTL:PT1H');
  });

  it('gives a region its visits and the team all of them', () => {
    const { annesFirst, bobs } = seedVisits();
    const region = parseIcs(feedForToken(db, issueFeedToken(db, 'region', world.regionId), T0)!);
    expect(region.events.map((e) => e.uid)).toEqual([annesFirst.calendarUid]);
    const team = parseIcs(feedForToken(db, issueFeedToken(db, 'team', 0), T0)!);
    expect(team.events.map((e) => e.uid)).toEqual([annesFirst.calendarUid, bobs.calendarUid]);
  });

  it("gives a region contact only their own request's visits, and ends the feed when the request is withdrawn or closed", () => {
    const { annesFirst, bobs } = seedVisits();
    // Another contact's request in the same region, with a visit of its own.
    const otherRequest = insertRequest(db, { regionId: world.regionId, supportTypeId: world.supportTypeId, status: 'accepted' });
    const othersVisit = insertVisit(db, world, { ...day(31), requestId: otherRequest });
    const mine = issueFeedToken(db, 'request', world.requestId, T0);
    const theirs = issueFeedToken(db, 'request', otherRequest, T0);
    expect(parseIcs(feedForToken(db, mine, T0)!).events.map((e) => e.uid)).toEqual([annesFirst.calendarUid, bobs.calendarUid]);
    expect(parseIcs(feedForToken(db, theirs, T0)!).events.map((e) => e.uid)).toEqual([othersVisit.calendarUid]);

    for (const status of ['withdrawn', 'closed', 'declined'] as const) {
      db.update(supportRequests).set({ status }).where(eq(supportRequests.id, otherRequest)).run();
      expect(feedForToken(db, theirs, T0), status).toBeNull();
    }
    expect(feedForToken(db, mine, T0)).not.toBeNull();
  });

  it('stores only a hash of a token of at least 128 random bits', () => {
    const token = issueFeedToken(db, 'supporter', world.supporterId, T0);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const stored = db.select().from(calendarFeeds).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('stops the old token working when a new one is issued', () => {
    seedVisits();
    const old = issueFeedToken(db, 'supporter', world.supporterId, T0);
    const fresh = issueFeedToken(db, 'supporter', world.supporterId, T0 + 1);
    expect(fresh).not.toBe(old);
    expect(feedForToken(db, old, T0)).toBeNull();
    expect(feedForToken(db, fresh, T0)).not.toBeNull();
    expect(db.select().from(calendarFeeds).all()).toHaveLength(1);
    expect(feedForToken(db, 'made-up', T0)).toBeNull();
  });

  it('closes the feed of a supporter who is no longer active', () => {
    const token = issueFeedToken(db, 'supporter', world.supporterId, T0);
    db.update(users).set({ active: false }).where(eq(users.id, world.supporterId)).run();
    expect(feedForToken(db, token, T0)).toBeNull();
  });
});

describe('GET /agenda/<token>.ics', () => {
  const get = (token: string) =>
    loader({
      params: { token },
      request: new Request(`http://localhost/agenda/${token}.ics`),
      context: { cspNonce: '', clientIp: '127.0.0.1' },
    });

  it('serves the feed as text/calendar, privately cacheable', async () => {
    process.env.DATABASE_PATH = file;
    const { annesFirst } = seedVisits();
    const token = issueFeedToken(db, 'supporter', world.supporterId, T0);
    const response = await get(token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('private, max-age=300');
    const [event] = parseIcs(await response.text()).events;
    expect(event?.uid).toBe(annesFirst.calendarUid);
  });

  it('answers 404 with a bare body for an unknown or replaced token', async () => {
    process.env.DATABASE_PATH = file;
    const old = issueFeedToken(db, 'team', 0, T0);
    issueFeedToken(db, 'team', 0, T0 + 1);
    for (const token of [old, 'x', 'A'.repeat(43), '../../etc/passwd']) {
      const response = await get(token);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await response.text()).toBe('Not found');
    }
  });
});
