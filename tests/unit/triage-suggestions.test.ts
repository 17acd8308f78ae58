import { describe, expect, it } from 'vitest';
import { parsePreferredPeriod, rankSupporters, type SuggestionCandidate } from '~/domain/supporter-suggestions';
import { parseLocalDateTime } from '~/domain/time';

const REGION = 7;

function candidate(id: number, values: Partial<SuggestionCandidate> = {}): SuggestionCandidate {
  return {
    id,
    name: `Ondersteuner ${id}`,
    role: 'supporter',
    active: true,
    homeRegionId: 99,
    themes: [],
    plannedHalfDays: 0,
    regionVisits: 0,
    regionRequests: 0,
    busyInPeriod: null,
    ...values,
  };
}

const context = { regionId: REGION, requestTheme: 'lob', speerpunten: ['lob', 'docenten', 'po'] };
const ids = (list: ReturnType<typeof rankSupporters>) => list.map((s) => s.supporterId);

describe('rankSupporters', () => {
  it('leaves out the supporter whose home region is the request’s region, even when they fit best', () => {
    const local = candidate(1, { homeRegionId: REGION, themes: ['lob', 'docenten', 'po'], regionVisits: 5 });
    const other = candidate(2);
    expect(ids(rankSupporters([local, other], context))).toEqual([2]);
  });

  it('leaves out inactive supporters and users who are not supporters', () => {
    const inactive = candidate(1, { active: false, themes: ['lob'] });
    const coordinator = candidate(2, { role: 'coordinator', themes: ['lob'] });
    expect(ids(rankSupporters([inactive, coordinator, candidate(3)], context))).toEqual([3]);
  });

  it('ranks a match on the request’s theme above the rest, with the reason', () => {
    const plain = candidate(1);
    const themed = candidate(2, { themes: ['lob'], plannedHalfDays: 8 });
    const ranked = rankSupporters([plain, themed], context);
    expect(ids(ranked)).toEqual([2, 1]);
    expect(ranked[0]!.reasons).toContainEqual({ kind: 'request_theme', theme: 'lob' });
  });

  it('counts the region’s speerpunten, the region they know and being free in the preferred period', () => {
    const speerpunten = candidate(1, { themes: ['docenten', 'po'] });
    const knows = candidate(2, { regionVisits: 2, regionRequests: 1 });
    const free = candidate(3, { busyInPeriod: 0 });
    const busy = candidate(4, { busyInPeriod: 2 });
    const ranked = rankSupporters([busy, free, knows, speerpunten], context);
    expect(ranked.find((s) => s.supporterId === 1)!.reasons).toContainEqual({ kind: 'speerpunten', themes: ['docenten', 'po'] });
    expect(ranked.find((s) => s.supporterId === 2)!.reasons).toContainEqual({ kind: 'knows_region', visits: 2, requests: 1 });
    expect(ranked.find((s) => s.supporterId === 3)!.reasons).toContainEqual({ kind: 'free_in_period' });
    expect(ranked.find((s) => s.supporterId === 4)!.reasons).toContainEqual({ kind: 'busy_in_period', count: 2 });
    expect(ids(ranked).at(-1)).toBe(4);
  });

  it('breaks ties on the fewest planned half-days this year, then on the name', () => {
    const busy = candidate(1, { themes: ['lob'], plannedHalfDays: 6, name: 'Anna' });
    const light = candidate(2, { themes: ['lob'], plannedHalfDays: 2, name: 'Bram' });
    const alsoLight = candidate(3, { themes: ['lob'], plannedHalfDays: 2, name: 'Aart' });
    expect(ids(rankSupporters([busy, light, alsoLight], context))).toEqual([3, 2, 1]);
  });

  it('always shows the load as a reason', () => {
    const [only] = rankSupporters([candidate(1, { plannedHalfDays: 3 })], context);
    expect(only!.reasons).toEqual([{ kind: 'load', plannedHalfDays: 3 }]);
  });
});

describe('parsePreferredPeriod', () => {
  const ms = (local: string) => {
    const parsed = parseLocalDateTime(local);
    if (!parsed.ok) throw new Error(parsed.problem);
    return parsed.ms;
  };

  it('reads the dates as the public form writes them, with a note after them', () => {
    expect(parsePreferredPeriod('2027-03-01 – 2027-03-31; liefst op dinsdag')).toEqual({
      from: '2027-03-01',
      until: '2027-03-31',
      startsAt: ms('2027-03-01T00:00'),
      endsAt: ms('2027-04-01T00:00'),
    });
  });

  it('skips free text, a single date and dates in the wrong order', () => {
    expect(parsePreferredPeriod('Na de herfstvakantie')).toBeNull();
    expect(parsePreferredPeriod('2027-03-01')).toBeNull();
    expect(parsePreferredPeriod('2027-03-31 – 2027-03-01')).toBeNull();
    expect(parsePreferredPeriod('2027-02-30 – 2027-03-01')).toBeNull();
  });
});
