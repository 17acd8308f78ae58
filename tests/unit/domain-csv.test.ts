import { describe, expect, it } from 'vitest';
import { csvField, csvLine, formatCsvNumber, neutraliseFormula, parseCsv, toCsv } from '~/domain/csv';

describe('csv for Dutch Excel', () => {
  it('starts with a UTF-8 BOM, separates with ; and ends every line with CRLF', () => {
    const csv = toCsv(['a', 'b'], [['x', 1], ['y', 2.5]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe('\uFEFFa;b\r\nx;1\r\ny;2,5\r\n');
  });

  it('writes an empty file as the header only', () => {
    expect(toCsv(['één', 'twee'], [])).toBe('\uFEFFéén;twee\r\n');
  });

  it('quotes a field with a separator, a quote or a line break, and doubles quotes', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvField('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
    expect(csvField('regel 1\r\nregel 2')).toBe('"regel 1\r\nregel 2"');
    expect(csvField('gewoon, met komma')).toBe('gewoon, met komma');
  });

  it('neutralises cells that a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(neutraliseFormula(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    }
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('-1+1')).toBe("'-1+1");
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField("'al een apostrof")).toBe("'al een apostrof");
  });

  it('writes numbers with a decimal comma and never neutralises them', () => {
    expect(formatCsvNumber(2.5)).toBe('2,5');
    expect(formatCsvNumber(2.75)).toBe('2,75');
    expect(formatCsvNumber(1 / 3)).toBe('0,33');
    expect(formatCsvNumber(-0.5)).toBe('-0,5');
    expect(formatCsvNumber(-0.0001)).toBe('0');
    expect(formatCsvNumber(1200)).toBe('1200');
    expect(csvField(-1)).toBe('-1');
    expect(csvField(0)).toBe('0');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('writes null and undefined as empty cells and booleans as 1/0', () => {
    expect(csvLine(['a', null, undefined, true, false])).toBe('a;;;1;0');
  });

  it('reads back what it wrote', () => {
    const rows = [
      ['STO19001', 'Haaglanden; Delft', 'zei "ja"\r\nen ging', 3.5, null],
      ['=1+1', '', 'é ü ö', -2, 0],
    ] as const;
    const parsed = parseCsv(toCsv(['nr', 'naam', 'tekst', 'dagen', 'leeg'], rows));
    expect(parsed).toEqual([
      ['nr', 'naam', 'tekst', 'dagen', 'leeg'],
      ['STO19001', 'Haaglanden; Delft', 'zei "ja"\r\nen ging', '3,5', ''],
      ["'=1+1", '', 'é ü ö', '-2', '0'],
    ]);
  });
});
