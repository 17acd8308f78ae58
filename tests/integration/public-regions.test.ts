import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provinceAt, provinceShapes, placeMarker } from '~/geo/national-map.server';
import { INSET } from '~/geo/map-frame';
import { PUBLIC_PLAN_STATUSES } from '~/domain/public-regions';
import { publicMap, publicProvinces, publicRegionPage, teamMap } from '~/services/public-regions.server';
import { seedDemoData } from '~db/seed';
import { REGIONS } from '~db/seed-data';
import { MAIN_TOWN_COORDINATES } from '~db/demo/town-coordinates';
import type { Db } from '~db/client';
import { createTestDb } from '../helpers/db';

const NOW = DateTime.fromObject({ year: 2026, month: 11, day: 28, hour: 10 }, { zone: 'Europe/Amsterdam' }).toMillis();

describe('main-town coordinates of the seeded regions', () => {
  it('has one for every region, inside the region’s own province (or the Caribbean inset)', () => {
    for (const region of REGIONS) {
      const c = MAIN_TOWN_COORDINATES[region.town];
      expect(c, region.town).toBeDefined();
      if (region.province === 'Caribisch Nederland') {
        expect(provinceAt(c!.longitude, c!.latitude)).toBeNull();
        expect(placeMarker(c!.longitude, c!.latitude)?.inset).toBe(true);
      } else {
        expect(provinceAt(c!.longitude, c!.latitude), `${region.name}: ${region.town}`).toBe(region.province);
      }
    }
  });

  it('puts the inset in open sea: no province point lands inside it', () => {
    for (const region of REGIONS.filter((r) => r.province !== 'Caribisch Nederland')) {
      const c = MAIN_TOWN_COORDINATES[region.town]!;
      const p = placeMarker(c.longitude, c.latitude)!;
      expect(p.inset).toBe(false);
      expect(p.x > INSET.x + INSET.width || p.y > INSET.y + INSET.height, region.town).toBe(true);
    }
  });

  it('draws the twelve provinces', () => {
    const shapes = provinceShapes();
    expect(shapes.map((s) => s.name).sort()).toHaveLength(12);
    expect(shapes.every((s) => s.d.startsWith('M'))).toBe(true);
  });
});

describe('Regio’s in beeld read models', () => {
  let db: Db;
  let close: () => void;
  beforeAll(async () => {
    ({ db, close } = createTestDb());
    await seedDemoData(db, { now: NOW });
  });
  afterAll(() => close());

  const approved = () => REGIONS.filter((r) => (PUBLIC_PLAN_STATUSES as readonly string[]).includes(r.planStatus));

  it('shows only regions with an approved plan, each with a marker', () => {
    const map = publicMap(db, {});
    expect(map.total).toBe(71);
    expect(map.regions.map((r) => r.registrationNumber).sort()).toEqual(approved().map((r) => r.registrationNumber).sort());
    expect(map.regions.every((r) => r.point !== null)).toBe(true);
    expect(JSON.stringify(map)).not.toMatch(/@|penvoerder/i);
  });

  it('filters by speerpunt, province and plan status in SQL, the same as the data says', () => {
    const theme = 'lob';
    const byTheme = publicMap(db, { theme });
    expect(byTheme.regions.map((r) => r.name).sort()).toEqual(approved().filter((r) => r.speerpunten.includes(theme)).map((r) => r.name).sort());
    const both = publicMap(db, { theme, province: 'Zuid-Holland', planStatus: 'approved_2019_07' });
    expect(both.regions.map((r) => r.name).sort()).toEqual(
      approved()
        .filter((r) => r.speerpunten.includes(theme) && r.province === 'Zuid-Holland' && r.planStatus === 'approved_2019_07')
        .map((r) => r.name)
        .sort(),
    );
    expect(publicProvinces(db)).toContain('Zuid-Holland');
  });

  it('a region page: no page for a region that must resubmit; other regions per speerpunt', () => {
    const resubmit = REGIONS.find((r) => r.planStatus === 'resubmit')!;
    expect(publicRegionPage(db, resubmit.registrationNumber)).toBeNull();
    expect(publicRegionPage(db, 'STO19999')).toBeNull();
    const region = approved()[0]!;
    const page = publicRegionPage(db, region.registrationNumber.toLowerCase())!;
    expect(page.region.name).toBe(region.name);
    expect(page.alsoOn.map((a) => a.theme)).toEqual(region.speerpunten);
    for (const { theme, regions } of page.alsoOn) {
      expect(regions.map((r) => r.name).sort()).toEqual(
        approved()
          .filter((r) => r !== region && r.speerpunten.includes(theme as never))
          .map((r) => r.name)
          .sort(),
      );
    }
    expect(JSON.stringify(page)).not.toMatch(/@|penvoerder|halfDays/i);
  });

  it('the team map has every region with its days and critical-friend visits', () => {
    const rows = teamMap(db, 2026, {});
    expect(rows).toHaveLength(78);
    expect(rows.every((r) => r.allotted >= 0 && r.criticalFriendCap === 2)).toBe(true);
  });
});
