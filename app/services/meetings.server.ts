/**
 * The team's use cases for theme meetings: create (as a draft), edit, publish, cancel, record
 * attendance. One BEGIN IMMEDIATE transaction each, with the audit row and the outbox rows inside:
 * a change of time or place sends every confirmed attendee an update (same UID, SEQUENCE up),
 * cancelling sends METHOD:CANCEL to those with a place and a message to those waiting.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  checkMeetingInput,
  decideAttendance,
  decideCancelMeeting,
  decideEdit,
  decidePublish,
  type MeetingInput,
  type SignupStatus,
} from '~/domain/meetings';
import type { MeetingRefusal } from '~/domain/meeting-refusals';
import { enqueueMeetingMessages } from '~/mail/meeting-notify.server';
import type { Db } from '~db/client';
import { meetingSignups, meetings } from '~db/schema';
import { writeAudit, type Actor } from './common.server';
import { confirmedPerRegion, findMeeting, meetingFacts, promoteFromWaitingList, type MeetingRow } from './meeting-signups.server';

export type MeetingResult = { ok: true; meeting: MeetingRow } | { ok: false; problem: 'unknownMeeting' } | { ok: false; problem: 'refused'; refusal: MeetingRefusal };

const refused = (refusal: MeetingRefusal) => ({ ok: false as const, problem: 'refused' as const, refusal });
const unknown = { ok: false as const, problem: 'unknownMeeting' as const };

function values(input: MeetingInput) {
  return {
    titleNl: input.titleNl.trim(),
    titleEn: input.titleEn.trim(),
    descriptionNl: input.descriptionNl.trim(),
    descriptionEn: input.descriptionEn.trim(),
    theme: input.theme,
    audiences: input.audiences,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    location: input.location.trim(),
    onlineUrl: input.onlineUrl?.trim() || null,
    capacity: input.capacity,
    placesPerRegion: input.placesPerRegion,
    signupDeadline: input.signupDeadline,
    visibleFrom: input.visibleFrom,
  };
}

/** What the audit log keeps of a meeting (no attendee data). */
function audited(m: MeetingRow | ReturnType<typeof values>) {
  const { titleNl, theme, audiences, startsAt, endsAt, location, onlineUrl, capacity, placesPerRegion, signupDeadline, visibleFrom } = m;
  return { titleNl, theme, audiences, startsAt, endsAt, location, onlineUrl, capacity, placesPerRegion, signupDeadline, visibleFrom };
}

/** A new meeting, as a draft: nobody sees it until it is published. */
export function createMeeting(db: Db, input: MeetingInput, actor: Actor): MeetingResult {
  return db.transaction(
    (tx): MeetingResult => {
      const check = checkMeetingInput(input);
      if (!check.ok) return refused(check.refusal);
      const row = tx
        .insert(meetings)
        .values({
          ...values(input),
          status: 'draft',
          calendarUid: `meeting-${randomUUID()}@sto-ondersteuning`,
          sequence: 0,
          createdById: actor.actorUserId,
          createdAt: actor.now,
          updatedAt: actor.now,
        })
        .returning()
        .get();
      writeAudit(tx, actor, { action: 'meeting.created', entityType: 'meeting', entityId: row.id, regionId: null, after: audited(row) });
      return { ok: true, meeting: row };
    },
    { behavior: 'immediate' },
  );
}

export function updateMeeting(db: Db, meetingId: number, input: MeetingInput, actor: Actor): MeetingResult {
  return db.transaction(
    (tx): MeetingResult => {
      const current = findMeeting(tx, meetingId);
      if (!current) return unknown;
      const perRegion = confirmedPerRegion(tx, meetingId);
      const decision = decideEdit({ ...meetingFacts(current), location: current.location, onlineUrl: current.onlineUrl }, input, perRegion, actor.now);
      if (!decision.ok) return refused(decision.refusal);
      const next = values(input);
      const row = tx
        .update(meetings)
        .set({ ...next, sequence: decision.calendarChanged ? sql`${meetings.sequence} + 1` : current.sequence, updatedAt: actor.now })
        .where(eq(meetings.id, meetingId))
        .returning()
        .get();
      writeAudit(tx, actor, { action: 'meeting.updated', entityType: 'meeting', entityId: meetingId, regionId: null, before: audited(current), after: audited(row) });
      if (decision.calendarChanged) {
        const confirmed = tx
          .select({ id: meetingSignups.id })
          .from(meetingSignups)
          .where(and(eq(meetingSignups.meetingId, meetingId), eq(meetingSignups.status, 'confirmed')))
          .all();
        enqueueMeetingMessages(
          tx,
          confirmed.map((s) => ({ signupId: s.id, kind: 'meeting-update' as const, method: 'REQUEST' as const })),
          actor.now,
        );
      }
      // More places (or a larger share per region) may let people off the waiting list.
      promoteFromWaitingList(tx, row, actor);
      return { ok: true, meeting: row };
    },
    { behavior: 'immediate' },
  );
}

export function publishMeeting(db: Db, meetingId: number, actor: Actor): MeetingResult {
  return db.transaction(
    (tx): MeetingResult => {
      const current = findMeeting(tx, meetingId);
      if (!current) return unknown;
      const decision = decidePublish(meetingFacts(current), actor.now);
      if (!decision.ok) return refused(decision.refusal);
      const row = tx.update(meetings).set({ status: 'published', updatedAt: actor.now }).where(eq(meetings.id, meetingId)).returning().get();
      writeAudit(tx, actor, { action: 'meeting.published', entityType: 'meeting', entityId: meetingId, regionId: null, before: { status: current.status }, after: { status: 'published' } });
      return { ok: true, meeting: row };
    },
    { behavior: 'immediate' },
  );
}

/** Cancels the meeting: METHOD:CANCEL to everyone with a place, a message to everyone waiting. */
export function cancelMeeting(db: Db, meetingId: number, reason: string, actor: Actor): MeetingResult {
  return db.transaction(
    (tx): MeetingResult => {
      const current = findMeeting(tx, meetingId);
      if (!current) return unknown;
      const decision = decideCancelMeeting(meetingFacts(current), reason, actor.now);
      if (!decision.ok) return refused(decision.refusal);
      const row = tx
        .update(meetings)
        .set({ status: 'cancelled', cancelReason: reason.trim(), sequence: sql`${meetings.sequence} + 1`, updatedAt: actor.now })
        .where(eq(meetings.id, meetingId))
        .returning()
        .get();
      writeAudit(tx, actor, {
        action: 'meeting.cancelled',
        entityType: 'meeting',
        entityId: meetingId,
        regionId: null,
        before: { status: current.status },
        after: { status: 'cancelled' },
        reason: reason.trim(),
      });
      const live = tx
        .select({ id: meetingSignups.id, status: meetingSignups.status })
        .from(meetingSignups)
        .where(and(eq(meetingSignups.meetingId, meetingId), inArray(meetingSignups.status, ['confirmed', 'waiting'])))
        .all();
      enqueueMeetingMessages(
        tx,
        live.map((s) => ({
          signupId: s.id,
          kind: 'meeting-cancelled' as const,
          method: s.status === 'confirmed' ? ('CANCEL' as const) : null,
          reason: reason.trim(),
        })),
        actor.now,
      );
      return { ok: true, meeting: row };
    },
    { behavior: 'immediate' },
  );
}

export type AttendanceResult = { ok: true; recorded: number } | { ok: false; problem: 'unknownMeeting' } | { ok: false; problem: 'refused'; refusal: MeetingRefusal };

/** Records who came (true) and who did not (false) for confirmed attendees, all in one go. */
export function recordAttendance(db: Db, meetingId: number, attendance: ReadonlyArray<{ signupId: number; attended: boolean }>, actor: Actor): AttendanceResult {
  return db.transaction(
    (tx): AttendanceResult => {
      const meeting = findMeeting(tx, meetingId);
      if (!meeting) return unknown;
      const signups = new Map(
        tx
          .select({ id: meetingSignups.id, status: meetingSignups.status, attended: meetingSignups.attended, regionId: meetingSignups.regionId })
          .from(meetingSignups)
          .where(eq(meetingSignups.meetingId, meetingId))
          .all()
          .map((s) => [s.id, s]),
      );
      let recorded = 0;
      for (const entry of attendance) {
        const signup = signups.get(entry.signupId);
        if (!signup) continue;
        const decision = decideAttendance(meetingFacts(meeting), signup.status as SignupStatus, actor.now);
        if (!decision.ok) return refused(decision.refusal);
        if (signup.attended === entry.attended) continue;
        tx.update(meetingSignups).set({ attended: entry.attended, updatedAt: actor.now }).where(eq(meetingSignups.id, signup.id)).run();
        writeAudit(tx, actor, {
          action: 'meeting.attendance_recorded',
          entityType: 'meeting_signup',
          entityId: signup.id,
          regionId: signup.regionId,
          before: { attended: signup.attended },
          after: { meetingId, attended: entry.attended },
        });
        recorded += 1;
      }
      return { ok: true, recorded };
    },
    { behavior: 'immediate' },
  );
}
