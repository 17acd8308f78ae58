import { describe, expect, it } from 'vitest';
import { auditRows } from '~/components/admin-audit-changes';

describe('auditRows', () => {
  it('shows only the changed fields of a change, with the year for context first', () => {
    const rows = auditRows(
      { year: 2026, allotted: 10, planned: 2, used: 0, remaining: 8 },
      { year: 2026, deltaHalfDays: 2, allotted: 12, planned: 2, used: 0, remaining: 10 },
    );
    expect(rows).toEqual([
      { key: 'year', before: 2026, after: 2026, changed: false },
      { key: 'allotted', before: 10, after: 12, changed: true },
      { key: 'remaining', before: 8, after: 10, changed: true },
      { key: 'deltaHalfDays', before: undefined, after: 2, changed: false },
    ]);
  });

  it('lists every field of a creation, compares arrays by value, and ignores non-objects', () => {
    expect(auditRows(null, { name: 'A', themes: ['lob'] }).map((r) => r.key)).toEqual(['name', 'themes']);
    expect(auditRows({ themes: ['lob'] }, { themes: ['lob'] })).toEqual([]);
    expect(auditRows('x', 3)).toEqual([]);
  });
});
