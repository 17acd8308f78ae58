/**
 * How an outbox row leaves the building: through Resend when RESEND_API_KEY is set, or nowhere (the
 * local outbox: the row is marked delivered and stays readable in the app).
 */
import { Resend, type CreateEmailOptions } from 'resend';
import { Agent, DecoratorHandler, type Dispatcher } from 'undici';
import { icsContentType, type InviteMethod } from '~/calendar/ics';
import { DEFAULT_SEND_TIMEOUT_MS, parseRetryAfter, type SendFailure } from './delivery-rules';
import { getMailConfig, type MailConfig } from './mail-config.server';
import type { OutboxRow } from './outbox.server';

export type SendResult = { ok: true; providerId: string | null } | { ok: false; failure: SendFailure };

export interface SendOptions {
  /** Aborted when the deliverer stops: the send is abandoned and tried again later (same key). */
  signal?: AbortSignal;
}

export interface MailTransport {
  /** Stored in outbox.transport on delivery. */
  readonly name: string;
  send(row: OutboxRow, options?: SendOptions): Promise<SendResult>;
}

/** Keeps messages in the app: nothing is sent, the row counts as delivered. */
export const localTransport: MailTransport = {
  name: 'local',
  send: async () => ({ ok: true, providerId: null }),
};

export interface ResendTransportOptions {
  apiKey: string;
  from: string;
  /** A request taking longer is abandoned and retried later (same idempotency key). */
  timeoutMs?: number;
}

/** What came back on the wire, seen below the SDK (the SDK itself only hands over the body). */
interface WireAnswer {
  status: number | null;
}

/**
 * Records the HTTP status of the answer. The SDK takes the error from the body, and a gateway's
 * body may carry no `statusCode` at all: the status on the wire is the one to trust.
 */
interface StatusHandler extends Dispatcher.DispatchHandlers {
  onHeaders(statusCode: number, headers: Buffer[], resume: () => void, statusText: string): boolean;
}
// undici's types declare DecoratorHandler without the methods it passes on.
const PassOn = DecoratorHandler as unknown as new (handler: Dispatcher.DispatchHandlers) => StatusHandler;

class StatusRecorder extends PassOn {
  constructor(
    handler: Dispatcher.DispatchHandlers,
    private readonly answer: WireAnswer,
  ) {
    super(handler);
  }

  override onHeaders(statusCode: number, headers: Buffer[], resume: () => void, statusText: string): boolean {
    this.answer.status = statusCode;
    return super.onHeaders(statusCode, headers, resume, statusText);
  }
}

/**
 * The real Resend SDK. It reads RESEND_BASE_URL when constructed (tests point it at a fake), and it
 * never throws: failures come back as `{ error }`, with the response headers when there was an
 * answer. Each send has its own time limit and its own view of the status on the wire.
 */
export function createResendTransport(options: ResendTransportOptions): MailTransport {
  const resend = new Resend(options.apiKey);
  const timeoutMs = options.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  const agent = new Agent({ connect: { timeout: timeoutMs } });
  return {
    name: 'resend',
    async send(row, sendOptions = {}) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = sendOptions.signal ? AbortSignal.any([timeout, sendOptions.signal]) : timeout;
      const answer: WireAnswer = { status: null };
      const dispatcher = agent.compose((dispatch) => (opts, handler) => dispatch(opts, new StatusRecorder(handler, answer)));
      try {
        const { data, error, headers } = await resend.emails.send(resendPayload(row, options.from), {
          idempotencyKey: row.idempotencyKey,
          signal,
          // Passed on to fetch; undici's option, not in the DOM RequestInit type.
          ...({ dispatcher } as object),
        });
        if (!error) return { ok: true, providerId: data?.id ?? null };
        return { ok: false, failure: failureOf(error, headers, answer, signal.aborted, timeoutMs) };
      } catch (thrown) {
        // The SDK rethrows an abort that lands while it reads an error body.
        if (signal.aborted) return { ok: false, failure: { kind: 'timeout', afterMs: timeoutMs } };
        return { ok: false, failure: { kind: 'network', message: thrown instanceof Error ? thrown.message : String(thrown) } };
      }
    },
  };
}

function failureOf(
  error: { name?: unknown; message?: unknown },
  headers: Record<string, string> | null,
  answer: WireAnswer,
  aborted: boolean,
  timeoutMs: number,
): SendFailure {
  if (answer.status !== null && answer.status >= 400) {
    return {
      kind: 'http',
      status: answer.status,
      errorName: typeof error.name === 'string' && error.name ? error.name : null,
      message: typeof error.message === 'string' ? error.message.slice(0, 300) : '',
      retryAfterMs: parseRetryAfter(headers?.['retry-after'], Date.now()),
    };
  }
  if (aborted) return { kind: 'timeout', afterMs: timeoutMs };
  return { kind: 'network', message: typeof error.message === 'string' ? error.message : 'no answer' };
}

export function resendPayload(row: OutboxRow, from: string): CreateEmailOptions {
  const payload: CreateEmailOptions = { from, to: [row.toEmail], subject: row.subject, text: row.text, html: row.html };
  if (row.ics) {
    const method: InviteMethod = row.icsMethod === 'CANCEL' ? 'CANCEL' : 'REQUEST';
    payload.attachments = [
      { filename: icsFilename(method), content: Buffer.from(row.ics, 'utf8'), contentType: icsContentType(method) },
    ];
  }
  return payload;
}

export function icsFilename(method: InviteMethod): string {
  return method === 'CANCEL' ? 'annulering.ics' : 'uitnodiging.ics';
}

/** Resend when an API key is configured, else the local outbox. */
export function transportFromConfig(config: MailConfig = getMailConfig()): MailTransport {
  return config.resendApiKey ? createResendTransport({ apiKey: config.resendApiKey, from: config.from }) : localTransport;
}
