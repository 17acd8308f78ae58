import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '~/auth/password.server';
import { THEME_KEYS } from '~/domain/themes';
import { seedDemoData, seedIfEmpty, type SeedSummary } from '~db/seed';
import { DEMO_COORDINATOR, DEMO_SUPPORTER_PASSWORD, PLAN_STATUS_COUNTS, PROVINCE_COUNTS } from '~db/seed-data';
import { createTestDb } from '../helpers/db';

const ZONE = 'Europe/Amsterdam';
/** A Saturday late in November, so the current year has a long past and a short future. */
const NOW = DateTime.fromObject({ year: 2026, month: 11, day: 28, hour: 10 }, { zone: ZONE }).toMillis();
const CUT_OFF = Date.UTC(2019, 10, 30, 23, 0, 0);

/** Each query lists what breaks a booking rule; every one must come back empty. `@now` is the seed's now. */
const RULE_VIOLATIONS: Record<string, string> = {
  'at most cap planned + held visits per region and type': `
    SELECT v.region_id, v.support_type_id, count(*) AS n, t.cap_per_region AS cap
    FROM visits v JOIN support_types t ON t.id = v.support_type_id
    WHERE v.status IN ('planned', 'held') AND t.cap_per_region IS NOT NULL
    GROUP BY v.region_id, v.support_type_id HAVING n > cap`,
  'every live visit starts before its type’s cut-off': `
    SELECT v.id FROM visits v JOIN support_types t ON t.id = v.support_type_id
    WHERE v.status <> 'cancelled' AND t.bookable_until IS NOT NULL AND v.starts_at >= t.bookable_until`,
  'no region overdraws its days in any year': `
    SELECT v.region_id, v.ledger_year,
      COALESCE(a.half_days, 10)
        + COALESCE((SELECT sum(delta_half_days) FROM day_adjustments d WHERE d.region_id = v.region_id AND d.year = v.ledger_year), 0)
        - sum(v.half_days) AS remaining
    FROM visits v LEFT JOIN day_allotments a ON a.region_id = v.region_id AND a.year = v.ledger_year
    WHERE v.status IN ('planned', 'held')
    GROUP BY v.region_id, v.ledger_year HAVING remaining < 0`,
  'no supporter in two live visits at once': `
    SELECT a.id AS first, b.id AS second FROM visits a JOIN visits b
      ON a.supporter_id = b.supporter_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
    WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'`,
  'no supporter visits their home region': `
    SELECT v.id FROM visits v JOIN users u ON u.id = v.supporter_id WHERE v.region_id = u.home_region_id`,
  'no supporter is assigned a request of their home region': `
    SELECT r.id FROM support_requests r JOIN users u ON u.id = r.supporter_id WHERE r.region_id = u.home_region_id`,
  'only active supporters have visits ahead': `
    SELECT v.id FROM visits v JOIN users u ON u.id = v.supporter_id
    WHERE v.status = 'planned' AND v.starts_at > @now AND u.active = 0`,
  'only supporters visit': `
    SELECT v.id FROM visits v JOIN users u ON u.id = v.supporter_id WHERE u.role <> 'supporter'`,
  'planned visits lie ahead, held ones behind': `
    SELECT id FROM visits WHERE (status = 'planned' AND starts_at <= @now) OR (status = 'held' AND ends_at > @now)`,
  'nothing is created in the future or before it was asked for': `
    SELECT v.id FROM visits v JOIN support_requests r ON r.id = v.request_id
    WHERE v.created_at > @now OR v.created_at > v.starts_at OR v.created_at < r.created_at
       OR r.created_at > @now OR r.updated_at > @now OR r.updated_at < r.created_at`,
};

describe('demo seed', () => {
  const { db, close } = createTestDb();
  const all = <T = Record<string, unknown>>(query: string, ...params: unknown[]) =>
    db.$client.prepare(query).all(...params) as T[];
  const value = <T = number>(query: string, ...params: unknown[]) => db.$client.prepare(query).pluck().get(...params) as T;
  let seeded = false;

  beforeAll(async () => {
    seeded = await seedIfEmpty(db, { now: NOW });
  });
  afterAll(close);

  it('seeds an empty database once, and never again', async () => {
    expect(seeded).toBe(true);
    const before = value('SELECT count(*) FROM visits');
    expect(await seedIfEmpty(db, { now: NOW })).toBe(false);
    expect(value('SELECT count(*) FROM visits')).toBe(before);
    expect(value('SELECT count(*) FROM regions')).toBe(78);
  });

  it('has 78 regions with unique registration numbers from STO19001–STO19087, TechniekPact Kop as STO19072', () => {
    const rows = all<{ registration_number: string; name: string; province: string }>('SELECT * FROM regions');
    expect(rows).toHaveLength(78);
    const numbers = rows.map((r) => r.registration_number);
    expect(new Set(numbers).size).toBe(78);
    for (const n of numbers) {
      expect(n).toMatch(/^STO19\d{3}$/);
      expect(Number(n.slice(5))).toBeGreaterThanOrEqual(1);
      expect(Number(n.slice(5))).toBeLessThanOrEqual(87);
    }
    expect(value<string>("SELECT name FROM regions WHERE registration_number = 'STO19072'")).toBe('TechniekPact Kop van Noord-Holland');
    expect(value<string>("SELECT province FROM regions WHERE registration_number = 'STO19072'")).toBe('Noord-Holland');
    expect(new Set(rows.map((r) => r.name)).size).toBe(78);
  });

  it('spreads the regions over the provinces and plan statuses as the record says', () => {
    const provinces = Object.fromEntries(
      all<{ province: string; n: number }>('SELECT province, count(*) AS n FROM regions GROUP BY province').map((r) => [r.province, r.n]),
    );
    expect(provinces).toEqual(PROVINCE_COUNTS);
    const statuses = Object.fromEntries(
      all<{ plan_status: string; n: number }>('SELECT plan_status, count(*) AS n FROM regions GROUP BY plan_status').map((r) => [r.plan_status, r.n]),
    );
    expect(statuses).toEqual({ approved_2019_07: 45, approved_2019_12: 20, lichtgroen: 6, resubmit: 7 });
    expect(PLAN_STATUS_COUNTS).toEqual(statuses);
    expect(value<string>("SELECT plan_status FROM regions WHERE name = 'Zuid Fryslân'")).toBe('approved_2019_07');
  });

  it('gives every region a penvoerder, 2–4 speerpunten and 1–3 contacts', () => {
    for (const r of all<{ id: number; penvoerder: string; speerpunten: string }>('SELECT * FROM regions')) {
      expect(r.penvoerder.length).toBeGreaterThan(10);
      const themes = JSON.parse(r.speerpunten) as string[];
      expect(themes.length).toBeGreaterThanOrEqual(2);
      expect(themes.length).toBeLessThanOrEqual(4);
      for (const t of themes) expect(THEME_KEYS).toContain(t);
      const contacts = value('SELECT count(*) FROM region_contacts WHERE region_id = ?', r.id);
      expect(contacts).toBeGreaterThanOrEqual(1);
      expect(contacts).toBeLessThanOrEqual(3);
    }
    expect(value("SELECT count(*) FROM region_contacts WHERE email NOT LIKE '%_@%.example'")).toBe(0);
  });

  it('has one coordinator and 12–15 supporters with a home region, themes and the demo password', async () => {
    expect(value("SELECT count(*) FROM users WHERE role = 'coordinator'")).toBe(1);
    const coordinator = all<{ email: string; name: string; password_hash: string }>("SELECT * FROM users WHERE role = 'coordinator'")[0]!;
    expect(coordinator).toMatchObject({ email: DEMO_COORDINATOR.email, name: 'Coördinator Demo' });
    expect(await verifyPassword('demo-coordinator-2019', coordinator.password_hash)).toBe(true);

    const supporters = all<{ email: string; themes: string; home_region_id: number | null; language: string; active: number; password_hash: string }>(
      "SELECT * FROM users WHERE role = 'supporter'",
    );
    expect(supporters.length).toBeGreaterThanOrEqual(12);
    expect(supporters.length).toBeLessThanOrEqual(15);
    expect(supporters.filter((s) => s.language === 'en')).toHaveLength(2);
    expect(supporters.filter((s) => !s.active)).toHaveLength(1);
    for (const s of supporters) {
      expect(s.email).toMatch(/^[a-z]+\.[a-z]+@sto-ondersteuning\.example$/);
      expect(s.home_region_id).not.toBeNull();
      const themes = JSON.parse(s.themes) as string[];
      expect(themes.length).toBeGreaterThanOrEqual(2);
      expect(themes.length).toBeLessThanOrEqual(4);
      for (const t of themes) expect(THEME_KEYS).toContain(t);
    }
    expect(await verifyPassword(DEMO_SUPPORTER_PASSWORD, supporters[0]!.password_hash)).toBe(true);
  });

  it('has the six support types, the critical friend capped at 2 and cut off at 1 December 2019', () => {
    const types = all<{ key: string; cap_per_region: number | null; bookable_until: number | null; draws_on_days: number; default_minutes: number }>(
      'SELECT * FROM support_types ORDER BY sort_order',
    );
    expect(types.map((t) => t.key)).toEqual(['critical_friend', 'samenwerking', 'docenten_uitvoering', 'thema', 'herschrijven', 'verantwoording']);
    expect(types[0]).toMatchObject({ cap_per_region: 2, bookable_until: CUT_OFF, draws_on_days: 0, default_minutes: 150 });
    expect(DateTime.fromMillis(CUT_OFF, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm')).toBe('2019-12-01 00:00');
    for (const t of types.slice(1)) expect(t).toMatchObject({ cap_per_region: null, bookable_until: null, draws_on_days: 1 });
    expect(types.find((t) => t.key === 'herschrijven')!.default_minutes).toBe(480);
    expect(JSON.parse(value<string>("SELECT value FROM settings WHERE key = 'default_half_days_per_year'"))).toBe(10);
  });

  // --- the booking rules ---------------------------------------------------------------------

  it.each(Object.entries(RULE_VIOLATIONS))('keeps the rule: %s', (_rule, query) => {
    expect(db.$client.prepare(query).all({ now: NOW })).toEqual([]);
  });

  it('keeps every rule whatever now is (new year, summer holiday, New Year’s Eve)', async () => {
    for (const iso of ['2020-01-02T09:00', '2024-07-25T12:00', '2025-12-31T23:30']) {
      const now = DateTime.fromISO(iso, { zone: ZONE }).toMillis();
      const other = createTestDb();
      try {
        await seedDemoData(other.db, { now });
        for (const [rule, query] of Object.entries(RULE_VIOLATIONS)) {
          expect(other.db.$client.prepare(query).all({ now }), `${iso}: ${rule}`).toEqual([]);
        }
        const live = other.db.$client.prepare("SELECT count(*) FROM visits WHERE starts_at > @now AND status = 'planned'").pluck().get({ now });
        expect(live, iso).toBeGreaterThan(10);
      } finally {
        other.close();
      }
    }
  });

  it('copies region, type and supporter from the request, and charges half-days by the rule', () => {
    const rows = all<{
      starts_at: number; ends_at: number; ledger_year: number; half_days: number; draws: number; mismatch: number;
      status: string; minutes_spent: number | null; report: string | null; cancel_reason: string | null; calendar_uid: string; sequence: number;
    }>(`
      SELECT v.*, t.draws_on_days AS draws,
        (v.region_id <> r.region_id OR v.support_type_id <> r.support_type_id OR v.supporter_id IS NOT r.supporter_id) AS mismatch
      FROM visits v JOIN support_requests r ON r.id = v.request_id JOIN support_types t ON t.id = v.support_type_id`);
    for (const v of rows) {
      expect(v.mismatch).toBe(0);
      const start = DateTime.fromMillis(v.starts_at, { zone: ZONE });
      const end = DateTime.fromMillis(v.ends_at, { zone: ZONE });
      expect(v.ledger_year).toBe(start.year);
      expect(start.weekday).toBeLessThanOrEqual(5);
      expect(start.hour * 60 + start.minute).toBeGreaterThanOrEqual(9 * 60);
      expect(end.toISODate()).toBe(start.toISODate());
      expect(end.hour * 60 + end.minute).toBeLessThanOrEqual(16 * 60);
      const minutes = (v.ends_at - v.starts_at) / 60_000;
      expect(v.half_days).toBe(v.draws ? (minutes <= 240 ? 1 : 2) : 0);
      expect(v.calendar_uid).toMatch(/@sto-ondersteuning\.example$/);
      if (v.status === 'held') {
        expect(v.minutes_spent).toBeGreaterThan(0);
        expect(v.report?.length).toBeGreaterThan(20);
      }
      if (v.status === 'cancelled') expect(v.cancel_reason?.length).toBeGreaterThan(5);
      else expect(v.sequence).toBe(0);
    }
    expect(value('SELECT count(DISTINCT calendar_uid) FROM visits')).toBe(rows.length);
  });

  it('has a 2019 history: critical-friend visits in the autumn, 0, 1 or 2 per region, and theme visits drawing days', () => {
    const cf = all<{ starts_at: number; ends_at: number; status: string; minutes_spent: number; report: string }>(`
      SELECT v.* FROM visits v JOIN support_types t ON t.id = v.support_type_id WHERE t.key = 'critical_friend'`);
    expect(cf.length).toBeGreaterThan(40);
    for (const v of cf) {
      expect(v.status).toBe('held');
      expect(v.starts_at).toBeLessThan(CUT_OFF);
      expect(v.starts_at).toBeGreaterThanOrEqual(Date.UTC(2019, 8, 1));
      const minutes = (v.ends_at - v.starts_at) / 60_000;
      expect(minutes).toBeGreaterThanOrEqual(120);
      expect(minutes).toBeLessThanOrEqual(180);
      expect(v.report.length).toBeGreaterThan(40);
    }
    const perRegion = all<{ n: number; regions: number }>(`
      SELECT n, count(*) AS regions FROM (
        SELECT r.id, (SELECT count(*) FROM visits v JOIN support_types t ON t.id = v.support_type_id
                      WHERE v.region_id = r.id AND t.key = 'critical_friend' AND v.status <> 'cancelled') AS n
        FROM regions r) GROUP BY n ORDER BY n`);
    expect(perRegion.map((p) => p.n)).toEqual([0, 1, 2]);
    for (const p of perRegion) expect(p.regions).toBeGreaterThanOrEqual(20);
    expect(value("SELECT count(*) FROM visits WHERE ledger_year = 2019 AND half_days > 0 AND status = 'held'")).toBeGreaterThan(5);
  });

  it('has a current year of requests in every status and visits around now', () => {
    const year = DateTime.fromMillis(NOW, { zone: ZONE }).year;
    const from = DateTime.fromObject({ year: year - 1, month: 12, day: 1 }, { zone: ZONE }).toMillis();
    const requests = all<{
      status: string; supporter_id: number | null; assignment_status: string | null; question: string; status_token_hash: string;
      consent_at: number; created_at: number; updated_at: number; location: string; preferred_period: string;
    }>(
      'SELECT * FROM support_requests WHERE created_at >= ?',
      from,
    );
    expect(requests.length).toBeGreaterThanOrEqual(35);
    expect(requests.length).toBeLessThanOrEqual(45);
    const byStatus = (s: string) => requests.filter((r) => r.status === s);
    for (const s of ['submitted', 'accepted', 'declined', 'withdrawn']) expect(byStatus(s).length).toBeGreaterThan(0);
    for (const r of byStatus('submitted')) expect(r).toMatchObject({ supporter_id: null, assignment_status: null });
    for (const r of byStatus('accepted')) {
      expect(r.supporter_id).not.toBeNull();
      expect(['pending', 'accepted']).toContain(r.assignment_status);
    }
    expect(byStatus('accepted').some((r) => r.assignment_status === 'pending')).toBe(true);
    for (const r of requests) {
      expect(r.created_at).toBeLessThan(NOW);
      expect(r.updated_at).toBeGreaterThanOrEqual(r.created_at);
      expect(r.updated_at).toBeLessThanOrEqual(NOW);
      expect(r.consent_at).toBe(r.created_at);
      expect(r.status_token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.location).toContain(', ');
      expect(r.preferred_period.length).toBeGreaterThan(0);
      expect(r.question.length).toBeGreaterThan(30);
    }
    expect(new Set(requests.map((r) => r.question)).size).toBeGreaterThan(15);

    const visits = all<{ status: string }>('SELECT status FROM visits WHERE ledger_year >= ?', year);
    expect(visits.length).toBeGreaterThanOrEqual(40);
    expect(visits.length).toBeLessThanOrEqual(60);
    for (const s of ['planned', 'held', 'cancelled']) expect(visits.filter((v) => v.status === s).length).toBeGreaterThan(0);
    expect(value('SELECT count(*) FROM visits WHERE created_at > starts_at')).toBe(0);
    expect(value('SELECT count(*) FROM request_events')).toBeGreaterThan(100);
  });

  it('is deterministic apart from secrets, given the same now', async () => {
    const other = createTestDb();
    try {
      const summary: SeedSummary = await seedDemoData(other.db, { now: NOW });
      expect(summary).toMatchObject({ regions: 78, supporters: 14, coordinators: 1, supportTypes: 6 });
      const fingerprint = (q: typeof db) =>
        q.$client
          .prepare(
            `SELECT r.registration_number, r.plan_status, r.speerpunten, v.starts_at, v.ends_at, v.status, v.supporter_id, v.report
             FROM visits v JOIN regions r ON r.id = v.region_id ORDER BY v.id`,
          )
          .all();
      expect(fingerprint(other.db)).toEqual(fingerprint(db));
      expect(summary.visits).toBe(value('SELECT count(*) FROM visits'));
      expect(summary.requests).toBe(value('SELECT count(*) FROM support_requests'));
    } finally {
      other.close();
    }
  });
});
