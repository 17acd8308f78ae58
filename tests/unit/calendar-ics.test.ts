import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFeed, buildInvite, icsContentType, sanitizeName } from '~/calendar/ics';
import { visitCalendarEvent } from '~/calendar/visit-event';
import {
  ATTENDEE,
  AUTUMN_VISIT,
  DTSTAMP,
  ORGANIZER,
  renderSamples,
  sampleFeed,
  sampleInvite,
  SPRING_VISIT,
} from '../helpers/calendar-samples';
import { expectWellFormedIcs, parseIcs } from '../helpers/ics';

describe('buildInvite', () => {
  it('writes a REQUEST that a parser reads back: UID, SEQUENCE, STATUS, organizer, attendee', () => {
    const ics = sampleInvite(AUTUMN_VISIT, 'REQUEST');
    const parsed = parseIcs(ics);
    expect(parsed.method).toBe('REQUEST');
    expect(parsed.events).toHaveLength(1);
    const [event] = parsed.events;
    expect(event).toMatchObject({
      uid: AUTUMN_VISIT.uid,
      sequence: 0,
      status: 'CONFIRMED',
      summary: AUTUMN_VISIT.summary,
      location: AUTUMN_VISIT.location,
      description: AUTUMN_VISIT.description,
      organizer: { value: `mailto:${ORGANIZER.email}`, cn: ORGANIZER.name },
    });
    expect(event?.attendees).toEqual([
      {
        value: expect.stringMatching(/^mailto:jan\.devries@example\.nl$/i),
        cn: "Jan 'de' Vries Bcc: x@evil.example",
        role: 'REQ-PARTICIPANT',
        // No reply asked for (ADR 0014): RSVP=FALSE and no PARTSTAT to answer.
        partstat: null,
        rsvp: 'FALSE',
      },
    ]);
  });

  it('keeps a visit on 2019-10-27 (summer time ends) at 09:00–12:00 Amsterdam = 08:00Z–11:00Z', () => {
    const ics = sampleInvite(AUTUMN_VISIT, 'REQUEST');
    const [event] = parseIcs(ics).events;
    expect(event?.startTzid).toBe('Europe/Amsterdam');
    expect(event?.startUtc).toBe('2019-10-27T08:00:00.000Z');
    expect(event?.endUtc).toBe('2019-10-27T11:00:00.000Z');
    expect(ics).toContain('\r\nDTSTART;TZID=Europe/Amsterdam:20191027T090000\r\n');
    expect(ics).toContain('\r\nDTEND;TZID=Europe/Amsterdam:20191027T120000\r\n');
  });

  it('keeps a visit on 2019-03-31 (summer time starts) at 09:00–12:00 Amsterdam = 07:00Z–10:00Z', () => {
    const ics = sampleInvite(SPRING_VISIT, 'REQUEST');
    const [event] = parseIcs(ics).events;
    expect(event?.startUtc).toBe('2019-03-31T07:00:00.000Z');
    expect(event?.endUtc).toBe('2019-03-31T10:00:00.000Z');
    expect(event?.sequence).toBe(3);
    expect(ics).toContain('\r\nDTSTART;TZID=Europe/Amsterdam:20190331T090000\r\n');
  });

  it('writes a cancellation: METHOD:CANCEL, STATUS:CANCELLED, the same UID, the higher SEQUENCE', () => {
    const ics = sampleInvite({ ...AUTUMN_VISIT, sequence: 1 }, 'CANCEL');
    const parsed = parseIcs(ics);
    expect(parsed.method).toBe('CANCEL');
    expect(parsed.events[0]).toMatchObject({ uid: AUTUMN_VISIT.uid, sequence: 1, status: 'CANCELLED' });
    expect(parsed.events[0]?.attendees).toHaveLength(1);
  });

  it('puts DTSTAMP in UTC with Z', () => {
    const ics = sampleInvite(AUTUMN_VISIT, 'REQUEST');
    expect(ics).toContain('\r\nDTSTAMP:20190915T134507Z\r\n');
    expect(parseIcs(ics).events[0]?.dtstamp).toBe('2019-09-15T13:45:07Z');
  });

  it('passes the raw checks: CRLF only, ≤ 75 octets a line, VTIMEZONE, final CRLF', () => {
    for (const ics of Object.values(renderSamples())) expectWellFormedIcs(ics);
  });

  it('folds multi-byte text at 75 octets without breaking a character, and reads it back whole', () => {
    const summary = 'Zuidoost Fryslân – ëën '.repeat(8).trim();
    const ics = buildInvite({
      ...SPRING_VISIT,
      summary,
      method: 'REQUEST',
      organizer: ORGANIZER,
      attendee: { name: 'Fryslân – ëën '.repeat(6), email: 'a@example.nl' },
      dtstamp: DTSTAMP,
    });
    expectWellFormedIcs(ics);
    const summaryLines = ics.split('\r\n').filter((line, i, all) => line.startsWith('SUMMARY') || (line.startsWith(' ') && all[i - 1]?.startsWith('SUMMARY')));
    expect(summaryLines.length).toBeGreaterThan(1);
    const [event] = parseIcs(ics).events;
    expect(event?.summary).toBe(summary);
    expect(event?.description).toBe(SPRING_VISIT.description);
    expect(event?.attendees[0]?.cn).toBe('Fryslân – ëën '.repeat(6).trim());
  });

  it('sanitises names: no quotes, line breaks or control characters reach a parameter', () => {
    expect(sanitizeName('Jan "de" Vries\r\nBcc: x\u0000\u0007 \u202e')).toBe("Jan 'de' Vries Bcc: x");
    const ics = sampleInvite(AUTUMN_VISIT, 'REQUEST');
    const attendeeLine = ics.replace(/\r\n /g, '').split('\r\n').find((line) => line.startsWith('ATTENDEE'));
    expect(attendeeLine).toContain(`CN="Jan 'de' Vries Bcc: x@evil.example"`);
    expect(ics.replace(/\r\n /g, '')).not.toMatch(/^Bcc:/m);
    expect(ATTENDEE.name).toContain('\r\n');
  });

  it('names the method in the attachment content type', () => {
    expect(icsContentType('REQUEST')).toBe('text/calendar; charset=UTF-8; method=REQUEST');
    expect(icsContentType('CANCEL')).toBe('text/calendar; charset=UTF-8; method=CANCEL');
  });
});

describe('buildFeed', () => {
  it('publishes the events with their UIDs and SEQUENCEs, a refresh hint, and no attendees or addresses', () => {
    const ics = sampleFeed();
    expectWellFormedIcs(ics);
    const parsed = parseIcs(ics);
    expect(parsed.method).toBe('PUBLISH');
    expect(parsed.events.map((e) => [e.uid, e.sequence, e.status])).toEqual([
      [AUTUMN_VISIT.uid, 0, 'CONFIRMED'],
      [SPRING_VISIT.uid, 3, 'CONFIRMED'],
    ]);
    expect(parsed.events.map((e) => e.startUtc)).toEqual(['2019-10-27T08:00:00.000Z', '2019-03-31T07:00:00.000Z']);
    expect(ics).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    expect(ics).toContain('\r\nX-PUBLISHED-TTL:PT1H\r\n');
    expect(ics).not.toMatch(/ATTENDEE|ORGANIZER|mailto:/i);
    // NAME is TEXT (RFC 7986): the semicolon is escaped (ical.js doesn't know the property, so check raw).
    expect(ics).toContain('\r\nNAME:STO Ondersteuning – Zuidoost Fryslân\\; agenda\r\n');
  });

  it('is a valid empty calendar without events', () => {
    const ics = buildFeed({ name: 'Leeg', events: [], dtstamp: DTSTAMP });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(parseIcs(ics).events).toEqual([]);
  });
});

describe('visitCalendarEvent', () => {
  const facts = {
    uid: 'u-1@sto',
    sequence: 4,
    startsAt: AUTUMN_VISIT.startsAt,
    endsAt: AUTUMN_VISIT.endsAt,
    location: 'Heerenveen',
    question: 'Hoe borgen we het?',
    regionName: 'Zuidoost Fryslân',
    registrationNumber: 'STO19042',
    supportTypeName: { nl: 'Critical friend', en: 'Critical friend' },
  };

  it('describes the visit in the reader’s language with the question and a link', () => {
    const nl = visitCalendarEvent(facts, 'nl', 'http://localhost:3000/ondersteuner/bezoeken/1');
    expect(nl).toMatchObject({ uid: 'u-1@sto', sequence: 4, summary: 'Critical friend – Zuidoost Fryslân (STO19042)' });
    expect(nl.description).toBe(
      'Vraag van de regio:\nHoe borgen we het?\n\nMeer informatie: http://localhost:3000/ondersteuner/bezoeken/1',
    );
    const en = visitCalendarEvent(facts, 'en', 'http://x', 'Cancelled: ill');
    expect(en.description).toBe('Cancelled: ill\n\nQuestion from the region:\nHoe borgen we het?\n\nMore information: http://x');
  });
});

describe('independent of the host time zone', () => {
  const tsx = path.resolve('node_modules/.bin/tsx');
  const script = path.resolve('tests/helpers/print-calendar-samples.ts');

  // The child's host offset on 2019-10-27 08:00Z proves it really ran in that zone.
  it.each([
    ['UTC', 0],
    ['America/New_York', 240],
    ['Asia/Kolkata', -330],
    ['Europe/Amsterdam', -60],
  ] as const)('renders byte for byte the same files under TZ=%s', (tz, offsetMinutes) => {
    const child = spawnSync(tsx, [script], { env: { ...process.env, TZ: tz }, encoding: 'utf8', timeout: 20_000 });
    expect(child.status, child.stderr).toBe(0);
    const output = JSON.parse(child.stdout) as { tz: string; offsetMinutes: number; samples: Record<string, string> };
    expect(output).toMatchObject({ tz, offsetMinutes });
    expect(output.samples).toEqual(renderSamples());
  });
});
