/** A region, supporters, a support type, a request and visits, inserted directly for the mail tests. */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { regions, supportRequests, supportTypes, users, visits } from '~db/schema';

export const T0 = Date.UTC(2019, 8, 1, 8, 0);

export interface VisitWorld {
  regionId: number;
  otherRegionId: number;
  supporterId: number;
  otherSupporterId: number;
  supportTypeId: number;
  requestId: number;
}

export function seedVisitWorld(db: Db): VisitWorld {
  const [region, otherRegion] = db
    .insert(regions)
    .values([
      { registrationNumber: 'STO19042', name: 'Zuidoost Fryslân', province: 'Friesland', planStatus: 'approved_2019_07', penvoerder: 'Friesland College', createdAt: T0 },
      { registrationNumber: 'STO19072', name: 'TechniekPact Kop van Noord-Holland', province: 'Noord-Holland', planStatus: 'lichtgroen', penvoerder: 'ROC Kop', createdAt: T0 },
    ])
    .returning()
    .all();
  const person = (email: string, name: string, language: 'nl' | 'en') => ({
    email,
    name,
    language,
    passwordHash: 'x',
    role: 'supporter' as const,
    createdAt: T0,
    updatedAt: T0,
  });
  const [supporter, otherSupporter] = db
    .insert(users)
    .values([person('anne@ondersteuners.example', 'Anne de Jong', 'nl'), person('bob@ondersteuners.example', 'Bob Baker', 'en')])
    .returning()
    .all();
  const supportType = db
    .insert(supportTypes)
    .values({ key: 'critical_friend', nameNl: 'Critical friend', nameEn: 'Critical friend', capPerRegion: 2, drawsOnDays: false, defaultMinutes: 180 })
    .returning()
    .get();
  const request = db
    .insert(supportRequests)
    .values({
      regionId: region!.id,
      supportTypeId: supportType.id,
      contactName: 'Jan de Vries',
      contactEmail: 'jan.devries@school.example',
      contactRole: 'projectleider',
      contactLanguage: 'en',
      question: 'How do we keep the partnership going after 2020?',
      statusTokenHash: randomUUID(),
      consentAt: T0,
      createdAt: T0,
      updatedAt: T0,
    })
    .returning()
    .get();
  return {
    regionId: region!.id,
    otherRegionId: otherRegion!.id,
    supporterId: supporter!.id,
    otherSupporterId: otherSupporter!.id,
    supportTypeId: supportType.id,
    requestId: request.id,
  };
}

/** A planned visit on the world's request (or another region's, when asked). */
export function insertVisit(
  db: Db,
  world: VisitWorld,
  values: { startsAt: number; endsAt: number; supporterId?: number; regionId?: number; requestId?: number; location?: string },
) {
  return db
    .insert(visits)
    .values({
      requestId: values.requestId ?? world.requestId,
      regionId: values.regionId ?? world.regionId,
      supportTypeId: world.supportTypeId,
      supporterId: values.supporterId ?? world.supporterId,
      startsAt: values.startsAt,
      endsAt: values.endsAt,
      ledgerYear: 2019,
      location: values.location ?? 'Friesland College, Heerenveen',
      halfDays: 0,
      calendarUid: `${randomUUID()}@sto-ondersteuning.example`,
      sequence: 0,
      createdAt: T0,
      updatedAt: T0,
    })
    .returning()
    .get();
}

/** What a use case does before it announces a change: update the visit and raise its SEQUENCE. */
export function changeVisit(db: Db, visitId: number, changes: Partial<typeof visits.$inferInsert>) {
  const current = db.select().from(visits).where(eq(visits.id, visitId)).get()!;
  return db
    .update(visits)
    .set({ ...changes, sequence: current.sequence + 1 })
    .where(eq(visits.id, visitId))
    .returning()
    .get();
}
