import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default('data/sto.db'),
  /** Where uploaded tool files are kept; default a `files` folder next to the database. */
  FILES_PATH: z.string().min(1).optional(),
  /** Comma-separated; the first signs new cookies, all are accepted (rotation). */
  SESSION_SECRET: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.split(',').every((s) => s.trim().length >= 32), {
      message: 'every secret must be at least 32 characters long',
    }),
  APP_URL: z
    .string()
    .url()
    .default('http://localhost:3000')
    .transform((v) => v.replace(/\/+$/, '')),
  MAIL_FROM: z.string().min(3).default('STO Ondersteuning <ondersteuning@sto-ondersteuning.example>'),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z
    .string()
    .url()
    .optional()
    .refine((v) => v === undefined || !v.endsWith('/'), { message: 'must not end with a slash' }),
  /** Sends per second to Resend; default what Resend allows a new account (5). Fractions allowed. */
  MAIL_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(5),
  /**
   * How many reverse proxies stand in front of the server (0: none). The client's address is taken
   * that many entries from the right of X-Forwarded-For, so entries a client adds on the left count
   * for nothing.
   */
  TRUST_PROXY: z.coerce
    .number({ invalid_type_error: 'must be the number of proxy hops (0, 1, 2, …)' })
    .int('must be the number of proxy hops (0, 1, 2, …)')
    .min(0, 'must be the number of proxy hops (0, 1, 2, …)')
    .max(10, 'must be the number of proxy hops (0, 1, 2, …)')
    .default(0),
  /** 1: fill an empty database with the demo data even though APP_URL is not local (a staging copy). */
  SEED_DEMO: z.enum(['0', '1']).default('0'),
});

export type Config = z.infer<typeof schema> & { SESSION_SECRET: string };

export class ConfigError extends Error {}

/**
 * Reads and checks the environment. A missing SESSION_SECRET is generated once into the data folder
 * outside production and for the local demo on localhost, so a newcomer needs no set-up; a production
 * deployment (APP_URL not on localhost) must set it.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  let secret = config.SESSION_SECRET;
  if (!secret) {
    if (config.NODE_ENV === 'production' && !isLocalUrl(config.APP_URL)) {
      throw new ConfigError(
        'Invalid configuration:\n  SESSION_SECRET: required in production when APP_URL is not localhost (at least 32 characters)',
      );
    }
    secret = readOrCreateSecret(path.join(path.dirname(path.resolve(config.DATABASE_PATH)), 'session-secret'));
  }
  return { ...config, SESSION_SECRET: secret };
}

/** The local demo (`npm start`) runs a production build on localhost; a real deployment has its own APP_URL. */
export function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

function readOrCreateSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

let cached: Config | undefined;

/** The configuration, read once per process (the server gets it from the Remix build, so there is one copy; ADR 0011). */
export function getConfig(): Config {
  cached ??= loadConfig();
  return cached;
}
