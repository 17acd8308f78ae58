import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client';
import { auditEvents, schoolHolidays } from '~db/schema';
import { addSchoolHoliday, importSchoolHolidays, removeSchoolHoliday, schoolHolidaysOfYear, updateSchoolHoliday } from '~/services/holidays.server';
import { createTestDb } from '../helpers/db';
import { insertCoordinator, insertHerfstvakantie2019 } from '../helpers/fixtures';

let db: Db;
let close: () => void;
let actor: { actorUserId: number; now: number };

beforeEach(() => {
  ({ db, close } = createTestDb());
  actor = { actorUserId: insertCoordinator(db), now: Date.UTC(2026, 11, 1) };
  insertHerfstvakantie2019(db);
});
afterEach(() => close());

const rows = () => db.select().from(schoolHolidays).all().map((h) => `${h.schoolYear} ${h.zone} ${h.name} ${h.startDate}–${h.endDate}`).sort();
const actions = () => db.select({ a: auditEvents.action }).from(auditEvents).all().map((r) => r.a);

const kerst2026 = JSON.stringify({
  content: [
    {
      schoolyear: '2026-2027',
      vacations: [{ type: 'Kerstvakantie', compulsorydates: 'true', regions: [{ region: 'heel Nederland', startdate: '2026-12-18T23:00:00.000Z', enddate: '2027-01-03T00:00:00.000Z' }] }],
    },
  ],
});

describe('the school-holiday settings', () => {
  it('imports a file: its school year replaced, others kept, audited', () => {
    const result = importSchoolHolidays(db, { ...actor, text: kerst2026, fileName: 'schoolvakanties-2026-2027.json' });
    expect(result).toEqual({ ok: true, schoolYears: ['2026-2027'], count: 3, replaced: 0 });
    expect(schoolHolidaysOfYear(db, '2026-2027').map((h) => `${h.zone} ${h.startDate} ${h.endDate} ${h.compulsory}`)).toEqual([
      'midden 2026-12-19 2027-01-03 true',
      'noord 2026-12-19 2027-01-03 true',
      'zuid 2026-12-19 2027-01-03 true',
    ]);
    expect(schoolHolidaysOfYear(db, '2019-2020')).toHaveLength(3);
    // The same year again replaces it rather than doubling it.
    expect(importSchoolHolidays(db, { ...actor, text: kerst2026, fileName: 'again.json' })).toMatchObject({ ok: true, replaced: 3 });
    expect(schoolHolidaysOfYear(db, '2026-2027')).toHaveLength(3);
    expect(actions()).toEqual(['school_holiday.imported', 'school_holiday.imported']);
  });

  it('a bad file changes nothing and says which entry is wrong', () => {
    const before = rows();
    const bad = kerst2026.replace('heel Nederland', 'heel Europa');
    const result = importSchoolHolidays(db, { ...actor, text: bad, fileName: 'bad.json' });
    expect(result).toEqual({ ok: false, problems: [{ code: 'zone_invalid', at: 'content[0].vacations[0].regions[0].region', value: 'heel Europa' }] });
    expect(importSchoolHolidays(db, { ...actor, text: 'not json', fileName: 'x.json' })).toMatchObject({ ok: false, problems: [{ code: 'not_json' }] });
    expect(rows()).toEqual(before);
    expect(actions()).toEqual([]);
  });

  it('adds, edits and removes one holiday, refusing an overlap in the same zone', () => {
    const entry = { schoolYear: '2019-2020', zone: 'zuid' as const, name: 'Carnaval', startDate: '2020-02-22', endDate: '2020-03-01', compulsory: false };
    const added = addSchoolHoliday(db, { ...actor, entry });
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const overlap = addSchoolHoliday(db, { ...actor, entry: { ...entry, name: 'Dubbel', startDate: '2020-02-29', endDate: '2020-03-02' } });
    expect(overlap).toMatchObject({ ok: false, problems: [{ code: 'overlap', at: 'startDate' }] });
    // Editing may keep its own dates (it does not overlap itself).
    expect(updateSchoolHoliday(db, { ...actor, id: added.id, entry: { ...entry, name: ' Voorjaarsvakantie ' } })).toEqual({ ok: true, id: added.id });
    expect(db.select().from(schoolHolidays).where(eq(schoolHolidays.id, added.id)).get()?.name).toBe('Voorjaarsvakantie');
    expect(updateSchoolHoliday(db, { ...actor, id: added.id, entry: { ...entry, endDate: '2020-02-01' } })).toMatchObject({ ok: false, problems: [{ code: 'end_before_start' }] });
    expect(removeSchoolHoliday(db, { ...actor, id: added.id })).toEqual({ ok: true, id: added.id });
    expect(removeSchoolHoliday(db, { ...actor, id: added.id })).toEqual({ ok: false, notFound: true });
    expect(actions()).toEqual(['school_holiday.added', 'school_holiday.changed', 'school_holiday.removed']);
  });
});
