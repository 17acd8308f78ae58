/**
 * Signing up for a theme meeting and giving the place up. Each use case runs one BEGIN IMMEDIATE
 * transaction: it reads the facts (places taken in the meeting and the region, the waiting list),
 * asks the domain, writes the sign-up, the audit row and the outbox rows together. Refusals are
 * returned, never thrown. Meetings never touch a region's free support days.
 */
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { hashToken, newToken } from '~/auth/tokens.server';
import {
  decideCancelSignup,
  decideSignUp,
  pickPromotions,
  type MeetingFacts,
  type QueuedSignup,
  type SignupRole,
  type SignupStatus,
} from '~/domain/meetings';
import type { MeetingRefusal } from '~/domain/meeting-refusals';
import { enqueueMeetingMessages, type MeetingMessage } from '~/mail/meeting-notify.server';
import type { Db, Queryable, Tx } from '~db/client';
import { meetingSignups, meetings, regions, type Language } from '~db/schema';
import { writeAudit, type Actor } from './common.server';
import { tryConsume, type Bucket } from './rate-limit.server';

const HOUR = 60 * 60 * 1000;
export const SIGNUPS_PER_ADDRESS_PER_HOUR = 10;
export const SIGNUPS_PER_MEETING_PER_HOUR = 200;

export type MeetingRow = typeof meetings.$inferSelect;

export type SignUpInput = {
  meetingId: number;
  regionId: number;
  name: string;
  email: string;
  role: SignupRole;
  language: Language;
};

export type SignUpResult =
  | { ok: true; signupId: number; token: string; status: 'confirmed' | 'waiting'; position: number | null }
  | { ok: false; problem: 'rateLimited' | 'unknownRegion' | 'unknownMeeting' }
  | { ok: false; problem: 'refused'; refusal: MeetingRefusal };

export function meetingFacts(row: MeetingRow, language: Language = 'nl'): MeetingFacts {
  return {
    title: language === 'en' ? row.titleEn.trim() || row.titleNl : row.titleNl,
    status: row.status,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    capacity: row.capacity,
    placesPerRegion: row.placesPerRegion,
    signupDeadline: row.signupDeadline,
    visibleFrom: row.visibleFrom,
  };
}

export function findMeeting(q: Queryable, meetingId: number): MeetingRow | undefined {
  return q.select().from(meetings).where(eq(meetings.id, meetingId)).get();
}

/** Confirmed places per region (meeting_signups_meeting_status_idx). */
export function confirmedPerRegion(q: Queryable, meetingId: number): Map<number, number> {
  const rows = q
    .select({ regionId: meetingSignups.regionId, n: count() })
    .from(meetingSignups)
    .where(and(eq(meetingSignups.meetingId, meetingId), eq(meetingSignups.status, 'confirmed')))
    .groupBy(meetingSignups.regionId)
    .all();
  return new Map(rows.map((r) => [r.regionId, r.n]));
}

export function waitingList(q: Queryable, meetingId: number): QueuedSignup[] {
  return q
    .select({ id: meetingSignups.id, regionId: meetingSignups.regionId, queuedAt: meetingSignups.queuedAt })
    .from(meetingSignups)
    .where(and(eq(meetingSignups.meetingId, meetingId), eq(meetingSignups.status, 'waiting')))
    .orderBy(meetingSignups.queuedAt, meetingSignups.id)
    .all();
}

function hasLiveSignup(q: Queryable, meetingId: number, email: string): boolean {
  const row = q
    .select({ id: meetingSignups.id })
    .from(meetingSignups)
    .where(
      and(eq(meetingSignups.meetingId, meetingId), eq(meetingSignups.email, email), inArray(meetingSignups.status, ['confirmed', 'waiting'])),
    )
    .get();
  return Boolean(row);
}

type SignUpOptions = { now: number } & ({ by: 'public'; ip: string } | { by: 'team'; actorUserId: number });

function signUpIn(tx: Tx, input: SignUpInput, options: SignUpOptions): SignUpResult {
  const { now } = options;
  const meeting = findMeeting(tx, input.meetingId);
  if (!meeting) return { ok: false, problem: 'unknownMeeting' };
  const region = tx.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.id, input.regionId)).get();
  if (!region) return { ok: false, problem: 'unknownRegion' };
  const email = input.email.trim().toLowerCase();
  const perRegion = confirmedPerRegion(tx, meeting.id);
  const waiting = waitingList(tx, meeting.id);
  const decision = decideSignUp(
    {
      meeting: meetingFacts(meeting, input.language),
      regionName: region.name,
      confirmed: [...perRegion.values()].reduce((a, b) => a + b, 0),
      confirmedInRegion: perRegion.get(region.id) ?? 0,
      waiting: waiting.length,
      duplicate: hasLiveSignup(tx, meeting.id, email),
      byTeam: options.by === 'team',
    },
    now,
  );
  if (!decision.ok) return { ok: false, problem: 'refused', refusal: decision.refusal };

  if (options.by === 'public') {
    const buckets: Bucket[] = [
      { bucket: 'meeting:address', key: options.ip, limit: SIGNUPS_PER_ADDRESS_PER_HOUR, windowMs: HOUR },
      { bucket: 'meeting:meeting', key: String(meeting.id), limit: SIGNUPS_PER_MEETING_PER_HOUR, windowMs: HOUR },
    ];
    if (!tryConsume(tx, buckets, now)) return { ok: false, problem: 'rateLimited' };
  }

  const token = newToken();
  const status = decision.placement;
  const signup = tx
    .insert(meetingSignups)
    .values({
      meetingId: meeting.id,
      regionId: region.id,
      name: input.name.trim(),
      email,
      role: input.role,
      language: input.language,
      status,
      queuedAt: now,
      tokenHash: hashToken(token),
      consentAt: options.by === 'public' ? now : null,
      addedById: options.by === 'team' ? options.actorUserId : null,
      confirmedAt: status === 'confirmed' ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: meetingSignups.id })
    .get();
  const position = decision.placement === 'waiting' ? decision.position : null;
  writeAudit(tx, { actorUserId: options.by === 'team' ? options.actorUserId : null, now }, {
    action: options.by === 'team' ? 'meeting.signup_added' : 'meeting.signed_up',
    entityType: 'meeting_signup',
    entityId: signup.id,
    regionId: region.id,
    after: { meetingId: meeting.id, status, role: input.role, position },
  });
  const message: MeetingMessage =
    status === 'confirmed'
      ? { signupId: signup.id, kind: 'meeting-confirmed', method: 'REQUEST', token }
      : { signupId: signup.id, kind: 'meeting-waiting', method: null, token, position: position ?? undefined };
  enqueueMeetingMessages(tx, [message], now);
  return { ok: true, signupId: signup.id, token, status, position };
}

/**
 * Someone signs up through the public form (rate-limited per address and per meeting): confirmed
 * while there is room in the meeting and in their region's share, else on the waiting list.
 */
export function signUp(db: Db, input: SignUpInput, { now, ip }: { now: number; ip: string }): SignUpResult {
  return db.transaction((tx) => signUpIn(tx, input, { by: 'public', ip, now }), { behavior: 'immediate' });
}

/** A coordinator adds someone by hand: the same places and queue, but also after the deadline or before publishing. */
export function addSignupByHand(db: Db, input: SignUpInput, actor: Actor & { actorUserId: number }): SignUpResult {
  return db.transaction((tx) => signUpIn(tx, input, { by: 'team', actorUserId: actor.actorUserId, now: actor.now }), { behavior: 'immediate' });
}

/**
 * Inside the caller's transaction: gives free places to the waiting list in queue order (passing
 * over those whose region's share is full), each with an audit row and the invitation.
 */
export function promoteFromWaitingList(tx: Tx, meeting: MeetingRow, actor: Actor): number[] {
  const promoted = pickPromotions(meeting, confirmedPerRegion(tx, meeting.id), waitingList(tx, meeting.id), actor.now);
  if (promoted.length === 0) return [];
  const rows = tx
    .update(meetingSignups)
    .set({ status: 'confirmed', confirmedAt: actor.now, updatedAt: actor.now })
    .where(and(inArray(meetingSignups.id, promoted), eq(meetingSignups.status, 'waiting')))
    .returning({ id: meetingSignups.id, regionId: meetingSignups.regionId })
    .all();
  for (const row of rows) {
    writeAudit(tx, actor, {
      action: 'meeting.signup_promoted',
      entityType: 'meeting_signup',
      entityId: row.id,
      regionId: row.regionId,
      before: { status: 'waiting' },
      after: { meetingId: meeting.id, status: 'confirmed' },
    });
  }
  enqueueMeetingMessages(
    tx,
    promoted.map((signupId) => ({ signupId, kind: 'meeting-promoted' as const, method: 'REQUEST' as const })),
    actor.now,
  );
  return promoted;
}

export type CancelSignupResult =
  | { ok: true; wasConfirmed: boolean; promoted: number[] }
  | { ok: false; problem: 'unknownSignup' }
  | { ok: false; problem: 'refused'; refusal: MeetingRefusal };

/**
 * The attendee gives up their place or leaves the waiting list (through their private link). A
 * freed place goes to the first in line, who is told with the invitation; the one who cancelled
 * gets METHOD:CANCEL (SEQUENCE raised) when they had a place.
 */
export function cancelSignup(db: Db, signupId: number, { now }: { now: number }): CancelSignupResult {
  return db.transaction(
    (tx): CancelSignupResult => {
      const signup = tx
        .select({ id: meetingSignups.id, meetingId: meetingSignups.meetingId, regionId: meetingSignups.regionId, status: meetingSignups.status, language: meetingSignups.language })
        .from(meetingSignups)
        .where(eq(meetingSignups.id, signupId))
        .get();
      if (!signup) return { ok: false, problem: 'unknownSignup' };
      const meeting = findMeeting(tx, signup.meetingId);
      if (!meeting) return { ok: false, problem: 'unknownSignup' };
      const decision = decideCancelSignup(meetingFacts(meeting, signup.language), signup.status as SignupStatus, now);
      if (!decision.ok) return { ok: false, problem: 'refused', refusal: decision.refusal };

      const actor: Actor = { actorUserId: null, now };
      const wasConfirmed = signup.status === 'confirmed';
      tx.update(meetingSignups).set({ status: 'cancelled', cancelledAt: now, updatedAt: now }).where(eq(meetingSignups.id, signup.id)).run();
      if (wasConfirmed) {
        tx.update(meetings).set({ sequence: sql`${meetings.sequence} + 1`, updatedAt: now }).where(eq(meetings.id, meeting.id)).run();
      }
      writeAudit(tx, actor, {
        action: 'meeting.signup_cancelled',
        entityType: 'meeting_signup',
        entityId: signup.id,
        regionId: signup.regionId,
        before: { status: signup.status },
        after: { meetingId: meeting.id, status: 'cancelled' },
      });
      enqueueMeetingMessages(tx, [{ signupId: signup.id, kind: 'meeting-signup-cancelled', method: wasConfirmed ? 'CANCEL' : null }], now);
      const promoted = wasConfirmed ? promoteFromWaitingList(tx, meeting, actor) : [];
      return { ok: true, wasConfirmed, promoted };
    },
    { behavior: 'immediate' },
  );
}

/** The sign-up behind a private link, or null (unknown or malformed token). */
export function findSignupIdByToken(q: Queryable, token: string): number | null {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = q.select({ id: meetingSignups.id }).from(meetingSignups).where(eq(meetingSignups.tokenHash, hashToken(token))).get();
  return row?.id ?? null;
}
