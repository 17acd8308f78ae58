import { sql } from 'drizzle-orm';
import { createInstance } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { i18nOptions } from '~/i18n/config';
import { fillStatusLinks } from '~/mail/status-links.server';
import { action as submitAction, loader as formLoader } from '~/routes/aanvragen._index';
import { action as statusAction, loader as statusLoader } from '~/routes/aanvraag.$token._index';
import { feedForToken } from '~/services/feeds.server';
import { suspectedFloods } from '~/services/flood-watch.server';
import { findRequestIdByToken, REQUESTS_PER_EMAIL_PER_DAY, submitRequest, visitIcsForRequest } from '~/services/requests.server';
import { closeDb } from '~db/client';
import { seedDemoData } from '~db/seed';
import { outbox, regionQuestions, regions, supportRequests, supportTypes, visits } from '~db/schema';
import { createTestDb } from '../helpers/db';

const { db, file, close } = createTestDb();
const i18n = createInstance();

beforeAll(async () => {
  await seedDemoData(db, { now: Date.now() });
  await i18n.init({ ...i18nOptions, lng: 'nl' });
  process.env.DATABASE_PATH = file;
});
afterAll(() => {
  closeDb();
  close();
});

const region = () => db.select().from(regions).where(sql`registration_number = 'STO19072'`).get()!;
const type = (key: string) => db.select().from(supportTypes).where(sql`key = ${key}`).get()!;
const count = (table: typeof supportRequests | typeof outbox | typeof regionQuestions) =>
  db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;

function valid(): Record<string, string> {
  return {
    regionId: String(region().id),
    supportTypeId: String(type('samenwerking').id),
    contactName: 'Fatima El Amrani',
    contactEmail: 'f.elamrani@techniekpact-kop.example',
    contactRole: 'projectleider',
    theme: 'bedrijfsleven',
    question: 'Wij willen de samenwerking met het bedrijfsleven in de Kop beter organiseren. Wie denkt mee?',
    preferredFrom: '2027-01-10',
    preferredUntil: '2027-02-10',
    periodNote: 'Liever op dinsdag',
    location: 'Scholengemeenschap Den Helder',
    expectedHalfDays: '2',
    consent: 'on',
  };
}

let ipCounter = 0;
async function submit(fields: Record<string, string>, ip = `192.0.2.${(ipCounter += 1)}`) {
  const body = new URLSearchParams(fields);
  const request = new Request('http://localhost/aanvragen?index', { method: 'POST', body });
  try {
    const answer: unknown = await submitAction({ request, params: {}, context: { clientIp: ip, cspNonce: '' } });
    // A refusal comes as data(reply, { status }); unwrap it so tests read the reply and the status.
    if (answer && typeof answer === 'object' && 'init' in answer && 'data' in answer) {
      const { data, init } = answer as { data: unknown; init: ResponseInit | null };
      return { result: data, status: init?.status ?? 200, redirect: null };
    }
    return { result: answer, status: 200, redirect: null };
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 302) return { result: null, status: 302, redirect: thrown.headers.get('Location') };
    throw thrown;
  }
}

/** The messages a submission got, per field, as the user reads them (Dutch). */
function messages(result: unknown): Record<string, string[]> {
  const errors = (result as { error?: Record<string, string[] | null> } | null)?.error ?? {};
  const t = i18n.t.bind(i18n) as unknown as (k: string, o?: Record<string, string>) => string;
  return Object.fromEntries(
    Object.entries(errors).map(([field, list]) => [
      field,
      (list ?? []).map((raw) => {
        const [key, query] = raw.split('?', 2) as [string, string | undefined];
        return /^[a-z]+:/.test(raw) ? t(key, query ? Object.fromEntries(new URLSearchParams(query)) : undefined) : raw;
      }),
    ]),
  );
}

describe('the public request form', () => {
  it('stores a valid request, its history and the confirmation e-mail with the status link', async () => {
    const before = { requests: count(supportRequests), outbox: count(outbox) };
    const { redirect } = await submit(valid());
    expect(redirect).toBe('/aanvragen/verzonden');
    expect(count(supportRequests)).toBe(before.requests + 1);
    const mail = fillStatusLinks(db, db.select().from(outbox).where(sql`kind like 'request%'`).all().at(-1)!);
    expect(mail.toEmail).toBe('f.elamrani@techniekpact-kop.example');
    const token = /\/aanvraag\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
    expect(token).toBeTruthy();
    const requestId = findRequestIdByToken(db, token!);
    const stored = db.select().from(supportRequests).where(sql`id = ${requestId}`).get()!;
    expect(stored.statusTokenHash).not.toContain(token!);
    expect(stored.preferredPeriod).toBe('2027-01-10 – 2027-02-10; Liever op dinsdag');
    expect(stored.status).toBe('submitted');
  });

  const cases: Array<[string, Record<string, string>, string, RegExp]> = [
    ['an empty name', { contactName: '' }, 'contactName', /Vul uw naam in/],
    ['a too long name', { contactName: 'x'.repeat(121) }, 'contactName', /maximaal 120 tekens/],
    ['a bad e-mail', { contactEmail: 'fatima@' }, 'contactEmail', /geldig e-mailadres/],
    ['a too long question', { question: 'vraag '.repeat(700) }, 'question', /maximaal 4000 tekens/],
    ['a too short question', { question: 'Help' }, 'question', /ten minste 20 tekens/],
    ['no role', { contactRole: '' }, 'contactRole', /Kies uw rol/],
    ['an unknown role', { contactRole: 'koning' }, 'contactRole', /Kies uw rol/],
    ['an unknown theme', { theme: 'ruimtevaart' }, 'theme', /thema uit de lijst/],
    ['dates in the wrong order', { preferredFrom: '2027-03-01', preferredUntil: '2027-02-01' }, 'preferredUntil', /voor de datum/],
    ['a malformed date', { preferredFrom: '1-2-2027' }, 'preferredFrom', /geldige datum/],
    ['a date that does not exist (31 February)', { preferredFrom: '2026-02-31' }, 'preferredFrom', /Deze datum bestaat niet/],
    ['a year zero', { preferredUntil: '0000-01-01', preferredFrom: '' }, 'preferredUntil', /Deze datum bestaat niet/],
    ['a 29 February outside a leap year', { preferredUntil: '2027-02-29' }, 'preferredUntil', /Deze datum bestaat niet/],
    ['no consent', { consent: '' }, 'consent', /toestemming/],
    ['an unknown region id', { regionId: '999999' }, 'regionId', /regio kennen we niet/],
    ['a non-numeric region id', { regionId: 'abc' }, 'regionId', /regio kennen we niet/],
    ['an unknown kind of support', { supportTypeId: '424242' }, 'supportTypeId', /bestaat niet/],
    ['a kind not selectable for the region', { supportTypeId: '__cf__' }, 'supportTypeId', /critical friend/i],
    ['too many expected days', { expectedHalfDays: '20' }, 'expectedHalfDays', /hoeveel tijd/],
  ];

  it.each(cases)('refuses %s with a clear message and stores nothing', async (_name, change, field, expected) => {
    const fields = { ...valid(), ...change };
    if (fields.supportTypeId === '__cf__') fields.supportTypeId = String(type('critical_friend').id);
    const before = { requests: count(supportRequests), outbox: count(outbox) };
    const { result, redirect, status } = await submit(fields);
    expect(redirect).toBeNull();
    expect(status).toBe(_name === 'a kind not selectable for the region' ? 409 : 400);
    const text = messages(result)[field]?.join(' ') ?? '';
    expect(text, JSON.stringify(messages(result))).toMatch(expected);
    expect({ requests: count(supportRequests), outbox: count(outbox) }).toEqual(before);
  });

  it('silently drops a submission with the honeypot filled in', async () => {
    const before = count(supportRequests);
    const { redirect } = await submit({ ...valid(), website: 'http://spam.example' });
    expect(redirect).toBe('/aanvragen/verzonden');
    expect(count(supportRequests)).toBe(before);
  });

  it('takes at most 5 requests per address per hour', async () => {
    const ip = '198.18.0.1';
    for (let i = 0; i < 5; i += 1) expect((await submit(valid(), ip)).redirect).toBe('/aanvragen/verzonden');
    const before = count(supportRequests);
    const { result } = await submit(valid(), ip);
    expect(messages(result)['']?.join(' ')).toMatch(/te veel aanvragen/i);
    expect(count(supportRequests)).toBe(before);
  });

  it('never shuts a region\'s form for rotating addresses; the team sees the flood instead', () => {
    const other = db.select().from(regions).where(sql`registration_number != 'STO19072'`).get()!;
    const input = (i: number) => ({
      regionId: other.id,
      supportTypeId: type('thema').id,
      contactName: 'Jan',
      contactEmail: `jan${i}@example.nl`,
      contactRole: 'docent' as const,
      contactLanguage: 'nl' as const,
      question: 'Een vraag over het thema docentprofessionalisering.',
      theme: null,
      preferredPeriod: '',
      location: '',
      expectedHalfDays: 1,
    });
    const now = Date.now();
    expect(suspectedFloods(db, now).map((f) => f.regionId)).not.toContain(other.id);
    for (let i = 0; i < 25; i += 1) expect(submitRequest(db, input(i), { now, ip: `198.19.${i}.7` }), `request ${i}`).toMatchObject({ ok: true });
    // The region's own contact, from a fresh address, still gets through.
    expect(submitRequest(db, { ...input(99), contactEmail: 'secretaris@regio.nl' }, { now, ip: '203.0.113.200' })).toMatchObject({ ok: true });
    expect(suspectedFloods(db, now)).toContainEqual(expect.objectContaining({ regionId: other.id, requests: 26 }));
    expect(suspectedFloods(db, now + 24 * 60 * 60 * 1000 + 1).map((f) => f.regionId)).not.toContain(other.id);
  });

  it('takes at most ten requests per contact e-mail address a day, over any addresses', async () => {
    const fields = { ...valid(), contactEmail: 'Mailbom@Example.nl' };
    for (let i = 0; i < REQUESTS_PER_EMAIL_PER_DAY; i += 1) expect((await submit(fields)).redirect).toBe('/aanvragen/verzonden');
    const before = count(outbox);
    const { result } = await submit({ ...fields, contactEmail: 'mailbom@example.nl' });
    expect(messages(result)['']?.join(' ')).toMatch(/te veel aanvragen/i);
    expect(count(outbox)).toBe(before);
  });

  it('finds a region by part of its number and shows its days and unavailable kinds', async () => {
    const data = await formLoader({ request: new Request('http://localhost/aanvragen?regio=072'), params: {}, context: { clientIp: '', cspNonce: '' } });
    expect(data.region?.registrationNumber).toBe('STO19072');
    expect(data.ledger?.allotted).toBeGreaterThan(0);
    const cf = data.types.find((t) => t.key === 'critical_friend')!;
    expect(cf.unavailable?.code).toBe('after_cut_off');
    expect(data.types.filter((t) => t.key !== 'critical_friend').every((t) => t.unavailable === null)).toBe(true);
  });
});

describe('the private status page', () => {
  const args = (token: string, init?: RequestInit) => ({
    request: new Request(`http://localhost/aanvraag/${token}`, init),
    params: { token },
    context: { clientIp: '', cspNonce: '' },
  });

  async function newRequestToken(): Promise<string> {
    await submit(valid());
    const mail = fillStatusLinks(db, db.select().from(outbox).where(sql`kind like 'request%'`).all().at(-1)!);
    return /\/aanvraag\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
  }

  it('shows the request to whoever has the token, and 404 to anyone else', async () => {
    const token = await newRequestToken();
    const data = await statusLoader(args(token));
    expect(data.request.regionName).toBe('TechniekPact Kop van Noord-Holland');
    expect(data.history.map((h) => h.kind)).toEqual(['submitted']);
    for (const wrong of ['x', token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), 'a'.repeat(43), '../../etc/passwd']) {
      const thrown = await statusLoader(args(wrong)).catch((e: unknown) => e);
      expect((thrown as Response).status).toBe(404);
    }
  });

  it('records a withdrawal question for the team and changes nothing else', async () => {
    const token = await newRequestToken();
    const requestId = findRequestIdByToken(db, token)!;
    const empty = await statusAction(args(token, { method: 'POST', body: new URLSearchParams({ intent: 'withdraw', reason: '  ' }) }));
    expect(empty.errors?.reason).toEqual(['request:errors.reasonRequired']);
    const before = count(regionQuestions);
    const done = await statusAction(args(token, { method: 'POST', body: new URLSearchParams({ intent: 'withdraw', reason: 'Het plan is al herschreven.' }) }));
    expect(done.done).toBe(true);
    expect(count(regionQuestions)).toBe(before + 1);
    expect(db.select().from(supportRequests).where(sql`id = ${requestId}`).get()!.status).toBe('submitted');
  });

  it('refuses to move a visit that is not this request’s', async () => {
    const token = await newRequestToken();
    const body = new URLSearchParams({ intent: 'move', visitId: '1', reason: 'Ziek', date: '2027-03-02', start: '09:00', end: '12:00' });
    const result = await statusAction(args(token, { method: 'POST', body }));
    expect(result.errors?.['']).toEqual(['request:errors.unknownVisit']);
  });
});

describe('calendar links on the status page', () => {
  const post = (token: string, fields: Record<string, string>) => ({
    request: new Request(`http://localhost/aanvraag/${token}`, { method: 'POST', body: new URLSearchParams(fields) }),
    params: { token },
    context: { clientIp: '', cspNonce: '' },
  });
  const tokenOf = (url: string) => /\/agenda\/([A-Za-z0-9_-]+)\.ics$/.exec(url)![1]!;

  it('gives each contact a region feed of their own; replacing it stops only the old link', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      await submit({ ...valid(), contactEmail: `feed-contact-${i}@example.nl` });
      const mail = fillStatusLinks(db, db.select().from(outbox).where(sql`kind like 'request%'`).all().at(-1)!);
      tokens.push(/\/aanvraag\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!);
    }
    const first = await statusAction(post(tokens[0]!, { intent: 'feed' }));
    const second = await statusAction(post(tokens[1]!, { intent: 'feed' }));
    const [feedA, feedB] = [tokenOf(first.feedUrl!), tokenOf(second.feedUrl!)];
    expect(feedForToken(db, feedA, Date.now())).toContain('METHOD:PUBLISH');
    const replaced = await statusAction(post(tokens[0]!, { intent: 'feed' }));
    expect(feedForToken(db, feedA, Date.now())).toBeNull();
    expect(feedForToken(db, tokenOf(replaced.feedUrl!), Date.now())).toContain('BEGIN:VCALENDAR');
    expect(feedForToken(db, feedB, Date.now())).toContain('BEGIN:VCALENDAR');
  });

  it('downloads one visit of the request with its invite UID, and nothing of another request', () => {
    const visit = db.select().from(visits).where(sql`status = 'planned'`).get()!;
    const ics = visitIcsForRequest(db, visit.requestId, visit.id, 'nl', Date.now())!;
    expect(ics).toContain(`UID:${visit.calendarUid}`);
    expect(ics).toContain(`SEQUENCE:${visit.sequence}`);
    expect(ics).not.toMatch(/ATTENDEE/);
    expect(visitIcsForRequest(db, visit.requestId + 1, visit.id, 'nl', Date.now())).toBeNull();
  });
});
