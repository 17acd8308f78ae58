import { describe, expect, it } from 'vitest';
import { readCsv } from '~/domain/csv';
import { parseRegionCsv, planRegionImport, regionImportProblemMessage, type StoredRegion } from '~/domain/region-import';

const HEADER = 'Registratienummer;Naam;Provincie;Planstatus;Penvoerder;Hoofdplaats;Speerpunten;Breedtegraad;Lengtegraad';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n') + '\r\n';
const KOP = 'STO19072;TechniekPact Kop van Noord-Holland;Noord-Holland;goedgekeurd juli 2019;ROC Kop van Noord-Holland;Den Helder;"lob;po";52,9563;4,7608';

describe('readCsv', () => {
  it('reads ; or , files, with or without BOM, any line ends, quotes with separators, quotes and line breaks', () => {
    const semi = readCsv('\uFEFFa;b\r\n"x;1";"say ""hi"""\n"two\r\nlines";z\r');
    expect(semi.separator).toBe(';');
    expect(semi.records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x;1', 'say "hi"'] },
      { line: 3, cells: ['two\r\nlines', 'z'] },
    ]);
    const comma = readCsv('a,b,"c;d"\n1,2,3\n\n, ,\n4,5,6');
    expect(comma.separator).toBe(',');
    expect(comma.records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b', 'c;d']],
      [2, ['1', '2', '3']],
      [5, ['4', '5', '6']],
    ]);
  });
});

describe('parseRegionCsv', () => {
  it('reads a Dutch Excel file: names, labels and keys, decimal commas, normalised values', () => {
    const result = parseRegionCsv('\uFEFF' + csv(KOP, ' sto19 073 ;Regio  Zeeland;zeeland;Herindienen;Scalda;Goes;Samenwerking met het bedrijfsleven;;'));
    expect(result).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          registrationNumber: 'STO19072',
          name: 'TechniekPact Kop van Noord-Holland',
          province: 'Noord-Holland',
          planStatus: 'approved_2019_07',
          penvoerder: 'ROC Kop van Noord-Holland',
          mainTown: 'Den Helder',
          speerpunten: ['lob', 'po'],
          coordinates: { latitude: 52.9563, longitude: 4.7608 },
        },
        {
          row: 3,
          registrationNumber: 'STO19073',
          name: 'Regio Zeeland',
          province: 'Zeeland',
          planStatus: 'resubmit',
          penvoerder: 'Scalda',
          mainTown: 'Goes',
          speerpunten: ['bedrijfsleven'],
          coordinates: null,
        },
      ],
    });
  });

  it('reads a comma-separated English file with columns in another order and without coordinates', () => {
    const text = 'name,registration number,province,plan status,lead applicant,main town,focus points\n"Fryslân West",STO19001,Fryslân,approved_2019_12,Firda,Sneek,"instroom;governance"\n';
    const result = parseRegionCsv(text);
    expect(result.ok && result.rows[0]).toMatchObject({ registrationNumber: 'STO19001', province: 'Friesland', planStatus: 'approved_2019_12', speerpunten: ['instroom', 'governance'] });
  });

  it('names every wrong cell by row and column, and returns no rows at all', () => {
    const result = parseRegionCsv(
      csv(
        KOP,
        'STO1907;;Holland;goedgekeurd;ROC;Plaats;zwemmen;52,1;',
        'STO19072;Dubbel;Utrecht;lichtgroen;ROC;Utrecht;;4,9;52,1',
        'STO19080;Te veel;Utrecht;lichtgroen;ROC;Utrecht;lob;52.1;5.1;extra',
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => `${p.row} ${p.column ?? '-'} ${p.code}`)).toEqual([
      '3 registrationNumber registration_invalid',
      '3 name required',
      '3 province province_unknown',
      '3 planStatus plan_status_unknown',
      '3 speerpunten speerpunt_unknown',
      '3 longitude coordinates_half',
      '4 registrationNumber registration_twice',
      '4 latitude coordinates_outside',
      '5 - cells_count',
    ]);
    const [first] = result.problems;
    expect(regionImportProblemMessage(first!, 'nl')).toBe(
      'Rij 3, kolom registratienummer: "STO1907" is geen registratienummer: STO19 gevolgd door drie cijfers, bijvoorbeeld STO19072.',
    );
    expect(regionImportProblemMessage(first!, 'en')).toBe(
      'Row 3, column registration number: "STO1907" is not a registration number: STO19 followed by three digits, for example STO19072.',
    );
    expect(regionImportProblemMessage(result.problems[6]!, 'nl')).toBe('Rij 4, kolom registratienummer: STO19072 staat ook al in rij 2.');
  });

  it('refuses a header without the needed columns, an unknown column and an empty file', () => {
    const missing = parseRegionCsv('registratienummer;naam;kleur\nSTO19001;A;rood\n');
    expect(missing.ok === false && missing.problems.map((p) => `${p.code} ${p.column ?? p.value}`)).toEqual([
      'column_unknown kleur',
      'column_missing province',
      'column_missing planStatus',
      'column_missing penvoerder',
      'column_missing mainTown',
      'column_missing speerpunten',
    ]);
    expect(parseRegionCsv('')).toEqual({ ok: false, problems: [{ row: 0, column: null, code: 'empty_file' }] });
    expect(parseRegionCsv(HEADER + '\r\n')).toMatchObject({ ok: false, problems: [{ code: 'empty_file' }] });
  });
});

describe('planRegionImport', () => {
  const stored: StoredRegion = {
    id: 7,
    registrationNumber: 'STO19072',
    name: 'TechniekPact Kop van Noord-Holland',
    province: 'Noord-Holland',
    planStatus: 'approved_2019_07',
    penvoerder: 'ROC Kop van Noord-Holland',
    mainTown: 'Den Helder',
    speerpunten: ['lob', 'po'],
    latitude: 52.9563,
    longitude: 4.7608,
  };

  it('adds new numbers (zone from the province), updates changed ones, leaves equal ones; empty coordinates keep the stored', () => {
    const parsed = parseRegionCsv(csv(KOP, 'STO19073;Zeeland;Zeeland;lichtgroen;Scalda;Goes;;;', 'STO19074;Bonaire;Caribisch Nederland;lichtgroen;SGB;Kralendijk;;12,15;-68,27'));
    if (!parsed.ok) throw new Error('fixture');
    const plan = planRegionImport(parsed.rows, [stored, { ...stored, id: 8, registrationNumber: 'STO19073', name: 'Oud', mainTown: null, latitude: 51.5, longitude: 3.9 }]);
    expect(plan.unchanged.map((r) => r.registrationNumber)).toEqual(['STO19072']);
    expect(plan.updated).toEqual([expect.objectContaining({ id: 8, changed: ['name', 'province', 'planStatus', 'penvoerder', 'mainTown', 'speerpunten'] })]);
    expect(plan.added.map((r) => [r.registrationNumber, r.holidayZone])).toEqual([['STO19074', null]]);
    const zeeland = planRegionImport(parsed.rows, []).added.find((r) => r.registrationNumber === 'STO19073');
    expect(zeeland?.holidayZone).toBe('zuid');
  });
});
