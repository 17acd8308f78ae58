import { describe, expect, it } from 'vitest';
import { regionLabel, searchRegions } from '~/domain/region-search';

const regions = [
  { id: 1, registrationNumber: 'STO19072', name: 'TechniekPact Kop van Noord-Holland' },
  { id: 2, registrationNumber: 'STO19012', name: 'Zuidoost Fryslân' },
  { id: 3, registrationNumber: 'STO19013', name: 'Zuidwest Fryslân' },
  { id: 4, registrationNumber: 'STO19001', name: 'STO Zeeland' },
];
const ids = (q: string) => searchRegions(regions, q).map((r) => r.id);

describe('searchRegions', () => {
  it('finds a region by part of its registration number', () => {
    expect(ids('072')).toEqual([1]);
    expect(ids('19072')).toEqual([1]);
    expect(ids('sto19072')).toEqual([1]);
    expect(ids('STO19072')).toEqual([1]);
  });

  it('finds by part of the name, ignoring case and accents', () => {
    expect(ids('Kop')).toEqual([1]);
    expect(ids('fryslan')).toEqual([2, 3]);
    expect(ids('  zuidoost   FRYSLÂN ')).toEqual([2]);
  });

  it('finds exactly the region of a label from the list', () => {
    expect(ids(regionLabel(regions[1]!))).toEqual([2]);
  });

  it('finds nothing for nothing or a stranger', () => {
    expect(ids('')).toEqual([]);
    expect(ids('Atlantis')).toEqual([]);
    expect(ids('999')).toEqual([]);
  });
});
