/**
 * CSV for Excel with Dutch settings: a UTF-8 byte-order mark (so Excel reads UTF-8), `;` between
 * fields (Dutch Excel uses the comma as decimal separator), CRLF line ends, a field quoted when it
 * holds `;`, `"`, CR or LF (quotes doubled), and numbers with a decimal comma.
 *
 * Text cells that a spreadsheet would read as a formula (starting with =, +, -, @, tab or CR) get a
 * leading apostrophe, so a region's or contact's text can never run as a formula ("CSV injection").
 * Numbers are passed as numbers and written by this module, so they are never touched by that rule:
 * −1 stays the number -1.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_LINE_END = '\r\n';

/** A cell: text (neutralised and quoted when needed), a number (decimal comma), or empty. */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[";\r\n]/;

/** A number as Dutch Excel reads it: decimal comma, no thousands separator, at most `decimals` decimals. */
export function formatCsvNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return '';
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  // Avoid '-0'; toString never uses exponents for the sizes we write (days, hours, counts).
  const text = String(Object.is(rounded, -0) ? 0 : rounded);
  return text.replace('.', ',');
}

/** Text with a formula-like start gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell as it is written between the separators. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return formatCsvNumber(cell);
  if (typeof cell === 'boolean') return cell ? '1' : '0';
  const text = neutraliseFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(CSV_SEPARATOR);
}

/** The whole file: BOM, a header line, the rows, every line ending in CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return CSV_BOM + [header, ...rows].map((cells) => csvLine(cells) + CSV_LINE_END).join('');
}

/**
 * Reads a file written by toCsv back into rows of strings (for tests and checks): strips the BOM,
 * splits on `;` and CRLF, honours quotes. Cells come back as written (apostrophes stay).
 */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === CSV_SEPARATOR) {
      row.push(field);
      field = '';
    } else if (c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The separators a CSV from a person may use: `;` (Dutch Excel) or `,` (most other programs). */
export type CsvSeparator = ';' | ',';

/**
 * Reads a CSV as people's programs write it: UTF-8 with or without a BOM, `;` or `,` between
 * fields (whichever the first line has more of outside quotes), CRLF, LF or CR line ends, quoted
 * fields with doubled quotes and line breaks inside. Every record carries the line it starts on
 * (1 = the first line), so errors can name the row a spreadsheet shows. Lines with nothing but
 * separators and spaces are left out. Pure; the caller decides what a cell means.
 */
export function readCsv(text: string): { separator: CsvSeparator; records: Array<{ line: number; cells: string[] }> } {
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const separator = detectSeparator(body);
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const endRecord = () => {
    cells.push(field);
    if (cells.some((c) => c.trim() !== '')) records.push({ line: startLine, cells });
    cells = [];
    field = '';
  };
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n' || (c === '\r' && body[i + 1] !== '\n')) line += 1;
        field += c;
      }
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === separator) {
      cells.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && body[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      startLine = line;
    } else {
      field += c;
    }
  }
  if (field !== '' || cells.length > 0) endRecord();
  return { separator, records };
}

/** `;` unless the first line has more commas than semicolons outside quotes. */
export function detectSeparator(text: string): CsvSeparator {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ';') semicolons += 1;
    else if (!quoted && c === ',') commas += 1;
  }
  return commas > semicolons ? ',' : ';';
}
