import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, requestEvents } from '~db/schema';
import {
  decideDevelopment,
  developmentsForTeam,
  openProposalCount,
  proposalsOfRequest,
  proposeDevelopment,
  publishDevelopment,
  publishedDevelopments,
  unpublishDevelopment,
} from '~/services/developments.server';
import type { Db } from '~db/client';
import { createTestDb } from '../helpers/db';
import { ams, insertCoordinator, insertCriticalFriendType, insertRegion, insertRequest, setRequestStatus } from '../helpers/fixtures';

const NOW = ams('2019-11-14T10:00');

describe('latest developments', () => {
  let db: Db;
  let close: () => void;
  let regionId: number;
  let requestId: number;
  let coordinatorId: number;
  beforeEach(() => {
    ({ db, close } = createTestDb());
    regionId = insertRegion(db, { name: 'Kop van Noord-Holland' });
    coordinatorId = insertCoordinator(db);
    requestId = insertRequest(db, { regionId, supportTypeId: insertCriticalFriendType(db) });
  });
  afterEach(() => close());

  const text = { title: 'Techniekdag voor groep 8', body: 'Tweehonderd leerlingen bezochten de techniekdag.', link: 'https://www.example.org/techniekdag' };

  it('a contact’s proposal waits for the team, shows on their status page and in the audit, not on the public page', () => {
    const result = proposeDevelopment(db, requestId, text, NOW);
    expect(result.ok).toBe(true);
    expect(publishedDevelopments(db, regionId)).toEqual([]);
    expect(openProposalCount(db)).toBe(1);
    expect(developmentsForTeam(db).proposals.map((p) => [p.title, p.fromContact])).toEqual([[text.title, true]]);
    expect(proposalsOfRequest(db, requestId).map((p) => p.status)).toEqual(['proposed']);
    expect(db.select().from(requestEvents).where(eq(requestEvents.requestId, requestId)).all().map((e) => e.kind)).toContain('development_proposed');
    expect(db.select().from(auditEvents).all().map((a) => a.action)).toContain('development.propose');
  });

  it('a coordinator publishes it: public, dated the day of publication, audited; a second decision is refused', () => {
    const proposal = proposeDevelopment(db, requestId, text, NOW);
    if (!proposal.ok) throw new Error('not proposed');
    const later = ams('2019-11-18T09:00');
    expect(decideDevelopment(db, { actorUserId: coordinatorId, now: later, developmentId: proposal.id, decision: 'publish' })).toEqual({ ok: true, id: proposal.id });
    expect(publishedDevelopments(db, regionId)).toEqual([{ id: proposal.id, title: text.title, body: text.body, linkUrl: text.link, date: '2019-11-18' }]);
    expect(decideDevelopment(db, { actorUserId: coordinatorId, now: later, developmentId: proposal.id, decision: 'reject' })).toEqual({ ok: false, problem: 'not_proposed' });
    expect(openProposalCount(db)).toBe(0);
    expect(proposalsOfRequest(db, requestId).map((p) => p.status)).toEqual(['published']);
    const actions = db.select().from(auditEvents).all().map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['development.propose', 'development.publish']));
  });

  it('a rejected proposal never shows; an unpublished post disappears', () => {
    const a = proposeDevelopment(db, requestId, text, NOW);
    if (!a.ok) throw new Error('not proposed');
    decideDevelopment(db, { actorUserId: coordinatorId, now: NOW, developmentId: a.id, decision: 'reject' });
    expect(publishedDevelopments(db, regionId)).toEqual([]);
    const b = publishDevelopment(db, { actorUserId: coordinatorId, now: NOW, regionId, title: 'Nieuw atelier', body: 'Open.', date: '2019-11-01' });
    if (!b.ok) throw new Error('not published');
    expect(publishedDevelopments(db, regionId).map((d) => d.title)).toEqual(['Nieuw atelier']);
    expect(unpublishDevelopment(db, { actorUserId: coordinatorId, now: NOW, developmentId: b.id }).ok).toBe(true);
    expect(publishedDevelopments(db, regionId)).toEqual([]);
  });

  it('refuses a proposal for a region that is not public, from a withdrawn request, and the fourth of a day', () => {
    const hidden = insertRegion(db, { name: 'Herindieners', planStatus: 'resubmit' });
    const hiddenRequest = insertRequest(db, { regionId: hidden, supportTypeId: insertCriticalFriendType(db, { key: 'cf2' }) });
    expect(proposeDevelopment(db, hiddenRequest, text, NOW)).toEqual({ ok: false, problem: 'region_not_public' });
    for (let i = 0; i < 3; i++) expect(proposeDevelopment(db, requestId, text, NOW + i).ok).toBe(true);
    expect(proposeDevelopment(db, requestId, text, NOW + 10)).toEqual({ ok: false, problem: 'rate_limited' });
    setRequestStatus(db, requestId, 'withdrawn');
    expect(proposeDevelopment(db, requestId, text, NOW + 2 * 86_400_000)).toEqual({ ok: false, problem: 'request_closed' });
    expect(openProposalCount(db)).toBe(3);
  });

  it('refuses to publish for a region that does not exist, and writes nothing', () => {
    expect(publishDevelopment(db, { actorUserId: coordinatorId, now: NOW, regionId: 9999, title: 'x', body: 'y', date: '2019-11-01' })).toEqual({ ok: false, problem: 'unknown_region' });
    expect(developmentsForTeam(db).published).toEqual([]);
  });
});
