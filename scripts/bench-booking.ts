/**
 * npm run bench:booking — the booking core at ten times the national size.
 *
 * Builds a temporary database (780 regions, 150 supporters, 50,000 visits over ten years), then
 * books, moves and cancels visits one after another through the use cases, every rule checked, and
 * prints operations per second, p50/p95/p99 latency and CPU time per operation. The outbox hook runs
 * inside every use case; it is also timed alone, so the booking core's own share shows. It prints
 * figures; it is not a test. Target: at least 500 bookings a second, p95 under 25 ms. On a busy
 * machine the wall-clock figures swing; the CPU column is steadier. `-- --keep` keeps the file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase, type Db } from '~db/client';
import { amsterdamYear, parseLocalDateTime } from '~/domain/time';
import { enqueueVisitChange } from '~/mail/notify.server';
import { allRegionsOverview, supporterLoads } from '~/services/read-models.server';
import { cancelVisit, rescheduleVisit, scheduleVisit, type Visit } from '~/services/visits.server';

const REGIONS = 780;
const SUPPORTERS = 150;
const VISITS = 50_000;
const OPERATIONS = 3_000;
const NOW = Date.parse('2025-12-15T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

const localCache = new Map<string, number>();
function local(input: string): number {
  const cached = localCache.get(input);
  if (cached !== undefined) return cached;
  const parsed = parseLocalDateTime(input);
  if (!parsed.ok) throw new Error(`${input}: ${parsed.problem}`);
  localCache.set(input, parsed.ms);
  return parsed.ms;
}

/** 'YYYY-MM-DD' of a day counted from a first day (calendar arithmetic in UTC, no zone involved). */
function dayAfter(first: string, days: number): string {
  return new Date(Date.parse(`${first}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

const yearCache = new Map<number, number>();
const yearOf = (ms: number) => yearCache.get(ms) ?? (yearCache.set(ms, amsterdamYear(ms)), amsterdamYear(ms));

/** Supporter for region r: round robin, never one whose home region it is. */
const homeRegionOf = (s: number) => ((s * 5) % REGIONS) + 1;
function supporterFor(n: number, regionId: number): { supporter: number; shifted: boolean } {
  const s = n % SUPPORTERS;
  return homeRegionOf(s) === regionId ? { supporter: (s + 1) % SUPPORTERS, shifted: true } : { supporter: s, shifted: false };
}

type World = { coordinatorId: number; supporterIds: number[]; cfRequestIds: number[]; themeRequestIds: number[] };

/** Everything inserted with prepared statements in one transaction. */
function seed(db: Db): World {
  const sqlite = db.$client;
  const insertRegion = sqlite.prepare(
    `INSERT INTO regions (registration_number, name, province, plan_status, penvoerder, created_at)
     VALUES (?, ?, 'Zeeland', 'approved_2019_07', 'ROC', 0)`,
  );
  const insertUser = sqlite.prepare(
    `INSERT INTO users (email, name, password_hash, role, home_region_id, created_at, updated_at)
     VALUES (?, ?, 'x', ?, ?, 0, 0)`,
  );
  const insertType = sqlite.prepare(
    `INSERT INTO support_types (key, name_nl, name_en, cap_per_region, bookable_until, draws_on_days, default_minutes, sort_order)
     VALUES (?, ?, ?, ?, ?, ?, 180, 0)`,
  );
  const insertRequest = sqlite.prepare(
    `INSERT INTO support_requests (region_id, support_type_id, contact_name, contact_email, contact_role, question,
       status, status_token_hash, consent_at, created_at, updated_at)
     VALUES (?, ?, 'Contact', 'contact@example.nl', 'projectleider', 'Vraag', 'accepted', ?, 0, 0, 0)`,
  );
  const insertVisit = sqlite.prepare(
    `INSERT INTO visits (request_id, region_id, support_type_id, supporter_id, starts_at, ends_at, ledger_year, location,
       half_days, status, calendar_uid, sequence, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'Locatie', ?, ?, ?, 0, 0, 0)`,
  );

  return sqlite.transaction((): World => {
    for (let r = 1; r <= REGIONS; r++) {
      insertRegion.run(`STO19${String(r).padStart(3, '0')}`, `Regio ${String(r).padStart(3, '0')}`);
    }
    const coordinatorId = Number(insertUser.run('team@example.nl', 'Coördinator', 'coordinator', null).lastInsertRowid);
    const supporterIds = Array.from({ length: SUPPORTERS }, (_, s) =>
      Number(insertUser.run(`s${s}@example.nl`, `Ondersteuner ${s}`, 'supporter', homeRegionOf(s)).lastInsertRowid),
    );
    const cfType = Number(insertType.run('critical_friend', 'Critical friend', 'Critical friend', 2, local('2019-12-01T00:00'), 0).lastInsertRowid);
    const themeType = Number(insertType.run('theme', 'Thema', 'Theme', null, null, 1).lastInsertRowid);
    const cfRequestIds: number[] = [];
    const themeRequestIds: number[] = [];
    for (let r = 1; r <= REGIONS; r++) {
      cfRequestIds.push(Number(insertRequest.run(r, cfType, `cf-${r}`).lastInsertRowid));
      themeRequestIds.push(Number(insertRequest.run(r, themeType, `theme-${r}`).lastInsertRowid));
    }

    // Visit i: region i mod 780, a supporter in turn, its own morning (every 11 days per supporter) from 2016 on.
    for (let i = 0; i < VISITS; i++) {
      const regionId = (i % REGIONS) + 1;
      const { supporter, shifted } = supporterFor(i, regionId);
      const startsAt = local(`${dayAfter('2016-01-04', Math.floor(i / SUPPORTERS) * 11)}T${shifted ? '13' : '09'}:00`);
      const isCriticalFriend = i < REGIONS; // one per region, the first ones
      const status = i % 20 === 0 ? 'cancelled' : startsAt < NOW ? 'held' : 'planned';
      insertVisit.run(
        (isCriticalFriend ? cfRequestIds : themeRequestIds)[regionId - 1]!,
        regionId,
        isCriticalFriend ? cfType : themeType,
        supporterIds[supporter]!,
        startsAt,
        startsAt + 3 * 3600_000,
        yearOf(startsAt),
        isCriticalFriend ? 0 : 1,
        status,
        `bench-${i}@sto-ondersteuning.example`,
      );
    }
    return { coordinatorId, supporterIds, cfRequestIds, themeRequestIds };
  })();
}

/** Wall-clock latencies per call, plus the process's CPU time for the run (steadier on a busy machine). */
type Timing = { name: string; latencies: number[]; refused: Map<string, number>; totalMs: number; cpuMs: number };

function measure<T>(name: string, count: number, op: (n: number) => { ok: boolean; refusal?: { code: string } } & T): Timing {
  const latencies: number[] = [];
  const refused = new Map<string, number>();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let n = 0; n < count; n++) {
    const t0 = performance.now();
    const result = op(n);
    latencies.push(performance.now() - t0);
    if (!result.ok) refused.set(result.refusal!.code, (refused.get(result.refusal!.code) ?? 0) + 1);
  }
  const cpu = process.cpuUsage(cpuStarted);
  return { name, latencies, refused, totalMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function report(t: Timing): string {
  const sorted = [...t.latencies].sort((a, b) => a - b);
  const perSecond = (t.latencies.length / t.totalMs) * 1000;
  const refusals = [...t.refused].map(([code, n]) => `${code}×${n}`).join(', ') || '-';
  return [
    t.name.padEnd(22),
    String(t.latencies.length).padStart(6),
    perSecond.toFixed(0).padStart(8),
    ...[50, 95, 99].map((p) => percentile(sorted, p).toFixed(2).padStart(8)),
    (t.cpuMs / t.latencies.length).toFixed(2).padStart(10),
    `  ${refusals}`,
  ].join(' ');
}

function main(): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sto-bench-'));
  const file = path.join(dir, 'bench.db');
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    const seedStarted = performance.now();
    const world = seed(db);
    console.log(
      `Seeded ${REGIONS} regions, ${SUPPORTERS} supporters, ${VISITS.toLocaleString('en')} visits in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s (${file})`,
    );

    const actor = { actorUserId: world.coordinatorId, now: NOW };
    const booked: Visit[] = [];
    // Booking n: region n mod 780, a supporter in turn, its own morning in 2027 (after the seeded years).
    const slotOf = (n: number, firstDay: string) => {
      const regionId = (n % REGIONS) + 1;
      const { supporter, shifted } = supporterFor(n, regionId);
      const day = dayAfter(firstDay, Math.floor(n / SUPPORTERS));
      return { regionId, supporterId: world.supporterIds[supporter]!, startLocal: `${day}T${shifted ? '13' : '09'}:00` };
    };

    const timings = [
      measure('book (scheduleVisit)', OPERATIONS, (n) => {
        const { regionId, supporterId, startLocal } = slotOf(n, '2027-01-04');
        const result = scheduleVisit(db, {
          ...actor,
          requestId: world.themeRequestIds[regionId - 1]!,
          supporterId,
          when: { startLocal, durationMinutes: 180 },
          // Mornings fall on public holidays too (Goede Vrijdag, Koningsdag …): confirmed, so they book.
          confirmHolidays: true,
        });
        if (result.ok) booked.push(result.visit);
        return result;
      }),
      // The outbox hook (app/mail/notify.server.ts) runs inside every use case here. Timed alone for
      // the visits just booked, so the figures above can be read as booking core + outbox hook.
      measure('  of which outbox hook', OPERATIONS, (n) => {
        const visitId = booked[n % booked.length]!.id;
        db.transaction((tx) => enqueueVisitChange(tx, { kind: 'scheduled', visitId }, NOW), { behavior: 'immediate' });
        return { ok: true };
      }),
      measure('move (rescheduleVisit)', OPERATIONS, (n) => {
        const visit = booked[n % booked.length]!;
        const { startLocal } = slotOf(n, '2027-03-01');
        return rescheduleVisit(db, { ...actor, visitId: visit.id, when: { startLocal }, reason: 'bench', confirmHolidays: true });
      }),
      measure('cancel (cancelVisit)', OPERATIONS, (n) =>
        cancelVisit(db, { ...actor, visitId: booked[n % booked.length]!.id, reason: 'bench' }),
      ),
      measure('overview (all regions)', 20, () => {
        allRegionsOverview(db, 2027);
        return { ok: true };
      }),
      measure('supporter loads', 20, () => {
        supporterLoads(db, 2027);
        return { ok: true };
      }),
    ];

    console.log(`\n${'operation'.padEnd(22)} ${'count'.padStart(6)} ${'ops/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'cpu ms/op'.padStart(10)}  refusals`);
    for (const t of timings) console.log(report(t));
    const [bookings, hook] = timings as [Timing, Timing];
    const sorted = [...bookings.latencies].sort((x, y) => x - y);
    const perSecond = (bookings.latencies.length / bookings.totalMs) * 1000;
    const met = perSecond >= 500 && percentile(sorted, 95) < 25;
    console.log(`\nTarget ≥ 500 bookings/s with p95 < 25 ms, through the use case: ${met ? 'met' : 'NOT met'}`);
    const coreCpuMs = (bookings.cpuMs - hook.cpuMs) / bookings.latencies.length;
    console.log(
      `Booking core without the outbox hook: ≈ ${coreCpuMs.toFixed(2)} ms CPU per booking (≈ ${Math.round(1000 / coreCpuMs)}/s on one core)`,
    );
  } finally {
    db.$client.close();
    if (process.argv.includes('--keep')) console.log(`Kept ${file}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
