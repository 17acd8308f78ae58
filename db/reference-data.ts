/**
 * Reference data: what every database needs, demo or real. The six support types with their rules
 * (the critical friend capped at two visits per region and cut off at 1 December 2019) and the
 * settings (the default free days per year).
 *
 * Written at every start (writeReferenceData) and idempotent: a support type or a setting is only
 * added when its key is missing, so what the team changed under *Instellingen* stays as they left it.
 */
import { inArray } from 'drizzle-orm';
import { DEFAULT_HALF_DAYS_PER_YEAR, DEFAULT_HALF_DAYS_SETTING } from '~/domain/ledger';
import type { Db, Queryable } from './client';
import { auditEvents, settings, supportTypes } from './schema';

// ---------------------------------------------------------------------------------------------
// Support types and settings
// ---------------------------------------------------------------------------------------------

export type SupportTypeKey =
  | 'critical_friend'
  | 'samenwerking'
  | 'docenten_uitvoering'
  | 'thema'
  | 'herschrijven'
  | 'verantwoording';

export interface SeedSupportType {
  key: SupportTypeKey;
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
  capPerRegion: number | null;
  bookableUntil: number | null;
  drawsOnDays: boolean;
  defaultMinutes: number;
  sortOrder: number;
}

/** 2019-12-01T00:00 Europe/Amsterdam (winter time, UTC+1) = 2019-11-30T23:00:00Z. */
export const CRITICAL_FRIEND_CUT_OFF = Date.UTC(2019, 10, 30, 23, 0, 0);

export const SUPPORT_TYPES: readonly SeedSupportType[] = [
  {
    key: 'critical_friend',
    nameNl: 'Critical friend',
    nameEn: 'Critical friend',
    descriptionNl:
      'Een critical friend bezoekt de regio en bespreekt met projectleider en penvoerder hoe het plan loopt. Kosteloos, maximaal twee keer per regio en alleen vóór 1 december 2019.',
    descriptionEn:
      'A critical friend visits the region and discusses with the project leader and the lead applicant how the plan is going. Free of charge, at most twice per region and only before 1 December 2019.',
    capPerRegion: 2,
    bookableUntil: CRITICAL_FRIEND_CUT_OFF,
    drawsOnDays: false,
    defaultMinutes: 150,
    sortOrder: 10,
  },
  {
    key: 'samenwerking',
    nameNl: 'Samenwerking in de regio',
    nameEn: 'Cooperation in the region',
    descriptionNl: 'Iemand die meedenkt over de samenwerking tussen vmbo, mbo, bedrijfsleven en gemeenten in de regio.',
    descriptionEn: 'Someone who thinks along about cooperation between vmbo, mbo, businesses and local government in the region.',
    capPerRegion: null,
    bookableUntil: null,
    drawsOnDays: true,
    defaultMinutes: 240,
    sortOrder: 20,
  },
  {
    key: 'docenten_uitvoering',
    nameNl: 'Docenten brengen het plan in praktijk',
    nameEn: 'Teachers putting the plan into practice',
    descriptionNl: 'Meedenken over hoe docenten het plan in de praktijk brengen: in de les, in de sectie en samen met het mbo.',
    descriptionEn: 'Thinking along about how teachers put the plan into practice: in class, in the department and together with the mbo.',
    capPerRegion: null,
    bookableUntil: null,
    drawsOnDays: true,
    defaultMinutes: 240,
    sortOrder: 30,
  },
  {
    key: 'thema',
    nameNl: 'Ondersteuning op een thema (projectleider, penvoerder, docent)',
    nameEn: 'Support on a theme (project leader, lead applicant, teacher)',
    descriptionNl:
      'Inhoudelijke, procesmatige of strategische hulp op een speerpunt of een regionale activiteit, voor projectleiders, penvoerders en docenten.',
    descriptionEn:
      'Help on content, process or strategy with a focus point or a regional activity, for project leaders, lead applicants and teachers.',
    capPerRegion: null,
    bookableUntil: null,
    drawsOnDays: true,
    defaultMinutes: 240,
    sortOrder: 40,
  },
  {
    key: 'herschrijven',
    nameNl: 'Herschrijven van het plan',
    nameEn: 'Rewriting the plan',
    descriptionNl: 'Hulp bij het herschrijven van een regioplan dat opnieuw moet worden ingediend of verduidelijkt.',
    descriptionEn: 'Help rewriting a regional plan that has to be resubmitted or clarified.',
    capPerRegion: null,
    bookableUntil: null,
    drawsOnDays: true,
    defaultMinutes: 480,
    sortOrder: 50,
  },
  {
    key: 'verantwoording',
    nameNl: 'Verantwoording van de subsidie',
    nameEn: 'Accountability for the grant',
    descriptionNl: 'Hulp bij de inhoudelijke en financiële verantwoording van de subsidie, de monitor en de cofinanciering.',
    descriptionEn: 'Help with the substantive and financial accountability for the grant, the monitor and the co-financing.',
    capPerRegion: null,
    bookableUntil: null,
    drawsOnDays: true,
    defaultMinutes: 240,
    sortOrder: 60,
  },
];

export { DEFAULT_HALF_DAYS_PER_YEAR };

/** Settings the app reads, with the value a new database starts with. */
export const SETTINGS: ReadonlyArray<{ key: string; value: unknown }> = [
  { key: DEFAULT_HALF_DAYS_SETTING, value: DEFAULT_HALF_DAYS_PER_YEAR },
];

export type ReferenceDataResult = {
  /** Keys of support types that were missing and have been added. */
  supportTypesAdded: string[];
  /** Keys of settings that were missing and have been added. */
  settingsAdded: string[];
};

/**
 * Adds the support types and settings that are missing (by key) and leaves existing rows alone.
 * Runs on the caller's transaction; one audit row when it added anything.
 */
export function writeReferenceData(q: Queryable, now: number): ReferenceDataResult {
  const haveTypes = new Set(
    q
      .select({ key: supportTypes.key })
      .from(supportTypes)
      .where(inArray(supportTypes.key, SUPPORT_TYPES.map((t) => t.key)))
      .all()
      .map((r) => r.key),
  );
  const missingTypes = SUPPORT_TYPES.filter((t) => !haveTypes.has(t.key));
  if (missingTypes.length > 0) {
    q.insert(supportTypes)
      .values(missingTypes.map((t) => ({ ...t, active: true })))
      .onConflictDoNothing()
      .run();
  }
  const haveSettings = new Set(
    q
      .select({ key: settings.key })
      .from(settings)
      .where(inArray(settings.key, SETTINGS.map((s) => s.key)))
      .all()
      .map((r) => r.key),
  );
  const missingSettings = SETTINGS.filter((s) => !haveSettings.has(s.key));
  if (missingSettings.length > 0) {
    q.insert(settings)
      .values(missingSettings.map((s) => ({ key: s.key, value: s.value, updatedAt: now })))
      .onConflictDoNothing()
      .run();
  }
  const result = { supportTypesAdded: missingTypes.map((t) => t.key), settingsAdded: missingSettings.map((s) => s.key) };
  if (missingTypes.length + missingSettings.length > 0) {
    q.insert(auditEvents)
      .values({ at: now, actorLabel: 'system', action: 'reference_data.added', entityType: 'database', after: result, reason: 'Referentiegegevens aangevuld' })
      .run();
  }
  return result;
}

/** writeReferenceData in an immediate transaction of its own (at start-up). */
export function ensureReferenceData(db: Db, now: number): ReferenceDataResult {
  return db.transaction((tx) => writeReferenceData(tx, now), { behavior: 'immediate' });
}
