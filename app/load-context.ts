import '@remix-run/node';

/** What the Express server hands every loader and action (see server/index.ts). */
declare module '@remix-run/node' {
  interface AppLoadContext {
    /** The nonce of this response's Content-Security-Policy, for Remix's inline scripts. */
    cspNonce: string;
    /** The client's address, for rate limits. */
    clientIp: string;
    /** Set when the server refused the request before the app (server/security.ts): the catch-all route renders it. */
    refusal?: { status: number; reason: string };
  }
}

export {};
