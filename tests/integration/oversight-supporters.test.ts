/** The supporters' use cases of the oversight: add, edit, duplicate e-mail, temporary password. */
import { asc, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '~/auth/password.server';
import { NotFoundError } from '~/services/common.server';
import {
  createSupporter,
  getSupporter,
  setTemporaryPassword,
  supporterOverview,
  updateSupporter,
} from '~/services/oversight.server';
import { supporterLoads } from '~/services/read-models.server';
import { auditEvents, regions, sessions, users } from '~db/schema';
import { seedDemoData } from '~db/seed';
import { createTestDb } from '../helpers/db';

const NOW = DateTime.fromObject({ year: 2026, month: 11, day: 28, hour: 10 }, { zone: 'Europe/Amsterdam' }).toMillis();

const { db, close } = createTestDb();
let coordinatorId: number;
let regionId: number;
const actor = () => ({ actorUserId: coordinatorId, now: NOW });
const lastAudit = () => db.select().from(auditEvents).orderBy(asc(auditEvents.id)).all().at(-1)!;
const profile = {
  name: 'Nieuwe Ondersteuner',
  email: 'Nieuw.Ondersteuner@Example.NL',
  language: 'nl' as const,
  themes: ['lob', 'po'],
  homeRegionId: null as number | null,
  active: true,
};

beforeAll(async () => {
  await seedDemoData(db, { now: NOW });
  coordinatorId = db.select({ id: users.id }).from(users).where(eq(users.role, 'coordinator')).get()!.id;
  regionId = db.select({ id: regions.id }).from(regions).orderBy(asc(regions.id)).get()!.id;
});
afterAll(close);

describe('adding a supporter', () => {
  let newId: number;

  it('stores the profile with a lower-cased e-mail and a hashed temporary password, and audits it', async () => {
    const result = await createSupporter(db, { ...actor(), ...profile, homeRegionId: regionId, temporaryPassword: 'tijdelijk-wachtwoord-1' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    newId = result.supporterId;
    const row = db.select().from(users).where(eq(users.id, newId)).get()!;
    expect(row).toMatchObject({ email: 'nieuw.ondersteuner@example.nl', role: 'supporter', themes: ['lob', 'po'], homeRegionId: regionId, active: true });
    expect(row.passwordHash).not.toContain('tijdelijk');
    expect(await verifyPassword('tijdelijk-wachtwoord-1', row.passwordHash)).toBe(true);
    const audit = lastAudit();
    expect(audit).toMatchObject({ action: 'supporter.created', entityType: 'user', entityId: newId, actorUserId: coordinatorId });
    expect(JSON.stringify(audit.after)).not.toContain('scrypt');
    expect(audit.after).toMatchObject({ email: 'nieuw.ondersteuner@example.nl', themes: ['lob', 'po'] });
  });

  it('appears in the supporters overview with no load yet', () => {
    const row = supporterOverview(db, 2026).find((s) => s.supporterId === newId)!;
    expect(row).toMatchObject({ email: 'nieuw.ondersteuner@example.nl', plannedVisits: 0, heldVisits: 0, plannedHalfDays: 0, usedHalfDays: 0 });
    expect(row.homeRegionName).not.toBeNull();
    expect(supporterOverview(db, 2026)).toHaveLength(supporterLoads(db, 2026).length);
  });

  it('refuses an e-mail address that exists already, whatever its case, and stores nothing', async () => {
    const before = db.select().from(users).all().length;
    const audits = db.select().from(auditEvents).all().length;
    for (const email of ['MARIEKE.BOSMAN@sto-ondersteuning.example', ' coordinator@STO-ondersteuning.example ', 'nieuw.ondersteuner@example.nl']) {
      const result = await createSupporter(db, { ...actor(), ...profile, email, temporaryPassword: 'nog-een-wachtwoord' });
      expect(result).toEqual({ ok: false, problem: 'email_taken' });
    }
    expect(db.select().from(users).all()).toHaveLength(before);
    expect(db.select().from(auditEvents).all()).toHaveLength(audits);
  });

  it('refuses an unknown home region or theme', async () => {
    expect(await createSupporter(db, { ...actor(), ...profile, email: 'a@example.nl', homeRegionId: 999_999, temporaryPassword: 'x'.repeat(12) })).toEqual({
      ok: false,
      problem: 'unknown_region',
    });
    expect(await createSupporter(db, { ...actor(), ...profile, email: 'b@example.nl', themes: ['zwemmen'], temporaryPassword: 'x'.repeat(12) })).toEqual({
      ok: false,
      problem: 'unknown_theme',
    });
  });

  it('edits the profile with before and after in the audit log', () => {
    const result = updateSupporter(db, {
      ...actor(),
      supporterId: newId,
      ...profile,
      name: 'Nieuwe Naam',
      email: 'nieuw.ondersteuner@example.nl',
      language: 'en',
      themes: ['governance'],
      homeRegionId: null,
    });
    expect(result).toEqual({ ok: true, supporterId: newId });
    expect(getSupporter(db, newId, NOW)).toMatchObject({ name: 'Nieuwe Naam', language: 'en', themes: ['governance'], homeRegionId: null });
    const audit = lastAudit();
    expect(audit).toMatchObject({ action: 'supporter.updated', entityId: newId });
    expect(audit.before).toMatchObject({ name: 'Nieuwe Ondersteuner', language: 'nl', homeRegionId: regionId });
    expect(audit.after).toMatchObject({ name: 'Nieuwe Naam', language: 'en', homeRegionId: null });
  });

  it('keeps its own e-mail in another case, but refuses someone else’s', () => {
    expect(updateSupporter(db, { ...actor(), supporterId: newId, ...profile, email: 'NIEUW.ondersteuner@example.nl' }).ok).toBe(true);
    const before = db.select().from(users).where(eq(users.id, newId)).get()!;
    expect(updateSupporter(db, { ...actor(), supporterId: newId, ...profile, email: 'Erik.DeWit@sto-ondersteuning.example' })).toEqual({
      ok: false,
      problem: 'email_taken',
    });
    expect(db.select().from(users).where(eq(users.id, newId)).get()).toEqual(before);
  });

  it('signs a supporter out everywhere when made inactive', () => {
    db.insert(sessions).values({ idHash: 'sessie-a', userId: newId, createdAt: NOW, expiresAt: NOW + 1e9, lastSeenAt: NOW }).run();
    expect(updateSupporter(db, { ...actor(), supporterId: newId, ...profile, active: false }).ok).toBe(true);
    expect(db.select().from(sessions).where(eq(sessions.userId, newId)).all()).toHaveLength(0);
    expect(getSupporter(db, newId, NOW)?.active).toBe(false);
  });

  it('throws NotFoundError for an id that is not a supporter', () => {
    expect(() => updateSupporter(db, { ...actor(), supporterId: coordinatorId, ...profile })).toThrow(NotFoundError);
    expect(getSupporter(db, coordinatorId, NOW)).toBeNull();
    expect(getSupporter(db, 999_999, NOW)).toBeNull();
  });
});

describe('a temporary password', () => {
  it('replaces the hash, ends every session of that supporter only, and audits without the password', async () => {
    const supporter = db.select().from(users).where(eq(users.email, 'ruud.vanleeuwen@sto-ondersteuning.example')).get()!;
    const other = db.select().from(users).where(eq(users.email, 'marieke.bosman@sto-ondersteuning.example')).get()!;
    db.insert(sessions)
      .values([
        { idHash: 'ruud-1', userId: supporter.id, createdAt: NOW, expiresAt: NOW + 1e9, lastSeenAt: NOW },
        { idHash: 'ruud-2', userId: supporter.id, createdAt: NOW, expiresAt: NOW + 1e9, lastSeenAt: NOW },
        { idHash: 'marieke-1', userId: other.id, createdAt: NOW, expiresAt: NOW + 1e9, lastSeenAt: NOW },
      ])
      .run();
    const result = await setTemporaryPassword(db, { ...actor(), supporterId: supporter.id, password: 'heel-tijdelijk-123' });
    expect(result).toEqual({ ok: true, sessionsEnded: 2 });
    const after = db.select().from(users).where(eq(users.id, supporter.id)).get()!;
    expect(await verifyPassword('heel-tijdelijk-123', after.passwordHash)).toBe(true);
    expect(await verifyPassword('demo-ondersteuner-2019', after.passwordHash)).toBe(false);
    expect(db.select().from(sessions).where(eq(sessions.userId, supporter.id)).all()).toHaveLength(0);
    expect(db.select().from(sessions).where(eq(sessions.userId, other.id)).all()).toHaveLength(1);
    const audit = lastAudit();
    expect(audit).toMatchObject({ action: 'supporter.password_set', entityId: supporter.id, after: { sessionsEnded: 2 } });
    expect(JSON.stringify(audit)).not.toContain('heel-tijdelijk');
  });

  it('is only for supporters', async () => {
    await expect(setTemporaryPassword(db, { ...actor(), supporterId: coordinatorId, password: 'x'.repeat(12) })).rejects.toThrow(NotFoundError);
  });
});
