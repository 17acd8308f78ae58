import type { MetaDescriptor } from '@remix-run/node';

type Match = { id: string; data: unknown };

/** The language chosen for this page, from the root loader's data. */
export function langFromMatches(matches: readonly Match[]): 'nl' | 'en' {
  const root = matches.find((m) => m.id === 'root')?.data as { lang?: string } | undefined;
  return root?.lang === 'en' ? 'en' : 'nl';
}

/** A page title in the page's language: "Inbox – STO Ondersteuning" / "Inbox – STO Support". */
export function pageTitle(matches: readonly Match[], nl: string, en: string = nl): MetaDescriptor[] {
  const lang = langFromMatches(matches);
  return [{ title: lang === 'en' ? `${en} – STO Support` : `${nl} – STO Ondersteuning` }];
}
