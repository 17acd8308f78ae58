import { describe, expect, it } from 'vitest';
import { checkSchoolHoliday, holidayProblemMessage, importDate, parseRijksoverheidJson, type SchoolHolidayEntry } from '~/domain/holiday-import';

/** A file in the Rijksoverheid's shape (schoolholidays, one school year), 2019–2020 in part. */
function file(overrides: { regions?: unknown[]; extraVacation?: unknown } = {}) {
  return {
    id: 'b54e3c4b-0000-0000-0000-000000000000',
    type: 'Schoolvakantie',
    title: 'Schoolvakanties 2019-2020',
    content: [
      {
        title: 'Schoolvakanties 2019-2020',
        schoolyear: '2019-2020 ',
        vacations: [
          {
            type: 'Herfstvakantie',
            compulsorydates: 'false',
            regions: overrides.regions ?? [
              { region: 'noord', startdate: '2019-10-18T22:00:00.000Z', enddate: '2019-10-26T23:00:00.000Z' },
              { region: 'midden', startdate: '2019-10-19T00:00:00.000Z', enddate: '2019-10-27T00:00:00.000Z' },
              { region: 'zuid', startdate: '2019-10-12', enddate: '2019-10-20' },
            ],
          },
          {
            type: 'Kerstvakantie ',
            compulsorydates: 'true',
            regions: [{ region: 'heel Nederland', startdate: '2019-12-21T00:00:00.000Z', enddate: '2020-01-05T00:00:00.000Z' }],
          },
          ...(overrides.extraVacation ? [overrides.extraVacation] : []),
        ],
      },
    ],
  };
}

describe('importing the Rijksoverheid school holidays', () => {
  it('reads a good file: zones, heel Nederland for all three, Amsterdam dates, trimmed names', () => {
    const result = parseRijksoverheidJson(JSON.stringify(file()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.schoolYears).toEqual(['2019-2020']);
    expect(result.entries.map((e) => `${e.name}|${e.zone}|${e.startDate}|${e.endDate}|${e.compulsory}`)).toEqual([
      'Herfstvakantie|noord|2019-10-19|2019-10-27|false',
      'Herfstvakantie|midden|2019-10-19|2019-10-27|false',
      'Herfstvakantie|zuid|2019-10-12|2019-10-20|false',
      'Kerstvakantie|noord|2019-12-21|2020-01-05|true',
      'Kerstvakantie|midden|2019-12-21|2020-01-05|true',
      'Kerstvakantie|zuid|2019-12-21|2020-01-05|true',
    ]);
  });

  it('names the entry with a wrong zone and takes nothing', () => {
    const result = parseRijksoverheidJson(
      file({ regions: [{ region: 'noord', startdate: '2019-10-19', enddate: '2019-10-27' }, { region: 'oost', startdate: '2019-10-19', enddate: '2019-10-27' }] }),
    );
    expect(result).toEqual({ ok: false, problems: [{ code: 'zone_invalid', at: 'content[0].vacations[0].regions[1].region', value: 'oost' }] });
    if (result.ok) return;
    expect(holidayProblemMessage(result.problems[0]!, 'nl')).toBe(
      'Bij content[0].vacations[0].regions[1].region: De vakantieregio “oost” bestaat niet; kies noord, midden, zuid of heel Nederland.',
    );
    expect(holidayProblemMessage(result.problems[0]!, 'en')).toContain('The holiday zone “oost” does not exist');
  });

  it('refuses overlapping periods in one zone, within the file and against other stored years', () => {
    const overlapping = file({
      extraVacation: { type: 'Extra vrij', compulsorydates: 'false', regions: [{ region: 'zuid', startdate: '2019-10-18', enddate: '2019-10-22' }] },
    });
    const result = parseRijksoverheidJson(overlapping);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { code: 'overlap', at: 'content[0].vacations[2].regions[0]', value: 'Extra vrij zuid 2019-10-18–2019-10-22', other: 'Herfstvakantie 2019-10-12–2019-10-20' },
    ]);
    // The same year stored already is replaced by the file, so it does not count as an overlap.
    const stored: SchoolHolidayEntry[] = [{ schoolYear: '2019-2020', zone: 'zuid', name: 'Oud', startDate: '2019-10-01', endDate: '2019-10-30', compulsory: false }];
    expect(parseRijksoverheidJson(file(), stored).ok).toBe(true);
  });

  it('refuses an end before the start, naming both dates', () => {
    const result = parseRijksoverheidJson(file({ regions: [{ region: 'midden', startdate: '2019-10-27', enddate: '2019-10-19' }] }));
    expect(result).toEqual({
      ok: false,
      problems: [{ code: 'end_before_start', at: 'content[0].vacations[0].regions[0]', value: '2019-10-27', other: '2019-10-19' }],
    });
    if (!result.ok) expect(holidayProblemMessage(result.problems[0]!, 'nl')).toContain('De einddatum 2019-10-19 ligt vóór de begindatum 2019-10-27.');
  });

  it('says what is wrong with a file that is not the right one', () => {
    expect(parseRijksoverheidJson('{"content": [')).toEqual({ ok: false, problems: [{ code: 'not_json', at: '' }] });
    expect(parseRijksoverheidJson('{"foo": 1}')).toEqual({ ok: false, problems: [{ code: 'no_content', at: 'content' }] });
    expect(parseRijksoverheidJson('x'.repeat(600 * 1024))).toMatchObject({ ok: false, problems: [{ code: 'too_large' }] });
    const badYear = { content: [{ schoolyear: '2019/2020', vacations: [] }] };
    expect(parseRijksoverheidJson(badYear)).toMatchObject({ ok: false, problems: [{ code: 'school_year_invalid', value: '2019/2020' }] });
    const badDate = file({ regions: [{ region: 'zuid', startdate: '2019-02-30', enddate: '2019-10-20' }] });
    expect(parseRijksoverheidJson(badDate)).toMatchObject({ ok: false, problems: [{ code: 'date_invalid', at: 'content[0].vacations[0].regions[0].startdate' }] });
    const outside = file({ regions: [{ region: 'zuid', startdate: '2020-10-12', enddate: '2020-10-20' }] });
    expect(parseRijksoverheidJson(outside)).toMatchObject({ ok: false, problems: [{ code: 'outside_school_year' }] });
  });

  it('lists every wrong entry at once', () => {
    const result = parseRijksoverheidJson(
      file({ regions: [{ region: 'west', startdate: '2019-10-19', enddate: '2019-10-27' }, { region: 'zuid', startdate: '2019-10-20', enddate: '2019-10-12' }] }),
    );
    expect(!result.ok && result.problems.map((p) => p.code)).toEqual(['zone_invalid', 'end_before_start']);
  });

  it('reads instants as Amsterdam dates, in summer and winter time', () => {
    expect(importDate('2019-10-18T22:00:00.000Z')).toBe('2019-10-19'); // CEST midnight
    expect(importDate('2019-12-20T23:00:00.000Z')).toBe('2019-12-21'); // CET midnight
    expect(importDate('2019-10-19T00:00:00')).toBe('2019-10-19');
    expect(importDate('2019-10-19')).toBe('2019-10-19');
    expect(importDate('19-10-2019')).toBeNull();
    expect(importDate(20191019)).toBeNull();
  });
});

describe('a school holiday typed on the settings page', () => {
  const herfst: SchoolHolidayEntry = { schoolYear: '2019-2020', zone: 'zuid', name: 'Herfstvakantie', startDate: '2019-10-12', endDate: '2019-10-20', compulsory: false };

  it('passes when right, and names the field when not', () => {
    expect(checkSchoolHoliday(herfst, [])).toEqual([]);
    expect(checkSchoolHoliday({ ...herfst, endDate: '2019-10-01' }, [])).toMatchObject([{ code: 'end_before_start', at: 'endDate' }]);
    expect(checkSchoolHoliday({ ...herfst, name: ' ' }, [])).toMatchObject([{ code: 'name_missing', at: 'name' }]);
    expect(checkSchoolHoliday({ ...herfst, startDate: '2019-13-01' }, [])).toMatchObject([{ code: 'date_invalid', at: 'startDate' }]);
  });

  it('refuses an overlap in the same zone only', () => {
    const other = { ...herfst, name: 'Extra', startDate: '2019-10-20', endDate: '2019-10-21' };
    expect(checkSchoolHoliday(other, [herfst])).toMatchObject([{ code: 'overlap', other: 'Herfstvakantie 2019-10-12–2019-10-20' }]);
    expect(checkSchoolHoliday({ ...other, zone: 'noord' }, [herfst])).toEqual([]);
    expect(checkSchoolHoliday({ ...other, startDate: '2019-10-21' }, [herfst])).toEqual([]);
  });
});
