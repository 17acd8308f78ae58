import { describe, expect, it } from 'vitest';
import { escapeHtml, formatVisitTime, MESSAGE_KINDS, renderMessage, type MessageInput } from '~/mail/templates';

const visit = {
  uid: 'u-1@sto',
  sequence: 0,
  startsAt: Date.UTC(2019, 9, 27, 8, 0),
  endsAt: Date.UTC(2019, 9, 27, 11, 0),
  location: 'ROC <Friese> Poort & co',
  question: 'Hoe <script>alert(1)</script> borgen we\nde samenwerking?',
  regionName: 'Zuidoost Fryslân',
  registrationNumber: 'STO19042',
  supportTypeName: { nl: 'Critical friend', en: 'Critical friend' },
  supporterName: 'Anne "AJ" de Jong',
};
const request = {
  regionName: 'Zuidoost Fryslân',
  registrationNumber: 'STO19042',
  supportTypeName: { nl: 'Ondersteuning op een thema', en: 'Support on a theme' },
  question: 'Een <vraag>',
};
const STATUS = '{{status-link:4}}';
const moveQuestion = {
  kind: 'move' as const,
  reason: 'De <school> is dicht.',
  visit: { startsAt: visit.startsAt, endsAt: visit.endsAt },
  proposed: { startsAt: Date.UTC(2019, 10, 4, 8), endsAt: Date.UTC(2019, 10, 4, 11) },
};
const base = { audience: 'contact' as const, recipientName: 'Jan\r\nBcc: x', visit, link: 'http://localhost:3000' };

const inputs: Record<(typeof MESSAGE_KINDS)[number], MessageInput> = {
  'visit-invitation': { ...base, kind: 'visit-invitation' },
  'visit-update': { ...base, kind: 'visit-update' },
  'visit-cancellation': { ...base, kind: 'visit-cancellation', reason: 'Ziek <geworden>' },
  'visit-reminder': { ...base, kind: 'visit-reminder' },
  'request-received': { kind: 'request-received', recipientName: 'Jan', request, statusUrl: 'http://localhost:3000/aanvraag/tok?x=1&y=2' },
  'request-declined': { kind: 'request-declined', recipientName: 'Jan', request, reason: 'Buiten het programma & te laat', statusUrl: STATUS },
  'question-received': { kind: 'question-received', recipientName: 'Jan', request, question: moveQuestion, statusUrl: STATUS },
  'question-answered': {
    kind: 'question-answered',
    recipientName: 'Jan',
    request,
    question: moveQuestion,
    granted: false,
    answer: 'Die week <zijn> we vol.',
    statusUrl: STATUS,
  },
  'assignment-new': { kind: 'assignment-new', recipientName: 'Jan', request, link: 'http://localhost:3000/ondersteuner/aanvragen/4' },
  'assignment-ended': { kind: 'assignment-ended', recipientName: 'Jan', request, reason: '', link: 'http://localhost:3000/ondersteuner/aanvragen' },
};

describe('mail templates', () => {
  it.each(MESSAGE_KINDS.flatMap((kind) => (['nl', 'en'] as const).map((language) => [kind, language] as const)))(
    '%s in %s: a one-line subject, a text and an escaped HTML body',
    (kind, language) => {
      const message = renderMessage(inputs[kind], language);
      expect(message.subject).not.toMatch(/[\r\n]/);
      expect(message.subject.length).toBeGreaterThan(10);
      expect(message.text).toMatch(language === 'nl' ? /^Beste Jan/ : /^Dear Jan/);
      expect(message.html).toContain(`<html lang="${language}">`);
      expect(message.html).not.toMatch(/<script|<vraag>|<geworden>|<Friese>/);
      expect(message.text.endsWith('\n')).toBe(true);
    },
  );

  it('shows visit times in Europe/Amsterdam, formatted for the language', () => {
    expect(formatVisitTime(visit.startsAt, visit.endsAt, 'nl')).toBe('zondag 27 oktober 2019, 09:00–12:00');
    expect(formatVisitTime(visit.startsAt, visit.endsAt, 'en')).toBe('Sunday 27 October 2019, 09:00–12:00 (Amsterdam time)');
    expect(formatVisitTime(Date.UTC(2019, 2, 31, 7), Date.UTC(2019, 2, 31, 10), 'nl')).toBe('zondag 31 maart 2019, 09:00–12:00');
  });

  it('writes the invitation for a contact in Dutch with the details and the link', () => {
    const message = renderMessage(inputs['visit-invitation'], 'nl');
    expect(message.subject).toBe('Uitnodiging: Critical friend – Zuidoost Fryslân op 27 oktober 2019');
    expect(message.text).toContain('Anne "AJ" de Jong komt bij u langs');
    expect(message.text).toContain('Wanneer: zondag 27 oktober 2019, 09:00–12:00');
    expect(message.text).toContain('Vraag: Hoe <script>alert(1)</script> borgen we\n  de samenwerking?');
    expect(message.html).toContain('Hoe &lt;script&gt;alert(1)&lt;/script&gt; borgen we<br>de samenwerking?');
    expect(message.html).toContain('Anne &quot;AJ&quot; de Jong');
    expect(message.html).toContain('<a href="http://localhost:3000">Uw aanvraag volgen</a>');
    expect(message.text).toContain('Beste Jan Bcc: x,');
  });

  it('names the reason of a cancellation and of a declined request', () => {
    expect(renderMessage(inputs['visit-cancellation'], 'en').text).toContain('Reason: Ziek <geworden>');
    expect(renderMessage(inputs['visit-cancellation'], 'en').subject).toBe('Cancelled: Critical friend – Zuidoost Fryslân on 27 October 2019');
    const declined = renderMessage(inputs['request-declined'], 'nl');
    expect(declined.text).toContain('Reden: Buiten het programma & te laat');
    expect(declined.html).toContain('Buiten het programma &amp; te laat');
    expect(declined.subject).toBe('Uw aanvraag kan niet doorgaan: Ondersteuning op een thema');
  });

  it('gives the contact the private status link when a request is received', () => {
    const received = renderMessage(inputs['request-received'], 'en');
    expect(received.subject).toBe('We received your request: Support on a theme');
    expect(received.text).toContain('Follow your request: http://localhost:3000/aanvraag/tok?x=1&y=2');
    expect(received.html).toContain('<a href="http://localhost:3000/aanvraag/tok?x=1&amp;y=2">Follow your request</a>');
  });

  it('answers a region’s question with the decision, the team’s answer and the status link', () => {
    const refused = renderMessage(inputs['question-answered'], 'nl');
    expect(refused.subject).toBe('Vraag niet toegekend: verzetten van een bezoek (Zuidoost Fryslân)');
    expect(refused.text).toContain('Besluit: niet toegekend\nAntwoord van het team: Die week <zijn> we vol.');
    expect(refused.text).toContain('Uw vraag: Verzetten van een bezoek: De <school> is dicht.');
    expect(refused.text).toContain('Voorgestelde tijd: maandag 4 november 2019, 09:00–12:00');
    expect(refused.text).toContain('Uw aanvraag volgen: {{status-link:4}}');
    expect(refused.html).toContain('Die week &lt;zijn&gt; we vol.');
    const granted = renderMessage({ ...inputs['question-answered'], granted: true, answer: '' } as MessageInput, 'en');
    expect(granted.subject).toBe('Question granted: moving a visit (Zuidoost Fryslân)');
    expect(granted.text).toContain('the visit has been moved');
    expect(granted.text).not.toContain("The team's answer");
    expect(renderMessage(inputs['question-received'], 'en').subject).toBe('Question received: moving a visit (Zuidoost Fryslân)');
  });

  it('gives an assigned supporter the page where they answer the request', () => {
    const assigned = renderMessage(inputs['assignment-new'], 'nl');
    expect(assigned.subject).toBe('Nieuwe aanvraag voor u: Ondersteuning op een thema – Zuidoost Fryslân');
    expect(assigned.text).toContain('Aanvraag bekijken en beantwoorden: http://localhost:3000/ondersteuner/aanvragen/4');
    expect(renderMessage(inputs['assignment-ended'], 'en').subject).toBe('No longer your request: Support on a theme – Zuidoost Fryslân');
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
