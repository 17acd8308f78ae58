/**
 * Themabijeenkomsten (theme meetings): the lists the forms need and the rules as plain functions.
 * Each rule is handed `now` and the facts the service read inside its transaction and returns a
 * decision: allowed (with what follows from it), or a refusal with its reason code
 * (meeting-refusals.ts). No I/O, no clock, no database; safe to import in the browser.
 */
import { meetingRefusal, type MeetingRefusal } from './meeting-refusals';
import { THEMES } from './themes';

export const MEETING_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** confirmed: has a place; waiting: on the waiting list; cancelled: gave the place up (or the meeting was cancelled). */
export const SIGNUP_STATUSES = ['confirmed', 'waiting', 'cancelled'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

export const MEETING_AUDIENCES = ['projectleider', 'penvoerder', 'docent', 'controller', 'bestuurder'] as const;
export type MeetingAudience = (typeof MEETING_AUDIENCES)[number];

/** The role someone signs up with: one of the audiences, or something else. */
export const SIGNUP_ROLES = [...MEETING_AUDIENCES, 'other'] as const;
export type SignupRole = (typeof SIGNUP_ROLES)[number];

/** Support themes a meeting can be about, besides the speerpunten. */
const SUPPORT_THEMES = [
  { key: 'samenwerking', nl: 'Samenwerking in de regio', en: 'Cooperation in the region' },
  { key: 'docenten_uitvoering', nl: 'Docenten brengen het plan in praktijk', en: 'Teachers putting the plan into practice' },
  { key: 'herschrijven', nl: 'Herschrijven van het plan', en: 'Rewriting the plan' },
  { key: 'verantwoording', nl: 'Verantwoording van de subsidie', en: 'Accountability for the grant' },
] as const;

/** Every theme a meeting can have: the support themes first, then the ten speerpunten. */
export const MEETING_THEMES: ReadonlyArray<{ key: string; nl: string; en: string }> = [...SUPPORT_THEMES, ...THEMES];
export const MEETING_THEME_KEYS = MEETING_THEMES.map((t) => t.key) as [string, ...string[]];

export function meetingThemeLabel(key: string, lang: 'nl' | 'en'): string {
  return MEETING_THEMES.find((t) => t.key === key)?.[lang] ?? key;
}

// ---------------------------------------------------------------------------------------------
// Facts

export type MeetingFacts = {
  title: string;
  status: MeetingStatus;
  startsAt: number;
  endsAt: number;
  capacity: number;
  placesPerRegion: number | null;
  signupDeadline: number;
  visibleFrom: number;
};

/** A sign-up as the queue sees it. */
export type QueuedSignup = { id: number; regionId: number; queuedAt: number };

export type SignUpFacts = {
  meeting: MeetingFacts;
  regionName: string;
  /** Confirmed sign-ups of the whole meeting, and of this region. */
  confirmed: number;
  confirmedInRegion: number;
  /** Sign-ups on the waiting list now (the new one would come after them). */
  waiting: number;
  /** A live (confirmed or waiting) sign-up with the same e-mail for this meeting exists. */
  duplicate: boolean;
  /** A coordinator adds someone by hand: the deadline and visibility don't apply. */
  byTeam: boolean;
};

export type SignUpDecision =
  | { ok: true; placement: 'confirmed' }
  | { ok: true; placement: 'waiting'; position: number; reason: 'full' | 'region_full' }
  | { ok: false; refusal: MeetingRefusal };

const refuse = (r: MeetingRefusal) => ({ ok: false as const, refusal: r });

/** Whether a meeting can be signed up for at all (not the places: those decide confirmed or waiting). */
export function checkOpenForSignUp(meeting: MeetingFacts, now: number, byTeam = false): { ok: true } | { ok: false; refusal: MeetingRefusal } {
  const title = meeting.title;
  if (meeting.status === 'cancelled') return refuse(meetingRefusal('meeting_cancelled', { title }));
  if (meeting.status !== 'published' && !byTeam) return refuse(meetingRefusal('meeting_not_published', { title }));
  if (now >= meeting.startsAt) return refuse(meetingRefusal('meeting_started', { title, startsAt: meeting.startsAt }));
  if (!byTeam && now < meeting.visibleFrom) return refuse(meetingRefusal('meeting_not_published', { title }));
  if (!byTeam && now >= meeting.signupDeadline) {
    return refuse(meetingRefusal('signup_deadline_passed', { title, deadline: meeting.signupDeadline }));
  }
  return { ok: true };
}

/** Whether one more confirmed place can go to this region: total capacity and the region's share. */
export function hasPlaceFor(meeting: Pick<MeetingFacts, 'capacity' | 'placesPerRegion'>, confirmed: number, confirmedInRegion: number): 'yes' | 'full' | 'region_full' {
  if (confirmed >= meeting.capacity) return 'full';
  if (meeting.placesPerRegion !== null && confirmedInRegion >= meeting.placesPerRegion) return 'region_full';
  return 'yes';
}

/**
 * Signing up: refused for a cancelled, unpublished, started or closed meeting and for an e-mail
 * already signed up; otherwise confirmed while there is room in the meeting and in the region's
 * share, else on the waiting list behind everyone already waiting.
 */
export function decideSignUp(facts: SignUpFacts, now: number): SignUpDecision {
  const open = checkOpenForSignUp(facts.meeting, now, facts.byTeam);
  if (!open.ok) return open;
  if (facts.duplicate) return refuse(meetingRefusal('already_signed_up', { title: facts.meeting.title }));
  const place = hasPlaceFor(facts.meeting, facts.confirmed, facts.confirmedInRegion);
  if (place === 'yes') return { ok: true, placement: 'confirmed' };
  return { ok: true, placement: 'waiting', position: facts.waiting + 1, reason: place };
}

/** The queue order: who signed up first, ties broken by the row id. */
export function byQueue(a: QueuedSignup, b: QueuedSignup): number {
  return a.queuedAt - b.queuedAt || a.id - b.id;
}

/** 1-based position of a sign-up on the waiting list, or null when it is not on it. */
export function waitingPosition(waiting: readonly QueuedSignup[], signupId: number): number | null {
  const index = [...waiting].sort(byQueue).findIndex((s) => s.id === signupId);
  return index === -1 ? null : index + 1;
}

/**
 * Who moves up from the waiting list now that places are free: in queue order, everyone who fits
 * in the capacity and in their region's share. Someone whose region is full is passed over (keeps
 * their position) and the next in line gets the place.
 */
export function pickPromotions(
  meeting: Pick<MeetingFacts, 'capacity' | 'placesPerRegion' | 'status' | 'startsAt'>,
  confirmedPerRegion: ReadonlyMap<number, number>,
  waiting: readonly QueuedSignup[],
  now: number,
): number[] {
  if (meeting.status === 'cancelled' || now >= meeting.startsAt) return [];
  const perRegion = new Map(confirmedPerRegion);
  let confirmed = [...perRegion.values()].reduce((a, b) => a + b, 0);
  const promoted: number[] = [];
  for (const signup of [...waiting].sort(byQueue)) {
    if (confirmed >= meeting.capacity) break;
    const inRegion = perRegion.get(signup.regionId) ?? 0;
    if (hasPlaceFor(meeting, confirmed, inRegion) !== 'yes') continue;
    promoted.push(signup.id);
    perRegion.set(signup.regionId, inRegion + 1);
    confirmed += 1;
  }
  return promoted;
}

/** An attendee gives up their place (or leaves the waiting list) through their private link. */
export function decideCancelSignup(
  meeting: Pick<MeetingFacts, 'title' | 'status' | 'startsAt'>,
  signupStatus: SignupStatus,
  now: number,
): { ok: true } | { ok: false; refusal: MeetingRefusal } {
  const title = meeting.title;
  if (signupStatus === 'cancelled') return refuse(meetingRefusal('signup_already_cancelled', { title }));
  if (meeting.status === 'cancelled') return refuse(meetingRefusal('meeting_cancelled', { title }));
  if (now >= meeting.startsAt) return refuse(meetingRefusal('meeting_started', { title, startsAt: meeting.startsAt }));
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// The team's side

export type MeetingInput = {
  titleNl: string;
  titleEn: string;
  descriptionNl: string;
  descriptionEn: string;
  theme: string;
  audiences: string[];
  startsAt: number;
  endsAt: number;
  location: string;
  onlineUrl: string | null;
  capacity: number;
  placesPerRegion: number | null;
  signupDeadline: number;
  visibleFrom: number;
};

/** The relations between a meeting's fields (the form checks each field on its own). */
export function checkMeetingInput(input: MeetingInput): { ok: true } | { ok: false; refusal: MeetingRefusal } {
  if (!MEETING_THEME_KEYS.includes(input.theme)) return refuse(meetingRefusal('unknown_theme', { theme: input.theme }));
  if (input.audiences.length === 0 || input.audiences.some((a) => !(MEETING_AUDIENCES as readonly string[]).includes(a))) {
    return refuse(meetingRefusal('audience_required', {}));
  }
  if (input.endsAt <= input.startsAt) return refuse(meetingRefusal('meeting_end_not_after_start', { startsAt: input.startsAt, endsAt: input.endsAt }));
  if (!input.location.trim() && !input.onlineUrl) return refuse(meetingRefusal('place_or_link_required', {}));
  if (!Number.isInteger(input.capacity) || input.capacity < 1) return refuse(meetingRefusal('invalid_capacity', { capacity: input.capacity }));
  if (input.placesPerRegion !== null && (!Number.isInteger(input.placesPerRegion) || input.placesPerRegion < 1 || input.placesPerRegion > input.capacity)) {
    return refuse(meetingRefusal('invalid_places_per_region', { placesPerRegion: input.placesPerRegion, capacity: input.capacity }));
  }
  if (input.signupDeadline > input.startsAt) {
    return refuse(meetingRefusal('deadline_after_start', { deadline: input.signupDeadline, startsAt: input.startsAt }));
  }
  if (input.visibleFrom > input.signupDeadline) {
    return refuse(meetingRefusal('visible_after_deadline', { visibleFrom: input.visibleFrom, deadline: input.signupDeadline }));
  }
  return { ok: true };
}

/**
 * Editing a meeting: never a cancelled or finished one, and never fewer places than are already
 * confirmed (nobody loses a place they were promised). Says whether attendees' calendars must follow
 * (time, place or link changed) and whether places may have come free (capacity or share raised).
 */
export function decideEdit(
  current: MeetingFacts & { location: string; onlineUrl: string | null },
  next: MeetingInput,
  confirmedPerRegion: ReadonlyMap<number, number>,
  now: number,
): { ok: true; calendarChanged: boolean } | { ok: false; refusal: MeetingRefusal } {
  const title = current.title;
  if (current.status === 'cancelled') return refuse(meetingRefusal('meeting_cancelled', { title }));
  if (now >= current.endsAt) return refuse(meetingRefusal('meeting_over', { title }));
  const input = checkMeetingInput(next);
  if (!input.ok) return input;
  const confirmed = [...confirmedPerRegion.values()].reduce((a, b) => a + b, 0);
  if (next.capacity < confirmed) return refuse(meetingRefusal('capacity_below_confirmed', { capacity: next.capacity, confirmed }));
  const busiest = Math.max(0, ...confirmedPerRegion.values());
  if (next.placesPerRegion !== null && next.placesPerRegion < busiest) {
    return refuse(meetingRefusal('share_below_confirmed', { placesPerRegion: next.placesPerRegion, confirmed: busiest }));
  }
  const calendarChanged =
    current.startsAt !== next.startsAt ||
    current.endsAt !== next.endsAt ||
    current.location.trim() !== next.location.trim() ||
    (current.onlineUrl ?? null) !== (next.onlineUrl ?? null);
  return { ok: true, calendarChanged };
}

export function decidePublish(meeting: Pick<MeetingFacts, 'title' | 'status' | 'startsAt'>, now: number) {
  if (meeting.status === 'cancelled') return refuse(meetingRefusal('meeting_cancelled', { title: meeting.title }));
  if (meeting.status === 'published') return refuse(meetingRefusal('meeting_already_published', { title: meeting.title }));
  if (now >= meeting.startsAt) return refuse(meetingRefusal('meeting_started', { title: meeting.title, startsAt: meeting.startsAt }));
  return { ok: true as const };
}

export function decideCancelMeeting(meeting: Pick<MeetingFacts, 'title' | 'status' | 'endsAt'>, reason: string, now: number) {
  if (meeting.status === 'cancelled') return refuse(meetingRefusal('meeting_cancelled', { title: meeting.title }));
  if (now >= meeting.endsAt) return refuse(meetingRefusal('meeting_over', { title: meeting.title }));
  if (!reason.trim()) return refuse(meetingRefusal('cancel_reason_required', {}));
  return { ok: true as const };
}

/** Attendance is recorded once the meeting has started, for confirmed attendees only. */
export function decideAttendance(meeting: Pick<MeetingFacts, 'title' | 'status' | 'startsAt'>, signupStatus: SignupStatus, now: number) {
  if (meeting.status === 'cancelled') return refuse(meetingRefusal('meeting_cancelled', { title: meeting.title }));
  if (now < meeting.startsAt) return refuse(meetingRefusal('meeting_not_started', { title: meeting.title, startsAt: meeting.startsAt }));
  if (signupStatus !== 'confirmed') return refuse(meetingRefusal('attendance_needs_confirmed', { title: meeting.title }));
  return { ok: true as const };
}

/** What a sign-up is shown as: its status, or attended / did not attend once that is recorded. */
export function shownSignupStatus(status: SignupStatus, attended: boolean | null): SignupStatus | 'attended' | 'absent' {
  if (status === 'confirmed' && attended === true) return 'attended';
  if (status === 'confirmed' && attended === false) return 'absent';
  return status;
}
