/**
 * Theme meetings on a real SQLite file: signing up (confirmed or waiting), cancelling with
 * promotion, the team's edits and cancellation, attendance, and what lands in the outbox (each .ics
 * read back with ical.js).
 */
import { asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueDueMeetingReminders } from '~/mail/meeting-notify.server';
import { addSignupByHand, cancelSignup, findSignupIdByToken, signUp, SIGNUPS_PER_ADDRESS_PER_HOUR } from '~/services/meeting-signups.server';
import { cancelMeeting, recordAttendance, updateMeeting } from '~/services/meetings.server';
import type { Db } from '~db/client';
import { auditEvents, meetingSignups, meetings, outbox, visits } from '~db/schema';
import { createTestDb } from '../helpers/db';
import { ams, insertCoordinator, insertRegion } from '../helpers/fixtures';
import { expectWellFormedIcs, parseIcs } from '../helpers/ics';
import { meetingInput, publishedMeeting, SIGNUP_NOW, signUpInput } from '../helpers/meeting-fixtures';

const APP_URL = 'https://sto.example.nl';
const TEAM = 'ondersteuning@sto.example.nl';
const saved = { APP_URL: process.env.APP_URL, MAIL_FROM: process.env.MAIL_FROM };
beforeAll(() => {
  process.env.APP_URL = APP_URL;
  process.env.MAIL_FROM = `Ondersteuningsteam STO <${TEAM}>`;
});
afterAll(() => Object.assign(process.env, saved));

let db: Db;
let coordinatorId: number;
let zeeland: number;
let twente: number;

beforeEach(() => {
  const test = createTestDb();
  db = test.db;
  coordinatorId = insertCoordinator(db);
  zeeland = insertRegion(db, { name: 'Zeeland' });
  twente = insertRegion(db, { name: 'Twente' });
  return test.close;
});

const ip = (n = 1) => ({ now: SIGNUP_NOW, ip: `10.0.0.${n}` });
const meetingMail = () => db.select().from(outbox).where(like(outbox.idempotencyKey, 'meeting-%')).orderBy(asc(outbox.id)).all();
const signupRow = (id: number) => db.select().from(meetingSignups).where(eq(meetingSignups.id, id)).get()!;

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

describe('signing up', () => {
  it('confirms while there is room and sends an invitation with the attendee as ATTENDEE and the team as ORGANIZER', () => {
    const meetingId = publishedMeeting(db, coordinatorId);
    const result = ok(signUp(db, signUpInput(meetingId, zeeland, { name: 'Petra de Vries', email: 'Petra@Example.NL' }), ip()));
    expect(result).toMatchObject({ status: 'confirmed', position: null });
    expect(findSignupIdByToken(db, result.token)).toBe(result.signupId);
    const row = signupRow(result.signupId);
    expect(row.email).toBe('petra@example.nl');
    expect(row.tokenHash).not.toContain(result.token);

    const [mail] = meetingMail();
    expect(mail).toMatchObject({ kind: 'meeting-confirmed', toEmail: 'petra@example.nl', icsMethod: 'REQUEST', language: 'nl' });
    expect(mail!.text).toContain(`${APP_URL}/bijeenkomsten/aanmelding/${result.token}`);
    expectWellFormedIcs(mail!.ics!);
    const ics = parseIcs(mail!.ics!);
    const meeting = db.select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
    expect(ics.method).toBe('REQUEST');
    expect(ics.events).toHaveLength(1);
    expect(ics.events[0]).toMatchObject({
      uid: meeting.calendarUid,
      sequence: 0,
      status: 'CONFIRMED',
      startUtc: '2019-10-31T12:00:00.000Z',
      endUtc: '2019-10-31T16:00:00.000Z',
      startTzid: 'Europe/Amsterdam',
      location: 'Jaarbeurs, Jaarbeursplein 6, Utrecht',
      organizer: { value: `mailto:${TEAM}`, cn: 'Ondersteuningsteam STO' },
    });
    expect(ics.events[0]!.attendees.map((a) => ({ ...a, value: a.value.toLowerCase() }))).toEqual([
      expect.objectContaining({ value: 'mailto:petra@example.nl', cn: 'Petra de Vries', partstat: null, rsvp: 'FALSE' }),
    ]);
    const audit = db.select().from(auditEvents).where(eq(auditEvents.action, 'meeting.signed_up')).all();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain('petra');
  });

  it('puts people on the waiting list with their position once the meeting is full; no .ics and no online link for them', () => {
    const meetingId = publishedMeeting(db, coordinatorId, { capacity: 1, location: '', onlineUrl: 'https://meet.example.nl/geheim' });
    ok(signUp(db, signUpInput(meetingId, zeeland), ip()));
    const second = ok(signUp(db, signUpInput(meetingId, twente), ip()));
    const third = ok(signUp(db, signUpInput(meetingId, twente), ip()));
    expect([second.status, second.position, third.status, third.position]).toEqual(['waiting', 1, 'waiting', 2]);
    const [confirmedMail, waitingMail, thirdMail] = meetingMail();
    expect(confirmedMail!.ics).toContain('meet.example.nl/geheim');
    expect(confirmedMail!.text).toContain('https://meet.example.nl/geheim');
    for (const mail of [waitingMail!, thirdMail!]) {
      expect(mail.kind).toBe('meeting-waiting');
      expect(mail.ics).toBeNull();
      expect(mail.text + mail.html).not.toContain('geheim');
    }
    expect(thirdMail!.text).toContain('Plaats op de wachtlijst: 2');
  });

  it('keeps to the places per region: a third from the same region waits while there is room', () => {
    const meetingId = publishedMeeting(db, coordinatorId, { capacity: 10, placesPerRegion: 2 });
    const results = [1, 2, 3].map(() => ok(signUp(db, signUpInput(meetingId, zeeland), ip())));
    expect(results.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'waiting']);
    expect(ok(signUp(db, signUpInput(meetingId, twente), ip())).status).toBe('confirmed');
  });

  it('says so when the same e-mail signs up twice, and changes nothing', () => {
    const meetingId = publishedMeeting(db, coordinatorId);
    ok(signUp(db, signUpInput(meetingId, zeeland, { email: 'jan@example.nl' }), ip()));
    const before = { signups: db.select().from(meetingSignups).all().length, mail: meetingMail().length };
    const again = signUp(db, signUpInput(meetingId, twente, { email: ' JAN@example.nl ' }), ip());
    expect(again).toMatchObject({ ok: false, problem: 'refused', refusal: { code: 'already_signed_up' } });
    expect({ signups: db.select().from(meetingSignups).all().length, mail: meetingMail().length }).toEqual(before);
  });

  it('refuses after the deadline and for a cancelled meeting, and rate-limits one address', () => {
    const meetingId = publishedMeeting(db, coordinatorId);
    expect(signUp(db, signUpInput(meetingId, zeeland), { now: ams('2019-10-25T09:00'), ip: '10.0.0.9' })).toMatchObject({
      ok: false,
      refusal: { code: 'signup_deadline_passed' },
    });
    for (let i = 0; i < SIGNUPS_PER_ADDRESS_PER_HOUR; i++) ok(signUp(db, signUpInput(meetingId, zeeland), ip(7)));
    expect(signUp(db, signUpInput(meetingId, zeeland), ip(7))).toEqual({ ok: false, problem: 'rateLimited' });
    ok(cancelMeeting(db, meetingId, 'Te weinig aanmeldingen', { actorUserId: coordinatorId, now: SIGNUP_NOW }));
    expect(signUp(db, signUpInput(meetingId, zeeland), ip(8))).toMatchObject({ ok: false, refusal: { code: 'meeting_cancelled' } });
  });

  it('never touches the free support days', () => {
    const meetingId = publishedMeeting(db, coordinatorId);
    ok(signUp(db, signUpInput(meetingId, zeeland), ip()));
    expect(db.select().from(visits).all()).toEqual([]);
  });
});

describe('cancelling a sign-up', () => {
  it('frees the place: CANCEL to the one who leaves, the first in line promoted with the invitation, SEQUENCE up', () => {
    const meetingId = publishedMeeting(db, coordinatorId, { capacity: 2 });
    const first = ok(signUp(db, signUpInput(meetingId, zeeland, { name: 'Eerste' }), ip()));
    ok(signUp(db, signUpInput(meetingId, zeeland, { name: 'Tweede' }), ip()));
    const third = ok(signUp(db, signUpInput(meetingId, twente, { name: 'Derde', language: 'en' }), ip()));
    const fourth = ok(signUp(db, signUpInput(meetingId, twente, { name: 'Vierde' }), ip()));
    expect([third.status, fourth.status]).toEqual(['waiting', 'waiting']);

    const result = ok(cancelSignup(db, first.signupId, { now: SIGNUP_NOW + 60_000 }));
    expect(result).toEqual({ ok: true, wasConfirmed: true, promoted: [third.signupId] });
    expect(signupRow(first.signupId).status).toBe('cancelled');
    expect(signupRow(third.signupId).status).toBe('confirmed');
    expect(signupRow(fourth.signupId).status).toBe('waiting');

    const mails = meetingMail().slice(4);
    expect(mails.map((m) => [m.kind, m.toName, m.icsMethod])).toEqual([
      ['meeting-signup-cancelled', 'Eerste', 'CANCEL'],
      ['meeting-promoted', 'Derde', 'REQUEST'],
    ]);
    const uid = db.select().from(meetings).where(eq(meetings.id, meetingId)).get()!.calendarUid;
    const cancel = parseIcs(mails[0]!.ics!);
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.events[0]).toMatchObject({ uid, sequence: 1, status: 'CANCELLED' });
    const promoted = parseIcs(mails[1]!.ics!);
    expect(promoted.method).toBe('REQUEST');
    expect(promoted.events[0]).toMatchObject({ uid, sequence: 1, summary: 'STO theme meeting: Accounting for the grant' });
    expect(mails[1]!.subject).toBe('A place for you: Accounting for the grant');
    for (const m of mails) expectWellFormedIcs(m.ics!);

    expect(cancelSignup(db, first.signupId, { now: SIGNUP_NOW + 120_000 })).toMatchObject({ ok: false, refusal: { code: 'signup_already_cancelled' } });
  });

  it('leaving the waiting list promotes nobody and sends no .ics', () => {
    const meetingId = publishedMeeting(db, coordinatorId, { capacity: 1 });
    ok(signUp(db, signUpInput(meetingId, zeeland), ip()));
    const waiting = ok(signUp(db, signUpInput(meetingId, zeeland), ip()));
    expect(ok(cancelSignup(db, waiting.signupId, { now: SIGNUP_NOW }))).toEqual({ ok: true, wasConfirmed: false, promoted: [] });
    expect(meetingMail().at(-1)).toMatchObject({ kind: 'meeting-signup-cancelled', ics: null });
  });
});

describe('the team changes a meeting', () => {
  const actor = () => ({ actorUserId: coordinatorId, now: SIGNUP_NOW + 3600_000 });

  it('sends every confirmed attendee an update with the same UID and SEQUENCE up when the time moves; nothing to those waiting', () => {
    const meetingId = publishedMeeting(db, coordinatorId, { capacity: 2 });
    const a = ok(signUp(db, signUpInput(meetingId, zeeland), ip()));
    const b = ok(signUp(db, signUpInput(meetingId, twente), ip()));
    ok(signUp(db, signUpInput(meetingId, twente), ip()));
    const before = meetingMail().length;
    const moved = ok(updateMeeting(db, meetingId, meetingInput({ capacity: 2, startsAt: ams('2019-10-31T14:00'), endsAt: ams('2019-10-31T18:00') }), actor()));
    expect(moved.meeting.sequence).toBe(1);
    const updates = meetingMail().slice(before);
    expect(updates.map((m) => m.kind)).toEqual(['meeting-update', 'meeting-update']);
    expect(updates.map((m) => m.toEmail).sort()).toEqual([signupRow(a.signupId).email, signupRow(b.signupId).email].sort());
    for (const m of updates) {
      const ics = parseIcs(m.ics!);
      expect(ics.events[0]).toMatchObject({ uid: moved.meeting.calendarUid, sequence: 1, startUtc: '2019-10-31T13:00:00.000Z' });
    }
    // A new title alone moves no calendar.
    const count = meetingMail().length;
    ok(updateMeeting(db, meetingId, meetingInput({ capacity: 2, titleNl: 'Nieuwe titel', startsAt: ams('2019-10-31T14:00'), endsAt: ams('2019-10-31T18:00') }), actor()));
    expect(meetingMail().length).toBe(count);
  });

  it('promotes from the waiting list when places are added, and refuses fewer places than confirmed', () => {
    const meetingId = publishedMeeting(db, coordinatorId, { capacity: 1 });
    ok(signUp(db, signUpInput(meetingId, zeeland), ip()));
    const waiting = ok(signUp(db, signUpInput(meetingId, twente), ip()));
    ok(updateMeeting(db, meetingId, meetingInput({ capacity: 2 }), actor()));
    expect(signupRow(waiting.signupId).status).toBe('confirmed');
    expect(updateMeeting(db, meetingId, meetingInput({ capacity: 1 }), actor())).toMatchObject({ ok: false, refusal: { code: 'capacity_below_confirmed' } });
  });

  it('cancelling sends METHOD:CANCEL to those with a place and a message to those waiting', () => {
    const meetingId = publishedMeeting(db, coordinatorId, { capacity: 1 });
    ok(signUp(db, signUpInput(meetingId, zeeland), ip()));
    ok(signUp(db, signUpInput(meetingId, twente), ip()));
    const before = meetingMail().length;
    ok(cancelMeeting(db, meetingId, 'De zaal is niet beschikbaar', actor()));
    const mails = meetingMail().slice(before);
    expect(mails.map((m) => [m.kind, m.icsMethod])).toEqual([
      ['meeting-cancelled', 'CANCEL'],
      ['meeting-cancelled', null],
    ]);
    expect(mails[0]!.text).toContain('De zaal is niet beschikbaar');
    const ics = parseIcs(mails[0]!.ics!);
    expect(ics.events[0]).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect(cancelMeeting(db, meetingId, 'nog eens', actor())).toMatchObject({ ok: false, refusal: { code: 'meeting_cancelled' } });
  });

  it('adds someone by hand after the deadline, and records attendance once the meeting has started', () => {
    const meetingId = publishedMeeting(db, coordinatorId, { capacity: 3 });
    const late = { actorUserId: coordinatorId, now: ams('2019-10-28T10:00') };
    const added = ok(addSignupByHand(db, signUpInput(meetingId, zeeland), late));
    expect(added.status).toBe('confirmed');
    expect(signupRow(added.signupId).addedById).toBe(coordinatorId);
    const other = ok(addSignupByHand(db, signUpInput(meetingId, twente), late));
    expect(recordAttendance(db, meetingId, [{ signupId: added.signupId, attended: true }], late)).toMatchObject({
      ok: false,
      refusal: { code: 'meeting_not_started' },
    });
    const after = { actorUserId: coordinatorId, now: ams('2019-10-31T18:00') };
    expect(
      recordAttendance(
        db,
        meetingId,
        [
          { signupId: added.signupId, attended: true },
          { signupId: other.signupId, attended: false },
        ],
        after,
      ),
    ).toEqual({ ok: true, recorded: 2 });
    expect([signupRow(added.signupId).attended, signupRow(other.signupId).attended]).toEqual([true, false]);
  });
});

describe('reminders', () => {
  it('go to confirmed attendees two working days before, once, with the online link', () => {
    const meetingId = publishedMeeting(db, coordinatorId, { capacity: 1, location: '', onlineUrl: 'https://meet.example.nl/abc' });
    ok(signUp(db, signUpInput(meetingId, zeeland), ip()));
    ok(signUp(db, signUpInput(meetingId, twente), ip()));
    // Thursday 31 October: two working days before is Tuesday 29 October.
    expect(enqueueDueMeetingReminders(db, ams('2019-10-28T10:00'))).toBe(0);
    expect(enqueueDueMeetingReminders(db, ams('2019-10-29T07:00'))).toBe(1);
    expect(enqueueDueMeetingReminders(db, ams('2019-10-29T08:00'))).toBe(0);
    const reminder = meetingMail().at(-1)!;
    expect(reminder).toMatchObject({ kind: 'meeting-reminder', ics: null });
    expect(reminder.text).toContain('https://meet.example.nl/abc');
  });
});
