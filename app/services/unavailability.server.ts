/**
 * A supporter's unavailability blocks. Adding one over a planned visit is allowed (the supporter
 * knows best); the clashing visits come back as a warning so the team can move them.
 */
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db } from '~db/client';
import { unavailability, visits } from '~db/schema';
import { decideUnavailability, resolveWhen, type WhenInput } from '~/domain/rules';
import { NotFoundError, requireUser, writeAudit, type Actor, type Refused } from './common.server';
import type { Visit } from './visits.server';

const immediate = { behavior: 'immediate' } as const;

/** A block given by its start alone lasts a day. */
const DEFAULT_BLOCK_MINUTES = 24 * 60;

export type UnavailabilityBlock = typeof unavailability.$inferSelect;

export type AddUnavailabilityInput = Actor & { supporterId: number; when: WhenInput; reason?: string };
export type AddUnavailabilityResult = { ok: true; block: UnavailabilityBlock; clashingVisits: Visit[] } | Refused;

export function addUnavailability(db: Db, input: AddUnavailabilityInput): AddUnavailabilityResult {
  return db.transaction((tx): AddUnavailabilityResult => {
    const supporter = requireUser(tx, input.supporterId);
    const decision = decideUnavailability({ supporter });
    if (!decision.ok) return decision;
    const times = resolveWhen(input.when, DEFAULT_BLOCK_MINUTES);
    if (!times.ok) return times;

    const block = tx
      .insert(unavailability)
      .values({
        supporterId: supporter.id,
        startsAt: times.startsAt,
        endsAt: times.endsAt,
        reason: input.reason?.trim() ?? '',
        createdAt: input.now,
      })
      .returning()
      .get();
    const clashingVisits = tx
      .select()
      .from(visits)
      .where(
        and(
          eq(visits.supporterId, supporter.id),
          lt(visits.startsAt, block.endsAt),
          gt(visits.endsAt, block.startsAt),
          ne(visits.status, 'cancelled'),
        ),
      )
      .orderBy(visits.startsAt)
      .all();
    writeAudit(tx, input, {
      action: 'unavailability.added',
      entityType: 'unavailability',
      entityId: block.id,
      regionId: null,
      after: { supporterId: block.supporterId, startsAt: block.startsAt, endsAt: block.endsAt, reason: block.reason },
    });
    return { ok: true, block, clashingVisits };
  }, immediate);
}

export type RemoveUnavailabilityInput = Actor & { blockId: number };

export function removeUnavailability(db: Db, input: RemoveUnavailabilityInput): { ok: true; block: UnavailabilityBlock } {
  return db.transaction((tx) => {
    const block = tx.delete(unavailability).where(eq(unavailability.id, input.blockId)).returning().get();
    if (!block) throw new NotFoundError('unavailability block', input.blockId);
    writeAudit(tx, input, {
      action: 'unavailability.removed',
      entityType: 'unavailability',
      entityId: block.id,
      regionId: null,
      before: { supporterId: block.supporterId, startsAt: block.startsAt, endsAt: block.endsAt, reason: block.reason },
    });
    return { ok: true as const, block };
  }, immediate);
}
