/**
 * The accountability CSVs checked against the database, for the seeded 2019 and the current year,
 * after a few ledger changes so allotments and adjustments count too.
 */
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_BOM, parseCsv } from '~/domain/csv';
import { adjustDays, setAllotment } from '~/services/ledger.server';
import { csvLabels, regionsCsv, visitsCsv } from '~/services/oversight.server';
import { users, visits } from '~db/schema';
import { seedDemoData } from '~db/seed';
import { createTestDb } from '../helpers/db';

const ZONE = 'Europe/Amsterdam';
/** A fixed present: late November 2026, so the current year has a long past and a short future. */
const NOW = DateTime.fromObject({ year: 2026, month: 11, day: 28, hour: 10 }, { zone: ZONE }).toMillis();
const CURRENT = 2026;

const { db, close } = createTestDb();
const all = <T>(query: string, ...params: unknown[]) => db.$client.prepare(query).all(...params) as T[];
const value = <T = number>(query: string, ...params: unknown[]) => db.$client.prepare(query).pluck().get(...params) as T;
const num = (cell: string) => (cell === '' ? 0 : Number(cell.replace(',', '.')));

beforeAll(async () => {
  await seedDemoData(db, { now: NOW });
  const coordinator = db.select({ id: users.id }).from(users).where(eq(users.role, 'coordinator')).get()!.id;
  const actor = { actorUserId: coordinator, now: NOW };
  const [first, second] = all<{ id: number }>('SELECT id FROM regions ORDER BY registration_number LIMIT 2');
  // Some ledger history in both years: an adjustment on top of the default, an own allotment.
  expect(adjustDays(db, { ...actor, regionId: first!.id, year: 2019, deltaHalfDays: 3, reason: 'Extra in 2019' }).ok).toBe(true);
  expect(adjustDays(db, { ...actor, regionId: first!.id, year: CURRENT, deltaHalfDays: 2, reason: 'Extra dag' }).ok).toBe(true);
  expect(setAllotment(db, { ...actor, regionId: second!.id, year: CURRENT, halfDays: 14, reason: 'Groot plan' }).ok).toBe(true);
  // A report that a spreadsheet would run as a formula.
  const held = all<{ id: number }>("SELECT id FROM visits WHERE status = 'held' AND ledger_year = 2019 ORDER BY id LIMIT 1")[0]!;
  db.update(visits).set({ report: '=HYPERLINK("http://evil.example";"klik")' }).where(eq(visits.id, held.id)).run();
});
afterAll(close);

type Expected = {
  registration_number: string;
  name: string;
  allotted: number;
  planned: number;
  used: number;
  minutes: number;
};

/** The ledger per region as SQL computes it, in half-days. */
function expectedRegions(year: number): Expected[] {
  return all<Expected>(
    `SELECT r.registration_number, r.name,
       coalesce((SELECT a.half_days FROM day_allotments a WHERE a.region_id = r.id AND a.year = @year),
                (SELECT CAST(s.value AS INTEGER) FROM settings s WHERE s.key = 'default_half_days_per_year'), 10)
       + coalesce((SELECT sum(d.delta_half_days) FROM day_adjustments d WHERE d.region_id = r.id AND d.year = @year), 0) AS allotted,
       coalesce((SELECT sum(v.half_days) FROM visits v WHERE v.region_id = r.id AND v.ledger_year = @year AND v.status = 'planned'), 0) AS planned,
       coalesce((SELECT sum(v.half_days) FROM visits v WHERE v.region_id = r.id AND v.ledger_year = @year AND v.status = 'held'), 0) AS used,
       coalesce((SELECT sum(v.minutes_spent) FROM visits v WHERE v.region_id = r.id AND v.ledger_year = @year AND v.status = 'held'), 0) AS minutes
     FROM regions r ORDER BY r.registration_number`,
    { year },
  );
}

const labels = csvLabels('nl');

describe.each([2019, CURRENT])('the regions CSV of %i', (year) => {
  let rows: string[][];
  let header: string[];
  let csv: string;

  beforeAll(() => {
    csv = regionsCsv(db, year, labels, 'nl');
    [header, ...rows] = parseCsv(csv) as [string[], ...string[][]];
  });

  it('is a Dutch-Excel file: BOM, semicolons, CRLF, one column per support type', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const types = all<{ name_nl: string }>('SELECT name_nl FROM support_types ORDER BY sort_order, id');
    expect(header).toEqual([
      'Registratienummer',
      'Regio',
      'Toegekend (dagen)',
      'Gepland (dagen)',
      'Gebruikt (dagen)',
      'Over (dagen)',
      ...types.map((t) => `Bezoeken: ${t.name_nl}`),
      'Bestede uren',
    ]);
    for (const row of rows) expect(row).toHaveLength(header.length);
  });

  it('has every region with the ledger that SQL computes', () => {
    const expected = expectedRegions(year);
    expect(rows).toHaveLength(78);
    rows.forEach((row, i) => {
      const e = expected[i]!;
      expect(row[0]).toBe(e.registration_number);
      expect(row[1]).toBe(e.name);
      expect(num(row[2]!)).toBe(e.allotted / 2);
      expect(num(row[3]!)).toBe(e.planned / 2);
      expect(num(row[4]!)).toBe(e.used / 2);
      expect(num(row[5]!)).toBe((e.allotted - e.planned - e.used) / 2);
      expect(num(row.at(-1)!)).toBeCloseTo(e.minutes / 60, 2);
    });
  });

  it('counts the visits per region and type as SQL does, and its totals equal the SQL sums', () => {
    const types = all<{ id: number }>('SELECT id FROM support_types ORDER BY sort_order, id');
    const regionIds = all<{ id: number }>('SELECT id FROM regions ORDER BY registration_number');
    rows.forEach((row, i) => {
      types.forEach((type, k) => {
        const n = value(
          "SELECT count(*) FROM visits WHERE region_id = ? AND support_type_id = ? AND ledger_year = ? AND status IN ('planned', 'held')",
          regionIds[i]!.id,
          type.id,
          year,
        );
        expect(num(row[6 + k]!)).toBe(n);
      });
    });
    const column = (i: number) => rows.reduce((sum, row) => sum + num(row[i]!), 0);
    expect(column(3)).toBe(value("SELECT coalesce(sum(half_days), 0) FROM visits WHERE ledger_year = ? AND status = 'planned'", year) / 2);
    expect(column(4)).toBe(value("SELECT coalesce(sum(half_days), 0) FROM visits WHERE ledger_year = ? AND status = 'held'", year) / 2);
    const visitColumns = types.reduce((sum, _, k) => sum + column(6 + k), 0);
    expect(visitColumns).toBe(value("SELECT count(*) FROM visits WHERE ledger_year = ? AND status IN ('planned', 'held')", year));
    expect(visitColumns).toBeGreaterThan(0);
    const minutes = value("SELECT coalesce(sum(minutes_spent), 0) FROM visits WHERE ledger_year = ? AND status = 'held'", year);
    expect(Math.abs(column(header.length - 1) - minutes / 60)).toBeLessThan(0.01 * rows.length);
  });
});

it('shows the ledger changes in the current year: adjustment and own allotment', () => {
  const [, ...rows] = parseCsv(regionsCsv(db, CURRENT, labels, 'nl'));
  const first = rows[0]!;
  const second = rows[1]!;
  // Default 5 days + 1 day added; an own allotment of 7 days.
  expect(num(first[2]!)).toBe(6);
  expect(num(second[2]!)).toBe(7);
  // Half days are written with a decimal comma.
  const [, ...rows2019] = parseCsv(regionsCsv(db, 2019, labels, 'nl'));
  expect(rows2019[0]![2]).toBe('6,5');
});

describe.each([2019, CURRENT])('the visits CSV of %i', (year) => {
  let rows: string[][];
  let header: string[];

  beforeAll(() => {
    [header, ...rows] = parseCsv(visitsCsv(db, year, labels, 'nl')) as [string[], ...string[][]];
  });

  it('has one line per visit of the year (cancelled ones too) with the right totals', () => {
    expect(header).toEqual(['Datum', 'Begin', 'Einde', 'Registratienummer', 'Regio', 'Soort ondersteuning', 'Ondersteuner', 'Status', 'Dagen', 'Uren', 'Verslag']);
    expect(rows).toHaveLength(value('SELECT count(*) FROM visits WHERE ledger_year = ?', year));
    expect(rows.length).toBeGreaterThan(0);
    const sum = (i: number, status?: string) => rows.filter((r) => !status || r[7] === status).reduce((n, r) => n + num(r[i]!), 0);
    expect(sum(8, 'Gepland')).toBe(value("SELECT coalesce(sum(half_days), 0) FROM visits WHERE ledger_year = ? AND status = 'planned'", year) / 2);
    expect(sum(8, 'Gehouden')).toBe(value("SELECT coalesce(sum(half_days), 0) FROM visits WHERE ledger_year = ? AND status = 'held'", year) / 2);
    expect(rows.filter((r) => r[7] === 'Geannuleerd')).toHaveLength(value("SELECT count(*) FROM visits WHERE ledger_year = ? AND status = 'cancelled'", year));
    expect(sum(9)).toBeCloseTo(value('SELECT coalesce(sum(minutes_spent), 0) FROM visits WHERE ledger_year = ?', year) / 60, 1);
  });

  it('writes each visit in Amsterdam time with its region, type, supporter and report', () => {
    const expected = all<{ starts_at: number; ends_at: number; registration_number: string; region: string; type: string; supporter: string; report: string | null }>(
      `SELECT v.starts_at, v.ends_at, r.registration_number, r.name AS region, t.name_nl AS type, u.name AS supporter, v.report
       FROM visits v JOIN regions r ON r.id = v.region_id JOIN support_types t ON t.id = v.support_type_id JOIN users u ON u.id = v.supporter_id
       WHERE v.ledger_year = ? ORDER BY v.starts_at, v.id`,
      year,
    );
    rows.forEach((row, i) => {
      const e = expected[i]!;
      const start = DateTime.fromMillis(e.starts_at, { zone: ZONE });
      expect(row.slice(0, 7)).toEqual([
        start.toISODate(),
        start.toFormat('HH:mm'),
        DateTime.fromMillis(e.ends_at, { zone: ZONE }).toFormat('HH:mm'),
        e.registration_number,
        e.region,
        e.type,
        e.supporter,
      ]);
      const report = e.report ?? '';
      expect(row[10]).toBe(/^[=+\-@\t\r]/.test(report) ? `'${report}` : report);
    });
  });
});

it('neutralises a report that would run as a formula', () => {
  const csv = visitsCsv(db, 2019, labels, 'nl');
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"";""klik"")"`);
  expect(csv).not.toMatch(/;=HYPERLINK/);
});

it('writes English headings and statuses for an English reader, numbers still with a decimal comma', () => {
  const [header, first] = parseCsv(visitsCsv(db, 2019, csvLabels('en'), 'en'));
  expect(header![0]).toBe('Date');
  expect(['Held', 'Planned', 'Cancelled']).toContain(first![7]);
  const [regionsHeader] = parseCsv(regionsCsv(db, 2019, csvLabels('en'), 'en'));
  expect(regionsHeader).toContain('Visits: Critical friend');
});
