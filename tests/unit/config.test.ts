import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '~/config.server';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sto-config-'));

describe('configuration', () => {
  it('has working defaults and generates a session secret once for a newcomer', () => {
    const dir = tmp();
    const env = { DATABASE_PATH: path.join(dir, 'sto.db') };
    const first = loadConfig(env);
    expect(first.PORT).toBe(3000);
    expect(first.APP_URL).toBe('http://localhost:3000');
    expect(first.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig(env).SESSION_SECRET).toBe(first.SESSION_SECRET);
    expect(fs.existsSync(path.join(dir, 'session-secret'))).toBe(true);
  });

  it('names the wrong value clearly', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ APP_URL: 'not a url' })).toThrow(/APP_URL/);
    expect(() => loadConfig({ RESEND_BASE_URL: 'http://localhost:9999/' })).toThrow(/RESEND_BASE_URL: must not end with a slash/);
    expect(() => loadConfig({ SESSION_SECRET: 'short' })).toThrow(/SESSION_SECRET/);
  });

  it('requires SESSION_SECRET in a production deployment, not for the local demo', () => {
    const dir = tmp();
    expect(() => loadConfig({ NODE_ENV: 'production', APP_URL: 'https://sto.example.nl', DATABASE_PATH: path.join(dir, 'a.db') })).toThrow(
      /SESSION_SECRET: required in production/,
    );
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_PATH: path.join(dir, 'a.db') }).SESSION_SECRET).toHaveLength(43);
    const secret = 'x'.repeat(40) + ',' + 'y'.repeat(40);
    expect(loadConfig({ NODE_ENV: 'production', APP_URL: 'https://sto.example.nl', SESSION_SECRET: secret }).SESSION_SECRET).toBe(secret);
  });

  it('reads TRUST_PROXY as the number of proxy hops', () => {
    expect(loadConfig({ DATABASE_PATH: path.join(tmp(), 'a.db') }).TRUST_PROXY).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: must be the number of proxy hops/);
    expect(() => loadConfig({ TRUST_PROXY: '-1' })).toThrow(/TRUST_PROXY/);
  });
});
