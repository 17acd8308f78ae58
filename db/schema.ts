/**
 * The whole domain's tables. Conventions:
 * - instants are integers: milliseconds since the Unix epoch, UTC (`*_at`, `starts_at`, `ends_at`);
 * - amounts of support days are integers in half-days (`*_half_days`): 5 days = 10;
 * - lists of theme keys (speerpunten) are JSON arrays of strings;
 * - secrets (status links, feed links, session ids) are stored as SHA-256 hashes only.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import { MEETING_STATUSES, SIGNUP_ROLES, SIGNUP_STATUSES } from '../app/domain/meetings';

export const PLAN_STATUSES = ['approved_2019_07', 'approved_2019_12', 'lichtgroen', 'resubmit'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const CONTACT_ROLES = ['projectleider', 'penvoerder', 'docent', 'bestuurder', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const USER_ROLES = ['coordinator', 'supporter'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** submitted: waiting for the team; accepted: the team takes it on; declined/withdrawn/closed: ended. */
export const REQUEST_STATUSES = ['submitted', 'accepted', 'declined', 'withdrawn', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The assigned supporter's answer to an assignment. */
export const ASSIGNMENT_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const VISIT_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export const QUESTION_KINDS = ['move', 'cancel', 'withdraw'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** A region's latest development: proposed by a region contact, published or rejected by the team. */
export const DEVELOPMENT_STATUSES = ['proposed', 'published', 'rejected'] as const;
export type DevelopmentStatus = (typeof DEVELOPMENT_STATUSES)[number];

export const OUTBOX_STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** 'request': a region's feed, one link per request (per contact), so one contact replacing theirs breaks no other's. */
/** The three school-holiday zones of the Netherlands (vakantieregio's); the same list as app/domain/holidays.ts. */
export const HOLIDAY_ZONES = ['noord', 'midden', 'zuid'] as const;
export type HolidayZoneName = (typeof HOLIDAY_ZONES)[number];

export const FEED_OWNERS = ['supporter', 'region', 'request', 'team'] as const;
export type FeedOwner = (typeof FEED_OWNERS)[number];

const createdAt = () => integer('created_at').notNull();

export const regions = sqliteTable(
  'regions',
  {
    id: integer('id').primaryKey(),
    registrationNumber: text('registration_number').notNull(),
    name: text('name').notNull(),
    province: text('province').notNull(),
    planStatus: text('plan_status', { enum: PLAN_STATUSES }).notNull(),
    penvoerder: text('penvoerder').notNull(),
    speerpunten: text('speerpunten', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** The region's main town (hoofdplaats), as the region import gives it; null for older rows. */
    mainTown: text('main_town'),
    /** The main town's position (WGS84 degrees) for the map; null until known. */
    latitude: real('latitude'),
    longitude: real('longitude'),
    /**
     * The school-holiday zone when a coordinator set it; NULL follows the province's default
     * (app/domain/holidays.ts: defaultZoneForProvince), so every import and insert gets a zone.
     */
    holidayZone: text('holiday_zone', { enum: HOLIDAY_ZONES }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('regions_registration_number_unique').on(t.registrationNumber),
    check('regions_registration_number_format', sql`${t.registrationNumber} GLOB 'STO19[0-9][0-9][0-9]'`),
  ],
);

export const regionContacts = sqliteTable(
  'region_contacts',
  {
    id: integer('id').primaryKey(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: CONTACT_ROLES }).notNull(),
    phone: text('phone'),
  },
  (t) => [index('region_contacts_region_idx').on(t.regionId)],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey(),
    /** Always stored lower-cased; the unique index is case-insensitive as well. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    language: text('language', { enum: LANGUAGES }).notNull().default('nl'),
    /** Supporter profile: theme keys they can help with. */
    themes: text('themes', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Supporter profile: the region they work in and may never serve. */
    homeRegionId: integer('home_region_id').references(() => regions.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /**
     * Set while the password is a temporary one (from `npm run user:create` or set by a
     * coordinator): every signed-in page sends the user to /wachtwoord until they choose their own.
     */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_unique').on(sql`${t.email} COLLATE NOCASE`)],
);

export const supportTypes = sqliteTable(
  'support_types',
  {
    id: integer('id').primaryKey(),
    key: text('key').notNull(),
    nameNl: text('name_nl').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionNl: text('description_nl').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** At most this many planned + held visits per region; null = no cap. */
    capPerRegion: integer('cap_per_region'),
    /** A visit must start before this instant; null = no cut-off. */
    bookableUntil: integer('bookable_until'),
    drawsOnDays: integer('draws_on_days', { mode: 'boolean' }).notNull(),
    defaultMinutes: integer('default_minutes').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('support_types_key_unique').on(t.key)],
);

export const supportRequests = sqliteTable(
  'support_requests',
  {
    id: integer('id').primaryKey(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    supportTypeId: integer('support_type_id')
      .notNull()
      .references(() => supportTypes.id),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactRole: text('contact_role', { enum: CONTACT_ROLES }).notNull(),
    contactLanguage: text('contact_language', { enum: LANGUAGES }).notNull().default('nl'),
    question: text('question').notNull(),
    /** A speerpunt key, or null. */
    theme: text('theme'),
    preferredPeriod: text('preferred_period').notNull().default(''),
    location: text('location').notNull().default(''),
    expectedHalfDays: integer('expected_half_days').notNull().default(2),
    status: text('status', { enum: REQUEST_STATUSES }).notNull().default('submitted'),
    supporterId: integer('supporter_id').references(() => users.id),
    assignmentStatus: text('assignment_status', { enum: ASSIGNMENT_STATUSES }),
    statusTokenHash: text('status_token_hash').notNull(),
    /**
     * Random nonce from which the status link is derived again at send time (HMAC with
     * SESSION_SECRET, app/mail/status-links.server.ts); null for requests made before ADR 0013.
     */
    statusNonce: text('status_nonce'),
    /** Hash of the derived link when it is not the first link (requests made before ADR 0013). */
    statusLinkHash: text('status_link_hash'),
    consentAt: integer('consent_at').notNull(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('support_requests_status_token_unique').on(t.statusTokenHash),
    uniqueIndex('support_requests_status_link_unique').on(t.statusLinkHash),
    index('support_requests_region_idx').on(t.regionId),
    index('support_requests_supporter_idx').on(t.supporterId),
    index('support_requests_status_idx').on(t.status, t.createdAt),
  ],
);

/** The history of a request: status changes, assignments, internal notes (never shown to regions). */
export const requestEvents = sqliteTable(
  'request_events',
  {
    id: integer('id').primaryKey(),
    requestId: integer('request_id')
      .notNull()
      .references(() => supportRequests.id, { onDelete: 'cascade' }),
    at: integer('at').notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    /** 'contact', 'user' or 'system'. */
    actorKind: text('actor_kind', { enum: ['contact', 'user', 'system'] }).notNull(),
    kind: text('kind').notNull(),
    message: text('message').notNull().default(''),
    visibleToRegion: integer('visible_to_region', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('request_events_request_idx').on(t.requestId, t.at)],
);

/** What a region asks through its status link: move or cancel a visit, withdraw the request. */
export const regionQuestions = sqliteTable(
  'region_questions',
  {
    id: integer('id').primaryKey(),
    requestId: integer('request_id')
      .notNull()
      .references(() => supportRequests.id, { onDelete: 'cascade' }),
    visitId: integer('visit_id').references(() => visits.id),
    kind: text('kind', { enum: QUESTION_KINDS }).notNull(),
    reason: text('reason').notNull(),
    proposedStartsAt: integer('proposed_starts_at'),
    proposedEndsAt: integer('proposed_ends_at'),
    status: text('status', { enum: ['open', 'granted', 'refused'] }).notNull().default('open'),
    answer: text('answer'),
    handledById: integer('handled_by_id').references(() => users.id),
    handledAt: integer('handled_at'),
    createdAt: createdAt(),
  },
  (t) => [index('region_questions_status_idx').on(t.status, t.createdAt)],
);

export const visits = sqliteTable(
  'visits',
  {
    id: integer('id').primaryKey(),
    requestId: integer('request_id')
      .notNull()
      .references(() => supportRequests.id),
    /** Copied from the request (which never changes region or type) so the rules need no join. */
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    supportTypeId: integer('support_type_id')
      .notNull()
      .references(() => supportTypes.id),
    supporterId: integer('supporter_id')
      .notNull()
      .references(() => users.id),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    /** Calendar year of the start in Europe/Amsterdam: the ledger year. */
    ledgerYear: integer('ledger_year').notNull(),
    location: text('location').notNull().default(''),
    /** Days charged to the region's ledger, in half-days; 0 when the type draws no days. */
    halfDays: integer('half_days').notNull(),
    status: text('status', { enum: VISIT_STATUSES }).notNull().default('planned'),
    calendarUid: text('calendar_uid').notNull(),
    sequence: integer('sequence').notNull().default(0),
    minutesSpent: integer('minutes_spent'),
    report: text('report'),
    reportVisibleToRegion: integer('report_visible_to_region', { mode: 'boolean' }).notNull().default(false),
    cancelReason: text('cancel_reason'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('visits_calendar_uid_unique').on(t.calendarUid),
    index('visits_supporter_time_idx').on(t.supporterId, t.startsAt),
    index('visits_region_type_idx').on(t.regionId, t.supportTypeId, t.status),
    index('visits_region_year_idx').on(t.regionId, t.ledgerYear, t.status),
    index('visits_request_idx').on(t.requestId),
    index('visits_start_idx').on(t.startsAt),
    check('visits_end_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('visits_half_days_nonneg', sql`${t.halfDays} >= 0`),
  ],
);

/** A region's allotment for one year when it differs from the default. */
export const dayAllotments = sqliteTable(
  'day_allotments',
  {
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    year: integer('year').notNull(),
    halfDays: integer('half_days').notNull(),
    reason: text('reason').notNull(),
    setById: integer('set_by_id').references(() => users.id),
    setAt: integer('set_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.year] }), check('day_allotments_nonneg', sql`${t.halfDays} >= 0`)],
);

/** Days added (+) or removed (-) on top of the allotment, always with a reason. */
export const dayAdjustments = sqliteTable(
  'day_adjustments',
  {
    id: integer('id').primaryKey(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    year: integer('year').notNull(),
    deltaHalfDays: integer('delta_half_days').notNull(),
    reason: text('reason').notNull(),
    authorId: integer('author_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('day_adjustments_region_year_idx').on(t.regionId, t.year)],
);

export const unavailability = sqliteTable(
  'unavailability',
  {
    id: integer('id').primaryKey(),
    supporterId: integer('supporter_id')
      .notNull()
      .references(() => users.id),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    reason: text('reason').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('unavailability_supporter_idx').on(t.supporterId, t.startsAt),
    check('unavailability_end_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey(),
    at: integer('at').notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id),
    /** Who did it, as shown: a user's name, 'contact <e-mail>', 'system'. */
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: integer('entity_id'),
    regionId: integer('region_id').references(() => regions.id),
    before: text('before', { mode: 'json' }).$type<unknown>(),
    after: text('after', { mode: 'json' }).$type<unknown>(),
    reason: text('reason'),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_region_idx').on(t.regionId, t.at),
    index('audit_events_actor_idx').on(t.actorUserId, t.at),
  ],
);

export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    kind: text('kind').notNull(),
    toEmail: text('to_email').notNull(),
    toName: text('to_name').notNull().default(''),
    language: text('language', { enum: LANGUAGES }).notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** The .ics attachment, if any, and its METHOD (REQUEST, CANCEL). */
    ics: text('ics'),
    icsMethod: text('ics_method'),
    visitId: integer('visit_id').references(() => visits.id),
    requestId: integer('request_id').references(() => supportRequests.id),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    leaseUntil: integer('lease_until'),
    transport: text('transport'),
    providerId: text('provider_id'),
    lastError: text('last_error'),
    /** What the last failure was, for the sentence shown under Berichten (app/mail/delivery-rules.ts). */
    errorKind: text('error_kind'),
    createdAt: createdAt(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [
    uniqueIndex('outbox_idempotency_key_unique').on(t.idempotencyKey),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_visit_idx').on(t.visitId),
    index('outbox_request_idx').on(t.requestId),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the random session id that the signed cookie carries. */
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: integer('expires_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    userAgent: text('user_agent').notNull().default(''),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Events counted by the rate limiter: failed sign-ins per account and address, public form posts. */
export const rateLimitEvents = sqliteTable(
  'rate_limit_events',
  {
    id: integer('id').primaryKey(),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('rate_limit_events_lookup_idx').on(t.bucket, t.key, t.at)],
);

/** Private calendar feed links: one live token per owner; replacing it revokes the old one. */
export const calendarFeeds = sqliteTable(
  'calendar_feeds',
  {
    id: integer('id').primaryKey(),
    ownerKind: text('owner_kind', { enum: FEED_OWNERS }).notNull(),
    /** users.id for a supporter, regions.id for a region, 0 for the team. */
    ownerId: integer('owner_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('calendar_feeds_token_unique').on(t.tokenHash),
    uniqueIndex('calendar_feeds_owner_unique').on(t.ownerKind, t.ownerId),
  ],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).$type<unknown>().notNull(),
  updatedAt: integer('updated_at').notNull(),
});

// ---------------------------------------------------------------------------------------------
// Themabijeenkomsten (theme meetings). The enum lists live in app/domain/meetings.ts (client-safe).


export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey(),
    titleNl: text('title_nl').notNull(),
    titleEn: text('title_en').notNull().default(''),
    descriptionNl: text('description_nl').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    /** A speerpunt key or a support theme key (app/domain/meetings.ts MEETING_THEMES). */
    theme: text('theme').notNull(),
    /** Audience keys (projectleider, penvoerder, docent, controller, bestuurder), at least one. */
    audiences: text('audiences', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    /** The address; empty for an online meeting. */
    location: text('location').notNull().default(''),
    /** The online link; only ever sent to confirmed attendees. */
    onlineUrl: text('online_url'),
    capacity: integer('capacity').notNull(),
    /** At most this many confirmed places per region; null = no limit. */
    placesPerRegion: integer('places_per_region'),
    signupDeadline: integer('signup_deadline').notNull(),
    visibleFrom: integer('visible_from').notNull(),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('draft'),
    calendarUid: text('calendar_uid').notNull(),
    /** Raised on every change an attendee's calendar must follow. */
    sequence: integer('sequence').notNull().default(0),
    cancelReason: text('cancel_reason'),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('meetings_calendar_uid_unique').on(t.calendarUid),
    index('meetings_status_start_idx').on(t.status, t.startsAt),
    check('meetings_end_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('meetings_capacity_positive', sql`${t.capacity} >= 1`),
    check('meetings_places_per_region_positive', sql`${t.placesPerRegion} IS NULL OR ${t.placesPerRegion} >= 1`),
  ],
);

export const meetingSignups = sqliteTable(
  'meeting_signups',
  {
    id: integer('id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    name: text('name').notNull(),
    /** Stored lower-cased. */
    email: text('email').notNull(),
    role: text('role', { enum: SIGNUP_ROLES }).notNull(),
    language: text('language', { enum: LANGUAGES }).notNull().default('nl'),
    status: text('status', { enum: SIGNUP_STATUSES }).notNull(),
    /** The place in the queue: the moment of signing up (ties broken by id). */
    queuedAt: integer('queued_at').notNull(),
    /** Recorded afterwards by the team: true attended, false did not come, null not recorded. */
    attended: integer('attended', { mode: 'boolean' }),
    tokenHash: text('token_hash').notNull(),
    consentAt: integer('consent_at'),
    /** A coordinator who added them by hand; null when they signed up themselves. */
    addedById: integer('added_by_id').references(() => users.id),
    confirmedAt: integer('confirmed_at'),
    cancelledAt: integer('cancelled_at'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('meeting_signups_token_unique').on(t.tokenHash),
    index('meeting_signups_meeting_status_idx').on(t.meetingId, t.status, t.queuedAt),
    index('meeting_signups_meeting_region_idx').on(t.meetingId, t.regionId, t.status),
    index('meeting_signups_meeting_email_idx').on(t.meetingId, t.email),
  ],
);

/** "Laatste ontwikkelingen": short public posts per region (no personal data). */
export const regionDevelopments = sqliteTable(
  'region_developments',
  {
    id: integer('id').primaryKey(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** An optional http(s) link. */
    linkUrl: text('link_url'),
    /** The calendar date the post carries (YYYY-MM-DD, Amsterdam). */
    date: text('date').notNull(),
    status: text('status', { enum: DEVELOPMENT_STATUSES }).notNull(),
    /** The request whose status page proposed it, if a region contact did. */
    proposedByRequestId: integer('proposed_by_request_id').references(() => supportRequests.id),
    createdById: integer('created_by_id').references(() => users.id),
    decidedById: integer('decided_by_id').references(() => users.id),
    decidedAt: integer('decided_at'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('region_developments_region_idx').on(t.regionId, t.status, t.date),
    index('region_developments_status_idx').on(t.status, t.createdAt),
  ],
);

/** Veelgestelde vragen: Dutch required, English optional (both or neither); Markdown answers. */
export const faqEntries = sqliteTable(
  'faq_entries',
  {
    id: integer('id').primaryKey(),
    /** A key of FAQ_CATEGORIES (app/domain/faq.ts). */
    category: text('category').notNull(),
    questionNl: text('question_nl').notNull(),
    answerNl: text('answer_nl').notNull(),
    questionEn: text('question_en'),
    answerEn: text('answer_en'),
    sortOrder: integer('sort_order').notNull().default(0),
    published: integer('published', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('faq_entries_public_idx').on(t.published, t.category, t.sortOrder)],
);

/** Tools for the regions: a file on disk (named by its SHA-256) or a link. */
export const tools = sqliteTable(
  'tools',
  {
    id: integer('id').primaryKey(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** A speerpunt key. */
    theme: text('theme').notNull(),
    linkUrl: text('link_url'),
    fileHash: text('file_hash'),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    sizeBytes: integer('size_bytes'),
    createdById: integer('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('tools_theme_idx').on(t.theme, t.title),
    index('tools_file_hash_idx').on(t.fileHash),
    check('tools_file_or_link', sql`(${t.fileHash} IS NULL) <> (${t.linkUrl} IS NULL)`),
  ],
);

/**
 * School holidays per school year and zone, kept by the coordinators (or imported from the
 * Rijksoverheid's open data). Dates are Amsterdam calendar dates, 'yyyy-mm-dd', both inclusive.
 */
export const schoolHolidays = sqliteTable(
  'school_holidays',
  {
    id: integer('id').primaryKey(),
    /** '2019-2020' */
    schoolYear: text('school_year').notNull(),
    zone: text('zone', { enum: HOLIDAY_ZONES }).notNull(),
    /** 'Herfstvakantie', 'Kerstvakantie', …, as the Rijksoverheid names them. */
    name: text('name').notNull(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    /** Rijksoverheid's compulsorydates: false where the dates are advice (schools may deviate). */
    compulsory: integer('compulsory', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('school_holidays_zone_dates_idx').on(t.zone, t.startDate),
    index('school_holidays_year_idx').on(t.schoolYear, t.zone),
    check('school_holidays_zone', sql`${t.zone} IN ('noord', 'midden', 'zuid')`),
    check('school_holidays_dates', sql`${t.endDate} >= ${t.startDate}`),
  ],
);
