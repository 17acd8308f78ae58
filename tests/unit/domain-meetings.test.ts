import { describe, expect, it } from 'vitest';
import { meetingRefusalMessage, type MeetingRefusal, type MeetingRefusalCode } from '~/domain/meeting-refusals';
import {
  checkMeetingInput,
  decideAttendance,
  decideCancelMeeting,
  decideCancelSignup,
  decideEdit,
  decidePublish,
  decideSignUp,
  pickPromotions,
  shownSignupStatus,
  waitingPosition,
  type MeetingFacts,
  type MeetingInput,
  type SignUpFacts,
} from '~/domain/meetings';
import { ams } from '../helpers/fixtures';

const meeting: MeetingFacts = {
  title: 'Verantwoording van de subsidie',
  status: 'published',
  startsAt: ams('2019-10-31T13:00'),
  endsAt: ams('2019-10-31T17:00'),
  capacity: 10,
  placesPerRegion: 2,
  signupDeadline: ams('2019-10-24T23:59'),
  visibleFrom: ams('2019-09-01T00:00'),
};
const now = ams('2019-10-01T10:00');

const facts = (overrides: Partial<SignUpFacts> = {}): SignUpFacts => ({
  meeting,
  regionName: 'Zeeland',
  confirmed: 0,
  confirmedInRegion: 0,
  waiting: 0,
  duplicate: false,
  byTeam: false,
  ...overrides,
});

function refusalOf(decision: { ok: boolean; refusal?: MeetingRefusal }): MeetingRefusalCode | null {
  return decision.ok ? null : (decision.refusal?.code ?? null);
}

describe('decideSignUp', () => {
  it('confirms while there is room in the meeting and in the region', () => {
    expect(decideSignUp(facts({ confirmed: 9, confirmedInRegion: 1 }), now)).toEqual({ ok: true, placement: 'confirmed' });
  });

  it('puts the eleventh on the waiting list behind those already waiting', () => {
    expect(decideSignUp(facts({ confirmed: 10, waiting: 3 }), now)).toEqual({ ok: true, placement: 'waiting', position: 4, reason: 'full' });
  });

  it('puts someone on the waiting list when their region has used its places, even with room left', () => {
    expect(decideSignUp(facts({ confirmed: 4, confirmedInRegion: 2 }), now)).toEqual({
      ok: true,
      placement: 'waiting',
      position: 1,
      reason: 'region_full',
    });
  });

  it('has no per-region limit when the meeting sets none', () => {
    const open = { ...meeting, placesPerRegion: null };
    expect(decideSignUp(facts({ meeting: open, confirmed: 5, confirmedInRegion: 5 }), now)).toEqual({ ok: true, placement: 'confirmed' });
  });

  it('refuses a second sign-up with the same e-mail', () => {
    expect(refusalOf(decideSignUp(facts({ duplicate: true }), now))).toBe('already_signed_up');
  });

  it('refuses after the deadline, for a cancelled meeting, a draft, before visible, and once started', () => {
    expect(refusalOf(decideSignUp(facts(), meeting.signupDeadline))).toBe('signup_deadline_passed');
    expect(refusalOf(decideSignUp(facts({ meeting: { ...meeting, status: 'cancelled' } }), now))).toBe('meeting_cancelled');
    expect(refusalOf(decideSignUp(facts({ meeting: { ...meeting, status: 'draft' } }), now))).toBe('meeting_not_published');
    expect(refusalOf(decideSignUp(facts(), meeting.visibleFrom - 1))).toBe('meeting_not_published');
    expect(refusalOf(decideSignUp(facts({ byTeam: true }), meeting.startsAt))).toBe('meeting_started');
  });

  it('lets the team add someone after the deadline or to a draft, with the same places', () => {
    const late = meeting.signupDeadline + 3600_000;
    expect(decideSignUp(facts({ byTeam: true }), late)).toEqual({ ok: true, placement: 'confirmed' });
    expect(decideSignUp(facts({ byTeam: true, meeting: { ...meeting, status: 'draft' }, confirmed: 10 }), now)).toMatchObject({
      placement: 'waiting',
    });
    expect(refusalOf(decideSignUp(facts({ byTeam: true, meeting: { ...meeting, status: 'cancelled' } }), now))).toBe('meeting_cancelled');
  });
});

describe('the waiting list', () => {
  const waiting = [
    { id: 7, regionId: 1, queuedAt: 300 },
    { id: 5, regionId: 2, queuedAt: 100 },
    { id: 6, regionId: 3, queuedAt: 100 },
    { id: 4, regionId: 3, queuedAt: 200 },
  ];

  it('is in order of signing up, ties by id', () => {
    expect(waitingPosition(waiting, 5)).toBe(1);
    expect(waitingPosition(waiting, 6)).toBe(2);
    expect(waitingPosition(waiting, 4)).toBe(3);
    expect(waitingPosition(waiting, 7)).toBe(4);
    expect(waitingPosition(waiting, 99)).toBeNull();
  });

  it('promotes the first in line into a freed place', () => {
    const confirmed = new Map([[9, 9]]);
    expect(pickPromotions({ ...meeting, placesPerRegion: null }, confirmed, waiting, now)).toEqual([5]);
  });

  it('passes over someone whose region has used its share, and they keep their place in line', () => {
    // Region 2 already has its 2 places; one place is free.
    const confirmed = new Map([
      [2, 2],
      [9, 7],
    ]);
    expect(pickPromotions(meeting, confirmed, waiting, now)).toEqual([6]);
  });

  it('fills every free place, respecting the share as it fills', () => {
    const confirmed = new Map([[3, 1]]);
    // 9 places free; region 3 has 1 of its 2: only one of 6 and 4 gets in.
    expect(pickPromotions(meeting, confirmed, waiting, now)).toEqual([5, 6, 7]);
  });

  it('promotes nobody when the meeting is full, cancelled or has started', () => {
    const full = new Map([[9, 10]]);
    expect(pickPromotions(meeting, full, waiting, now)).toEqual([]);
    expect(pickPromotions({ ...meeting, status: 'cancelled' }, new Map(), waiting, now)).toEqual([]);
    expect(pickPromotions(meeting, new Map(), waiting, meeting.startsAt)).toEqual([]);
  });
});

describe('cancelling a sign-up', () => {
  it('is allowed for a confirmed or waiting sign-up before the start', () => {
    expect(decideCancelSignup(meeting, 'confirmed', now)).toEqual({ ok: true });
    expect(decideCancelSignup(meeting, 'waiting', now)).toEqual({ ok: true });
  });
  it('is refused twice, after the start, or for a cancelled meeting', () => {
    expect(refusalOf(decideCancelSignup(meeting, 'cancelled', now))).toBe('signup_already_cancelled');
    expect(refusalOf(decideCancelSignup(meeting, 'confirmed', meeting.startsAt))).toBe('meeting_started');
    expect(refusalOf(decideCancelSignup({ ...meeting, status: 'cancelled' }, 'confirmed', now))).toBe('meeting_cancelled');
  });
});

const input = (overrides: Partial<MeetingInput> = {}): MeetingInput => ({
  titleNl: 'Titel',
  titleEn: '',
  descriptionNl: '',
  descriptionEn: '',
  theme: 'verantwoording',
  audiences: ['controller'],
  startsAt: meeting.startsAt,
  endsAt: meeting.endsAt,
  location: 'Utrecht',
  onlineUrl: null,
  capacity: 10,
  placesPerRegion: null,
  signupDeadline: meeting.signupDeadline,
  visibleFrom: meeting.visibleFrom,
  ...overrides,
});

describe('a meeting as the team enters it', () => {
  it('accepts a valid meeting, on site or online, on one day or several', () => {
    expect(checkMeetingInput(input())).toEqual({ ok: true });
    expect(checkMeetingInput(input({ location: '', onlineUrl: 'https://meet.example.nl/x' }))).toEqual({ ok: true });
    expect(checkMeetingInput(input({ endsAt: ams('2019-11-01T16:00') }))).toEqual({ ok: true });
    expect(checkMeetingInput(input({ theme: 'lob' }))).toEqual({ ok: true });
  });

  it('refuses what does not fit together', () => {
    expect(refusalOf(checkMeetingInput(input({ theme: 'nope' })))).toBe('unknown_theme');
    expect(refusalOf(checkMeetingInput(input({ audiences: [] })))).toBe('audience_required');
    expect(refusalOf(checkMeetingInput(input({ audiences: ['leerling'] })))).toBe('audience_required');
    expect(refusalOf(checkMeetingInput(input({ endsAt: meeting.startsAt })))).toBe('meeting_end_not_after_start');
    expect(refusalOf(checkMeetingInput(input({ location: ' ' })))).toBe('place_or_link_required');
    expect(refusalOf(checkMeetingInput(input({ capacity: 0 })))).toBe('invalid_capacity');
    expect(refusalOf(checkMeetingInput(input({ capacity: 2.5 })))).toBe('invalid_capacity');
    expect(refusalOf(checkMeetingInput(input({ placesPerRegion: 11 })))).toBe('invalid_places_per_region');
    expect(refusalOf(checkMeetingInput(input({ signupDeadline: meeting.startsAt + 1 })))).toBe('deadline_after_start');
    expect(refusalOf(checkMeetingInput(input({ visibleFrom: meeting.signupDeadline + 1 })))).toBe('visible_after_deadline');
  });

  it('says when attendees calendars must follow an edit, and never takes a promised place away', () => {
    const current = { ...meeting, location: 'Utrecht', onlineUrl: null };
    const confirmed = new Map([
      [1, 2],
      [2, 3],
    ]);
    expect(decideEdit(current, input({ titleNl: 'Nieuw' }), confirmed, now)).toEqual({ ok: true, calendarChanged: false });
    expect(decideEdit(current, input({ location: 'Amersfoort' }), confirmed, now)).toEqual({ ok: true, calendarChanged: true });
    expect(decideEdit(current, input({ startsAt: meeting.startsAt + 3600_000, endsAt: meeting.endsAt + 3600_000, signupDeadline: meeting.signupDeadline }), confirmed, now)).toEqual({
      ok: true,
      calendarChanged: true,
    });
    expect(decideEdit(current, input({ onlineUrl: 'https://meet.example.nl/y' }), confirmed, now)).toEqual({ ok: true, calendarChanged: true });
    expect(refusalOf(decideEdit(current, input({ capacity: 4 }), confirmed, now))).toBe('capacity_below_confirmed');
    expect(refusalOf(decideEdit(current, input({ placesPerRegion: 2 }), confirmed, now))).toBe('share_below_confirmed');
    expect(refusalOf(decideEdit({ ...current, status: 'cancelled' }, input(), confirmed, now))).toBe('meeting_cancelled');
    expect(refusalOf(decideEdit(current, input(), confirmed, meeting.endsAt))).toBe('meeting_over');
  });

  it('publishes a draft once, cancels with a reason, records attendance after the start', () => {
    expect(decidePublish({ ...meeting, status: 'draft' }, now)).toEqual({ ok: true });
    expect(refusalOf(decidePublish(meeting, now))).toBe('meeting_already_published');
    expect(refusalOf(decideCancelMeeting(meeting, '  ', now))).toBe('cancel_reason_required');
    expect(decideCancelMeeting(meeting, 'Te weinig aanmeldingen', now)).toEqual({ ok: true });
    expect(refusalOf(decideCancelMeeting(meeting, 'x', meeting.endsAt))).toBe('meeting_over');
    expect(refusalOf(decideAttendance(meeting, 'confirmed', now))).toBe('meeting_not_started');
    expect(decideAttendance(meeting, 'confirmed', meeting.endsAt)).toEqual({ ok: true });
    expect(refusalOf(decideAttendance(meeting, 'waiting', meeting.endsAt))).toBe('attendance_needs_confirmed');
  });

  it('shows attendance in the status', () => {
    expect(shownSignupStatus('confirmed', true)).toBe('attended');
    expect(shownSignupStatus('confirmed', false)).toBe('absent');
    expect(shownSignupStatus('confirmed', null)).toBe('confirmed');
    expect(shownSignupStatus('waiting', null)).toBe('waiting');
  });
});

describe('meeting refusals', () => {
  it('read as sentences in Dutch and English with the figures in them', () => {
    const deadline = decideSignUp(facts(), meeting.signupDeadline + 1);
    if (deadline.ok) throw new Error('expected a refusal');
    expect(meetingRefusalMessage(deadline.refusal, 'nl')).toBe(
      'Aanmelden voor “Verantwoording van de subsidie” kon tot donderdag 24 oktober 2019 23:59; de aanmelding is gesloten.',
    );
    expect(meetingRefusalMessage(deadline.refusal, 'en')).toBe(
      'Sign-up for “Verantwoording van de subsidie” was open until Thursday 24 October 2019 23:59; it is now closed.',
    );
    const below = decideEdit({ ...meeting, location: 'x', onlineUrl: null }, input({ capacity: 1 }), new Map([[1, 2]]), now);
    if (below.ok) throw new Error('expected a refusal');
    expect(meetingRefusalMessage(below.refusal, 'nl')).toBe('Er zijn al 2 plaatsen bevestigd; het aantal plaatsen kan niet naar 1.');
    expect(meetingRefusalMessage(below.refusal, 'en')).toBe('2 places already confirmed; the capacity cannot go down to 1.');
  });
});
