/**
 * Veelgestelde vragen: coordinators write questions and answers (Dutch, English optional) in a small
 * Markdown (links, lists, emphasis) rendered by markdown-it with raw HTML off, so nothing a
 * coordinator types becomes markup of its own; the public page reads published entries only.
 */
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import MarkdownIt from 'markdown-it';
import type { Db } from '~db/client';
import { faqEntries } from '~db/schema';
import { FAQ_CATEGORY_KEYS, likePattern, type FaqCategory } from '~/domain/faq';
import type { Lang } from '~/domain/time';
import { writeAudit, type Actor } from './common.server';

/** html: false escapes any HTML typed in; markdown-it's validateLink refuses javascript:, vbscript:, file: and data: links. */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

export type FaqInput = {
  category: FaqCategory;
  questionNl: string;
  answerNl: string;
  questionEn?: string | null;
  answerEn?: string | null;
  sortOrder: number;
  published: boolean;
};

export type FaqResult = { ok: true; id: number } | { ok: false; problem: 'not_found' };

function clean(input: FaqInput) {
  return {
    category: input.category,
    questionNl: input.questionNl,
    answerNl: input.answerNl,
    questionEn: input.questionEn || null,
    answerEn: input.answerEn || null,
    sortOrder: input.sortOrder,
    published: input.published,
  };
}

export function createFaqEntry(db: Db, input: Actor & FaqInput): FaqResult {
  return db.transaction(
    (tx): FaqResult => {
      const values = clean(input);
      const row = tx
        .insert(faqEntries)
        .values({ ...values, createdAt: input.now, updatedAt: input.now })
        .returning({ id: faqEntries.id })
        .get();
      writeAudit(tx, input, { action: 'faq.create', entityType: 'faq_entry', entityId: row.id, regionId: null, after: values });
      return { ok: true, id: row.id };
    },
    { behavior: 'immediate' },
  );
}

export function updateFaqEntry(db: Db, input: Actor & FaqInput & { id: number }): FaqResult {
  return db.transaction(
    (tx): FaqResult => {
      const before = tx.select().from(faqEntries).where(eq(faqEntries.id, input.id)).get();
      if (!before) return { ok: false, problem: 'not_found' };
      const values = clean(input);
      tx.update(faqEntries).set({ ...values, updatedAt: input.now }).where(eq(faqEntries.id, input.id)).run();
      const { id: _id, createdAt: _c, updatedAt: _u, ...old } = before;
      writeAudit(tx, input, { action: 'faq.update', entityType: 'faq_entry', entityId: input.id, regionId: null, before: old, after: values });
      return { ok: true, id: input.id };
    },
    { behavior: 'immediate' },
  );
}

export function deleteFaqEntry(db: Db, input: Actor & { id: number }): FaqResult {
  return db.transaction(
    (tx): FaqResult => {
      const before = tx.select().from(faqEntries).where(eq(faqEntries.id, input.id)).get();
      if (!before) return { ok: false, problem: 'not_found' };
      tx.delete(faqEntries).where(eq(faqEntries.id, input.id)).run();
      writeAudit(tx, input, { action: 'faq.delete', entityType: 'faq_entry', entityId: input.id, regionId: null, before: { questionNl: before.questionNl } });
      return { ok: true, id: input.id };
    },
    { behavior: 'immediate' },
  );
}

export type PublicFaq = { id: number; category: string; question: string; answerHtml: string; lang: Lang };

/** In English when the entry has an English text, else in Dutch (marked with lang="nl" on the page). */
function localise(row: typeof faqEntries.$inferSelect, lang: Lang): PublicFaq {
  const en = lang === 'en' && row.questionEn && row.answerEn;
  return {
    id: row.id,
    category: row.category,
    question: en ? row.questionEn! : row.questionNl,
    answerHtml: renderMarkdown(en ? row.answerEn! : row.answerNl),
    lang: en ? 'en' : 'nl',
  };
}

/** The published entries, by category and order, optionally those whose question or answer contains the term. */
export function publicFaq(db: Db, lang: Lang, term?: string): Array<{ category: string; entries: PublicFaq[] }> {
  const pattern = term ? likePattern(term) : null;
  const matches = pattern
    ? or(
        sql`${faqEntries.questionNl} like ${pattern} escape '\\'`,
        sql`${faqEntries.answerNl} like ${pattern} escape '\\'`,
        sql`${faqEntries.questionEn} like ${pattern} escape '\\'`,
        sql`${faqEntries.answerEn} like ${pattern} escape '\\'`,
      )
    : undefined;
  const rows = db
    .select()
    .from(faqEntries)
    .where(and(eq(faqEntries.published, true), matches))
    .orderBy(asc(faqEntries.sortOrder), asc(faqEntries.id))
    .all();
  return FAQ_CATEGORY_KEYS.map((category) => ({
    category,
    entries: rows.filter((r) => r.category === category).map((r) => localise(r, lang)),
  })).filter((c) => c.entries.length > 0);
}

/** The home page's three most recently added published questions. */
export function latestFaq(db: Db, lang: Lang, limit = 3): Array<{ id: number; question: string; lang: Lang }> {
  return db
    .select()
    .from(faqEntries)
    .where(eq(faqEntries.published, true))
    .orderBy(desc(faqEntries.createdAt), desc(faqEntries.id))
    .limit(limit)
    .all()
    .map((r) => {
      const l = localise(r, lang);
      return { id: l.id, question: l.question, lang: l.lang };
    });
}

export function faqForTeam(db: Db) {
  return db
    .select({
      id: faqEntries.id,
      category: faqEntries.category,
      questionNl: faqEntries.questionNl,
      hasEnglish: sql<number>`${faqEntries.questionEn} is not null`,
      sortOrder: faqEntries.sortOrder,
      published: faqEntries.published,
      updatedAt: faqEntries.updatedAt,
    })
    .from(faqEntries)
    .orderBy(asc(faqEntries.category), asc(faqEntries.sortOrder), asc(faqEntries.id))
    .all();
}

export function faqEntry(db: Db, id: number) {
  return db.select().from(faqEntries).where(eq(faqEntries.id, id)).get() ?? null;
}
