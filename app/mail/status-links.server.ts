/**
 * The region contact's private status link in e-mails and invitations (ADR 0013).
 *
 * Only hashes of status tokens are stored, so a link can't be read back from the database. Instead
 * the token is derived: HMAC-SHA256(SESSION_SECRET, nonce), with a random nonce stored per request.
 * Outbox rows hold a placeholder (`{{status-link:<request id>}}`) where the link goes; the deliverer
 * fills it in just before a send, in memory. So neither the outbox, nor *Berichten*, nor a log ever
 * holds a token in clear, and a copy of the database alone (without the secret) gives no links.
 *
 * - A new request's first link is the derived one (support_requests.status_token_hash).
 * - A request made before this (no nonce) keeps its first link and gets a second, derived one
 *   (status_link_hash) the first time a message needs it: nothing that worked stops working.
 * - SESSION_SECRET may list several secrets: any of them that reproduces a stored hash is used. When
 *   none does (the secret that made it was removed), a new second link is derived with the first.
 * - A placeholder is filled only for a request whose contact address is the row's recipient; any
 *   other (e.g. typed into a question that a supporter receives) becomes the lost-link page's address.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { hashToken } from '~/auth/tokens.server';
import { getConfig } from '~/config.server';
import type { Queryable, Tx } from '~db/client';
import { supportRequests } from '~db/schema';
import { getMailConfig, type MailConfig } from './mail-config.server';

const PLACEHOLDER = /\{\{status-link:(\d{1,12})\}\}/g;

/** What an outbox row says where the contact's status link will be. */
export function statusLinkPlaceholder(requestId: number): string {
  return `{{status-link:${requestId}}}`;
}

export function statusPageUrl(config: MailConfig, statusToken: string): string {
  return `${config.appUrl}/aanvraag/${encodeURIComponent(statusToken)}`;
}

/** The public page where a contact asks for their links again. */
export function lostLinkPageUrl(config: MailConfig = getMailConfig()): string {
  return `${config.appUrl}/aanvraag/links`;
}

function secrets(): string[] {
  return getConfig()
    .SESSION_SECRET.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function derive(secret: string, nonce: string): string {
  return createHmac('sha256', secret).update(`sto-status-link:${nonce}`).digest('base64url');
}

/** A fresh nonce and the link token derived from it with the signing secret (kept only in memory). */
export function newStatusLink(): { nonce: string; token: string; hash: string } {
  const nonce = randomBytes(24).toString('base64url');
  const token = derive(secrets()[0]!, nonce);
  return { nonce, token, hash: hashToken(token) };
}

interface LinkFacts {
  id: number;
  contactEmail: string;
  statusNonce: string | null;
  statusTokenHash: string;
  statusLinkHash: string | null;
}

/** The token a request's stored nonce gives with one of the secrets, if it matches a stored hash. */
function reproduce(facts: LinkFacts): string | null {
  if (!facts.statusNonce) return null;
  for (const secret of secrets()) {
    const token = derive(secret, facts.statusNonce);
    const hash = hashToken(token);
    if (hash === facts.statusTokenHash || hash === facts.statusLinkHash) return token;
  }
  return null;
}

const linkColumns = {
  id: supportRequests.id,
  contactEmail: supportRequests.contactEmail,
  statusNonce: supportRequests.statusNonce,
  statusTokenHash: supportRequests.statusTokenHash,
  statusLinkHash: supportRequests.statusLinkHash,
};

/**
 * Inside the caller's transaction: makes sure the request's link can be derived at send time
 * (giving an older request its second link if needed) and returns the placeholder for it.
 */
export function statusLinkFor(tx: Tx, requestId: number): string {
  const facts = tx.select(linkColumns).from(supportRequests).where(eq(supportRequests.id, requestId)).get();
  if (!facts) throw new Error(`Support request ${requestId} not found`);
  if (reproduce(facts) === null) {
    const { nonce, hash } = newStatusLink();
    tx.update(supportRequests).set({ statusNonce: nonce, statusLinkHash: hash }).where(eq(supportRequests.id, requestId)).run();
  }
  return statusLinkPlaceholder(requestId);
}

export interface FillableMessage {
  toEmail: string;
  text: string;
  html: string;
  ics: string | null;
}

/** The message as sent: its placeholders replaced by the recipient's own status links. */
export function fillStatusLinks<T extends FillableMessage>(q: Queryable, row: T, config: MailConfig = getMailConfig()): T {
  const ids = new Set<number>();
  for (const part of [row.text, row.html, row.ics ?? '']) {
    for (const match of part.matchAll(PLACEHOLDER)) ids.add(Number(match[1]));
  }
  if (ids.size === 0) return row;
  const rows = q.select(linkColumns).from(supportRequests).where(inArray(supportRequests.id, [...ids])).all();
  const links = new Map<string, string>();
  for (const id of ids) {
    const facts = rows.find((r) => r.id === id);
    const token = facts && facts.contactEmail.toLowerCase() === row.toEmail.toLowerCase() ? reproduce(facts) : null;
    links.set(String(id), token ? statusPageUrl(config, token) : lostLinkPageUrl(config));
  }
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, id: string) => links.get(id) ?? lostLinkPageUrl(config));
  return { ...row, text: fill(row.text), html: fill(row.html), ics: row.ics === null ? null : refoldIcs(fill(unfoldIcs(row.ics))) };
}

/** RFC 5545 §3.1: a CRLF followed by a space or tab continues the line. */
function unfoldIcs(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, '');
}

/** Lines of at most 75 octets, folded between characters, never inside one. */
function refoldIcs(ics: string): string {
  return ics
    .split('\r\n')
    .map((line) => {
      if (Buffer.byteLength(line, 'utf8') <= 75) return line;
      const parts: string[] = [];
      let current = '';
      let octets = 0;
      for (const char of line) {
        const size = Buffer.byteLength(char, 'utf8');
        // Continuation lines start with a space, which counts towards their 75 octets.
        const limit = parts.length === 0 ? 75 : 74;
        if (octets + size > limit) {
          parts.push(current);
          current = '';
          octets = 0;
        }
        current += char;
        octets += size;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}
