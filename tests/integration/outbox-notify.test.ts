import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueRequestDeclined, enqueueRequestReceived, enqueueVisitChange, type VisitChange } from '~/mail/notify.server';
import { fillStatusLinks } from '~/mail/status-links.server';
import { assignSupporter, unassignSupporter } from '~/services/assignments.server';
import { askQuestion, findRequestIdByToken } from '~/services/requests.server';
import { answerQuestion, scheduleVisitForRequest } from '~/services/triage.server';
import { enqueueDueReminders } from '~/mail/reminders.server';
import type { Db } from '~db/client';
import { outbox, users, visits } from '~db/schema';
import { createTestDb } from '../helpers/db';
import { ams, bookingWorld } from '../helpers/fixtures';
import { expectWellFormedIcs, parseIcs } from '../helpers/ics';
import { changeVisit, insertVisit, seedVisitWorld, T0, type VisitWorld } from '../helpers/visit-fixtures';

const APP_URL = 'https://sto.example.nl';
const TEAM = 'ondersteuning@sto.example.nl';
const saved = { APP_URL: process.env.APP_URL, MAIL_FROM: process.env.MAIL_FROM };

beforeAll(() => {
  process.env.APP_URL = `${APP_URL}/`;
  process.env.MAIL_FROM = `Ondersteuningsteam STO <${TEAM}>`;
});
afterAll(() => Object.assign(process.env, saved));

let db: Db;
let close: () => void;
let world: VisitWorld;

beforeEach(() => {
  ({ db, close } = createTestDb());
  world = seedVisitWorld(db);
  return close;
});

/** 2019-10-28 (Monday) 09:00–12:00 Amsterdam. */
const MONDAY = { startsAt: Date.UTC(2019, 9, 28, 8), endsAt: Date.UTC(2019, 9, 28, 11) };

function announce(change: VisitChange, now: number) {
  db.transaction((tx) => enqueueVisitChange(tx, change, now), { behavior: 'immediate' });
}

/** The token of the first status link in a sent text. */
function statusTokenIn(text: string): string {
  const match = new RegExp(`${APP_URL}/aanvraag/([A-Za-z0-9_-]{20,})`).exec(text);
  if (!match?.[1]) throw new Error(`no status link in: ${text}`);
  return match[1];
}

function rows() {
  return db.select().from(outbox).orderBy(asc(outbox.id)).all();
}

describe('enqueueVisitChange', () => {
  it('invites the supporter and the contact, each in their own language, with a REQUEST .ics', () => {
    const visit = insertVisit(db, world, MONDAY);
    announce({ kind: 'scheduled', visitId: visit.id }, T0);

    const written = rows();
    expect(written.map((r) => [r.toEmail, r.language, r.kind, r.icsMethod, r.idempotencyKey])).toEqual([
      ['anne@ondersteuners.example', 'nl', 'visit-invitation', 'REQUEST', `visit-${visit.id}-seq-0-invitation-supporter-${world.supporterId}`],
      ['jan.devries@school.example', 'en', 'visit-invitation', 'REQUEST', `visit-${visit.id}-seq-0-invitation-contact`],
    ]);
    const [toSupporter, toContact] = written;
    expect(toSupporter).toMatchObject({ status: 'pending', attempts: 0, nextAttemptAt: T0, createdAt: T0, visitId: visit.id, requestId: world.requestId });
    expect(toSupporter?.subject).toBe('Uitnodiging: Critical friend – Zuidoost Fryslân op 28 oktober 2019');
    expect(toContact?.subject).toBe('Invitation: Critical friend – Zuidoost Fryslân on 28 October 2019');
    expect(toContact?.text).toContain('Anne de Jong will come and see you');
    expect(toContact?.html).toContain('Monday 28 October 2019, 09:00–12:00 (Amsterdam time)');

    for (const row of written) {
      expectWellFormedIcs(row.ics!);
      const ics = parseIcs(row.ics!);
      expect(ics.method).toBe('REQUEST');
      expect(ics.events[0]).toMatchObject({
        uid: visit.calendarUid,
        sequence: 0,
        status: 'CONFIRMED',
        startUtc: '2019-10-28T08:00:00.000Z',
        endUtc: '2019-10-28T11:00:00.000Z',
        location: 'Friesland College, Heerenveen',
        organizer: { value: `mailto:${TEAM}`, cn: 'Ondersteuningsteam STO' },
      });
      expect(ics.events[0]?.attendees).toEqual([
        expect.objectContaining({ value: expect.stringMatching(new RegExp(`^mailto:${row.toEmail}$`, 'i')), cn: row.toName, partstat: null, rsvp: 'FALSE' }),
      ]);
    }
    const [supporterEvent] = parseIcs(toSupporter!.ics!).events;
    const [contactEvent] = parseIcs(toContact!.ics!).events;
    expect(supporterEvent?.description).toContain(`${APP_URL}/ondersteuner/bezoeken/${visit.id}`);
    expect(supporterEvent?.description).toContain('Vraag van de regio:\nHow do we keep the partnership going after 2020?');
    expect(contactEvent?.description).toContain(`More information: {{status-link:${world.requestId}}}`);
    expect(contactEvent?.description).not.toContain('/ondersteuner/');
    // At send time the invite's URL and DESCRIPTION carry the contact's status page, folded anew.
    const sentIcs = fillStatusLinks(db, toContact!).ics!;
    expectWellFormedIcs(sentIcs);
    const sentEvent = parseIcs(sentIcs).events[0]!;
    const token = statusTokenIn(sentEvent.description ?? '');
    expect(findRequestIdByToken(db, token)).toBe(world.requestId);
    expect(sentEvent.url).toBe(`${APP_URL}/aanvraag/${token}`);
    expect(fillStatusLinks(db, toContact!).text).toContain(`Follow your request: ${APP_URL}/aanvraag/${token}`);
  });

  it('writes nothing twice when a change is announced again', () => {
    const visit = insertVisit(db, world, MONDAY);
    announce({ kind: 'scheduled', visitId: visit.id }, T0);
    announce({ kind: 'scheduled', visitId: visit.id }, T0 + 60_000);
    expect(rows()).toHaveLength(2);
  });

  it('writes nothing when the caller’s transaction rolls back', () => {
    const visit = insertVisit(db, world, MONDAY);
    expect(() =>
      db.transaction((tx) => {
        enqueueVisitChange(tx, { kind: 'scheduled', visitId: visit.id }, T0);
        throw new Error('booking refused after all');
      }),
    ).toThrow('booking refused');
    expect(rows()).toHaveLength(0);
  });

  it('invite, move, move to another supporter, cancel: one UID, SEQUENCE strictly rising, the right methods', () => {
    const visit = insertVisit(db, world, MONDAY);
    announce({ kind: 'scheduled', visitId: visit.id }, T0);

    changeVisit(db, visit.id, { startsAt: MONDAY.startsAt + 3_600_000, endsAt: MONDAY.endsAt + 3_600_000 });
    announce({ kind: 'moved', visitId: visit.id, previousSupporterId: null }, T0 + 1000);

    changeVisit(db, visit.id, { supporterId: world.otherSupporterId });
    announce({ kind: 'moved', visitId: visit.id, previousSupporterId: world.supporterId }, T0 + 2000);

    changeVisit(db, visit.id, { status: 'cancelled', cancelReason: 'De school is dicht.' });
    announce({ kind: 'cancelled', visitId: visit.id, reason: 'De school is dicht.' }, T0 + 3000);

    const written = rows();
    const summary = written.map((r) => {
      const ics = parseIcs(r.ics!);
      return [r.toEmail.split('@')[0], r.kind, ics.method, ics.events[0]?.sequence, ics.events[0]?.status];
    });
    expect(summary).toEqual([
      ['anne', 'visit-invitation', 'REQUEST', 0, 'CONFIRMED'],
      ['jan.devries', 'visit-invitation', 'REQUEST', 0, 'CONFIRMED'],
      ['anne', 'visit-update', 'REQUEST', 1, 'CONFIRMED'],
      ['jan.devries', 'visit-update', 'REQUEST', 1, 'CONFIRMED'],
      ['anne', 'visit-cancellation', 'CANCEL', 2, 'CANCELLED'],
      ['bob', 'visit-invitation', 'REQUEST', 2, 'CONFIRMED'],
      ['jan.devries', 'visit-update', 'REQUEST', 2, 'CONFIRMED'],
      ['bob', 'visit-cancellation', 'CANCEL', 3, 'CANCELLED'],
      ['jan.devries', 'visit-cancellation', 'CANCEL', 3, 'CANCELLED'],
    ]);
    expect(new Set(written.map((r) => parseIcs(r.ics!).events[0]?.uid))).toEqual(new Set([visit.calendarUid]));
    const contactSequences = written.filter((r) => r.toEmail.startsWith('jan')).map((r) => parseIcs(r.ics!).events[0]!.sequence);
    expect(contactSequences).toEqual([0, 1, 2, 3]);
    expect(new Set(written.map((r) => r.idempotencyKey)).size).toBe(written.length);

    const moved = parseIcs(written[2]!.ics!).events[0]!;
    expect(moved.startUtc).toBe('2019-10-28T09:00:00.000Z');
    const handedOver = written[4]!;
    expect(handedOver.icsMethod).toBe('CANCEL');
    expect(handedOver.text).toContain('Reden: Een andere ondersteuner neemt dit bezoek over.');
    const newSupporter = written[5]!;
    expect(newSupporter.language).toBe('en');
    expect(newSupporter.subject).toMatch(/^Invitation: /);
    const cancelled = written.slice(7);
    expect(cancelled.map((r) => r.text)).toEqual([
      expect.stringContaining('Reason: De school is dicht.'),
      expect.stringContaining('Reason: De school is dicht.'),
    ]);
    expect(parseIcs(cancelled[0]!.ics!).events[0]?.description).toMatch(/^De school is dicht\./);
  });
});

describe('request messages', () => {
  it('confirms a received request with the private status link, in the contact’s language', () => {
    db.transaction((tx) => enqueueRequestReceived(tx, world.requestId, T0));
    db.transaction((tx) => enqueueRequestReceived(tx, world.requestId, T0));
    const [row, ...rest] = rows();
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      kind: 'request-received',
      toEmail: 'jan.devries@school.example',
      toName: 'Jan de Vries',
      language: 'en',
      idempotencyKey: `request-${world.requestId}-received`,
      requestId: world.requestId,
      visitId: null,
      ics: null,
      icsMethod: null,
    });
    // Stored: a placeholder, never the token. Sent: the contact's own working status link.
    expect(row?.text).toContain(`Follow your request: {{status-link:${world.requestId}}}`);
    expect(row?.html).toContain(`href="{{status-link:${world.requestId}}}"`);
    const sent = fillStatusLinks(db, row!);
    const token = statusTokenIn(sent.text);
    expect(findRequestIdByToken(db, token)).toBe(world.requestId);
    expect(sent.html).toContain(`href="${APP_URL}/aanvraag/${token}"`);
    expect(JSON.stringify(rows())).not.toContain(token);
  });

  it('tells the contact a request was declined, with the reason', () => {
    db.transaction((tx) => enqueueRequestDeclined(tx, world.requestId, 'The region has had its two visits.', T0));
    const [row] = rows();
    expect(row).toMatchObject({ kind: 'request-declined', idempotencyKey: `request-${world.requestId}-declined`, ics: null });
    expect(row?.text).toContain('Reason: The region has had its two visits.');
    expect(row?.text).toContain(`Follow your request: {{status-link:${world.requestId}}}`);
  });
});

describe('enqueueDueReminders', () => {
  const FRIDAY_NOON = Date.UTC(2019, 9, 25, 10);
  const at = (day: number) => ({ startsAt: Date.UTC(2019, 9, day, 8), endsAt: Date.UTC(2019, 9, day, 11) });

  it('reminds supporter and contact once, two working days before (from Friday: Tuesday)', () => {
    const tuesday = insertVisit(db, world, at(29));
    const monday = insertVisit(db, world, at(28));
    const cancelledTuesday = insertVisit(db, world, { ...at(29), supporterId: world.otherSupporterId });
    db.update(visits).set({ status: 'cancelled' }).where(eq(visits.id, cancelledTuesday.id)).run();

    expect(enqueueDueReminders(db, FRIDAY_NOON)).toBe(2);
    expect(enqueueDueReminders(db, FRIDAY_NOON + 3_600_000)).toBe(0);
    expect(enqueueDueReminders(db, Date.UTC(2019, 9, 26, 10))).toBe(0); // Saturday: Tuesday again, already sent

    const written = rows();
    expect(written.map((r) => [r.visitId, r.kind, r.toEmail, r.icsMethod, r.idempotencyKey])).toEqual([
      [tuesday.id, 'visit-reminder', 'anne@ondersteuners.example', null, `visit-${tuesday.id}-seq-0-reminder-supporter-${world.supporterId}`],
      [tuesday.id, 'visit-reminder', 'jan.devries@school.example', null, `visit-${tuesday.id}-seq-0-reminder-contact`],
    ]);
    expect(written[0]?.subject).toBe('Herinnering: Critical friend – Zuidoost Fryslân op 29 oktober 2019');
    expect(written.some((r) => r.visitId === monday.id)).toBe(false);
  });

  it('skips public holidays: a visit on the Tuesday after Easter 2020 is reminded on the Wednesday before', () => {
    // Working days before Tuesday 14 April: Thursday 9, Wednesday 8 (Goede Vrijdag and Paasmaandag skipped).
    const tuesday = insertVisit(db, world, { startsAt: Date.UTC(2020, 3, 14, 7), endsAt: Date.UTC(2020, 3, 14, 10) });
    expect(enqueueDueReminders(db, Date.UTC(2020, 3, 7, 8))).toBe(0);
    expect(enqueueDueReminders(db, Date.UTC(2020, 3, 8, 8))).toBe(2);
    expect(enqueueDueReminders(db, Date.UTC(2020, 3, 9, 8))).toBe(0);
    expect(enqueueDueReminders(db, Date.UTC(2020, 3, 10, 8))).toBe(0); // Goede Vrijdag: already sent, not twice
    expect(rows().every((r) => r.visitId === tuesday.id && r.kind === 'visit-reminder')).toBe(true);
  });
});

describe('who is told what: questions and assignments (through the use cases)', () => {
  const NOW = ams('2019-09-01T12:00');
  let w: ReturnType<typeof bookingWorld>;
  beforeEach(() => {
    // A world of the booking fixtures instead of the visit world.
    close();
    const fresh = createTestDb();
    ({ db } = fresh);
    w = bookingWorld(db);
    return fresh.close;
  });
  const actor = () => ({ actorUserId: w.coordinatorId, now: NOW, requestId: w.dayRequestId });
  const since = (id: number) => rows().filter((r) => r.id > id);
  const lastId = () => rows().at(-1)?.id ?? 0;

  function book(): number {
    const result = scheduleVisitForRequest(db, { ...actor(), supporterId: w.anna, when: { startLocal: '2019-10-01T09:00', endLocal: '2019-10-01T12:00' } });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.visit.id;
  }
  function ask(input: Parameters<typeof askQuestion>[2]): number {
    const result = askQuestion(db, w.dayRequestId, input, NOW);
    if (!result.ok) throw new Error(result.problem);
    return result.questionId;
  }

  it('acknowledges a question to the contact, with the status link', () => {
    const visitId = book();
    const before = lastId();
    const q = ask({ kind: 'cancel', visitId, reason: 'De school is dicht.' });
    const [ack, ...rest] = since(before);
    expect(rest).toEqual([]);
    expect(ack).toMatchObject({ kind: 'question-received', toEmail: 'petra@example.nl', idempotencyKey: `question-${q}-received`, requestId: w.dayRequestId, ics: null });
    expect(ack?.subject).toBe('Vraag ontvangen: annuleren van een bezoek (Zeeland)');
    expect(ack?.text).toContain('Uw vraag: Annuleren van een bezoek: De school is dicht.');
    expect(ack?.text).toContain('Bezoek: dinsdag 1 oktober 2019, 09:00–12:00');
    expect(findRequestIdByToken(db, statusTokenIn(fillStatusLinks(db, ack!).text))).toBe(w.dayRequestId);
  });

  it('tells the contact a move was granted (old and proposed times) next to the updated invite', () => {
    const visitId = book();
    const q = ask({ kind: 'move', visitId, reason: 'Studiedag', proposedStartsAt: ams('2019-10-08T13:00'), proposedEndsAt: ams('2019-10-08T15:00') });
    const before = lastId();
    expect(answerQuestion(db, { ...actor(), questionId: q, grant: true, answer: 'Prima, tot dan.' })).toEqual({ ok: true });
    const written = since(before);
    expect(written.map((r) => [r.kind, r.toEmail.split('@')[0]])).toEqual([
      ['visit-update', expect.stringMatching(/^user/)],
      ['visit-update', 'petra'],
      ['question-answered', 'petra'],
    ]);
    const answered = written[2]!;
    expect(answered.idempotencyKey).toBe(`question-${q}-answered`);
    expect(answered.subject).toBe('Vraag toegekend: verzetten van een bezoek (Zeeland)');
    expect(answered.text).toContain('Besluit: toegekend\nAntwoord van het team: Prima, tot dan.');
    expect(answered.text).toContain('Bezoek: dinsdag 1 oktober 2019, 09:00–12:00');
    expect(answered.text).toContain('Voorgestelde tijd: dinsdag 8 oktober 2019, 13:00–15:00');
    expect(answered.text).toContain(`Uw aanvraag volgen: {{status-link:${w.dayRequestId}}}`);
  });

  it('tells the contact a question was refused, with the team’s answer, and nothing else', () => {
    const q = ask({ kind: 'withdraw', reason: 'Geen tijd meer.' });
    const before = lastId();
    expect(answerQuestion(db, { ...actor(), questionId: q, grant: false, answer: 'Laten we eerst bellen.' })).toEqual({ ok: true });
    const written = since(before);
    expect(written.map((r) => r.kind)).toEqual(['question-answered']);
    expect(written[0]?.subject).toBe('Vraag niet toegekend: intrekken van de aanvraag (Zeeland)');
    expect(written[0]?.text).toContain('Besluit: niet toegekend\nAntwoord van het team: Laten we eerst bellen.');
  });

  it('writes no answer when the answer is refused by the rules (nothing changes)', () => {
    const q = ask({ kind: 'withdraw', reason: 'Geen tijd meer.' });
    const before = lastId();
    expect(answerQuestion(db, { ...actor(), questionId: q, grant: false, answer: '  ' })).toMatchObject({ ok: false });
    expect(since(before)).toEqual([]);
  });

  it('mails a supporter when assigned (with the page to answer) and when taken off, also on a reassignment', () => {
    const before = lastId();
    expect(assignSupporter(db, { ...actor(), supporterId: w.anna })).toMatchObject({ ok: true, changed: true });
    expect(assignSupporter(db, { ...actor(), supporterId: w.anna })).toMatchObject({ ok: true, changed: false });
    expect(assignSupporter(db, { ...actor(), supporterId: w.bram })).toMatchObject({ ok: true, changed: true });
    expect(unassignSupporter(db, { ...actor() })).toMatchObject({ ok: true, changed: true });
    expect(assignSupporter(db, { ...actor(), supporterId: w.anna })).toMatchObject({ ok: true, changed: true });
    const written = since(before);
    const name = (email: string) => db.select({ name: users.name }).from(users).where(eq(users.email, email)).get()?.name;
    expect(written.map((r) => [r.kind, name(r.toEmail)])).toEqual([
      ['assignment-new', 'Anna Adviseur'],
      ['assignment-ended', 'Anna Adviseur'],
      ['assignment-new', 'Bram Begeleider'],
      ['assignment-ended', 'Bram Begeleider'],
      ['assignment-new', 'Anna Adviseur'],
    ]);
    expect(new Set(written.map((r) => r.idempotencyKey)).size).toBe(5);
    expect(written[0]?.text).toContain(`Aanvraag bekijken en beantwoorden: ${APP_URL}/ondersteuner/aanvragen/${w.dayRequestId}`);
    expect(written[1]?.subject).toMatch(/^Niet langer uw aanvraag: /);
  });
});
