/**
 * The outbox rows for theme meetings. Runs INSIDE the caller's transaction and only writes rows
 * (delivery happens after commit, app/mail/deliver.server.ts), with deterministic idempotency keys:
 * "meeting-4-seq-2-update-signup-17". Confirmed attendees get an .ics: METHOD:REQUEST with the
 * meeting's stored UID and current SEQUENCE, themselves as the only ATTENDEE and the team (the
 * sender) as ORGANIZER; a cancellation carries METHOD:CANCEL. The online link only ever goes to
 * someone with a place.
 */
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import { buildInvite, type InviteMethod } from '~/calendar/ics';
import { meetingCalendarEvent } from '~/calendar/meeting-event';
import type { Db, Queryable } from '~db/client';
import { meetingSignups, meetings, regions, type Language } from '~db/schema';
import { getMailConfig, type MailConfig } from './mail-config.server';
import { renderMeetingMessage, type MeetingMessageKind } from './meeting-messages';
import { insertOutboxRows, type NewOutboxRow } from './outbox.server';
import { workingDaysAhead } from './working-days';

export interface MeetingMessage {
  signupId: number;
  kind: MeetingMessageKind;
  /** The .ics to attach, or null for none. */
  method: InviteMethod | null;
  /** The private token, known only in the transaction that made it (sign-up). */
  token?: string;
  position?: number;
  reason?: string;
}

export function meetingSignupUrl(config: MailConfig, token: string): string {
  return `${config.appUrl}/bijeenkomsten/aanmelding/${encodeURIComponent(token)}`;
}

export function meetingPageUrl(config: MailConfig, meetingId: number): string {
  return `${config.appUrl}/bijeenkomsten/${meetingId}`;
}

const recordColumns = {
  signupId: meetingSignups.id,
  name: meetingSignups.name,
  email: meetingSignups.email,
  language: meetingSignups.language,
  status: meetingSignups.status,
  regionName: regions.name,
  meetingId: meetings.id,
  uid: meetings.calendarUid,
  sequence: meetings.sequence,
  titleNl: meetings.titleNl,
  titleEn: meetings.titleEn,
  descriptionNl: meetings.descriptionNl,
  descriptionEn: meetings.descriptionEn,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  location: meetings.location,
  onlineUrl: meetings.onlineUrl,
};

type SignupRecord = {
  signupId: number;
  name: string;
  email: string;
  language: Language;
  status: string;
  regionName: string;
  meetingId: number;
  uid: string;
  sequence: number;
  titleNl: string;
  titleEn: string;
  descriptionNl: string;
  descriptionEn: string;
  startsAt: number;
  endsAt: number;
  location: string;
  onlineUrl: string | null;
};

function signupRecords(q: Queryable, signupIds: number[]): Map<number, SignupRecord> {
  if (signupIds.length === 0) return new Map();
  const rows = q
    .select(recordColumns)
    .from(meetingSignups)
    .innerJoin(meetings, eq(meetings.id, meetingSignups.meetingId))
    .innerJoin(regions, eq(regions.id, meetingSignups.regionId))
    .where(inArray(meetingSignups.id, signupIds))
    .all();
  return new Map(rows.map((r) => [r.signupId, r]));
}

/** The meeting's title and description in the reader's language (English falls back to Dutch). */
export function meetingTexts(m: { titleNl: string; titleEn: string; descriptionNl: string; descriptionEn: string }, language: Language) {
  return language === 'en'
    ? { title: m.titleEn.trim() || m.titleNl, description: m.descriptionEn.trim() || m.descriptionNl }
    : { title: m.titleNl, description: m.descriptionNl };
}

/**
 * "meeting-4-seq-2-update-signup-17". A reminder is keyed by the start instead of the SEQUENCE: an
 * attendee cancelling raises the SEQUENCE, and that must not remind everyone else a second time.
 */
export function meetingMessageKey(record: { meetingId: number; sequence: number; startsAt: number; signupId: number }, kind: MeetingMessageKind): string {
  const version = kind === 'meeting-reminder' ? `start-${record.startsAt}` : `seq-${record.sequence}`;
  return `meeting-${record.meetingId}-${version}-${kind.replace(/^meeting-/, '')}-signup-${record.signupId}`;
}

function messageRow(record: SignupRecord, message: MeetingMessage, config: MailConfig, now: number): NewOutboxRow {
  const language = record.language;
  const { title, description } = meetingTexts(record, language);
  // The link is for whoever has (or had) a place and gets an invitation or an update.
  const withLink = message.method === 'REQUEST' || message.kind === 'meeting-reminder';
  const onlineUrl = withLink ? record.onlineUrl : null;
  const link = message.token ? meetingSignupUrl(config, message.token) : meetingPageUrl(config, record.meetingId);
  const rendered = renderMeetingMessage(
    {
      kind: message.kind,
      recipientName: record.name,
      meeting: { title, startsAt: record.startsAt, endsAt: record.endsAt, location: record.location, onlineUrl, regionName: record.regionName },
      link,
      personalLink: Boolean(message.token),
      position: message.position,
      hadPlace: message.method === 'CANCEL',
      reason: message.reason,
    },
    language,
  );
  const ics =
    message.method &&
    buildInvite({
      ...meetingCalendarEvent(
        { uid: record.uid, sequence: record.sequence, startsAt: record.startsAt, endsAt: record.endsAt, title, description, location: record.location, onlineUrl },
        language,
        link,
        message.reason,
      ),
      method: message.method,
      organizer: config.organizer,
      attendee: { name: record.name, email: record.email },
      dtstamp: now,
    });
  return {
    idempotencyKey: meetingMessageKey(record, message.kind),
    kind: message.kind,
    toEmail: record.email,
    toName: record.name,
    language,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    ics: ics || null,
    icsMethod: message.method,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  };
}

/** Writes the messages (after the caller has written the change and raised SEQUENCE where needed). */
export function enqueueMeetingMessages(tx: Queryable, messages: MeetingMessage[], now: number): number {
  if (messages.length === 0) return 0;
  const config = getMailConfig();
  const records = signupRecords(
    tx,
    messages.map((m) => m.signupId),
  );
  const rows = messages.map((message) => {
    const record = records.get(message.signupId);
    if (!record) throw new Error(`meeting sign-up ${message.signupId} not found`);
    return messageRow(record, message, config, now);
  });
  return insertOutboxRows(tx, rows);
}

/**
 * Reminders two working days before a published meeting, to everyone with a place. Runs with the
 * visit reminders (hourly, from the delivery job); the idempotency key makes each go out once per
 * SEQUENCE.
 */
export function enqueueDueMeetingReminders(db: Db, now: number): number {
  const { from, until } = workingDaysAhead(now);
  return db.transaction(
    (tx) => {
      const due = tx
        .select({ id: meetingSignups.id })
        .from(meetingSignups)
        .innerJoin(meetings, eq(meetings.id, meetingSignups.meetingId))
        .where(
          and(
            eq(meetings.status, 'published'),
            gte(meetings.startsAt, from),
            lt(meetings.startsAt, until),
            eq(meetingSignups.status, 'confirmed'),
          ),
        )
        .all();
      return enqueueMeetingMessages(
        tx,
        due.map((s) => ({ signupId: s.id, kind: 'meeting-reminder' as const, method: null })),
        now,
      );
    },
    { behavior: 'immediate' },
  );
}
