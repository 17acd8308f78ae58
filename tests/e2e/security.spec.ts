/**
 * The holes an attacker found at the edges (issue 10, section 3), tried the way they tried them:
 * plain HTTP against the production server, its log read back from .cache/e2e/server.log.
 */
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { DEMO, e2eDatabase, httpClient, issueTokens, serverLog } from './helpers';

const SUPPORTER = { email: 'linda.huisman@sto-ondersteuning.example', password: DEMO.supporterPassword };
const h1 = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];

test('X-Forwarded-For entries a client adds on the left do not give it a new address (TRUST_PROXY counts hops)', async ({ baseURL }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 12; i += 1) {
    // A fresh random "client" on the left each time; the proxy's entry on the right stays the same.
    const client = await httpClient(baseURL, `10.${i}.${i * 7 % 250}.${(i * 13) % 250}, 203.0.113.201`);
    const response = await client.post('/inloggen', { form: { email: `nobody-${i}@example.nl`, password: 'wrong' }, maxRedirects: 0 });
    statuses.push(response.status());
    await client.dispose();
  }
  // Different accounts every time, so only the per-address limit (ten failures) can refuse: it must.
  expect(statuses, statuses.join(' ')).toEqual([...Array(10).fill(200), 429, 429]);
});

test('a chunked body over 1 MB is refused with 413 while streaming, and nothing of it is used', async ({ baseURL }) => {
  const url = new URL('/inloggen', baseURL);
  const status = await new Promise<number>((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked', 'X-Forwarded-For': '203.0.113.202' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', (error) => reject(error));
    req.write(`email=${encodeURIComponent(DEMO.coordinator.email)}&password=${encodeURIComponent(DEMO.coordinator.password)}&pad=`);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const pump = () => {
      while (sent < 8 * 1024 * 1024) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
  expect(status).toBe(413);
});

test('JSON, text/plain and broken multipart to form actions get the error page in the user\'s language, not a 500', async ({ baseURL }) => {
  const { statusToken } = issueTokens();
  const coordinator = await httpClient(baseURL, '203.0.113.203', DEMO.coordinator);
  const english = await httpClient(baseURL, '203.0.113.204', SUPPORTER);
  const switched = await english.post('/taal', { form: { lang: 'en', redirectTo: '/' }, maxRedirects: 0 });
  expect(switched.status()).toBe(302);
  const anonymous = await httpClient(baseURL, '203.0.113.205');

  const bodies: Array<{ name: string; headers: Record<string, string>; data: string | Buffer; status: number }> = [
    { name: 'JSON', headers: { 'Content-Type': 'application/json' }, data: '{"email":"a@b.nl"}', status: 415 },
    { name: 'text', headers: { 'Content-Type': 'text/plain' }, data: 'email=a@b.nl', status: 415 },
    { name: 'no type', headers: {}, data: Buffer.from('x'), status: 415 },
    { name: 'broken multipart', headers: { 'Content-Type': 'multipart/form-data; boundary=zz' }, data: '--zz\r\nContent-Disp', status: 400 },
  ];
  const targets = [
    { client: anonymous, path: '/inloggen', title: 'Formulier niet te lezen' },
    { client: anonymous, path: '/aanvragen', title: 'Formulier niet te lezen' },
    { client: anonymous, path: `/aanvraag/${statusToken}`, title: 'Formulier niet te lezen' },
    { client: coordinator, path: '/team/aanvragen/1', title: 'Formulier niet te lezen' },
    { client: coordinator, path: '/team/instellingen.data', title: 'Formulier niet te lezen' },
    { client: english, path: '/ondersteuner/profiel', title: 'Form could not be read' },
  ];
  for (const target of targets) {
    for (const body of bodies) {
      const response = await target.client.post(target.path, { headers: body.headers, data: body.data, maxRedirects: 0 });
      const label = `${body.name} to ${target.path}`;
      expect(response.status(), label).toBe(body.status);
      expect(h1(await response.text()), label).toBe(target.title);
    }
  }
  const lines = serverLog().split('\n');
  expect(lines.some((l) => /POST \/team\/aanvragen\/1 415 .*\(content type application\/json\)/.test(l))).toBe(true);
  expect(lines.some((l) => /POST \/inloggen 400 .*\(multipart body does not parse\)/.test(l))).toBe(true);
  expect(lines.filter((l) => /^\s+at /.test(l)), 'stack lines in the server log').toEqual([]);
  await Promise.all([coordinator.dispose(), english.dispose(), anonymous.dispose()]);
});

test('a cross-site POST with a valid session cookie gets the 403 page, and changes nothing', async ({ baseURL }) => {
  const coordinator = await httpClient(baseURL, '203.0.113.206', DEMO.coordinator);
  const form = { intent: 'defaultDays', days: '9', reason: 'van een andere site' };
  const crossSite: Array<Record<string, string>> = [{ Origin: 'https://evil.example' }, { 'Sec-Fetch-Site': 'cross-site' }, { Origin: 'null' }];
  for (const headers of crossSite) {
    const response = await coordinator.post('/team/instellingen', { form, headers, maxRedirects: 0 });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect(h1(await response.text())).toBe('Formulier niet verwerkt');
  }
  const db = e2eDatabase();
  try {
    expect(db.prepare("SELECT count(*) AS n FROM audit_events WHERE reason = 'van een andere site'").get()).toEqual({ n: 0 });
  } finally {
    db.close();
  }
  // From our own origin the same session still works.
  const same = await coordinator.get('/team/instellingen', { headers: { Origin: new URL(baseURL!).origin } });
  expect(same.status()).toBe(200);
  await coordinator.dispose();
});

test('no token reaches the server log, whatever the route or error', async ({ baseURL }) => {
  const { statusToken, feedToken } = issueTokens();
  const anonymous = await httpClient(baseURL, '203.0.113.207');
  const paths = [
    `/agenda/${feedToken}.ics`,
    `/aanvraag/${statusToken}`,
    `/aanvraag/${statusToken}.data`,
    `/aanvraag/${statusToken}/bezoek/1.ics`,
    `/aanvraag/${statusToken}/bezoek/999999.ics`,
    `/aanvraag/${statusToken}/bestaat-niet`,
    `/agenda/${feedToken}.ics?x=${statusToken}`,
  ];
  for (const path of paths) {
    await anonymous.get(path, { maxRedirects: 0 });
    await anonymous.post(path, { form: { intent: 'question', kind: 'nonsense' }, maxRedirects: 0 });
    await anonymous.post(path, { headers: { 'Content-Type': 'application/json' }, data: '{}', maxRedirects: 0 });
    await anonymous.fetch(path, { method: 'DELETE', maxRedirects: 0 });
  }
  await anonymous.get(`/inloggen?redirectTo=/aanvraag/${statusToken}`);
  const log = serverLog();
  expect(log).toContain('/agenda/….ics');
  expect(log).not.toContain(statusToken);
  expect(log).not.toContain(feedToken);
  expect(log.split('\n').filter((l) => /^\s+at /.test(l))).toEqual([]);
  await anonymous.dispose();
});

test('token pages and signed-in pages say Cache-Control: no-store', async ({ baseURL }) => {
  const { statusToken, feedToken, requestId } = issueTokens();
  const anonymous = await httpClient(baseURL, '203.0.113.208');
  const coordinator = await httpClient(baseURL, '203.0.113.209', DEMO.coordinator);
  const supporter = await httpClient(baseURL, '203.0.113.210', SUPPORTER);
  const visit = (() => {
    const db = e2eDatabase();
    try {
      return (db.prepare('SELECT id FROM visits WHERE request_id = ? LIMIT 1').get(requestId) as { id: number }).id;
    } finally {
      db.close();
    }
  })();
  const asked = [
    [anonymous, `/aanvraag/${statusToken}`],
    [anonymous, `/aanvraag/${statusToken}.data`],
    [anonymous, `/aanvraag/${statusToken}/bezoek/${visit}.ics`],
    [anonymous, `/agenda/${feedToken}.ics`],
    [anonymous, '/aanvraag/onbekend-token'],
    [coordinator, '/team'],
    [coordinator, '/team/aanvragen/1'],
    [coordinator, '/'],
    [supporter, '/ondersteuner'],
    [supporter, '/ondersteuner/profiel'],
    [supporter, '/wachtwoord'],
  ] as const;
  for (const [client, path] of asked) {
    const response = await client.get(path, { maxRedirects: 0 });
    expect(response.headers()['cache-control'], path).toBe('no-store');
  }
  await Promise.all([anonymous.dispose(), coordinator.dispose(), supporter.dispose()]);
});

test('signing in as someone else in the same browser ends the earlier session in the sessions table', async ({ baseURL }) => {
  const client = await httpClient(baseURL, '203.0.113.211', SUPPORTER);
  const sessionsOf = (email: string) => {
    const db = e2eDatabase();
    try {
      return (db.prepare('SELECT count(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?').get(email) as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const before = sessionsOf(SUPPORTER.email);
  expect(before).toBeGreaterThan(0);
  const second = await client.post('/inloggen', { form: DEMO.coordinator, maxRedirects: 0 });
  expect(second.status()).toBe(302);
  expect(sessionsOf(SUPPORTER.email)).toBe(before - 1);
  expect((await client.get('/team', { maxRedirects: 0 })).status()).toBe(200);
  await client.dispose();
});

test('the current password of a password change is throttled like sign-in: 429 with Retry-After', async ({ baseURL }) => {
  const email = 'ruud.vanleeuwen@sto-ondersteuning.example';
  const client = await httpClient(baseURL, '203.0.113.212', { email, password: DEMO.supporterPassword });
  const form = (current: string) => ({ intent: 'password', currentPassword: current, newPassword: 'nooit-gebruikt-123456', confirmPassword: 'nooit-gebruikt-123456' });
  for (let i = 0; i < 5; i += 1) {
    const response = await client.post('/ondersteuner/profiel', { form: form(`fout-${i}`), maxRedirects: 0 });
    expect(response.status()).toBe(200);
  }
  const refused = await client.post('/ondersteuner/profiel', { form: form(DEMO.supporterPassword), maxRedirects: 0 });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(50);
  expect(await refused.text()).toContain('Te veel mislukte pogingen. Probeer het over een minuut opnieuw.');
  await client.dispose();
});

test('rotating addresses cannot shut a region\'s request form; the team sees the suspected flood on its dashboard', async ({ baseURL }) => {
  const { regionId, typeId, name, number } = (() => {
    const db = e2eDatabase();
    try {
      const region = db.prepare('SELECT id, name, registration_number AS number FROM regions ORDER BY id DESC LIMIT 1').get() as { id: number; name: string; number: string };
      const type = db.prepare("SELECT id FROM support_types WHERE key = 'samenwerking'").get() as { id: number };
      return { regionId: region.id, typeId: type.id, name: region.name, number: region.number };
    } finally {
      db.close();
    }
  })();
  const form = (email: string) => ({
    regionId: String(regionId),
    supportTypeId: String(typeId),
    contactName: 'Flood Test',
    contactEmail: email,
    contactRole: 'projectleider',
    theme: 'bedrijfsleven',
    question: 'Een vraag die er precies zo uitziet als alle andere vragen van deze golf.',
    expectedHalfDays: '1',
    consent: 'on',
  });
  for (let i = 0; i < 22; i += 1) {
    const client = await httpClient(baseURL, `198.51.100.${100 + i}`);
    const response = await client.post('/aanvragen?index', { form: form(`flood${i}@example.nl`), maxRedirects: 0 });
    expect(response.status(), `request ${i}`).toBe(302);
    expect(response.headers()['location']).toBe('/aanvragen/verzonden');
    await client.dispose();
  }
  const contact = await httpClient(baseURL, '192.0.2.77');
  const real = await contact.post('/aanvragen?index', { form: form('secretariaat@regio.example'), maxRedirects: 0 });
  expect(real.headers()['location']).toBe('/aanvragen/verzonden');
  await contact.dispose();

  const coordinator = await httpClient(baseURL, '203.0.113.213', DEMO.coordinator);
  const dashboard = await (await coordinator.get('/team')).text();
  expect(dashboard).toContain('Mogelijk misbruik van het aanvraagformulier');
  expect(dashboard).toContain(`${name} (${number}): 23 aanvragen in 24 uur`);
  await coordinator.dispose();
});
