/**
 * A stand-in for the Resend API on 127.0.0.1 that fails the way real providers and the gateways in
 * front of them fail: records every request and answers as scripted. Like the real API it honours
 * Idempotency-Key: a key it has accepted before gets the same id back and no second e-mail. Point
 * the real SDK at it with RESEND_BASE_URL (read when `new Resend()` runs).
 *
 * Answers:
 * - 'ok'; an HTTP status (Resend's own JSON error body, with `statusCode`);
 * - 'bare-502': what a gateway sends: 502 with a JSON body that has no `statusCode` and no `name`;
 * - 'html-504': a gateway's HTML page;
 * - 'hang': never answers (the client's time limit must end it);
 * - 'reset': the connection is cut before any answer;
 * - 'accept-then-500': takes the e-mail, then answers 500 (the retry must not send it twice);
 * - { status, retryAfter }: that status with a Retry-After header (seconds);
 * - { delayMs, then }: answers `then` after a delay (a slow send).
 * Besides the script, rateLimit() makes it refuse requests over a rate with 429 + Retry-After, as
 * Resend does.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeStatus = 400 | 401 | 403 | 404 | 408 | 409 | 422 | 429 | 500 | 502 | 503 | 504;
export type FakeAnswer =
  | 'ok'
  | 'hang'
  | 'reset'
  | 'accept-then-500'
  | 'bare-502'
  | 'html-504'
  | FakeStatus
  | { status: FakeStatus; retryAfter: number }
  | { delayMs: number; then: FakeAnswer };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  idempotencyKey: string | undefined;
  body: ResendEmailBody;
  answer: FakeAnswer;
  /** Date.now() when the request arrived. */
  at: number;
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
  accepted: Map<string, { id: string; body: ResendEmailBody; replays: number; at: number }>;
  /** How many requests with this key were answered 200. */
  okCount(key: string): number;
  /** The next answers, in order; after them every request gets 'ok' (or the rate limit's 429). */
  script(...answers: FakeAnswer[]): void;
  /** Refuse more than `perSecond` requests in any second with 429 and Retry-After; null: no limit. */
  rateLimit(limit: { perSecond: number; retryAfter: number } | null): void;
  /** Forget requests, e-mails, script and limit (between tests). */
  reset(): void;
  close(): Promise<void>;
}

const ERRORS: Record<FakeStatus, { name: string; message: string }> = {
  400: { name: 'validation_error', message: 'Invalid `from` field.' },
  401: { name: 'missing_api_key', message: 'Missing API key in the authorization header.' },
  403: { name: 'invalid_api_key', message: 'API key is invalid.' },
  404: { name: 'not_found', message: 'The requested endpoint does not exist.' },
  408: { name: 'request_timeout', message: 'The request timed out.' },
  409: { name: 'invalid_idempotent_request', message: 'Same idempotency key used with a different request payload.' },
  422: { name: 'validation_error', message: 'The `to` field is invalid.' },
  429: { name: 'rate_limit_exceeded', message: 'Too many requests. You can only make 5 requests per second.' },
  500: { name: 'internal_server_error', message: 'Something went wrong.' },
  502: { name: 'application_error', message: 'Bad gateway.' },
  503: { name: 'application_error', message: 'Service unavailable.' },
  504: { name: 'application_error', message: 'Gateway timeout.' },
};

export async function startFakeResend(): Promise<FakeResend> {
  const requests: RecordedRequest[] = [];
  const accepted: FakeResend['accepted'] = new Map();
  const queue: FakeAnswer[] = [];
  let limit: { perSecond: number; retryAfter: number } | null = null;
  let nextId = 1;

  const accept = (key: string | undefined, body: ResendEmailBody): string => {
    const existing = key ? accepted.get(key) : undefined;
    if (existing) {
      existing.replays += 1;
      return existing.id;
    }
    const id = `fake-email-${nextId++}`;
    accepted.set(key ?? id, { id, body, replays: 0, at: Date.now() });
    return id;
  };

  const overLimit = (now: number): boolean => {
    if (!limit) return false;
    const recent = requests.filter((r) => now - r.at < 1000).length;
    return recent >= limit.perSecond;
  };

  const answerWith = (answer: FakeAnswer, req: http.IncomingMessage, res: http.ServerResponse, key: string | undefined, body: ResendEmailBody) => {
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (typeof answer === 'object' && 'delayMs' in answer) {
      const timer = setTimeout(() => answerWith(answer.then, req, res, key, body), answer.delayMs);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    if (typeof answer === 'object') {
      return reply(answer.status, { statusCode: answer.status, ...ERRORS[answer.status] }, { 'Retry-After': String(answer.retryAfter) });
    }
    switch (answer) {
      case 'hang':
        return;
      case 'reset':
        return req.socket.destroy();
      case 'ok':
        return reply(200, { id: accept(key, body) });
      case 'accept-then-500':
        accept(key, body);
        return reply(500, { statusCode: 500, ...ERRORS[500] });
      case 'bare-502':
        return reply(502, { message: 'Bad gateway' });
      case 'html-504':
        res.writeHead(504, { 'Content-Type': 'text/html' });
        return res.end('<html><body><h1>504 Gateway Time-out</h1></body></html>');
      default:
        return reply(answer, { statusCode: answer, ...ERRORS[answer] });
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const now = Date.now();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ResendEmailBody;
      const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
      const limited = limit !== null && overLimit(now);
      const answer: FakeAnswer = limited ? { status: 429, retryAfter: limit!.retryAfter } : (queue.shift() ?? 'ok');
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, idempotencyKey, body, answer, at: now });
      answerWith(answer, req, res, idempotencyKey, body);
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
    rateLimit: (value) => {
      limit = value;
    },
    reset: () => {
      requests.length = 0;
      accepted.clear();
      queue.length = 0;
      limit = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
