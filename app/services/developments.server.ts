/**
 * Latest developments of a region: coordinators publish them, region contacts propose them from
 * their status page for the team to approve. Every write is one immediate transaction with its
 * audit row; the public read model shows only published posts, without who proposed them.
 */
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '~db/client';
import { regionDevelopments, regions, requestEvents, supportRequests } from '~db/schema';
import { decideOnProposal, mayPropose, PROPOSALS_PER_REQUEST_PER_DAY, type DevelopmentProblem } from '~/domain/developments';
import { isPublicPlanStatus } from '~/domain/public-regions';
import { amsterdamDate } from '~/domain/time';
import { writeAudit, type Actor } from './common.server';
import { tryConsume } from './rate-limit.server';

const HOUR = 3_600_000;

export type DevelopmentText = { title: string; body: string; link?: string | null };
export type DevelopmentResult = { ok: true; id: number } | { ok: false; problem: DevelopmentProblem };

export type PublishInput = Actor & DevelopmentText & { regionId: number; date: string };

/** A coordinator publishes a development right away. */
export function publishDevelopment(db: Db, input: PublishInput): DevelopmentResult {
  return db.transaction(
    (tx): DevelopmentResult => {
      const region = tx.select({ id: regions.id }).from(regions).where(eq(regions.id, input.regionId)).get();
      if (!region) return { ok: false, problem: 'unknown_region' };
      const row = tx
        .insert(regionDevelopments)
        .values({
          regionId: input.regionId,
          title: input.title,
          body: input.body,
          linkUrl: input.link || null,
          date: input.date,
          status: 'published',
          createdById: input.actorUserId,
          decidedById: input.actorUserId,
          decidedAt: input.now,
          createdAt: input.now,
          updatedAt: input.now,
        })
        .returning({ id: regionDevelopments.id })
        .get();
      writeAudit(tx, input, {
        action: 'development.publish',
        entityType: 'region_development',
        entityId: row.id,
        regionId: input.regionId,
        after: { title: input.title, date: input.date, link: input.link || null },
      });
      return { ok: true, id: row.id };
    },
    { behavior: 'immediate' },
  );
}

/** A region contact proposes a development from the status page of a request (rate limited per request). */
export function proposeDevelopment(db: Db, requestId: number, text: DevelopmentText, now: number): DevelopmentResult {
  return db.transaction(
    (tx): DevelopmentResult => {
      const request = tx
        .select({ status: supportRequests.status, regionId: supportRequests.regionId, planStatus: regions.planStatus })
        .from(supportRequests)
        .innerJoin(regions, eq(regions.id, supportRequests.regionId))
        .where(eq(supportRequests.id, requestId))
        .get();
      if (!request) return { ok: false, problem: 'request_closed' };
      const allowed = mayPropose({ requestStatus: request.status, regionPublic: isPublicPlanStatus(request.planStatus) });
      if (!allowed.ok) return allowed;
      const limit = { bucket: 'development:request', key: String(requestId), limit: PROPOSALS_PER_REQUEST_PER_DAY, windowMs: 24 * HOUR };
      if (!tryConsume(tx, [limit], now)) return { ok: false, problem: 'rate_limited' };
      const row = tx
        .insert(regionDevelopments)
        .values({
          regionId: request.regionId,
          title: text.title,
          body: text.body,
          linkUrl: text.link || null,
          date: amsterdamDate(now),
          status: 'proposed',
          proposedByRequestId: requestId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: regionDevelopments.id })
        .get();
      tx.insert(requestEvents)
        .values({ requestId, at: now, actorKind: 'contact', kind: 'development_proposed', message: text.title, visibleToRegion: true })
        .run();
      writeAudit(tx, { actorUserId: null, now }, {
        action: 'development.propose',
        entityType: 'region_development',
        entityId: row.id,
        regionId: request.regionId,
        after: { title: text.title, requestId },
      });
      return { ok: true, id: row.id };
    },
    { behavior: 'immediate' },
  );
}

export type DecideInput = Actor & { developmentId: number; decision: 'publish' | 'reject' };

/** A coordinator publishes or rejects a proposal; only a proposal still open can be decided. */
export function decideDevelopment(db: Db, input: DecideInput): DevelopmentResult {
  return db.transaction(
    (tx): DevelopmentResult => {
      const row = tx
        .select({ id: regionDevelopments.id, status: regionDevelopments.status, regionId: regionDevelopments.regionId, requestId: regionDevelopments.proposedByRequestId, title: regionDevelopments.title })
        .from(regionDevelopments)
        .where(eq(regionDevelopments.id, input.developmentId))
        .get();
      if (!row) return { ok: false, problem: 'not_proposed' };
      const decision = decideOnProposal(row.status);
      if (!decision.ok) return decision;
      const status = input.decision === 'publish' ? 'published' : 'rejected';
      tx.update(regionDevelopments)
        .set({
          status,
          decidedById: input.actorUserId,
          decidedAt: input.now,
          updatedAt: input.now,
          ...(status === 'published' ? { date: amsterdamDate(input.now) } : {}),
        })
        .where(eq(regionDevelopments.id, row.id))
        .run();
      if (row.requestId !== null) {
        tx.insert(requestEvents)
          .values({ requestId: row.requestId, at: input.now, actorUserId: input.actorUserId, actorKind: 'user', kind: `development_${status}`, message: row.title, visibleToRegion: true })
          .run();
      }
      writeAudit(tx, input, {
        action: `development.${input.decision}`,
        entityType: 'region_development',
        entityId: row.id,
        regionId: row.regionId,
        before: { status: row.status },
        after: { status },
      });
      return { ok: true, id: row.id };
    },
    { behavior: 'immediate' },
  );
}

/** A coordinator takes a published development off the public page (it is kept, as rejected). */
export function unpublishDevelopment(db: Db, input: Actor & { developmentId: number }): DevelopmentResult {
  return db.transaction(
    (tx): DevelopmentResult => {
      const row = tx.select().from(regionDevelopments).where(eq(regionDevelopments.id, input.developmentId)).get();
      if (!row || row.status !== 'published') return { ok: false, problem: 'not_proposed' };
      tx.update(regionDevelopments).set({ status: 'rejected', updatedAt: input.now }).where(eq(regionDevelopments.id, row.id)).run();
      writeAudit(tx, input, {
        action: 'development.unpublish',
        entityType: 'region_development',
        entityId: row.id,
        regionId: row.regionId,
        before: { status: 'published' },
        after: { status: 'rejected' },
      });
      return { ok: true, id: row.id };
    },
    { behavior: 'immediate' },
  );
}

export type PublicDevelopment = { id: number; title: string; body: string; linkUrl: string | null; date: string };

const publicColumns = {
  id: regionDevelopments.id,
  title: regionDevelopments.title,
  body: regionDevelopments.body,
  linkUrl: regionDevelopments.linkUrl,
  date: regionDevelopments.date,
};

/** A region's published developments, newest first (region_developments_region_idx). */
export function publishedDevelopments(db: Db | Tx, regionId: number, limit = 20): PublicDevelopment[] {
  return db
    .select(publicColumns)
    .from(regionDevelopments)
    .where(and(eq(regionDevelopments.regionId, regionId), eq(regionDevelopments.status, 'published')))
    .orderBy(desc(regionDevelopments.date), desc(regionDevelopments.id))
    .limit(limit)
    .all();
}

export type TeamDevelopment = PublicDevelopment & { regionId: number; regionName: string; status: string; fromContact: boolean; createdAt: number };

const teamColumns = {
  ...publicColumns,
  regionId: regionDevelopments.regionId,
  regionName: regions.name,
  status: regionDevelopments.status,
  requestId: regionDevelopments.proposedByRequestId,
  createdAt: regionDevelopments.createdAt,
};

/** The team's page: open proposals (oldest first) and the most recent published posts. */
export function developmentsForTeam(db: Db, publishedLimit = 30): { proposals: TeamDevelopment[]; published: TeamDevelopment[] } {
  const rows = (status: 'proposed' | 'published') =>
    db
      .select(teamColumns)
      .from(regionDevelopments)
      .innerJoin(regions, eq(regions.id, regionDevelopments.regionId))
      .where(inArray(regionDevelopments.status, [status]))
      .orderBy(...(status === 'proposed' ? [asc(regionDevelopments.createdAt)] : [desc(regionDevelopments.date), desc(regionDevelopments.id)]))
      .limit(status === 'proposed' ? 200 : publishedLimit)
      .all()
      .map(({ requestId, ...r }) => ({ ...r, fromContact: requestId !== null }));
  return { proposals: rows('proposed'), published: rows('published') };
}

/** How many proposals wait for the team. */
export function openProposalCount(db: Db): number {
  return db.select({ n: count() }).from(regionDevelopments).where(eq(regionDevelopments.status, 'proposed')).get()?.n ?? 0;
}

/** What this request's contacts proposed, for their status page. */
export function proposalsOfRequest(db: Db, requestId: number): Array<{ id: number; title: string; status: string; date: string }> {
  return db
    .select({ id: regionDevelopments.id, title: regionDevelopments.title, status: regionDevelopments.status, date: regionDevelopments.date })
    .from(regionDevelopments)
    .where(eq(regionDevelopments.proposedByRequestId, requestId))
    .orderBy(desc(regionDevelopments.id))
    .all();
}

/** Whether a region has a public page (an approved plan), so its contacts may propose developments. */
export function regionIsPublic(db: Db, regionId: number): boolean {
  const row = db.select({ planStatus: regions.planStatus }).from(regions).where(eq(regions.id, regionId)).get();
  return row ? isPublicPlanStatus(row.planStatus) : false;
}
