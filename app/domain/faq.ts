/** Veelgestelde vragen: categories and limits, client-safe. */
export const FAQ_CATEGORIES = [
  { key: 'aanvragen', nl: 'Ondersteuning aanvragen', en: 'Asking for support' },
  { key: 'plan', nl: 'Het regioplan', en: 'The regional plan' },
  { key: 'subsidie', nl: 'Subsidie en begroting', en: 'Grant and budget' },
  { key: 'verantwoording', nl: 'Verantwoording', en: 'Accountability' },
  { key: 'dus-i', nl: 'Indienen bij DUS-I', en: 'Submitting to DUS-I' },
] as const;

export type FaqCategory = (typeof FAQ_CATEGORIES)[number]['key'];
export const FAQ_CATEGORY_KEYS = FAQ_CATEGORIES.map((c) => c.key) as [FaqCategory, ...FaqCategory[]];

export function faqCategoryLabel(key: string, lang: 'nl' | 'en'): string {
  const c = FAQ_CATEGORIES.find((x) => x.key === key);
  return c ? c[lang] : key;
}

export const FAQ_LIMITS = { question: 200, answer: 5000, search: 100 } as const;

/** The anchor of a question on the public page: stable, from its id. */
export const faqAnchor = (id: number) => `vraag-${id}`;

/** A search term as a LIKE pattern that matches literally (%, _ and \\ escaped; ESCAPE '\\'). */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
