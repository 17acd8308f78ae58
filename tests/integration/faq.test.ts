import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents } from '~db/schema';
import { faqSchema } from '~/components/faq-schema';
import { likePattern } from '~/domain/faq';
import { createFaqEntry, deleteFaqEntry, faqForTeam, latestFaq, publicFaq, renderMarkdown, updateFaqEntry } from '~/services/faq.server';
import type { Db } from '~db/client';
import { createTestDb } from '../helpers/db';
import { insertCoordinator } from '../helpers/fixtures';

describe('Markdown of the answers (markdown-it, raw HTML off)', () => {
  it('renders links, lists and emphasis', () => {
    const html = renderMarkdown('Zie **het formulier**:\n\n- [aanvragen](/aanvragen)\n- https://www.example.org');
    expect(html).toContain('<strong>het formulier</strong>');
    expect(html).toContain('<a href="/aanvragen">aanvragen</a>');
    expect(html).toContain('<a href="https://www.example.org">');
    expect(html).toContain('<li>');
  });

  it('never lets markup or script links through', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)> [klik](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=)');
    expect(html).not.toMatch(/<script|<img|href="javascript:|href="data:/i);
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('likePattern', () => {
  it('matches % and _ literally', () => {
    expect(likePattern('50%_x')).toBe('%50\\%\\_x%');
  });
});

describe('the team’s question form', () => {
  const base = { category: 'plan', sortOrder: '3', questionNl: 'Vraag?', answerNl: 'Antwoord.' };
  it('accepts Dutch only, and both English texts together', () => {
    expect(faqSchema.safeParse(base).success).toBe(true);
    expect(faqSchema.safeParse({ ...base, questionEn: 'Q?', answerEn: 'A.', published: 'on' }).data?.published).toBe(true);
  });
  it('refuses an unknown category, a bad order, an empty answer and half an English pair, with keys for the messages', () => {
    const result = faqSchema.safeParse({ ...base, category: 'geheim', sortOrder: '-1', answerNl: ' ', questionEn: 'Q?' });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining(['category:faq:errors.categoryRequired', 'sortOrder:faq:errors.orderInvalid', 'answerNl:faq:errors.answerRequired']),
    );
  });
});

describe('questions and answers', () => {
  let db: Db;
  let close: () => void;
  let actor: { actorUserId: number; now: number };
  beforeEach(() => {
    ({ db, close } = createTestDb());
    actor = { actorUserId: insertCoordinator(db), now: 1_000 };
  });
  afterEach(() => close());

  const entry = (over: Partial<Parameters<typeof createFaqEntry>[1]> = {}) =>
    createFaqEntry(db, { ...actor, category: 'plan', questionNl: 'Mogen we eerder beginnen?', answerNl: 'Ja, met de begroting van **2019**.', sortOrder: 1, published: true, ...over });

  it('publishes by category and order; drafts stay off the public page; English falls back to Dutch', () => {
    entry({ sortOrder: 2 });
    entry({ questionNl: 'Hoe verantwoorden we?', answerNl: 'Met de handreiking.', category: 'verantwoording', questionEn: 'How do we account?', answerEn: 'With the guide.' });
    entry({ questionNl: 'Concept', published: false });
    entry({ questionNl: 'Eerste', sortOrder: 0 });
    const nl = publicFaq(db, 'nl');
    expect(nl.map((c) => [c.category, c.entries.map((e) => e.question)])).toEqual([
      ['plan', ['Eerste', 'Mogen we eerder beginnen?']],
      ['verantwoording', ['Hoe verantwoorden we?']],
    ]);
    const en = publicFaq(db, 'en');
    expect(en[1]!.entries[0]).toMatchObject({ question: 'How do we account?', lang: 'en', answerHtml: '<p>With the guide.</p>\n' });
    expect(en[0]!.entries[0]!.lang).toBe('nl');
    expect(nl[0]!.entries[1]!.answerHtml).toContain('<strong>2019</strong>');
  });

  it('searches question and answer, literally, in SQL', () => {
    entry();
    entry({ questionNl: 'Wat kost 100% inzet?', answerNl: 'Niets.' });
    expect(publicFaq(db, 'nl', 'begroting').flatMap((c) => c.entries.map((e) => e.question))).toEqual(['Mogen we eerder beginnen?']);
    expect(publicFaq(db, 'nl', '100%').flatMap((c) => c.entries.map((e) => e.question))).toEqual(['Wat kost 100% inzet?']);
    expect(publicFaq(db, 'nl', '%')).toHaveLength(1);
    expect(publicFaq(db, 'nl', 'onvindbaar')).toEqual([]);
  });

  it('the home page gets the three most recent published questions', () => {
    for (let i = 1; i <= 5; i++) {
      entry({ questionNl: `Vraag ${i}`, published: i !== 5 });
      actor.now += 1000;
    }
    expect(latestFaq(db, 'nl').map((q) => q.question)).toEqual(['Vraag 4', 'Vraag 3', 'Vraag 2']);
  });

  it('edits and deletes are audited; an unknown entry is not found', () => {
    const created = entry();
    if (!created.ok) throw new Error('not created');
    expect(updateFaqEntry(db, { ...actor, id: created.id, category: 'plan', questionNl: 'Nieuw?', answerNl: 'Ja.', sortOrder: 1, published: false }).ok).toBe(true);
    expect(faqForTeam(db)[0]).toMatchObject({ questionNl: 'Nieuw?', published: false });
    expect(deleteFaqEntry(db, { ...actor, id: created.id }).ok).toBe(true);
    expect(deleteFaqEntry(db, { ...actor, id: created.id })).toEqual({ ok: false, problem: 'not_found' });
    expect(db.select().from(auditEvents).all().map((a) => a.action)).toEqual(['faq.create', 'faq.update', 'faq.delete']);
  });
});
