/**
 * The oversight pages' queries on the demo data: attention counts, the chart, the regions overview
 * with its filters, a region's page, the calendar, and the audit log with settings changes in it.
 */
import { asc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjustDays } from '~/services/ledger.server';
import {
  attentionCounts,
  auditFilterOptions,
  auditLog,
  calendarVisits,
  listSupportTypes,
  regionDetail,
  regionsOverview,
  visitsPerMonthByKind,
} from '~/services/oversight.server';
import { setDefaultDaysPerYear, updateSupportTypeRules } from '~/services/support-types.server';
import { outbox, regions, users } from '~db/schema';
import { seedDemoData } from '~db/seed';
import { createTestDb } from '../helpers/db';

const ZONE = 'Europe/Amsterdam';
const NOW = DateTime.fromObject({ year: 2026, month: 11, day: 28, hour: 10 }, { zone: ZONE }).toMillis();

const { db, close } = createTestDb();
const all = <T>(query: string, ...params: unknown[]) => db.$client.prepare(query).all(...params) as T[];
const value = <T = number>(query: string, ...params: unknown[]) => db.$client.prepare(query).pluck().get(...params) as T;
let coordinatorId: number;
const actor = () => ({ actorUserId: coordinatorId, now: NOW });

beforeAll(async () => {
  await seedDemoData(db, { now: NOW });
  coordinatorId = db.select({ id: users.id }).from(users).where(eq(users.role, 'coordinator')).get()!.id;
});
afterAll(close);

describe('the start page', () => {
  it('counts new requests, open questions, this week’s visits and failed e-mails', () => {
    db.insert(outbox)
      .values({
        idempotencyKey: 'test-failed',
        kind: 'test',
        toEmail: 'x@example.nl',
        language: 'nl',
        subject: 's',
        text: 't',
        html: 'h',
        status: 'failed',
        nextAttemptAt: NOW,
        createdAt: NOW,
      })
      .run();
    const monday = DateTime.fromMillis(NOW, { zone: ZONE }).startOf('week');
    const counts = attentionCounts(db, NOW);
    expect(counts).toEqual({
      newRequests: value("SELECT count(*) FROM support_requests WHERE status = 'submitted'"),
      openQuestions: value("SELECT count(*) FROM region_questions WHERE status = 'open'"),
      visitsThisWeek: value(
        "SELECT count(*) FROM visits WHERE status <> 'cancelled' AND starts_at >= ? AND starts_at < ?",
        monday.toMillis(),
        monday.plus({ weeks: 1 }).toMillis(),
      ),
      weekStart: monday.toMillis(),
      weekEnd: monday.plus({ weeks: 1 }).toMillis(),
      failedEmails: 1,
    });
    expect(counts.newRequests).toBe(8);
  });

  it('charts the year’s planned and held visits per Amsterdam month and type', () => {
    const chart = visitsPerMonthByKind(db, 2019);
    expect(chart.types.map((t) => t.key)).toEqual(listSupportTypes(db).map((t) => t.key));
    expect(chart.total).toBe(value("SELECT count(*) FROM visits WHERE ledger_year = 2019 AND status <> 'cancelled'"));
    expect(chart.months).toHaveLength(12);
    const cf = chart.types.findIndex((t) => t.key === 'critical_friend');
    // Critical-friend visits in 2019 were in September to November only.
    expect(chart.months.filter((m) => m.counts[cf]! > 0).map((m) => m.month)).toEqual([9, 10, 11]);
    expect(chart.months.reduce((n, m) => n + m.total, 0)).toBe(chart.total);
    expect(chart.max).toBe(Math.max(...chart.months.map((m) => m.total)));
  });
});

describe('the regions overview', () => {
  it('lists every region with the read-model figures', () => {
    const overview = regionsOverview(db, 2026, {});
    expect(overview.total).toBe(78);
    expect(overview.rows).toHaveLength(78);
    expect(overview.provinces).toContain('Zeeland');
    const cfTotal = overview.rows.reduce((n, r) => n + r.criticalFriendUsed, 0);
    expect(cfTotal).toBe(
      value("SELECT count(*) FROM visits v JOIN support_types t ON t.id = v.support_type_id WHERE t.key = 'critical_friend' AND v.status IN ('planned', 'held')"),
    );
  });

  it('filters by province, plan status and speerpunt as SQL does', () => {
    const inProvince = regionsOverview(db, 2026, { province: 'Gelderland' }).rows;
    expect(inProvince.map((r) => r.registrationNumber).sort()).toEqual(
      all<{ n: string }>("SELECT registration_number AS n FROM regions WHERE province = 'Gelderland'").map((r) => r.n).sort(),
    );
    expect(regionsOverview(db, 2026, { planStatus: 'resubmit' }).rows).toHaveLength(7);
    const lob = regionsOverview(db, 2026, { theme: 'lob' }).rows;
    expect(lob.map((r) => r.regionId).sort((a, b) => a - b)).toEqual(
      all<{ id: number }>("SELECT r.id FROM regions r, json_each(r.speerpunten) j WHERE j.value = 'lob' ORDER BY r.id").map((r) => r.id),
    );
    expect(lob.length).toBeGreaterThan(0);
    const both = regionsOverview(db, 2026, { province: 'Gelderland', theme: 'lob' }).rows;
    expect(both.every((r) => r.province === 'Gelderland' && r.speerpunten.includes('lob'))).toBe(true);
  });

  it('sorts by days left and filters on what is left', () => {
    const region = db.select({ id: regions.id }).from(regions).orderBy(asc(regions.id)).get()!;
    expect(adjustDays(db, { ...actor(), regionId: region.id, year: 2026, deltaHalfDays: -10, reason: 'Alles op' }).ok).toBe(true);
    const byLeft = regionsOverview(db, 2026, { sort: 'left' }).rows;
    for (let i = 1; i < byLeft.length; i += 1) expect(byLeft[i]!.remaining).toBeGreaterThanOrEqual(byLeft[i - 1]!.remaining);
    expect(byLeft[0]!.remaining).toBe(0);
    const none = regionsOverview(db, 2026, { daysLeft: 'none' }).rows;
    expect(none.map((r) => r.regionId)).toContain(region.id);
    expect(none.every((r) => r.remaining <= 0)).toBe(true);
    expect(regionsOverview(db, 2026, { daysLeft: 'more' }).rows.every((r) => r.remaining > 2)).toBe(true);
  });

  it('gives a region’s page its contacts, requests, visits and the year’s adjustments', () => {
    const region = db.select({ id: regions.id }).from(regions).orderBy(asc(regions.id)).get()!;
    const detail = regionDetail(db, region.id, 2026)!;
    expect(detail.contacts.length).toBe(value('SELECT count(*) FROM region_contacts WHERE region_id = ?', region.id));
    expect(detail.requests.length).toBe(value('SELECT count(*) FROM support_requests WHERE region_id = ?', region.id));
    expect(detail.visits.length).toBe(value('SELECT count(*) FROM visits WHERE region_id = ?', region.id));
    expect(detail.adjustments).toMatchObject([{ deltaHalfDays: -10, reason: 'Alles op', authorName: 'Coördinator Demo' }]);
    expect(detail.ledger.remaining).toBe(0);
    expect(regionDetail(db, region.id, 2019)!.adjustments).toEqual([]);
    expect(regionDetail(db, 999_999, 2026)).toBeNull();
  });
});

describe('the calendar', () => {
  it('lists the visits starting in the period, filtered by supporter, region and type', () => {
    const from = DateTime.fromObject({ year: 2019, month: 10, day: 1 }, { zone: ZONE }).toMillis();
    const to = DateTime.fromObject({ year: 2019, month: 11, day: 1 }, { zone: ZONE }).toMillis();
    const live = calendarVisits(db, from, to);
    expect(live).toHaveLength(value("SELECT count(*) FROM visits WHERE starts_at >= ? AND starts_at < ? AND status <> 'cancelled'", from, to));
    expect(calendarVisits(db, from, to, { includeCancelled: true })).toHaveLength(
      value('SELECT count(*) FROM visits WHERE starts_at >= ? AND starts_at < ?', from, to),
    );
    const first = live[0]!;
    expect(calendarVisits(db, from, to, { supporterId: first.supporterId }).every((v) => v.supporterId === first.supporterId)).toBe(true);
    expect(calendarVisits(db, from, to, { regionId: first.regionId }).every((v) => v.regionId === first.regionId)).toBe(true);
    const ofType = calendarVisits(db, from, to, { supportTypeId: first.supportTypeId });
    expect(ofType.length).toBe(value("SELECT count(*) FROM visits WHERE starts_at >= ? AND starts_at < ? AND status <> 'cancelled' AND support_type_id = ?", from, to, first.supportTypeId));
    for (let i = 1; i < live.length; i += 1) expect(live[i]!.startsAt).toBeGreaterThanOrEqual(live[i - 1]!.startsAt);
  });
});

describe('settings changes in the audit log', () => {
  it('audits a support type’s new default length with the reason, findable by kind and user', () => {
    const type = listSupportTypes(db).find((t) => t.key === 'verantwoording')!;
    const result = updateSupportTypeRules(db, {
      ...actor(),
      supportTypeId: type.id,
      changes: { capPerRegion: type.capPerRegion, bookableUntil: type.bookableUntil, drawsOnDays: type.drawsOnDays, defaultMinutes: 210 },
      reason: 'Sessies duren in de praktijk korter',
    });
    expect(result.ok).toBe(true);
    const log = auditLog(db, { kind: 'support_type' });
    expect(log.total).toBe(1);
    expect(log.rows[0]).toMatchObject({
      action: 'support_type.rules_changed',
      entityId: type.id,
      actorLabel: 'Coördinator Demo',
      reason: 'Sessies duren in de praktijk korter',
      before: { defaultMinutes: type.defaultMinutes },
      after: { defaultMinutes: 210 },
    });
    expect(auditLog(db, { kind: 'support_type', actorUserId: coordinatorId }).total).toBe(1);
    expect(auditFilterOptions(db).kinds).toEqual(expect.arrayContaining(['support_type', 'ledger', 'seed']));
  });

  it('audits the default days per year', () => {
    expect(setDefaultDaysPerYear(db, { ...actor(), halfDays: 12, reason: 'Meer budget' }).ok).toBe(true);
    const [row] = auditLog(db, { kind: 'settings' }).rows;
    expect(row).toMatchObject({ action: 'settings.default_days_changed', before: { halfDays: 10 }, after: { halfDays: 12 }, reason: 'Meer budget' });
    expect(setDefaultDaysPerYear(db, { ...actor(), halfDays: 10, reason: '' }).ok).toBe(false);
    expect(auditLog(db, { kind: 'settings' }).total).toBe(1);
  });
});

describe('the audit log', () => {
  it('pages newest first and filters by region, user and kind', () => {
    const total = value('SELECT count(*) FROM audit_events');
    const first = auditLog(db, {}, 5);
    expect(first).toMatchObject({ total, page: 1, pages: Math.ceil(total / 5), pageSize: 5 });
    const everything = [...Array(first.pages).keys()].flatMap((i) => auditLog(db, { page: i + 1 }, 5).rows);
    expect(everything).toHaveLength(total);
    for (let i = 1; i < everything.length; i += 1) expect(everything[i]!.at).toBeLessThanOrEqual(everything[i - 1]!.at);
    expect(auditLog(db, { page: 10_000 }, 5).page).toBe(first.pages);

    const region = db.select({ id: regions.id }).from(regions).orderBy(asc(regions.id)).get()!;
    const ofRegion = auditLog(db, { regionId: region.id });
    expect(ofRegion.total).toBe(value('SELECT count(*) FROM audit_events WHERE region_id = ?', region.id));
    expect(ofRegion.rows.every((r) => r.regionId === region.id && r.regionName !== null)).toBe(true);

    expect(auditLog(db, { kind: 'ledger' }).rows.every((r) => r.action.startsWith('ledger.'))).toBe(true);
    expect(auditLog(db, { kind: 'seed' }).total).toBe(1);
    // A kind is a prefix before the dot: 'led' matches nothing, and odd input is ignored.
    expect(auditLog(db, { kind: 'led' }).total).toBe(0);
    expect(auditLog(db, { kind: "x' OR 1=1 --" }).total).toBe(total);
    expect(auditLog(db, { actorUserId: coordinatorId }).rows.every((r) => r.actorUserId === coordinatorId)).toBe(true);
  });
});
