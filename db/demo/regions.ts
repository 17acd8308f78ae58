/** Demo: the 78 regions (names and provinces after sto-facts.md) and their made-up contacts. */
import { regionContacts, regions } from '../schema';
import { REGIONS } from '../seed-data';
import { MAIN_TOWN_COORDINATES } from './town-coordinates';
import type { DemoSeeder } from './seeder';

const REGIONS_CREATED_AT = Date.UTC(2018, 10, 1, 9, 0); // pre-registration, 1 Nov 2018

export const demoRegions: DemoSeeder = {
  name: 'regions',
  prepare: () => (tx, ctx) => {
    const ids = tx
      .insert(regions)
      .values(
        REGIONS.map((r) => ({
          registrationNumber: r.registrationNumber,
          name: r.name,
          province: r.province,
          planStatus: r.planStatus,
          penvoerder: r.penvoerder,
          speerpunten: r.speerpunten,
          mainTown: r.town,
          latitude: MAIN_TOWN_COORDINATES[r.town]?.latitude ?? null,
          longitude: MAIN_TOWN_COORDINATES[r.town]?.longitude ?? null,
          createdAt: REGIONS_CREATED_AT,
        })),
      )
      .returning({ id: regions.id })
      .all()
      .map((row) => row.id);
    REGIONS.forEach((r, i) => ctx.regions.set(r.registrationNumber, { id: ids[i]!, name: r.name, town: r.town }));
    const contacts = REGIONS.flatMap((r, i) => r.contacts.map((c) => ({ ...c, regionId: ids[i]! })));
    tx.insert(regionContacts).values(contacts).run();
    return { regions: ids.length, contacts: contacts.length };
  },
};
