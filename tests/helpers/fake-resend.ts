/**
 * A stand-in for the Resend API on 127.0.0.1: records every request and answers as scripted. Like
 * the real API it honours Idempotency-Key: a key it has accepted before gets the same id back and
 * no second e-mail. Point the real SDK at it with RESEND_BASE_URL (read when `new Resend()` runs).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** 'hang' never answers (the client times out); 'accept-then-500' takes the e-mail but answers 500. */
export type FakeAnswer = 'ok' | 'hang' | 'accept-then-500' | 422 | 429 | 500 | 503;

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  idempotencyKey: string | undefined;
  body: ResendEmailBody;
  answer: FakeAnswer;
}

export interface ResendEmailBody {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments?: Array<{ filename: string; content: string; content_type: string }>;
}

export interface FakeResend {
  /** No trailing slash, as RESEND_BASE_URL wants it. */
  url: string;
  requests: RecordedRequest[];
  /**
   * E-mails actually sent, by idempotency key. `replays` counts later requests with the same key
   * that were answered with the stored id instead of a second e-mail.
   */
  accepted: Map<string, { id: string; body: ResendEmailBody; replays: number }>;
  /** How many requests with this key were answered 200. */
  okCount(key: string): number;
  /** The next answers, in order; after them every request gets 'ok'. */
  script(...answers: FakeAnswer[]): void;
  close(): Promise<void>;
}

const ERRORS: Record<number, { name: string; message: string }> = {
  422: { name: 'validation_error', message: 'The `to` field is invalid.' },
  429: { name: 'rate_limit_exceeded', message: 'Too many requests.' },
  500: { name: 'internal_server_error', message: 'Something went wrong.' },
  503: { name: 'application_error', message: 'Service unavailable.' },
};

export async function startFakeResend(): Promise<FakeResend> {
  const requests: RecordedRequest[] = [];
  const accepted: FakeResend['accepted'] = new Map();
  const queue: FakeAnswer[] = [];
  let nextId = 1;

  const accept = (key: string | undefined, body: ResendEmailBody): string => {
    const existing = key ? accepted.get(key) : undefined;
    if (existing) {
      existing.replays += 1;
      return existing.id;
    }
    const id = `fake-email-${nextId++}`;
    accepted.set(key ?? id, { id, body, replays: 0 });
    return id;
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ResendEmailBody;
      const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
      const answer = queue.shift() ?? 'ok';
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, idempotencyKey, body, answer });
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (answer === 'hang') return;
      if (answer === 'ok') return reply(200, { id: accept(idempotencyKey, body) });
      if (answer === 'accept-then-500') {
        accept(idempotencyKey, body);
        return reply(500, { statusCode: 500, ...ERRORS[500] });
      }
      return reply(answer, { statusCode: answer, ...ERRORS[answer] });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accepted,
    okCount: (key) => requests.filter((r) => r.idempotencyKey === key && r.answer === 'ok').length,
    script: (...answers) => queue.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
