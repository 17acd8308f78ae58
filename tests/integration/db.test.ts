import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../helpers/db';

describe('database connection', () => {
  const { db, close } = createTestDb();
  afterAll(close);

  it('opens with WAL, foreign keys, a busy timeout and synchronous=NORMAL', () => {
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(db.$client.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('has every table of the domain after migrating', () => {
    const tables = db.$client
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'")
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'regions', 'region_contacts', 'users', 'support_types', 'support_requests', 'request_events',
        'region_questions', 'visits', 'day_allotments', 'day_adjustments', 'unavailability',
        'audit_events', 'outbox', 'sessions', 'rate_limit_events', 'calendar_feeds', 'settings',
      ]),
    );
  });

  it('refuses a malformed registration number and a duplicate e-mail in another case', () => {
    const insertRegion = db.$client.prepare(
      "INSERT INTO regions (registration_number, name, province, plan_status, penvoerder, created_at) VALUES (?, 'x', 'Zeeland', 'lichtgroen', 'p', 0)",
    );
    expect(() => insertRegion.run('STO20001')).toThrow(/CHECK/);
    insertRegion.run('STO19001');
    const insertUser = db.$client.prepare(
      "INSERT INTO users (email, name, password_hash, role, created_at, updated_at) VALUES (?, 'n', 'h', 'supporter', 0, 0)",
    );
    insertUser.run('a@example.nl');
    expect(() => insertUser.run('A@Example.NL')).toThrow(/UNIQUE/);
  });
});
