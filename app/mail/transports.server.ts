/**
 * How an outbox row leaves the building: through Resend when RESEND_API_KEY is set, or nowhere (the
 * local outbox: the row is marked delivered and stays readable in the app).
 */
import { Resend, type CreateEmailOptions } from 'resend';
import { icsContentType, type InviteMethod } from '~/calendar/ics';
import { getMailConfig, type MailConfig } from './mail-config.server';
import type { OutboxRow } from './outbox.server';

export type SendResult =
  | { ok: true; providerId: string | null }
  /** retryable: 429, 5xx, network trouble, a timeout; otherwise the message fails at once. */
  | { ok: false; retryable: boolean; error: string };

export interface MailTransport {
  /** Stored in outbox.transport on delivery. */
  readonly name: string;
  send(row: OutboxRow): Promise<SendResult>;
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

export const DEFAULT_SEND_TIMEOUT_MS = 30_000;

/**
 * The real Resend SDK. It reads RESEND_BASE_URL when constructed (tests point it at a fake), and it
 * never throws: failures come back as `{ error: { statusCode, name, message } }`.
 */
export function createResendTransport(options: ResendTransportOptions): MailTransport {
  const resend = new Resend(options.apiKey);
  const timeoutMs = options.timeoutMs ?? DEFAULT_SEND_TIMEOUT_MS;
  return {
    name: 'resend',
    async send(row) {
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const { data, error } = await resend.emails.send(resendPayload(row, options.from), {
          idempotencyKey: row.idempotencyKey,
          signal,
        });
        if (error) {
          if (signal.aborted) return { ok: false, retryable: true, error: `timeout after ${timeoutMs} ms` };
          return { ok: false, ...classifyResendError(error) };
        }
        return { ok: true, providerId: data?.id ?? null };
      } catch (thrown) {
        return { ok: false, retryable: true, error: `unexpected: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
      }
    },
  };
}

/** Resend's error as the SDK hands it over (statusCode null: no HTTP answer at all). */
export interface ResendError {
  statusCode: number | null;
  name: string;
  message: string;
}

/** Names worth another try even without a status: the SDK's own network failure, Resend's busy answers. */
const RETRYABLE_NAMES = new Set(['application_error', 'internal_server_error', 'rate_limit_exceeded', 'concurrent_idempotent_requests']);

export function classifyResendError(error: ResendError): { retryable: boolean; error: string } {
  const status = error.statusCode;
  const retryable =
    status === null
      ? RETRYABLE_NAMES.has(error.name)
      : status === 429 || status >= 500 || (status === 409 && error.name === 'concurrent_idempotent_requests');
  return { retryable, error: `${status ?? 'no response'} ${error.name}: ${error.message}` };
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
