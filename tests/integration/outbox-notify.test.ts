import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueRequestDeclined, enqueueRequestReceived, enqueueVisitChange, type VisitChange } from '~/mail/notify.server';
import { enqueueDueReminders } from '~/mail/reminders.server';
import type { Db } from '~db/client';
import { outbox, visits } from '~db/schema';
import { createTestDb } from '../helpers/db';
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
        expect.objectContaining({ value: expect.stringMatching(new RegExp(`^mailto:${row.toEmail}$`, 'i')), cn: row.toName, rsvp: 'TRUE' }),
      ]);
    }
    const [supporterEvent] = parseIcs(toSupporter!.ics!).events;
    const [contactEvent] = parseIcs(toContact!.ics!).events;
    expect(supporterEvent?.description).toContain(`${APP_URL}/ondersteuner/bezoeken/${visit.id}`);
    expect(supporterEvent?.description).toContain('Vraag van de regio:\nHow do we keep the partnership going after 2020?');
    expect(contactEvent?.description).toContain(`More information: ${APP_URL}`);
    expect(contactEvent?.description).not.toContain('/ondersteuner/');
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
    db.transaction((tx) => enqueueRequestReceived(tx, world.requestId, 'secret-token_123', T0));
    db.transaction((tx) => enqueueRequestReceived(tx, world.requestId, 'secret-token_123', T0));
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
    expect(row?.text).toContain(`${APP_URL}/aanvraag/secret-token_123`);
    expect(row?.html).toContain(`href="${APP_URL}/aanvraag/secret-token_123"`);
  });

  it('tells the contact a request was declined, with the reason', () => {
    db.transaction((tx) => enqueueRequestDeclined(tx, world.requestId, 'The region has had its two visits.', T0));
    const [row] = rows();
    expect(row).toMatchObject({ kind: 'request-declined', idempotencyKey: `request-${world.requestId}-declined`, ics: null });
    expect(row?.text).toContain('Reason: The region has had its two visits.');
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
