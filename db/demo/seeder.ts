/**
 * The shape of a demo seeder. The demo data is a list of seeders (db/demo/index.ts) run in order
 * on an empty database, after the reference data, all in one immediate transaction. A feature that
 * wants demo content (meetings, FAQ, holidays, …) adds a module here and one line to that list.
 */
import type { SupportTypeFacts } from '~/domain/rules';
import type { Tx } from '../client';

export interface DemoOptions {
  /** The present, in ms: visits before it are held, after it planned. */
  now: number;
}

/** What the seeders before you created, and the reference data they all build on. */
export interface DemoContext {
  now: number;
  /** Support types by key with their rules, as the reference data wrote them. */
  supportTypes: ReadonlyMap<string, SupportTypeFacts & { id: number }>;
  /** The default allotment of a region per year, in half-days (the setting). */
  defaultHalfDaysPerYear: number;
  /** Regions by registration number (filled by the regions seeder). */
  regions: Map<string, { id: number; name: string; town: string }>;
  /** Users by e-mail (filled by the people seeder). */
  users: Map<string, number>;
  /** The demo coordinator, who acts in the demo history (filled by the people seeder). */
  coordinator: { id: number; name: string } | null;
}

/** Writes a seeder's rows on the shared transaction; returns counts for the summary (e.g. `{ visits: 52 }`). */
export type DemoWriter = (tx: Tx, ctx: DemoContext) => Record<string, number>;

export interface DemoSeeder {
  /** Names the seeder in error messages. */
  name: string;
  /**
   * Slow or async work before the transaction (hashing passwords); returns the synchronous writer.
   * A better-sqlite3 transaction can't await, so everything async happens here.
   */
  prepare(options: DemoOptions): DemoWriter | Promise<DemoWriter>;
}

/** The context's region or user, or a clear error when a seeder runs before the one that makes it. */
export function requireRegion(ctx: DemoContext, registrationNumber: string): { id: number; name: string; town: string } {
  const region = ctx.regions.get(registrationNumber);
  if (!region) throw new Error(`demo seed: region ${registrationNumber} is missing (the regions seeder runs first)`);
  return region;
}

export function requireUser(ctx: DemoContext, email: string): number {
  const id = ctx.users.get(email);
  if (id === undefined) throw new Error(`demo seed: user ${email} is missing (the people seeder runs first)`);
  return id;
}

export function requireCoordinator(ctx: DemoContext): { id: number; name: string } {
  if (!ctx.coordinator) throw new Error('demo seed: no coordinator (the people seeder runs first)');
  return ctx.coordinator;
}
