/**
 * Demo: a history of requests and visits. A 2019 (critical-friend visits in the autumn of 2019, a
 * few theme visits) and a current year (the year of `now` in Europe/Amsterdam) of requests in every
 * status and visits around `now`.
 *
 * Everything is planned first, in memory, with a fixed-seed PRNG; every visit is booked through the
 * domain's rules (decideSchedule, decideRecordHeld, decideCancel in app/domain/rules.ts) with the
 * support types' rules from the reference data, so the demo can't break a rule the app keeps. Then
 * it is written on the seed's transaction. Only the now-relative dates, the status tokens and the
 * calendar UIDs differ per run.
 */
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { hashToken, newToken } from '~/auth/tokens.server';
import {
  chargeFor,
  decideCancel,
  decideRecordHeld,
  decideSchedule,
  ledgerYearOf,
  type Interval,
  type RegionFacts,
  type SupporterFacts,
  type SupportTypeFacts,
} from '~/domain/rules';
import type { ThemeKey } from '~/domain/themes';
import type { Tx } from '../client';
import {
  auditEvents,
  dayAllotments,
  requestEvents,
  supportRequests,
  visits as visitsTable,
  type AssignmentStatus,
  type Language,
  type RequestStatus,
  type VisitStatus,
} from '../schema';
import {
  CANCEL_REASONS,
  CRITICAL_FRIEND_REPORT_PARTS,
  DECLINE_MESSAGES,
  PREFERRED_PERIODS,
  QUESTIONS,
  QUESTIONS_EN,
  REGIONS,
  SCHOOL_NAMES,
  SEED,
  SUPPORTERS,
  THEME_QUESTIONS,
  VISIT_REPORTS,
  WITHDRAW_MESSAGES,
  createRandom,
  type Random,
  type SeedContact,
  type SupportTypeKey,
} from '../seed-data';
import { requireCoordinator, requireRegion, requireUser, type DemoContext, type DemoSeeder } from './seeder';

const ZONE = 'Europe/Amsterdam';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------
// The plan: plain objects that refer to REGIONS / SUPPORTERS / SUPPORT_TYPES by index or key
// ---------------------------------------------------------------------------------------------

type Actor = 'contact' | 'coordinator' | 'supporter' | 'system';

interface PlannedEvent {
  at: number;
  actor: Actor;
  kind: string;
  message: string;
  visibleToRegion: boolean;
}

interface PlannedRequest {
  region: number;
  type: SupportTypeKey;
  supporter: number | null;
  status: RequestStatus;
  assignmentStatus: AssignmentStatus | null;
  contact: SeedContact;
  language: Language;
  question: string;
  theme: string | null;
  preferredPeriod: string;
  location: string;
  expectedHalfDays: number;
  createdAt: number;
  updatedAt: number;
  events: PlannedEvent[];
}

interface PlannedVisit {
  request: number;
  startsAt: number;
  endsAt: number;
  status: VisitStatus;
  halfDays: number;
  location: string;
  minutesSpent: number | null;
  report: string | null;
  reportVisibleToRegion: boolean;
  cancelReason: string | null;
  sequence: number;
  createdAt: number;
  updatedAt: number;
}

interface Plan {
  requests: PlannedRequest[];
  visits: PlannedVisit[];
  allotments: Array<{ region: number; year: number; halfDays: number; reason: string }>;
}

/** A local day (start of day in Amsterdam) at a wall-clock time, as an instant. */
function atLocal(day: DateTime, minutesAfterMidnight: number): number {
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: Math.floor(minutesAfterMidnight / 60), minute: minutesAfterMidnight % 60 },
    { zone: ZONE },
  ).toMillis();
}

function localDay(year: number, month: number, day: number): DateTime {
  return DateTime.fromObject({ year, month, day }, { zone: ZONE });
}

/** Weekdays outside the Christmas and summer holidays. */
function isWorkday(day: DateTime): boolean {
  if (day.weekday > 5) return false;
  const md = day.month * 100 + day.day;
  return !(md >= 1221 || md <= 104 || (md >= 718 && md <= 823));
}

class Planner {
  readonly plan: Plan = { requests: [], visits: [], allotments: [] };
  /** Per supporter, the local dates reserved for a visit (one visit a day: never an overlap). */
  private readonly busy = SUPPORTERS.map(() => new Set<string>());
  /** Half-days of planned and of held visits per `region:year`: the ledger the rules are handed. */
  private readonly ledger = new Map<string, { planned: number; used: number }>();
  /** Planned + held visits per `region:type`. */
  private readonly capUsed = new Map<string, number>();
  /** Per supporter, their live (not cancelled) visits, for the clash rule. */
  private readonly booked = SUPPORTERS.map((): Array<Interval & { id: number }> => []);
  /** Current-year assignments per supporter, to spread the work. */
  private readonly load = SUPPORTERS.map(() => 0);
  private readonly questionTurn = new Map<SupportTypeKey, number>();
  /** Each region's regular supporter (its critical friend): 5–6 regions each. */
  readonly regular: number[];

  constructor(
    readonly random: Random,
    readonly ctx: DemoContext,
  ) {
    this.now = ctx.now;
    this.regular = this.assignRegularSupporters();
  }

  readonly now: number;

  type(key: SupportTypeKey): SupportTypeFacts {
    const type = this.ctx.supportTypes.get(key);
    if (!type) throw new Error(`demo seed: support type ${key} is missing from the reference data`);
    return type;
  }

  regionFacts(region: number): RegionFacts {
    const { id, name } = requireRegion(this.ctx, REGIONS[region]!.registrationNumber);
    return { id, name };
  }

  /** A visit in the past was booked while its supporter was still active (in 2019 everyone was). */
  supporterFacts(supporter: number, startsAt: number): SupporterFacts {
    const s = SUPPORTERS[supporter]!;
    return {
      id: requireUser(this.ctx, s.email),
      name: s.name,
      role: 'supporter',
      active: s.active || startsAt < this.now,
      homeRegionId: requireRegion(this.ctx, s.homeRegistrationNumber).id,
    };
  }

  private assignRegularSupporters(): number[] {
    const regular = REGIONS.map(() => -1);
    const counts = SUPPORTERS.map(() => 0);
    for (const r of this.random.shuffle(REGIONS.map((_, i) => i))) {
      const candidates = SUPPORTERS.map((_, s) => s).filter((s) => !this.isHome(s, r));
      const least = Math.min(...candidates.map((s) => counts[s]!));
      const s = this.random.pick(candidates.filter((c) => counts[c] === least));
      regular[r] = s;
      counts[s]! += 1;
    }
    return regular;
  }

  knows(supporter: number, theme: string): boolean {
    return (SUPPORTERS[supporter]!.themes as readonly string[]).includes(theme);
  }

  isHome(supporter: number, region: number): boolean {
    return SUPPORTERS[supporter]!.homeRegistrationNumber === REGIONS[region]!.registrationNumber;
  }

  /** The best active supporter for a request: not from the region, knows the theme, the region's regular, least busy. */
  chooseSupporter(region: number, theme: string | null): number {
    const score = (s: number) =>
      (theme && this.knows(s, theme) ? 4 : 0) + (this.regular[region] === s ? 2 : 0) - this.load[s]!;
    const candidates = SUPPORTERS.map((_, s) => s).filter((s) => SUPPORTERS[s]!.active && !this.isHome(s, region));
    const best = candidates.reduce((a, b) => (score(b) > score(a) ? b : a));
    this.load[best]! += 1;
    return best;
  }

  question(type: SupportTypeKey, region: number, theme: string | null): string {
    if (REGIONS[region]!.province === 'Caribisch Nederland') return this.random.pick(QUESTIONS_EN);
    if (type === 'thema') return THEME_QUESTIONS[(theme ?? 'governance') as ThemeKey];
    const turn = this.questionTurn.get(type) ?? 0;
    this.questionTurn.set(type, turn + 1);
    const list = QUESTIONS[type];
    return list[turn % list.length]!;
  }

  themeFor(type: SupportTypeKey, region: number): string | null {
    switch (type) {
      case 'thema':
        return this.random.pick(REGIONS[region]!.speerpunten);
      case 'docenten_uitvoering':
        return 'docenten';
      case 'samenwerking':
        return 'bedrijfsleven';
      case 'verantwoording':
        return 'governance';
      default:
        return null;
    }
  }

  contactFor(type: SupportTypeKey, region: number): SeedContact {
    const role =
      type === 'herschrijven' || type === 'verantwoording'
        ? 'penvoerder'
        : type === 'docenten_uitvoering' || type === 'thema'
          ? 'docent'
          : 'projectleider';
    const contacts = REGIONS[region]!.contacts;
    return contacts.find((c) => c.role === role) ?? contacts[0]!;
  }

  location(region: number): string {
    return `${this.random.pick(SCHOOL_NAMES)}, ${REGIONS[region]!.town}`;
  }

  /**
   * A workday in [from, to] on which the supporter is free, at random, and reserves it for them
   * (one visit a day, so never an overlap); null when there is none.
   */
  findDay(supporter: number, from: DateTime, to: DateTime): DateTime | null {
    const span = Math.floor(to.diff(from, 'days').days);
    const busy = this.busy[supporter]!;
    const reserve = (day: DateTime) => (busy.add(day.toISODate()!), day);
    for (let attempt = 0; attempt < 40 && span >= 0; attempt++) {
      const day = from.plus({ days: this.random.int(0, span) });
      if (isWorkday(day) && !busy.has(day.toISODate()!)) return reserve(day);
    }
    for (let i = 0; i <= span; i++) {
      const day = from.plus({ days: i });
      if (day.weekday <= 5 && !busy.has(day.toISODate()!)) return reserve(day);
    }
    return null;
  }

  /** Start (minutes after midnight) and length of a visit of this type, between 09:00 and 16:00. */
  slot(type: SupportTypeKey): { start: number; minutes: number } {
    const r = this.random;
    const minutes =
      type === 'critical_friend'
        ? r.pick([120, 150, 150, 180])
        : type === 'herschrijven'
          ? r.pick([240, 420, 420])
          : r.pick([120, 180, 240, 240, 390]);
    const starts = [540, 570, 600, 720, 780].filter((s) => s + minutes <= 960);
    return { start: r.pick(starts), minutes };
  }

  addRequest(request: PlannedRequest): number {
    this.plan.requests.push(request);
    return this.plan.requests.length - 1;
  }

  /**
   * Books a visit on `day` through the domain's rules, as the booking use case does: decideSchedule
   * with the facts as the plan stands (cap count, the region's ledger, the supporter's visits), then
   * decideRecordHeld or decideCancel for a visit that was held or cancelled. The day comes from
   * findDay, which reserved it for the supporter. Returns the visit, or null when a rule says no.
   */
  addVisit(requestIndex: number, day: DateTime, status: VisitStatus, createdAt: number): PlannedVisit | null {
    const request = this.plan.requests[requestIndex]!;
    const type = this.type(request.type);
    const { start, minutes } = this.slot(request.type);
    const startsAt = atLocal(day, start);
    const endsAt = startsAt + minutes * 60_000;
    const charge = chargeFor(type, { startsAt, endsAt }, undefined);
    if (!charge.ok) return null;
    const halfDays = charge.halfDays;
    const year = ledgerYearOf(startsAt);
    const ledgerKey = `${request.region}:${year}`;
    const capKey = `${request.region}:${request.type}`;
    const ledger = this.ledger.get(ledgerKey) ?? { planned: 0, used: 0 };
    const region = this.regionFacts(request.region);
    const booked = this.booked[request.supporter!]!;
    const decision = decideSchedule(
      {
        request: { status: 'accepted' },
        region,
        supportType: type,
        supporter: this.supporterFacts(request.supporter!, startsAt),
        slot: { startsAt, endsAt, halfDays },
        typeCount: this.capUsed.get(capKey) ?? 0,
        ledger: { allotted: this.ctx.defaultHalfDaysPerYear, ...ledger },
        supporterVisits: booked,
        unavailability: [],
      },
      createdAt,
    );
    if (!decision.ok) return null;
    const held = status === 'held';
    const minutesSpent = held ? minutes + this.random.pick([0, 0, 15, 30]) : null;
    const cancelReason = status === 'cancelled' ? this.random.pick(CANCEL_REASONS) : null;
    const facts = { id: this.plan.visits.length + 1, startsAt, endsAt, status: 'planned' as const, halfDays, ledgerYear: year };
    const updatedAt = held ? Math.min(endsAt + DAY, this.now) : createdAt;
    if (held && !decideRecordHeld({ visit: facts, region, minutesSpent: minutesSpent! }, updatedAt).ok) return null;
    if (cancelReason !== null && !decideCancel({ visit: facts, region, reason: cancelReason }, updatedAt).ok) return null;
    if (status !== 'cancelled') {
      // Cancelled visits give their slot and their days back, so only live ones count.
      this.capUsed.set(capKey, (this.capUsed.get(capKey) ?? 0) + 1);
      this.ledger.set(ledgerKey, held ? { ...ledger, used: ledger.used + halfDays } : { ...ledger, planned: ledger.planned + halfDays });
      booked.push({ id: facts.id, startsAt, endsAt });
    }
    const visit: PlannedVisit = {
      request: requestIndex,
      startsAt,
      endsAt,
      status,
      halfDays,
      location: request.location,
      minutesSpent,
      report: held ? this.report(request.type) : null,
      reportVisibleToRegion: held && (request.type === 'critical_friend' || this.random.next() < 0.5),
      cancelReason,
      sequence: status === 'cancelled' ? 1 : 0,
      createdAt,
      updatedAt,
    };
    this.plan.visits.push(visit);
    return visit;
  }

  report(type: SupportTypeKey): string {
    if (type !== 'critical_friend') return this.random.pick(VISIT_REPORTS);
    const p = CRITICAL_FRIEND_REPORT_PARTS;
    return [this.random.pick(p.discussed), this.random.pick(p.seen), this.random.pick(p.agreed)].join(' ');
  }

  /** A moment on a local day `daysBefore` days before `ms`, at office hours. */
  someTimeBefore(ms: number, daysBefore: number): number {
    const day = DateTime.fromMillis(ms, { zone: ZONE }).startOf('day').minus({ days: daysBefore });
    return atLocal(day, this.random.int(8 * 60, 17 * 60));
  }

  /** The usual history of a request that was taken on: submitted, accepted, assigned, assignment accepted. */
  takenOnEvents(createdAt: number, supporter: number, answered: boolean): { events: PlannedEvent[]; last: number } {
    const acceptedAt = createdAt + this.random.int(3, 26) * HOUR;
    const answeredAt = acceptedAt + this.random.int(2, 30) * HOUR;
    const name = SUPPORTERS[supporter]!.name;
    const events: PlannedEvent[] = [
      { at: createdAt, actor: 'contact', kind: 'submitted', message: '', visibleToRegion: true },
      { at: acceptedAt, actor: 'coordinator', kind: 'accepted', message: 'Uw aanvraag is in behandeling genomen.', visibleToRegion: true },
      { at: acceptedAt, actor: 'coordinator', kind: 'assigned', message: `Toegewezen aan ${name}.`, visibleToRegion: true },
    ];
    if (answered) {
      const message = `${name} neemt de aanvraag op zich.`;
      events.push({ at: answeredAt, actor: 'supporter', kind: 'assignment_accepted', message, visibleToRegion: true });
    }
    return { events, last: answered ? answeredAt : acceptedAt };
  }

  baseRequest(region: number, type: SupportTypeKey, createdAt: number, theme = this.themeFor(type, region)): PlannedRequest {
    const contact = this.contactFor(type, region);
    return {
      region,
      type,
      supporter: null,
      status: 'submitted',
      assignmentStatus: null,
      contact,
      language: REGIONS[region]!.province === 'Caribisch Nederland' ? 'en' : 'nl',
      question: this.question(type, region, theme),
      theme,
      preferredPeriod: this.random.pick(PREFERRED_PERIODS),
      location: this.location(region),
      expectedHalfDays: this.type(type).drawsOnDays ? this.random.int(1, 4) : 0,
      createdAt,
      updatedAt: createdAt,
      events: [{ at: createdAt, actor: 'contact', kind: 'submitted', message: '', visibleToRegion: true }],
    };
  }

  /**
   * A request that was taken on, with visits on the given days (sorted); `cancelIndex` marks one
   * visit as cancelled. Visits before now are held, after now planned.
   */
  takenOnRequest(
    region: number,
    type: SupportTypeKey,
    supporter: number,
    days: Array<DateTime | null>,
    options: { createdAt: number; theme: string | null; closed: boolean; cancelIndex?: number; preferredPeriod?: string },
  ): void {
    const request = this.baseRequest(region, type, options.createdAt, options.theme);
    if (options.preferredPeriod) request.preferredPeriod = options.preferredPeriod;
    const { events, last } = this.takenOnEvents(options.createdAt, supporter, true);
    Object.assign(request, { supporter, status: 'accepted', assignmentStatus: 'accepted', events });
    const index = this.addRequest(request);
    const sorted = days.filter((d): d is DateTime => d !== null).sort((a, b) => a.toMillis() - b.toMillis());
    let latest = last;
    let createdAt = last + HOUR;
    sorted.forEach((day, i) => {
      const cancelled = i === options.cancelIndex;
      const status: VisitStatus = cancelled ? 'cancelled' : atLocal(day, 9 * 60) < this.now ? 'held' : 'planned';
      const visit = this.addVisit(index, day, status, createdAt);
      if (!visit) return;
      if (cancelled) {
        visit.updatedAt = Math.max(visit.createdAt + HOUR, Math.min(visit.startsAt - 2 * DAY, this.now - 2 * HOUR));
        createdAt = visit.updatedAt; // the next visit is the new date
      }
      latest = Math.max(latest, visit.updatedAt);
    });
    if (options.closed) {
      const lastEnd = Math.max(...this.plan.visits.filter((v) => v.request === index).map((v) => v.endsAt));
      const closedAt = Math.min(lastEnd + 3 * DAY, this.now - HOUR);
      request.status = 'closed';
      request.events.push({ at: closedAt, actor: 'coordinator', kind: 'closed', message: 'De ondersteuning is afgerond.', visibleToRegion: true });
      latest = Math.max(latest, closedAt);
    }
    request.expectedHalfDays = this.type(type).drawsOnDays
      ? Math.max(1, this.plan.visits.filter((v) => v.request === index && v.status !== 'cancelled').reduce((n, v) => n + v.halfDays, 0))
      : 0;
    request.updatedAt = latest;
  }

  // -------------------------------------------------------------------------------------------

  /** Autumn 2019: critical-friend visits (a third of the regions none, a third one, a third two) and theme visits. */
  history2019(): void {
    const rank = { approved_2019_07: 0, approved_2019_12: 1, lichtgroen: 2, resubmit: 3 } as const;
    const ranked = this.random.shuffle(REGIONS.map((_, i) => i)).sort((a, b) => rank[REGIONS[a]!.planStatus] - rank[REGIONS[b]!.planStatus]);
    const third = Math.floor(REGIONS.length / 3);
    const visitCount = new Map(ranked.map((r, i) => [r, i < third ? 2 : i < 2 * third ? 1 : 0]));

    REGIONS.forEach((_, region) => {
      const n = visitCount.get(region)!;
      if (n === 0) return;
      const supporter = this.regular[region]!;
      const days = [this.findDay(supporter, localDay(2019, 9, 9), localDay(2019, 10, 18))];
      if (n === 2) days.push(this.findDay(supporter, localDay(2019, 10, 28), localDay(2019, 11, 29)));
      const first = days[0] ?? localDay(2019, 9, 9);
      this.takenOnRequest(region, 'critical_friend', supporter, days, {
        createdAt: this.someTimeBefore(first.toMillis(), this.random.int(10, 21)),
        theme: null,
        closed: true,
        preferredPeriod: this.random.pick(['September of oktober 2019', 'Vóór 1 december 2019', 'Na de herfstvakantie']),
      });
    });

    const early = REGIONS.map((_, i) => i).filter((i) => REGIONS[i]!.planStatus === 'approved_2019_07');
    for (const region of this.random.sample(early, 12)) {
      const type = this.random.pick(['samenwerking', 'thema', 'thema', 'docenten_uitvoering'] as const);
      const theme = this.themeFor(type, region);
      const supporter = this.bestSupporter2019(region, theme);
      const days = Array.from({ length: this.random.int(1, 2) }, () =>
        this.findDay(supporter, localDay(2019, 9, 16), localDay(2019, 12, 13)),
      );
      const first = days.filter((d): d is DateTime => d !== null).sort((a, b) => a.toMillis() - b.toMillis())[0] ?? localDay(2019, 9, 16);
      this.takenOnRequest(region, type, supporter, days, {
        createdAt: this.someTimeBefore(first.toMillis(), this.random.int(12, 30)),
        theme,
        closed: true,
      });
    }
  }

  /** In 2019 every supporter was still active. */
  private bestSupporter2019(region: number, theme: string | null): number {
    const fits = SUPPORTERS.map((_, s) => s).filter((s) => !this.isHome(s, region) && (!theme || this.knows(s, theme)));
    return fits.length > 0 ? this.random.pick(fits) : this.regular[region]!;
  }

  /** The year of `now`: ~40 requests in every status and ~50 visits around now. */
  currentYear(): void {
    const today = DateTime.fromMillis(this.now, { zone: ZONE }).startOf('day');
    const year = today.year;
    let pastFrom = DateTime.max(localDay(year, 1, 8), today.minus({ days: 150 }));
    const pastTo = today.minus({ days: 1 });
    if (pastTo.diff(pastFrom, 'days').days < 30) pastFrom = today.minus({ days: 60 });
    const futureFrom = today.plus({ days: 1 });
    let futureTo = DateTime.min(localDay(year, 12, 18), today.plus({ days: 100 }));
    if (futureTo.diff(futureFrom, 'days').days < 14) futureTo = today.plus({ days: 45 });

    type Spec =
      | { kind: 'submitted' | 'pending' | 'declined' | 'withdrawn' }
      | { kind: 'visits'; count: number; mode: 'past' | 'mixed' | 'future'; closed: boolean; cancel: boolean };
    const modes = ['past', 'mixed', 'future'] as const;
    const specs: Spec[] = [
      ...Array.from({ length: 8 }, (): Spec => ({ kind: 'submitted' })),
      ...Array.from({ length: 5 }, (): Spec => ({ kind: 'pending' })),
      ...Array.from({ length: 20 }, (_, i): Spec => ({
        kind: 'visits',
        count: i < 5 ? 3 : 2,
        mode: modes[i % 3]!,
        closed: false,
        cancel: [1, 4, 8, 13].includes(i),
      })),
      ...[2, 1, 2].map((count): Spec => ({ kind: 'visits', count, mode: 'past', closed: true, cancel: false })),
      { kind: 'declined' },
      { kind: 'declined' },
      { kind: 'withdrawn' },
      { kind: 'withdrawn' },
    ];

    // Distinct regions; Caribisch Nederland (writes in English) gets a request with visits.
    const chosen = this.random.shuffle(REGIONS.map((_, i) => i)).slice(0, specs.length);
    const caribbean = REGIONS.findIndex((r) => r.province === 'Caribisch Nederland');
    const firstWithVisits = specs.findIndex((s) => s.kind === 'visits');
    const caribbeanAt = chosen.indexOf(caribbean);
    if (caribbeanAt >= 0) [chosen[caribbeanAt], chosen[firstWithVisits]] = [chosen[firstWithVisits]!, chosen[caribbeanAt]!];
    else chosen[firstWithVisits] = caribbean;

    const ordinaryTypes = ['samenwerking', 'docenten_uitvoering', 'thema', 'thema', 'verantwoording'] as const;
    let declined = 0;
    specs.forEach((spec, i) => {
      const region = chosen[i]!;
      const status = REGIONS[region]!.planStatus;
      const type: SupportTypeKey =
        spec.kind === 'declined' && declined === 0
          ? 'critical_friend'
          : (status === 'resubmit' || status === 'lichtgroen') && this.random.next() < 0.75
            ? 'herschrijven'
            : this.random.pick(ordinaryTypes);

      if (spec.kind === 'visits') {
        const theme = this.themeFor(type, region);
        const supporter = this.chooseSupporter(region, theme);
        const past = spec.mode === 'past' ? spec.count : spec.mode === 'mixed' ? 1 : 0;
        const days = Array.from({ length: spec.count }, (_, k) =>
          k < past ? this.findDay(supporter, pastFrom, pastTo) : this.findDay(supporter, futureFrom, futureTo),
        );
        const first = days.filter((d): d is DateTime => d !== null).sort((a, b) => a.toMillis() - b.toMillis())[0] ?? today;
        const createdAt = Math.min(
          this.someTimeBefore(first.toMillis(), this.random.int(10, 28)),
          this.someTimeBefore(this.now, this.random.int(3, 8)),
        );
        this.takenOnRequest(region, type, supporter, days, {
          createdAt,
          theme,
          closed: spec.closed,
          cancelIndex: spec.cancel ? days.filter((d) => d !== null).length - 2 : undefined,
        });
        return;
      }

      const createdAt = this.someTimeBefore(
        this.now,
        spec.kind === 'submitted' ? this.random.int(1, 9) : spec.kind === 'pending' ? this.random.int(3, 10) : this.random.int(15, 60),
      );
      const request = this.baseRequest(region, type, createdAt);
      if (spec.kind === 'pending') {
        const supporter = this.chooseSupporter(region, request.theme);
        const { events, last } = this.takenOnEvents(createdAt, supporter, false);
        Object.assign(request, { supporter, status: 'accepted', assignmentStatus: 'pending', events, updatedAt: last });
      } else if (spec.kind === 'declined') {
        const at = createdAt + this.random.int(20, 50) * HOUR;
        const message = type === 'critical_friend' ? DECLINE_MESSAGES.critical_friend : DECLINE_MESSAGES.other;
        request.status = 'declined';
        request.events.push({ at, actor: 'coordinator', kind: 'declined', message, visibleToRegion: true });
        request.updatedAt = at;
        declined += 1;
      } else if (spec.kind === 'withdrawn') {
        const at = createdAt + this.random.int(3, 10) * DAY;
        request.status = 'withdrawn';
        request.events.push({ at, actor: 'contact', kind: 'withdrawn', message: WITHDRAW_MESSAGES[i % 2]!, visibleToRegion: true });
        request.updatedAt = at;
      }
      this.addRequest(request);
    });

    // One region was given extra days this year to rewrite its plan.
    const rewrite = this.plan.requests.find((r) => r.type === 'herschrijven' && r.status === 'accepted');
    if (rewrite) {
      this.plan.allotments.push({
        region: rewrite.region,
        year,
        halfDays: this.ctx.defaultHalfDaysPerYear + 6,
        reason: 'Extra dagen voor het herschrijven van het plan (besluit ondersteuningsteam).',
      });
    }
  }
}

/** Plans the whole demo history for `now`: deterministic apart from the now-relative dates. */
export function planDemoHistory(ctx: DemoContext): Plan {
  const planner = new Planner(createRandom(SEED + 1), ctx);
  planner.history2019();
  planner.currentYear();
  return planner.plan;
}

// ---------------------------------------------------------------------------------------------
// Writing it
// ---------------------------------------------------------------------------------------------

function writeHistory(tx: Tx, ctx: DemoContext, plan: Plan): Record<string, number> {
  const coordinator = requireCoordinator(ctx);
  const regionId = (region: number) => requireRegion(ctx, REGIONS[region]!.registrationNumber).id;
  const supporterId = (supporter: number) => requireUser(ctx, SUPPORTERS[supporter]!.email);
  const typeId = (key: SupportTypeKey) => (ctx.supportTypes.get(key) as { id: number }).id;

  const requestIds =
    plan.requests.length === 0
      ? []
      : tx
          .insert(supportRequests)
          .values(
            plan.requests.map((r) => ({
              regionId: regionId(r.region),
              supportTypeId: typeId(r.type),
              contactName: r.contact.name,
              contactEmail: r.contact.email,
              contactRole: r.contact.role,
              contactLanguage: r.language,
              question: r.question,
              theme: r.theme,
              preferredPeriod: r.preferredPeriod,
              location: r.location,
              expectedHalfDays: r.expectedHalfDays,
              status: r.status,
              supporterId: r.supporter === null ? null : supporterId(r.supporter),
              assignmentStatus: r.assignmentStatus,
              statusTokenHash: hashToken(newToken()),
              consentAt: r.createdAt,
              createdAt: r.createdAt,
              updatedAt: r.updatedAt,
            })),
          )
          .returning({ id: supportRequests.id })
          .all()
          .map((row) => row.id);

  if (plan.visits.length > 0) {
    tx.insert(visitsTable)
      .values(
        plan.visits.map((v) => {
          const r = plan.requests[v.request]!;
          return {
            requestId: requestIds[v.request]!,
            regionId: regionId(r.region),
            supportTypeId: typeId(r.type),
            supporterId: supporterId(r.supporter!),
            startsAt: v.startsAt,
            endsAt: v.endsAt,
            ledgerYear: ledgerYearOf(v.startsAt),
            location: v.location,
            halfDays: v.halfDays,
            status: v.status,
            calendarUid: `${randomUUID()}@sto-ondersteuning.example`,
            sequence: v.sequence,
            minutesSpent: v.minutesSpent,
            report: v.report,
            reportVisibleToRegion: v.reportVisibleToRegion,
            cancelReason: v.cancelReason,
            createdAt: v.createdAt,
            updatedAt: v.updatedAt,
          };
        }),
      )
      .run();
  }

  const actorId = (r: PlannedRequest, actor: Actor) =>
    actor === 'coordinator' ? coordinator.id : actor === 'supporter' && r.supporter !== null ? supporterId(r.supporter) : null;
  const events = plan.requests.flatMap((r, i) =>
    r.events.map((e) => ({
      requestId: requestIds[i]!,
      at: e.at,
      actorUserId: actorId(r, e.actor),
      actorKind: e.actor === 'contact' ? ('contact' as const) : e.actor === 'system' ? ('system' as const) : ('user' as const),
      kind: e.kind,
      message: e.message,
      visibleToRegion: e.visibleToRegion,
    })),
  );
  if (events.length > 0) tx.insert(requestEvents).values(events).run();

  for (const a of plan.allotments) {
    const region = regionId(a.region);
    tx.insert(dayAllotments)
      .values({ regionId: region, year: a.year, halfDays: a.halfDays, reason: a.reason, setById: coordinator.id, setAt: ctx.now })
      .run();
    tx.insert(auditEvents)
      .values({
        at: ctx.now,
        actorUserId: coordinator.id,
        actorLabel: coordinator.name,
        action: 'day_allotment.set',
        entityType: 'region',
        entityId: region,
        regionId: region,
        before: { halfDays: ctx.defaultHalfDaysPerYear, year: a.year },
        after: { halfDays: a.halfDays, year: a.year },
        reason: a.reason,
      })
      .run();
  }
  return { requests: requestIds.length, visits: plan.visits.length };
}

export const demoHistory: DemoSeeder = {
  name: 'history',
  prepare: () => (tx, ctx) => writeHistory(tx, ctx, planDemoHistory(ctx)),
};
