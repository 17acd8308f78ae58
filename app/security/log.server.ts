/**
 * Logging without secrets. Status links (/aanvraag/<token>) and calendar feeds (/agenda/<token>.ics)
 * carry their secret in the path, and a path can end up in any error message; so every line the app
 * writes about a request or an error goes through `redactSecrets` first.
 */

/** The secret segment after /aanvraag/ or /agenda/, whatever follows it. */
const TOKEN_IN_PATH = /(\/(?:aanvraag|agenda)\/)[^/\s"'`?#<>.,;)]+/g;
/** Any long run of token characters (our tokens are 43, hashes 64): never meant for a log. */
const LONG_SECRET = /[A-Za-z0-9_-]{32,}/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

export function redactSecrets(text: string): string {
  return text.replace(TOKEN_IN_PATH, '$1…').replace(LONG_SECRET, '…').replace(CONTROL, ' ');
}

/** The path of a URL as it may be logged: no query string, tokens masked, at most 200 characters. */
export function loggablePath(url: string): string {
  let path = url;
  try {
    path = new URL(url, 'http://x').pathname;
  } catch {
    path = url.split('?')[0] ?? '';
  }
  return redactSecrets(path).replace(/\s/g, '').slice(0, 200);
}

/** A value a client sent (a content type, a method), fit for one short log line. */
export function loggableValue(value: string | undefined | null, max = 60): string {
  return redactSecrets(String(value ?? '-')).replace(/\s+/g, ' ').slice(0, max);
}

/**
 * An unexpected error (a bug): its stack helps whoever fixes it, but it is redacted like everything
 * else. Errors a client can cause on purpose are answered before they get here and never logged so.
 */
export function logUnexpectedError(where: string, error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  console.error(`${redactSecrets(where)}: ${redactSecrets(text)}`);
}
