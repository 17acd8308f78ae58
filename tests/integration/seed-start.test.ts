import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SEEDERS, type DemoSeeder } from '~db/demo';
import { ensureReferenceData, SUPPORT_TYPES } from '~db/reference-data';
import { demoSeedAllowed, seedAtStart, seedDemoDataIfEmpty } from '~db/seed';
import { insertCoordinator } from '../helpers/fixtures';
import { createTestDb } from '../helpers/db';

const NOW = DateTime.fromObject({ year: 2026, month: 3, day: 10, hour: 10 }, { zone: 'Europe/Amsterdam' }).toMillis();

describe('seed at start: reference data always, demo data only where it belongs', () => {
  const dbs: Array<ReturnType<typeof createTestDb>> = [];
  const fresh = () => {
    const t = createTestDb();
    dbs.push(t);
    return t.db;
  };
  afterEach(() => {
    for (const t of dbs.splice(0)) t.close();
  });
  const n = (db: ReturnType<typeof fresh>, query: string) => db.$client.prepare(query).pluck().get() as number;

  it('a production start on https://sto.example with an empty database has the rules but no user and no demo history', async () => {
    const db = fresh();
    const result = await seedAtStart(db, { APP_URL: 'https://sto.example', SEED_DEMO: '0' }, NOW);
    expect(result.demo).toEqual({ seeded: false, reason: 'not_local' });
    expect(n(db, 'SELECT count(*) FROM users')).toBe(0);
    expect(n(db, 'SELECT count(*) FROM regions')).toBe(0);
    expect(n(db, 'SELECT count(*) FROM support_requests')).toBe(0);
    expect(n(db, 'SELECT count(*) FROM visits')).toBe(0);
    expect(n(db, "SELECT count(*) FROM audit_events WHERE action = 'seed'")).toBe(0);
    expect(n(db, 'SELECT count(*) FROM support_types')).toBe(SUPPORT_TYPES.length);
    expect(n(db, "SELECT cap_per_region FROM support_types WHERE key = 'critical_friend'")).toBe(2);
    expect(Number(n(db, "SELECT value FROM settings WHERE key = 'default_half_days_per_year'"))).toBe(10);
  });

  it('the local demo (localhost or 127.0.0.1) and SEED_DEMO=1 get the demo; other addresses do not', () => {
    expect(demoSeedAllowed({ APP_URL: 'http://localhost:3000' })).toBe(true);
    expect(demoSeedAllowed({ APP_URL: 'http://127.0.0.1:4020' })).toBe(true);
    expect(demoSeedAllowed({ APP_URL: 'https://sto.example' })).toBe(false);
    expect(demoSeedAllowed({ APP_URL: 'https://localhost.sto.example' })).toBe(false);
    expect(demoSeedAllowed({ APP_URL: 'https://sto.example', SEED_DEMO: '1' })).toBe(true);
  });

  it('SEED_DEMO=1 seeds an empty database on a real address', async () => {
    const db = fresh();
    const result = await seedAtStart(db, { APP_URL: 'https://staging.sto.example', SEED_DEMO: '1' }, NOW);
    expect(result.demo.seeded).toBe(true);
    expect(n(db, 'SELECT count(*) FROM regions')).toBe(78);
  });

  it('never seeds demo data into a database that has a user, even on localhost', async () => {
    const db = fresh();
    insertCoordinator(db);
    const result = await seedAtStart(db, { APP_URL: 'http://localhost:3000' }, NOW);
    expect(result.demo).toEqual({ seeded: false, reason: 'not_empty' });
    expect(n(db, 'SELECT count(*) FROM regions')).toBe(0);
    expect(n(db, 'SELECT count(*) FROM support_types')).toBe(SUPPORT_TYPES.length);
  });

  it('writes reference data idempotently: a second start adds nothing, the team’s changes stay, a missing row comes back', async () => {
    const db = fresh();
    expect(ensureReferenceData(db, NOW).supportTypesAdded).toHaveLength(SUPPORT_TYPES.length);
    db.$client.prepare("UPDATE support_types SET cap_per_region = 3, name_nl = 'CF' WHERE key = 'critical_friend'").run();
    db.$client.prepare("UPDATE settings SET value = '12' WHERE key = 'default_half_days_per_year'").run();
    db.$client.prepare("DELETE FROM support_types WHERE key = 'verantwoording'").run();
    const again = await seedAtStart(db, { APP_URL: 'https://sto.example' }, NOW + 1);
    expect(again.reference).toEqual({ supportTypesAdded: ['verantwoording'], settingsAdded: [] });
    expect(n(db, "SELECT cap_per_region FROM support_types WHERE key = 'critical_friend'")).toBe(3);
    expect(Number(n(db, "SELECT value FROM settings WHERE key = 'default_half_days_per_year'"))).toBe(12);
    expect(n(db, 'SELECT count(*) FROM support_types')).toBe(SUPPORT_TYPES.length);
    const third = ensureReferenceData(db, NOW + 2);
    expect(third).toEqual({ supportTypesAdded: [], settingsAdded: [] });
    expect(n(db, "SELECT count(*) FROM audit_events WHERE action = 'reference_data.added'")).toBe(2);
  });

  it('the demo history books through the rules as they stand in the database (a stricter cap is kept)', async () => {
    const db = fresh();
    ensureReferenceData(db, NOW);
    db.$client.prepare("UPDATE support_types SET cap_per_region = 1 WHERE key = 'critical_friend'").run();
    db.$client.prepare("UPDATE settings SET value = '4' WHERE key = 'default_half_days_per_year'").run();
    const summary = await seedDemoDataIfEmpty(db, { now: NOW });
    expect(summary?.visits).toBeGreaterThan(40);
    const overCap = db.$client
      .prepare(
        `SELECT v.region_id FROM visits v JOIN support_types t ON t.id = v.support_type_id
         WHERE t.key = 'critical_friend' AND v.status <> 'cancelled' GROUP BY v.region_id HAVING count(*) > 1`,
      )
      .all();
    expect(overCap).toEqual([]);
    const overdrawn = db.$client
      .prepare(
        `SELECT v.region_id, v.ledger_year, sum(v.half_days) AS used FROM visits v
         LEFT JOIN day_allotments a ON a.region_id = v.region_id AND a.year = v.ledger_year
         WHERE v.status <> 'cancelled' AND a.region_id IS NULL GROUP BY v.region_id, v.ledger_year HAVING used > 4`,
      )
      .all();
    expect(overdrawn).toEqual([]);
  });

  it('runs a plugged-in demo seeder after the others, with their regions and users at hand', async () => {
    const db = fresh();
    let seen: { regions: number; coordinator: boolean; types: number } | null = null;
    const extra: DemoSeeder = {
      name: 'extra',
      prepare: () => (_tx, ctx) => {
        seen = { regions: ctx.regions.size, coordinator: ctx.coordinator !== null, types: ctx.supportTypes.size };
        return { meetings: 3 };
      },
    };
    const summary = await seedDemoDataIfEmpty(db, { now: NOW, seeders: [...DEMO_SEEDERS, extra] });
    expect(seen).toEqual({ regions: 78, coordinator: true, types: SUPPORT_TYPES.length });
    expect(summary).toMatchObject({ regions: 78, meetings: 3 });
  });

  it('a failing seeder writes nothing at all and names itself', async () => {
    const db = fresh();
    const broken: DemoSeeder = {
      name: 'broken',
      prepare: () => () => {
        throw new Error('boom');
      },
    };
    await expect(seedDemoDataIfEmpty(db, { now: NOW, seeders: [...DEMO_SEEDERS, broken] })).rejects.toThrow(/demo seeder "broken" failed: boom/);
    expect(n(db, 'SELECT count(*) FROM regions')).toBe(0);
    expect(n(db, 'SELECT count(*) FROM users')).toBe(0);
  });
});
