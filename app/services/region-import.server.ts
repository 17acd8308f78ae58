/**
 * Importing regions from a CSV (coordinators' page and `npm run regions:import`): a preview that
 * writes nothing, and the import itself: all or nothing, an upsert by registration number, in one
 * immediate transaction with one audit row. The rules are in app/domain/region-import.ts.
 */
import { eq } from 'drizzle-orm';
import { parseRegionCsv, planRegionImport, type RegionImportPlan, type RegionImportProblem, type StoredRegion } from '~/domain/region-import';
import type { Db, Queryable } from '~db/client';
import { regions } from '~db/schema';
import { writeAudit, type Actor } from './common.server';

export type RegionImportResult = { ok: true; plan: RegionImportPlan } | { ok: false; problems: RegionImportProblem[] };

function storedRegions(q: Queryable): StoredRegion[] {
  return q
    .select({
      id: regions.id,
      registrationNumber: regions.registrationNumber,
      name: regions.name,
      province: regions.province,
      planStatus: regions.planStatus,
      penvoerder: regions.penvoerder,
      mainTown: regions.mainTown,
      speerpunten: regions.speerpunten,
      latitude: regions.latitude,
      longitude: regions.longitude,
    })
    .from(regions)
    .all();
}

/** What the file would add, update and leave as it is; writes nothing. */
export function previewRegionImport(db: Db, text: string): RegionImportResult {
  const parsed = parseRegionCsv(text);
  if (!parsed.ok) return parsed;
  return { ok: true, plan: planRegionImport(parsed.rows, storedRegions(db)) };
}

/**
 * Imports the file: any wrong row and nothing is written. New registration numbers are added
 * (their holiday zone follows the province: holiday_zone stays NULL), changed ones updated (a zone
 * a coordinator set is kept; empty coordinates keep the stored ones), equal ones left alone.
 */
export function importRegions(db: Db, input: Actor & { text: string; fileName: string }): RegionImportResult {
  const parsed = parseRegionCsv(input.text);
  if (!parsed.ok) return parsed;
  return db.transaction(
    (tx): RegionImportResult => {
      const plan = planRegionImport(parsed.rows, storedRegions(tx));
      for (const r of plan.added) {
        tx.insert(regions)
          .values({
            registrationNumber: r.registrationNumber,
            name: r.name,
            province: r.province,
            planStatus: r.planStatus,
            penvoerder: r.penvoerder,
            mainTown: r.mainTown,
            speerpunten: r.speerpunten,
            latitude: r.coordinates?.latitude ?? null,
            longitude: r.coordinates?.longitude ?? null,
            createdAt: input.now,
          })
          .run();
      }
      for (const { id, row } of plan.updated) {
        tx.update(regions)
          .set({
            name: row.name,
            province: row.province,
            planStatus: row.planStatus,
            penvoerder: row.penvoerder,
            mainTown: row.mainTown,
            speerpunten: row.speerpunten,
            ...(row.coordinates ? { latitude: row.coordinates.latitude, longitude: row.coordinates.longitude } : {}),
          })
          .where(eq(regions.id, id))
          .run();
      }
      writeAudit(tx, input, {
        action: 'region.imported',
        entityType: 'region',
        entityId: null,
        regionId: null,
        after: {
          fileName: input.fileName.slice(0, 200),
          added: plan.added.map((r) => r.registrationNumber),
          updated: plan.updated.map((u) => ({ registrationNumber: u.row.registrationNumber, changed: u.changed })),
          unchanged: plan.unchanged.length,
        },
      });
      return { ok: true, plan };
    },
    { behavior: 'immediate' },
  );
}
