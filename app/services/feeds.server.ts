/**
 * Private calendar feeds: one live token per owner (a supporter, a region, the team), stored as a
 * hash; issuing a new one replaces the old, whose URL then stops working. A feed lists the owner's
 * visits that are not cancelled, with the same UID and SEQUENCE as the invitations, and carries no
 * attendees and no e-mail addresses.
 */
import { and, eq, ne, type SQL } from 'drizzle-orm';
import { buildFeed } from '~/calendar/ics';
import { visitCalendarEvent } from '~/calendar/visit-event';
import { hashToken, newToken } from '~/auth/tokens.server';
import { getMailConfig } from '~/mail/mail-config.server';
import { supporterVisitUrl } from '~/mail/outbox.server';
import { selectVisitRecords, visitMessageFacts } from '~/mail/visit-facts.server';
import type { Db } from '~db/client';
import { writeAudit } from './common.server';
import { calendarFeeds, regions, supportRequests, users, visits, type FeedOwner, type Language, type RequestStatus } from '~db/schema';

/** A region contact's feed lives while its request is open; a declined, withdrawn or closed one ends it. */
const FEED_OPEN_STATUSES: readonly RequestStatus[] = ['submitted', 'accepted'];

/** The team's feed has no owner row of its own. */
export const TEAM_OWNER_ID = 0;

/** A new secret feed token for the owner (256 random bits); any previous one stops working. */
export function issueFeedToken(db: Db, ownerKind: FeedOwner, ownerId: number, now: number = Date.now()): string {
  const token = newToken();
  const row = { ownerKind, ownerId: ownerKind === 'team' ? TEAM_OWNER_ID : ownerId, tokenHash: hashToken(token), createdAt: now };
  db.insert(calendarFeeds)
    .values(row)
    .onConflictDoUpdate({
      target: [calendarFeeds.ownerKind, calendarFeeds.ownerId],
      set: { tokenHash: row.tokenHash, createdAt: row.createdAt },
    })
    .run();
  return token;
}

/** The .ics text of the feed the token opens, or null for an unknown or replaced token. */
export function feedForToken(db: Db, token: string, now: number): string | null {
  if (!token) return null;
  const feed = db
    .select({ ownerKind: calendarFeeds.ownerKind, ownerId: calendarFeeds.ownerId })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.tokenHash, hashToken(token)))
    .get();
  if (!feed) return null;
  const owner = describeOwner(db, feed.ownerKind, feed.ownerId);
  if (!owner) return null;

  const config = getMailConfig();
  const records = selectVisitRecords(db, and(ne(visits.status, 'cancelled'), owner.visitFilter));
  const events = records.map((record) => {
    const link = feed.ownerKind === 'supporter' ? supporterVisitUrl(config, record.visitId) : config.appUrl;
    return visitCalendarEvent(visitMessageFacts(record), owner.language, link);
  });
  return buildFeed({ name: owner.name, events, dtstamp: now });
}

interface FeedOwnerView {
  name: string;
  language: Language;
  visitFilter: SQL | undefined;
}

function describeOwner(db: Db, kind: FeedOwner, id: number): FeedOwnerView | null {
  switch (kind) {
    case 'supporter': {
      const user = db
        .select({ name: users.name, language: users.language, active: users.active })
        .from(users)
        .where(eq(users.id, id))
        .get();
      if (!user?.active) return null;
      return { name: `STO Ondersteuning – ${user.name}`, language: user.language, visitFilter: eq(visits.supporterId, id) };
    }
    case 'region': {
      const region = db.select({ name: regions.name }).from(regions).where(eq(regions.id, id)).get();
      if (!region) return null;
      return { name: `STO Ondersteuning – ${region.name}`, language: 'nl', visitFilter: eq(visits.regionId, id) };
    }
    case 'request': {
      const request = db
        .select({ status: supportRequests.status, name: regions.name, language: supportRequests.contactLanguage })
        .from(supportRequests)
        .innerJoin(regions, eq(regions.id, supportRequests.regionId))
        .where(eq(supportRequests.id, id))
        .get();
      // A contact's feed shows their own request's visits only, and ends with the request.
      if (!request || !FEED_OPEN_STATUSES.includes(request.status)) return null;
      return { name: `STO Ondersteuning – ${request.name}`, language: request.language, visitFilter: eq(visits.requestId, id) };
    }
    case 'team':
      return { name: 'STO Ondersteuning – alle bezoeken', language: 'nl', visitFilter: undefined };
  }
}

/**
 * A new feed link for the owner, audited, in one immediate transaction; the previous link stops
 * working. Returns the secret token (shown once: only its hash is kept).
 */
export function replaceFeed(
  db: Db,
  { ownerKind, ownerId, actorUserId, now }: { ownerKind: FeedOwner; ownerId: number; actorUserId: number | null; now: number },
): string {
  return db.transaction(
    (tx) => {
      const owner = ownerKind === 'team' ? TEAM_OWNER_ID : ownerId;
      const hadOne = tx
        .select({ id: calendarFeeds.id })
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.ownerKind, ownerKind), eq(calendarFeeds.ownerId, owner)))
        .get();
      const token = issueFeedToken(db, ownerKind, owner, now);
      writeAudit(tx, { actorUserId, now }, {
        action: hadOne ? 'feed.replaced' : 'feed.issued',
        entityType: `calendar_feed:${ownerKind}`,
        entityId: owner,
        regionId: null,
      });
      return token;
    },
    { behavior: 'immediate' },
  );
}

export function feedUrl(token: string): string {
  return `${getMailConfig().appUrl}/agenda/${token}.ics`;
}
