/**
 * Theme meetings for the tests: a valid input with sensible defaults (Amsterdam times), and a
 * published meeting made through the team's own use cases.
 */
import type { MeetingInput } from '~/domain/meetings';
import { createMeeting, publishMeeting } from '~/services/meetings.server';
import type { SignUpInput } from '~/services/meeting-signups.server';
import type { Db } from '~db/client';
import { ams } from './fixtures';

/** Thursday 31 October 2019, 13:00–17:00 in Utrecht; sign-up open from 1 September to 24 October. */
export function meetingInput(overrides: Partial<MeetingInput> = {}): MeetingInput {
  return {
    titleNl: 'Verantwoording van de subsidie',
    titleEn: 'Accounting for the grant',
    descriptionNl: 'Voor projectleiders en controllers: wat moet er in de verantwoording?',
    descriptionEn: 'For project leaders and controllers: what goes into the accountability report?',
    theme: 'verantwoording',
    audiences: ['projectleider', 'controller'],
    startsAt: ams('2019-10-31T13:00'),
    endsAt: ams('2019-10-31T17:00'),
    location: 'Jaarbeurs, Jaarbeursplein 6, Utrecht',
    onlineUrl: null,
    capacity: 10,
    placesPerRegion: null,
    signupDeadline: ams('2019-10-24T23:59'),
    visibleFrom: ams('2019-09-01T00:00'),
    ...overrides,
  };
}

/** Before the deadline of the default meeting. */
export const SIGNUP_NOW = ams('2019-10-01T10:00');

export function publishedMeeting(db: Db, actorUserId: number, overrides: Partial<MeetingInput> = {}, now = ams('2019-08-20T09:00')): number {
  const created = createMeeting(db, meetingInput(overrides), { actorUserId, now });
  if (!created.ok) throw new Error(`fixture meeting: ${JSON.stringify(created)}`);
  const published = publishMeeting(db, created.meeting.id, { actorUserId, now });
  if (!published.ok) throw new Error(`fixture publish: ${JSON.stringify(published)}`);
  return created.meeting.id;
}

let n = 0;
export function signUpInput(meetingId: number, regionId: number, overrides: Partial<SignUpInput> = {}): SignUpInput {
  n += 1;
  return { meetingId, regionId, name: `Deelnemer ${n}`, email: `deelnemer${n}@example.nl`, role: 'projectleider', language: 'nl', ...overrides };
}
