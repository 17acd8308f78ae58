/**
 * The few settings mail and calendars need, read from the environment when asked (so a test can
 * change them). app/config.server.ts checks the same variables at start-up.
 */
import type { CalendarPerson } from '~/calendar/ics';

export const DEFAULT_APP_URL = 'http://localhost:3000';
export const DEFAULT_MAIL_FROM = 'STO Ondersteuning <ondersteuning@sto-ondersteuning.example>';

export interface MailConfig {
  /** Without a trailing slash. */
  appUrl: string;
  /** The From header, "Name <address>": also the ORGANIZER of every invitation. */
  from: string;
  organizer: CalendarPerson;
  /** Set: deliver through Resend. Unset: keep messages in the local outbox. */
  resendApiKey: string | null;
}

export function getMailConfig(env: Record<string, string | undefined> = process.env): MailConfig {
  const from = env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
  return {
    appUrl: (env.APP_URL?.trim() || DEFAULT_APP_URL).replace(/\/+$/, ''),
    from,
    organizer: parseMailbox(from),
    resendApiKey: env.RESEND_API_KEY?.trim() || null,
  };
}

/** "STO Ondersteuning <team@example.nl>" → { name, email }; a bare address is its own name. */
export function parseMailbox(mailbox: string): CalendarPerson {
  const match = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(mailbox);
  if (match?.[2]) return { name: match[1]?.trim() || match[2], email: match[2] };
  const email = mailbox.trim();
  return { name: email, email };
}
