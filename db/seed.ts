/**
 * What a database is filled with, and when.
 *
 * - Reference data (db/reference-data.ts: support types with their rules, the default days, the
 *   settings) is written at every start, idempotently.
 * - Demo data (db/demo/: demo regions, people and a made-up history) only on an empty database
 *   (no regions, no users) and only where a demo belongs: APP_URL on localhost/127.0.0.1, or
 *   SEED_DEMO=1. A real deployment starts with no user at all; its first coordinator comes from
 *   `npm run user:create`, its regions from the CSV import.
 */
import { count } from 'drizzle-orm';
import { isLocalUrl } from '~/config.server';
import { defaultHalfDaysFromSetting, DEFAULT_HALF_DAYS_SETTING } from '~/domain/ledger';
import type { Db, Queryable, Tx } from './client';
import { DEMO_SEEDERS, type DemoContext, type DemoSeeder, type DemoWriter } from './demo';
import { ensureReferenceData, writeReferenceData, type ReferenceDataResult } from './reference-data';
import { auditEvents, regions, settings, supportTypes, users } from './schema';
import { eq } from 'drizzle-orm';

export interface SeedOptions {
  /** The present, in ms: visits before it are held, after it planned. */
  now: number;
  /** The demo seeders to run, in order; all of them (DEMO_SEEDERS) unless a test picks a few. */
  seeders?: readonly DemoSeeder[];
}

/** Counts of what the demo seed wrote, per kind (`regions`, `supporters`, `visits`, …). */
export type SeedSummary = Record<string, number>;

/** No regions and no users: nothing real or demo in it yet (reference data doesn't count). */
export function isEmptyDatabase(q: Queryable): boolean {
  const regionCount = q.select({ n: count() }).from(regions).get()?.n ?? 0;
  const userCount = q.select({ n: count() }).from(users).get()?.n ?? 0;
  return regionCount === 0 && userCount === 0;
}

/** The reference data the demo seeders build on, as it stands in the database. */
function contextFor(tx: Tx, now: number): DemoContext {
  const types = tx.select().from(supportTypes).all();
  const setting = tx.select({ value: settings.value }).from(settings).where(eq(settings.key, DEFAULT_HALF_DAYS_SETTING)).get();
  return {
    now,
    supportTypes: new Map(
      types.map((t) => [
        t.key,
        {
          id: t.id,
          key: t.key,
          nameNl: t.nameNl,
          nameEn: t.nameEn,
          capPerRegion: t.capPerRegion,
          bookableUntil: t.bookableUntil,
          drawsOnDays: t.drawsOnDays,
          defaultMinutes: t.defaultMinutes,
        },
      ]),
    ),
    defaultHalfDaysPerYear: defaultHalfDaysFromSetting(setting?.value),
    regions: new Map(),
    users: new Map(),
    coordinator: null,
  };
}

async function prepareAll(options: SeedOptions): Promise<Array<{ name: string; write: DemoWriter }>> {
  const seeders = options.seeders ?? DEMO_SEEDERS;
  return Promise.all(seeders.map(async (s) => ({ name: s.name, write: await s.prepare({ now: options.now }) })));
}

function writeDemo(tx: Tx, writers: Array<{ name: string; write: DemoWriter }>, now: number): SeedSummary {
  writeReferenceData(tx, now);
  const ctx = contextFor(tx, now);
  const summary: SeedSummary = { supportTypes: ctx.supportTypes.size };
  for (const { name, write } of writers) {
    let counts: Record<string, number>;
    try {
      counts = write(tx, ctx);
    } catch (error) {
      throw new Error(`demo seeder "${name}" failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    for (const [key, n] of Object.entries(counts)) summary[key] = (summary[key] ?? 0) + n;
  }
  tx.insert(auditEvents)
    .values({ at: now, actorLabel: 'system', action: 'seed', entityType: 'database', after: summary, reason: 'Demogegevens geladen' })
    .run();
  return summary;
}

/** Writes the reference data and the whole demo data set in one immediate transaction. For an empty database. */
export async function seedDemoData(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const writers = await prepareAll(options);
  return db.transaction((tx) => writeDemo(tx, writers, options.now), { behavior: 'immediate' });
}

/**
 * Seeds only a database without regions and without users, checked again inside the transaction
 * so two processes can't both seed. Returns the summary, or null when there was data already.
 */
export async function seedDemoDataIfEmpty(db: Db, options: SeedOptions): Promise<SeedSummary | null> {
  if (!isEmptyDatabase(db)) return null;
  const writers = await prepareAll(options);
  return db.transaction((tx) => (isEmptyDatabase(tx) ? writeDemo(tx, writers, options.now) : null), { behavior: 'immediate' });
}

/** True when it seeded; false (and nothing written) when the database already had regions or users. */
export async function seedIfEmpty(db: Db, options: SeedOptions): Promise<boolean> {
  return (await seedDemoDataIfEmpty(db, options)) !== null;
}

/** A demo belongs on a local address (`npm start` on localhost:3000) or where SEED_DEMO=1 asks for one. */
export function demoSeedAllowed(config: { APP_URL: string; SEED_DEMO?: string }): boolean {
  return config.SEED_DEMO === '1' || isLocalUrl(config.APP_URL);
}

export type StartSeedResult = {
  reference: ReferenceDataResult;
  /** What the demo seed wrote, or why it wrote nothing. */
  demo: { seeded: true; summary: SeedSummary } | { seeded: false; reason: 'not_empty' | 'not_local' };
};

/** At every start: the reference data; then the demo data if the database is empty and a demo belongs here. */
export async function seedAtStart(db: Db, config: { APP_URL: string; SEED_DEMO?: string }, now: number): Promise<StartSeedResult> {
  const reference = ensureReferenceData(db, now);
  if (!demoSeedAllowed(config)) return { reference, demo: { seeded: false, reason: 'not_local' } };
  const summary = await seedDemoDataIfEmpty(db, { now });
  return { reference, demo: summary ? { seeded: true, summary } : { seeded: false, reason: 'not_empty' } };
}
