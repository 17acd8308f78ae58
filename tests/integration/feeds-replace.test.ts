import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedForToken, replaceFeed } from '~/services/feeds.server';
import { auditEvents, users, visits } from '~db/schema';
import { seedDemoData } from '~db/seed';
import { createTestDb } from '../helpers/db';

const { db, close } = createTestDb();
let coordinatorId = 0;
beforeAll(async () => {
  await seedDemoData(db, { now: Date.now() });
  coordinatorId = db.select({ id: users.id }).from(users).where(eq(users.role, 'coordinator')).get()!.id;
});
afterAll(close);

describe('the team calendar link', () => {
  it('shows every visit that is not cancelled, and the replaced link stops working; both audited', () => {
    const now = Date.now();
    const first = replaceFeed(db, { ownerKind: 'team', ownerId: 0, actorUserId: coordinatorId, now });
    const ics = feedForToken(db, first, now)!;
    const live = db.select({ n: sql<number>`count(*)` }).from(visits).where(sql`status != 'cancelled'`).get()!.n;
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(live);
    expect(ics).not.toMatch(/ATTENDEE|ORGANIZER|mailto:/i);

    const second = replaceFeed(db, { ownerKind: 'team', ownerId: 0, actorUserId: coordinatorId, now });
    expect(feedForToken(db, first, now)).toBeNull();
    expect(feedForToken(db, second, now)).toContain('METHOD:PUBLISH');
    const actions = db.select({ action: auditEvents.action }).from(auditEvents).where(sql`entity_type = 'calendar_feed:team'`).all();
    expect(actions.map((a) => a.action)).toEqual(['feed.issued', 'feed.replaced']);
  });
});
