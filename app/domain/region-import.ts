/**
 * Regions from a CSV (a real deployment's regions; issue 10): read, checked row by row, and
 * compared with the regions already stored. Pure: the caller hands in the file's text and the
 * stored regions, and writes what the plan says in one transaction, or nothing when any row is wrong.
 *
 * Columns (the header names them, Dutch or English, in any order and case): registratienummer,
 * naam, provincie, planstatus, penvoerder, hoofdplaats, speerpunten (separated by `;`, keys or
 * names), and optionally breedtegraad / lengtegraad (WGS84, decimal point or comma). `;` or `,`
 * between fields, UTF-8 with or without BOM (what Excel writes). Rows are numbered as a spreadsheet
 * shows them: the header is row 1.
 */
import { readCsv } from './csv';
import { defaultZoneForProvince, type HolidayZone } from './holidays';
import { THEMES, type ThemeKey } from './themes';
import type { Lang } from './time';

/** The plan statuses (db/schema.ts PLAN_STATUSES), by normalised spelling: keys, Dutch and English names. */
export const IMPORT_PLAN_STATUS_KEYS = ['approved_2019_07', 'approved_2019_12', 'lichtgroen', 'resubmit'] as const;
export type ImportPlanStatus = (typeof IMPORT_PLAN_STATUS_KEYS)[number];

export const PLAN_STATUSES_IMPORT: Record<string, ImportPlanStatus> = {
  approved201907: 'approved_2019_07',
  goedgekeurdjuli2019: 'approved_2019_07',
  approvedjuly2019: 'approved_2019_07',
  approved201912: 'approved_2019_12',
  goedgekeurddecember2019: 'approved_2019_12',
  approveddecember2019: 'approved_2019_12',
  lichtgroen: 'lichtgroen',
  lightgreen: 'lichtgroen',
  resubmit: 'resubmit',
  herindienen: 'resubmit',
};

export const MAX_REGION_IMPORT_BYTES = 256 * 1024;
export const MAX_REGION_IMPORT_ROWS = 2000;

export const REGION_IMPORT_COLUMNS = [
  'registrationNumber',
  'name',
  'province',
  'planStatus',
  'penvoerder',
  'mainTown',
  'speerpunten',
  'latitude',
  'longitude',
] as const;
export type RegionImportColumn = (typeof REGION_IMPORT_COLUMNS)[number];
const REQUIRED: readonly RegionImportColumn[] = ['registrationNumber', 'name', 'province', 'planStatus', 'penvoerder', 'mainTown', 'speerpunten'];

/** The column names as the page and the errors show them. */
export const COLUMN_LABELS: Record<RegionImportColumn, Record<Lang, string>> = {
  registrationNumber: { nl: 'registratienummer', en: 'registration number' },
  name: { nl: 'naam', en: 'name' },
  province: { nl: 'provincie', en: 'province' },
  planStatus: { nl: 'planstatus', en: 'plan status' },
  penvoerder: { nl: 'penvoerder', en: 'penvoerder' },
  mainTown: { nl: 'hoofdplaats', en: 'main town' },
  speerpunten: { nl: 'speerpunten', en: 'speerpunten' },
  latitude: { nl: 'breedtegraad', en: 'latitude' },
  longitude: { nl: 'lengtegraad', en: 'longitude' },
};

const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

const HEADER_NAMES: Record<string, RegionImportColumn> = Object.fromEntries(
  (
    [
      ['registrationNumber', ['registratienummer', 'registratie', 'nummer', 'registrationnumber', 'registration', 'number']],
      ['name', ['naam', 'regio', 'regionaam', 'name', 'region', 'regionname']],
      ['province', ['provincie', 'province']],
      ['planStatus', ['planstatus', 'status', 'statusplan', 'statusvanhetplan']],
      ['penvoerder', ['penvoerder', 'leadapplicant']],
      ['mainTown', ['hoofdplaats', 'plaats', 'maintown', 'town']],
      ['speerpunten', ['speerpunten', 'speerpunt', 'focuspoints', 'themes']],
      ['latitude', ['breedtegraad', 'latitude', 'lat']],
      ['longitude', ['lengtegraad', 'longitude', 'lon', 'lng']],
    ] as const
  ).flatMap(([column, names]) => names.map((n) => [n, column])),
);

/** The twelve provinces and Caribisch Nederland, as stored. */
export const PROVINCES = [
  'Groningen',
  'Friesland',
  'Drenthe',
  'Overijssel',
  'Flevoland',
  'Gelderland',
  'Utrecht',
  'Noord-Holland',
  'Zuid-Holland',
  'Zeeland',
  'Noord-Brabant',
  'Limburg',
  'Caribisch Nederland',
] as const;
const PROVINCE_NAMES: Record<string, string> = {
  ...Object.fromEntries(PROVINCES.map((p) => [norm(p), p])),
  fryslan: 'Friesland',
  bes: 'Caribisch Nederland',
  bonairesinteustatiusensaba: 'Caribisch Nederland',
};

const THEME_NAMES: Record<string, ThemeKey> = Object.fromEntries(
  THEMES.flatMap((t) => [
    [norm(t.key), t.key],
    [norm(t.nl), t.key],
    [norm(t.en), t.key],
  ]),
);

export type RegionImportRow = {
  /** The row in the file (the header is row 1). */
  row: number;
  registrationNumber: string;
  name: string;
  province: string;
  planStatus: ImportPlanStatus;
  penvoerder: string;
  mainTown: string;
  speerpunten: ThemeKey[];
  /** Both or neither; null when the file leaves them empty (stored ones are then kept). */
  coordinates: { latitude: number; longitude: number } | null;
};

export type RegionImportProblemCode =
  | 'empty_file'
  | 'too_large'
  | 'too_many_rows'
  | 'column_missing'
  | 'column_unknown'
  | 'column_twice'
  | 'cells_count'
  | 'required'
  | 'too_long'
  | 'registration_invalid'
  | 'registration_twice'
  | 'province_unknown'
  | 'plan_status_unknown'
  | 'speerpunt_unknown'
  | 'number_invalid'
  | 'coordinates_half'
  | 'coordinates_outside';

/** Where (row 0: the whole file; no column: the whole row) and what is wrong, with the value. */
export type RegionImportProblem = { row: number; column: RegionImportColumn | null; code: RegionImportProblemCode; value?: string; other?: string };

const MAX_LENGTH: Partial<Record<RegionImportColumn, number>> = { name: 120, penvoerder: 200, mainTown: 100 };

/** Within the European Netherlands or Caribisch Nederland (swapped latitude and longitude land outside both). */
function insideTheNetherlands(lat: number, lon: number): boolean {
  const european = lat >= 50.7 && lat <= 53.7 && lon >= 3.2 && lon <= 7.3;
  const caribbean = lat >= 11.9 && lat <= 17.8 && lon >= -68.5 && lon <= -62.8;
  return european || caribbean;
}

function parseDegrees(raw: string): number | null {
  const text = raw.trim().replace(',', '.');
  if (!/^-?\d{1,3}(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** The registration number as stored: `STO19` and three digits (spaces and case forgiven). */
export function normaliseRegistrationNumber(raw: string): string | null {
  const text = raw.replace(/\s+/g, '').toUpperCase();
  return /^STO19\d{3}$/.test(text) ? text : null;
}

export type ParsedRegionCsv = { ok: true; rows: RegionImportRow[] } | { ok: false; problems: RegionImportProblem[] };

/** Reads and checks the whole file; any problem and no row is returned. */
export function parseRegionCsv(text: string): ParsedRegionCsv {
  if (text.length > MAX_REGION_IMPORT_BYTES) return { ok: false, problems: [{ row: 0, column: null, code: 'too_large' }] };
  const { records } = readCsv(text);
  const [header, ...data] = records;
  if (!header || data.length === 0) return { ok: false, problems: [{ row: 0, column: null, code: 'empty_file' }] };
  if (data.length > MAX_REGION_IMPORT_ROWS) return { ok: false, problems: [{ row: 0, column: null, code: 'too_many_rows', value: String(data.length) }] };

  const problems: RegionImportProblem[] = [];
  const index = new Map<RegionImportColumn, number>();
  header.cells.forEach((cell, i) => {
    const name = cell.trim();
    if (name === '') return;
    const column = HEADER_NAMES[norm(name)];
    if (!column) problems.push({ row: header.line, column: null, code: 'column_unknown', value: name });
    else if (index.has(column)) problems.push({ row: header.line, column, code: 'column_twice', value: name });
    else index.set(column, i);
  });
  for (const column of REQUIRED) if (!index.has(column)) problems.push({ row: header.line, column, code: 'column_missing' });
  if (index.has('latitude') !== index.has('longitude')) {
    problems.push({ row: header.line, column: index.has('latitude') ? 'longitude' : 'latitude', code: 'column_missing' });
  }
  if (problems.length > 0) return { ok: false, problems };

  const rows: RegionImportRow[] = [];
  const seen = new Map<string, number>();
  for (const record of data) {
    const row = record.line;
    const at = (column: RegionImportColumn) => {
      const i = index.get(column);
      return i === undefined ? '' : (record.cells[i] ?? '').trim();
    };
    const rowProblems: RegionImportProblem[] = [];
    // Missing cells at the end count as empty; extra filled ones mean a separator inside a value.
    if (record.cells.slice(header.cells.length).some((c) => c.trim() !== '')) rowProblems.push({ row, column: null, code: 'cells_count', value: String(record.cells.length), other: String(header.cells.length) });
    const need = (column: RegionImportColumn): string | null => {
      const value = at(column);
      if (value === '') {
        rowProblems.push({ row, column, code: 'required' });
        return null;
      }
      const max = MAX_LENGTH[column];
      if (max !== undefined && value.length > max) {
        rowProblems.push({ row, column, code: 'too_long', other: String(max) });
        return null;
      }
      return value;
    };

    let registrationNumber: string | null = null;
    const rawNumber = need('registrationNumber');
    if (rawNumber !== null) {
      registrationNumber = normaliseRegistrationNumber(rawNumber);
      if (registrationNumber === null) rowProblems.push({ row, column: 'registrationNumber', code: 'registration_invalid', value: rawNumber });
      else if (seen.has(registrationNumber)) {
        rowProblems.push({ row, column: 'registrationNumber', code: 'registration_twice', value: registrationNumber, other: String(seen.get(registrationNumber)) });
      } else seen.set(registrationNumber, row);
    }
    const name = need('name');
    const penvoerder = need('penvoerder');
    const mainTown = need('mainTown');
    let province: string | null = null;
    const rawProvince = need('province');
    if (rawProvince !== null) {
      province = PROVINCE_NAMES[norm(rawProvince)] ?? null;
      if (province === null) rowProblems.push({ row, column: 'province', code: 'province_unknown', value: rawProvince });
    }
    let planStatus: ImportPlanStatus | null = null;
    const rawStatus = need('planStatus');
    if (rawStatus !== null) {
      planStatus = PLAN_STATUSES_IMPORT[norm(rawStatus)] ?? null;
      if (planStatus === null) rowProblems.push({ row, column: 'planStatus', code: 'plan_status_unknown', value: rawStatus });
    }
    const speerpunten: ThemeKey[] = [];
    for (const part of at('speerpunten').split(';')) {
      if (part.trim() === '') continue;
      const key = THEME_NAMES[norm(part)];
      if (!key) rowProblems.push({ row, column: 'speerpunten', code: 'speerpunt_unknown', value: part.trim() });
      else if (!speerpunten.includes(key)) speerpunten.push(key);
    }
    let coordinates: RegionImportRow['coordinates'] = null;
    const rawLat = at('latitude');
    const rawLon = at('longitude');
    if (rawLat !== '' || rawLon !== '') {
      const lat = rawLat === '' ? null : parseDegrees(rawLat);
      const lon = rawLon === '' ? null : parseDegrees(rawLon);
      if (rawLat !== '' && lat === null) rowProblems.push({ row, column: 'latitude', code: 'number_invalid', value: rawLat });
      if (rawLon !== '' && lon === null) rowProblems.push({ row, column: 'longitude', code: 'number_invalid', value: rawLon });
      if (rawLat === '' || rawLon === '') rowProblems.push({ row, column: rawLat === '' ? 'latitude' : 'longitude', code: 'coordinates_half' });
      else if (lat !== null && lon !== null) {
        if (!insideTheNetherlands(lat, lon)) rowProblems.push({ row, column: 'latitude', code: 'coordinates_outside', value: `${rawLat}, ${rawLon}` });
        else coordinates = { latitude: lat, longitude: lon };
      }
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    rows.push({
      row,
      registrationNumber: registrationNumber!,
      name: name!.replace(/\s+/g, ' '),
      province: province!,
      planStatus: planStatus!,
      penvoerder: penvoerder!.replace(/\s+/g, ' '),
      mainTown: mainTown!.replace(/\s+/g, ' '),
      speerpunten,
      coordinates,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

/** A region as stored, as far as the import touches it. */
export type StoredRegion = {
  id: number;
  registrationNumber: string;
  name: string;
  province: string;
  planStatus: string;
  penvoerder: string;
  mainTown: string | null;
  speerpunten: string[];
  latitude: number | null;
  longitude: number | null;
};

export type RegionField = 'name' | 'province' | 'planStatus' | 'penvoerder' | 'mainTown' | 'speerpunten' | 'coordinates';

export type RegionImportPlan = {
  added: Array<RegionImportRow & { holidayZone: HolidayZone | null }>;
  updated: Array<{ id: number; row: RegionImportRow; changed: RegionField[] }>;
  unchanged: RegionImportRow[];
};

/** What importing the rows would do: add new numbers, update changed ones, leave the rest. */
export function planRegionImport(rows: readonly RegionImportRow[], stored: readonly StoredRegion[]): RegionImportPlan {
  const byNumber = new Map(stored.map((r) => [r.registrationNumber, r]));
  const plan: RegionImportPlan = { added: [], updated: [], unchanged: [] };
  for (const row of rows) {
    const current = byNumber.get(row.registrationNumber);
    if (!current) {
      plan.added.push({ ...row, holidayZone: defaultZoneForProvince(row.province) });
      continue;
    }
    const changed: RegionField[] = [];
    if (current.name !== row.name) changed.push('name');
    if (current.province !== row.province) changed.push('province');
    if (current.planStatus !== row.planStatus) changed.push('planStatus');
    if (current.penvoerder !== row.penvoerder) changed.push('penvoerder');
    if (current.mainTown !== row.mainTown) changed.push('mainTown');
    if (current.speerpunten.join(';') !== row.speerpunten.join(';')) changed.push('speerpunten');
    if (row.coordinates && (current.latitude !== row.coordinates.latitude || current.longitude !== row.coordinates.longitude)) changed.push('coordinates');
    if (changed.length > 0) plan.updated.push({ id: current.id, row, changed });
    else plan.unchanged.push(row);
  }
  return plan;
}

const PROBLEM_TEXT: Record<RegionImportProblemCode, Record<Lang, (p: RegionImportProblem) => string>> = {
  empty_file: { nl: () => 'Het bestand heeft geen kopregel met daaronder regio’s.', en: () => 'The file has no header line with regions below it.' },
  too_large: {
    nl: () => `Het bestand is groter dan ${MAX_REGION_IMPORT_BYTES / 1024} kB; dat is geen regiolijst.`,
    en: () => `The file is larger than ${MAX_REGION_IMPORT_BYTES / 1024} kB; that is not a list of regions.`,
  },
  too_many_rows: {
    nl: (p) => `Het bestand heeft ${p.value} regels; meer dan ${MAX_REGION_IMPORT_ROWS} kan niet in één keer.`,
    en: (p) => `The file has ${p.value} rows; more than ${MAX_REGION_IMPORT_ROWS} cannot be imported at once.`,
  },
  column_missing: { nl: () => 'deze kolom ontbreekt in de kopregel.', en: () => 'this column is missing from the header line.' },
  column_unknown: {
    nl: (p) => `de kolom "${p.value}" kennen we niet.`,
    en: (p) => `the column "${p.value}" is not one we know.`,
  },
  column_twice: { nl: (p) => `de kolom "${p.value}" staat er twee keer in.`, en: (p) => `the column "${p.value}" appears twice.` },
  cells_count: {
    nl: (p) => `deze regel heeft ${p.value} velden, de kopregel ${p.other}. Staat er een scheidingsteken te veel of te weinig?`,
    en: (p) => `this row has ${p.value} fields, the header ${p.other}. Is a separator missing or one too many?`,
  },
  required: { nl: () => 'is leeg; vul dit in.', en: () => 'is empty; fill it in.' },
  too_long: { nl: (p) => `is langer dan ${p.other} tekens.`, en: (p) => `is longer than ${p.other} characters.` },
  registration_invalid: {
    nl: (p) => `"${p.value}" is geen registratienummer: STO19 gevolgd door drie cijfers, bijvoorbeeld STO19072.`,
    en: (p) => `"${p.value}" is not a registration number: STO19 followed by three digits, for example STO19072.`,
  },
  registration_twice: {
    nl: (p) => `${p.value} staat ook al in rij ${p.other}.`,
    en: (p) => `${p.value} is also in row ${p.other}.`,
  },
  province_unknown: {
    nl: (p) => `"${p.value}" is geen provincie (${PROVINCES.join(', ')}).`,
    en: (p) => `"${p.value}" is not a province (${PROVINCES.join(', ')}).`,
  },
  plan_status_unknown: {
    nl: (p) => `"${p.value}" is geen planstatus: goedgekeurd juli 2019, goedgekeurd december 2019, lichtgroen of herindienen.`,
    en: (p) => `"${p.value}" is not a plan status: approved July 2019, approved December 2019, lichtgroen or resubmit.`,
  },
  speerpunt_unknown: {
    nl: (p) => `"${p.value}" is geen speerpunt (gebruik de sleutels ${THEMES.map((t) => t.key).join(', ')} of hun namen, gescheiden door ;).`,
    en: (p) => `"${p.value}" is not a speerpunt (use the keys ${THEMES.map((t) => t.key).join(', ')} or their names, separated by ;).`,
  },
  number_invalid: { nl: (p) => `"${p.value}" is geen getal in graden, zoals 52,37 of 52.37.`, en: (p) => `"${p.value}" is not a number of degrees, such as 52.37.` },
  coordinates_half: {
    nl: () => 'vul breedtegraad en lengtegraad allebei in, of allebei niet.',
    en: () => 'fill in both latitude and longitude, or neither.',
  },
  coordinates_outside: {
    nl: (p) => `${p.value} ligt niet in Nederland of Caribisch Nederland. Zijn breedte- en lengtegraad verwisseld?`,
    en: (p) => `${p.value} is not in the Netherlands or Caribisch Nederland. Are latitude and longitude swapped?`,
  },
};

/** The sentence for a problem, with its place: "Rij 3, kolom provincie: …". */
export function regionImportProblemMessage(problem: RegionImportProblem, lang: Lang): string {
  const text = PROBLEM_TEXT[problem.code][lang](problem);
  const column = problem.column ? COLUMN_LABELS[problem.column][lang] : null;
  if (problem.row === 0) return text;
  const place = lang === 'nl' ? `Rij ${problem.row}` : `Row ${problem.row}`;
  return column ? `${place}, ${lang === 'nl' ? 'kolom' : 'column'} ${column}: ${text}` : `${place}: ${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
