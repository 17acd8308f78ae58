/**
 * Demo school holidays, one module of the demo seed: the school year 2019–2020 (the programme's
 * first year, Rijksoverheid dates as in shared/data/sto-facts.md) and the current school year
 * 2026–2027. For 2026–2027 only the two holidays the whole country shares and whose dates follow
 * from the fixed rules are here (kerstvakantie: the two weeks around Christmas and New Year;
 * meivakantie: the week of Koningsdag and the one after); the herfst-, voorjaars- and
 * zomervakantie differ per zone and are left for the coordinators to import from the
 * Rijksoverheid's open-data file on the settings page (Instellingen → Schoolvakanties), rather
 * than guessed here.
 *
 * Source: Rijksoverheid, "Schoolvakanties 2019-2020" (opendata.rijksoverheid.nl, schoolholidays).
 */
import { schoolHolidays, type HolidayZoneName } from '../schema';
import type { DemoSeeder } from './seeder';

export type DemoSchoolHoliday = {
  schoolYear: string;
  zone: HolidayZoneName;
  name: string;
  startDate: string;
  endDate: string;
  compulsory: boolean;
};

const ZONES: readonly HolidayZoneName[] = ['noord', 'midden', 'zuid'];

function everywhere(schoolYear: string, name: string, startDate: string, endDate: string, compulsory: boolean): DemoSchoolHoliday[] {
  return ZONES.map((zone) => ({ schoolYear, zone, name, startDate, endDate, compulsory }));
}

function perZone(
  schoolYear: string,
  name: string,
  compulsory: boolean,
  dates: Record<HolidayZoneName, [string, string]>,
): DemoSchoolHoliday[] {
  return ZONES.map((zone) => ({ schoolYear, zone, name, startDate: dates[zone][0], endDate: dates[zone][1], compulsory }));
}

export const DEMO_SCHOOL_HOLIDAYS: readonly DemoSchoolHoliday[] = [
  // 2019–2020 (herfst- and voorjaarsvakantie are advice: schools may deviate, e.g. carnival in the south)
  ...perZone('2019-2020', 'Herfstvakantie', false, {
    noord: ['2019-10-19', '2019-10-27'],
    midden: ['2019-10-19', '2019-10-27'],
    zuid: ['2019-10-12', '2019-10-20'],
  }),
  ...everywhere('2019-2020', 'Kerstvakantie', '2019-12-21', '2020-01-05', true),
  ...perZone('2019-2020', 'Voorjaarsvakantie', false, {
    noord: ['2020-02-15', '2020-02-23'],
    midden: ['2020-02-22', '2020-03-01'],
    zuid: ['2020-02-22', '2020-03-01'],
  }),
  ...everywhere('2019-2020', 'Meivakantie', '2020-04-25', '2020-05-03', true),
  ...perZone('2019-2020', 'Zomervakantie', true, {
    noord: ['2020-07-04', '2020-08-16'],
    midden: ['2020-07-18', '2020-08-30'],
    zuid: ['2020-07-11', '2020-08-23'],
  }),
  // 2026–2027: the holidays the whole country shares (see the note above)
  ...everywhere('2026-2027', 'Kerstvakantie', '2026-12-19', '2027-01-03', true),
  ...everywhere('2026-2027', 'Meivakantie', '2027-04-24', '2027-05-02', true),
];

/** The demo school holidays (regions need no zone written: theirs follows from the province). */
export const demoHolidays: DemoSeeder = {
  name: 'holidays',
  prepare: () => (tx, ctx) => {
    tx.insert(schoolHolidays)
      .values(DEMO_SCHOOL_HOLIDAYS.map((h) => ({ ...h, createdAt: ctx.now, updatedAt: ctx.now })))
      .run();
    return { schoolHolidays: DEMO_SCHOOL_HOLIDAYS.length };
  },
};
