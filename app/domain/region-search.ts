export type SearchableRegion = { id: number; registrationNumber: string; name: string };

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

/** The text a region is offered as in the search list; searching for it finds exactly that region. */
export function regionLabel(r: SearchableRegion): string {
  return `${r.name} (${r.registrationNumber})`;
}

/**
 * Regions matching what someone typed: its own label, a registration number or the digits of one
 * ("072", "19072", "STO19072"), or a part of the name ("kop", "fryslan" finds "Fryslân").
 */
export function searchRegions<R extends SearchableRegion>(regions: readonly R[], query: string): R[] {
  const q = normalise(query);
  if (q.length === 0) return [];
  const byLabel = regions.filter((r) => normalise(regionLabel(r)) === q);
  if (byLabel.length > 0) return byLabel;
  const digits = /^(?:sto)?\s*(\d{2,5})$/.exec(q)?.[1];
  if (digits) return regions.filter((r) => r.registrationNumber.endsWith(digits));
  const exact = regions.filter((r) => normalise(r.name) === q || r.registrationNumber.toLowerCase() === q);
  if (exact.length > 0) return exact;
  return regions.filter((r) => normalise(r.name).includes(q));
}
