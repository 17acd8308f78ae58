/**
 * Every refusal the booking rules can give: a stable code, the figures behind it, and a sentence in
 * Dutch and English that names the region, the rule and the figure.
 */
import { formatHalfDays } from './days';
import { describeHit, type HolidayHit } from './holidays';
import { formatDateTime, formatRange, type Lang } from './time';

/** What a support type is called in a sentence; the critical friend reads naturally on its own. */
type TypeRef = { typeKey: string; typeNameNl: string; typeNameEn: string };

type VisitRef = { regionName: string; startsAt: number };

export type ReasonContext = 'cancel' | 'allotment' | 'adjustment' | 'rules' | 'default_days';

export type RuleField = 'capPerRegion' | 'bookableUntil' | 'defaultMinutes' | 'durationMinutes' | 'minutesSpent' | 'year';

export type RefusalParams = {
  invalid_local_time: { input: string };
  nonexistent_local_time: { input: string };
  ambiguous_local_time: { input: string };
  end_not_after_start: { startsAt: number; endsAt: number };
  invalid_half_days: { halfDays: number };
  invalid_value: { field: RuleField; value: unknown };
  reason_required: { context: ReasonContext };
  request_not_open: { regionName: string; status: string };
  not_a_supporter: { userName: string };
  supporter_inactive: { supporterName: string };
  conflict_of_interest: { supporterName: string; regionName: string };
  after_cut_off: TypeRef & { regionName: string; startsAt: number; bookableUntil: number };
  cap_reached: TypeRef & { regionName: string; count: number; cap: number };
  days_exhausted: {
    regionName: string;
    year: number;
    allotted: number;
    planned: number;
    used: number;
    remaining: number;
    requested: number;
  };
  supporter_busy: { supporterName: string; regionName: string; otherStartsAt: number; otherEndsAt: number };
  supporter_unavailable: { supporterName: string; regionName: string; blockStartsAt: number; blockEndsAt: number };
  held_visit_cannot_move: VisitRef;
  cancelled_visit_cannot_move: VisitRef;
  held_visit_cannot_be_cancelled: VisitRef;
  visit_already_cancelled: VisitRef;
  cancelled_visit_cannot_be_held: VisitRef;
  visit_already_held: VisitRef;
  visit_not_started: VisitRef;
  ledger_would_go_negative: {
    regionName: string;
    year: number;
    allotted: number;
    planned: number;
    used: number;
    remaining: number;
  };
  invalid_adjustment: { deltaHalfDays: number };
  not_assigned_supporter: { supporterName: string; regionName: string };
  assignment_not_pending: { regionName: string; assignmentStatus: string | null };
  /** Not a refusal in the end: a warning the planner may confirm (see isHolidayWarning). */
  holiday_warning: { regionName: string; hits: HolidayHit[] };
};

export type RefusalCode = keyof RefusalParams;

export type Refusal = { [C in RefusalCode]: { code: C; params: RefusalParams[C] } }[RefusalCode];

export const REFUSAL_CODES = [
  'invalid_local_time',
  'nonexistent_local_time',
  'ambiguous_local_time',
  'end_not_after_start',
  'invalid_half_days',
  'invalid_value',
  'reason_required',
  'request_not_open',
  'not_a_supporter',
  'supporter_inactive',
  'conflict_of_interest',
  'after_cut_off',
  'cap_reached',
  'days_exhausted',
  'supporter_busy',
  'supporter_unavailable',
  'held_visit_cannot_move',
  'cancelled_visit_cannot_move',
  'held_visit_cannot_be_cancelled',
  'visit_already_cancelled',
  'cancelled_visit_cannot_be_held',
  'visit_already_held',
  'visit_not_started',
  'ledger_would_go_negative',
  'invalid_adjustment',
  'not_assigned_supporter',
  'assignment_not_pending',
  'holiday_warning',
] as const satisfies readonly RefusalCode[];

/** A holiday warning is given back like a refusal (nothing written) but can be confirmed. */
export function isHolidayWarning(r: Refusal | null | undefined): r is Extract<Refusal, { code: 'holiday_warning' }> {
  return r?.code === 'holiday_warning';
}

function listNl(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

function listEn(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function refusal<C extends RefusalCode>(code: C, params: RefusalParams[C]): Refusal {
  return { code, params } as Refusal;
}

type Sentences<P> = { nl: (p: P) => string; en: (p: P) => string };

const typeNl = (p: TypeRef) => (p.typeKey === 'critical_friend' ? 'een critical friend' : `het soort “${p.typeNameNl}”`);
const typeEn = (p: TypeRef) => (p.typeKey === 'critical_friend' ? 'critical friend' : `“${p.typeNameEn}”`);
const visitsNl = (n: number) => (n === 1 ? 'bezoek' : 'bezoeken');
const visitsEn = (n: number) => (n === 1 ? 'visit' : 'visits');
const daysNl = (h: number) => formatHalfDays(h, 'nl');
const daysEn = (h: number) => formatHalfDays(h, 'en');
const atNl = (ms: number) => formatDateTime(ms, 'nl');
const atEn = (ms: number) => formatDateTime(ms, 'en');
const showInput = (input: string) => input.trim().replace('T', ' ');

const REQUEST_STATUS: Record<string, { nl: string; en: string }> = {
  submitted: { nl: 'ingediend', en: 'submitted' },
  accepted: { nl: 'aangenomen', en: 'accepted' },
  declined: { nl: 'afgewezen', en: 'declined' },
  withdrawn: { nl: 'ingetrokken', en: 'withdrawn' },
  closed: { nl: 'afgesloten', en: 'closed' },
};

const REASON_FOR: Record<ReasonContext, { nl: string; en: string }> = {
  cancel: { nl: 'het annuleren van een bezoek', en: 'cancelling a visit' },
  allotment: { nl: 'het wijzigen van het aantal toegekende dagen', en: 'changing the allotted days' },
  adjustment: { nl: 'het toevoegen of afhalen van dagen', en: 'adding or removing days' },
  rules: { nl: 'het wijzigen van de regels van een soort ondersteuning', en: 'changing the rules of a support type' },
  default_days: { nl: 'het wijzigen van het standaardaantal dagen per jaar', en: 'changing the default days per year' },
};

const FIELD: Record<RuleField, { nl: string; en: string }> = {
  capPerRegion: { nl: 'het maximum aantal bezoeken per regio', en: 'the maximum visits per region' },
  bookableUntil: { nl: 'de uiterste begindatum', en: 'the cut-off date' },
  defaultMinutes: { nl: 'de standaardduur in minuten', en: 'the default length in minutes' },
  durationMinutes: { nl: 'de duur in minuten', en: 'the length in minutes' },
  minutesSpent: { nl: 'de bestede tijd in minuten', en: 'the minutes spent' },
  year: { nl: 'het jaar', en: 'the year' },
};

const SENTENCES: { [C in RefusalCode]: Sentences<RefusalParams[C]> } = {
  invalid_local_time: {
    nl: (p) => `“${p.input}” is geen geldige datum en tijd (verwacht: jjjj-mm-dd uu:mm).`,
    en: (p) => `“${p.input}” is not a valid date and time (expected: yyyy-mm-dd hh:mm).`,
  },
  nonexistent_local_time: {
    nl: (p) =>
      `${showInput(p.input)} bestaat niet in Nederland: die nacht gaat de klok van 02:00 naar 03:00 (begin zomertijd). Kies een andere tijd.`,
    en: (p) =>
      `${showInput(p.input)} does not exist in the Netherlands: that night the clocks go from 02:00 to 03:00 (summer time starts). Choose another time.`,
  },
  ambiguous_local_time: {
    nl: (p) =>
      `${showInput(p.input)} komt in Nederland twee keer voor: die nacht gaat de klok van 03:00 terug naar 02:00 (einde zomertijd). Kies een andere tijd.`,
    en: (p) =>
      `${showInput(p.input)} happens twice in the Netherlands: that night the clocks go back from 03:00 to 02:00 (summer time ends). Choose another time.`,
  },
  end_not_after_start: {
    nl: (p) => `Het einde (${atNl(p.endsAt)}) moet na het begin (${atNl(p.startsAt)}) liggen.`,
    en: (p) => `The end (${atEn(p.endsAt)}) must be after the start (${atEn(p.startsAt)}).`,
  },
  invalid_half_days: {
    nl: (p) => `Het aantal halve dagen moet een geheel getal van 0 of meer zijn, niet ${String(p.halfDays)}.`,
    en: (p) => `The number of half-days must be a whole number of 0 or more, not ${String(p.halfDays)}.`,
  },
  invalid_value: {
    nl: (p) => `${FIELD[p.field].nl} kan niet ${String(p.value)} zijn.`.replace(/^./, (c) => c.toUpperCase()),
    en: (p) => `${FIELD[p.field].en} cannot be ${String(p.value)}.`.replace(/^./, (c) => c.toUpperCase()),
  },
  reason_required: {
    nl: (p) => `Geef een reden op voor ${REASON_FOR[p.context].nl}.`,
    en: (p) => `Give a reason for ${REASON_FOR[p.context].en}.`,
  },
  request_not_open: {
    nl: (p) =>
      `De aanvraag van regio ${p.regionName} is ${REQUEST_STATUS[p.status]?.nl ?? p.status}; alleen een ingediende of aangenomen aanvraag kan bezoeken en ondersteuners krijgen.`,
    en: (p) =>
      `The request of region ${p.regionName} is ${REQUEST_STATUS[p.status]?.en ?? p.status}; only a submitted or accepted request can get visits and supporters.`,
  },
  not_a_supporter: {
    nl: (p) => `${p.userName} is geen ondersteuner en kan geen bezoeken of aanvragen krijgen.`,
    en: (p) => `${p.userName} is not a supporter and cannot be given visits or requests.`,
  },
  supporter_inactive: {
    nl: (p) => `${p.supporterName} is niet meer actief als ondersteuner.`,
    en: (p) => `${p.supporterName} is no longer active as a supporter.`,
  },
  conflict_of_interest: {
    nl: (p) => `${p.supporterName} werkt zelf in regio ${p.regionName} en mag die regio niet ondersteunen (belangenverstrengeling).`,
    en: (p) => `${p.supporterName} works in region ${p.regionName} and may not support it (conflict of interest).`,
  },
  after_cut_off: {
    nl: (p) =>
      `Bezoeken van ${typeNl(p)} moeten beginnen vóór ${atNl(p.bookableUntil)}; dit bezoek aan regio ${p.regionName} begint ${atNl(p.startsAt)}.`,
    en: (p) =>
      `${typeEn(p).replace(/^./, (c) => c.toUpperCase())} visits must start before ${atEn(p.bookableUntil)}; this visit to region ${p.regionName} starts ${atEn(p.startsAt)}.`,
  },
  cap_reached: {
    nl: (p) =>
      `Regio ${p.regionName} heeft al ${p.count} ${visitsNl(p.count)} van ${typeNl(p)} gepland of gehad (maximaal ${p.cap}).`,
    en: (p) =>
      `Region ${p.regionName} already has ${p.count} ${typeEn(p)} ${visitsEn(p.count)} planned or held (at most ${p.cap}).`,
  },
  days_exhausted: {
    nl: (p) =>
      `Regio ${p.regionName} heeft in ${p.year} nog ${daysNl(p.remaining)} over (toegekend ${daysNl(p.allotted)}, gepland ${daysNl(p.planned)}, gebruikt ${daysNl(p.used)}); dit bezoek kost ${daysNl(p.requested)}.`,
    en: (p) =>
      `Region ${p.regionName} has ${daysEn(p.remaining)} left in ${p.year} (allotted ${daysEn(p.allotted)}, planned ${daysEn(p.planned)}, used ${daysEn(p.used)}); this visit costs ${daysEn(p.requested)}.`,
  },
  supporter_busy: {
    nl: (p) =>
      `${p.supporterName} heeft dan al een ander bezoek (${formatRange(p.otherStartsAt, p.otherEndsAt, 'nl')}); het bezoek aan regio ${p.regionName} mag daar niet mee overlappen.`,
    en: (p) =>
      `${p.supporterName} already has another visit then (${formatRange(p.otherStartsAt, p.otherEndsAt, 'en')}); the visit to region ${p.regionName} may not overlap it.`,
  },
  supporter_unavailable: {
    nl: (p) =>
      `${p.supporterName} is niet beschikbaar van ${formatRange(p.blockStartsAt, p.blockEndsAt, 'nl')}; plan het bezoek aan regio ${p.regionName} op een ander moment.`,
    en: (p) =>
      `${p.supporterName} is unavailable from ${formatRange(p.blockStartsAt, p.blockEndsAt, 'en')}; plan the visit to region ${p.regionName} at another time.`,
  },
  held_visit_cannot_move: {
    nl: (p) => `Het bezoek aan regio ${p.regionName} van ${atNl(p.startsAt)} is al gehouden en kan niet meer worden verplaatst.`,
    en: (p) => `The visit to region ${p.regionName} on ${atEn(p.startsAt)} has been held and can no longer be moved.`,
  },
  cancelled_visit_cannot_move: {
    nl: (p) => `Het bezoek aan regio ${p.regionName} van ${atNl(p.startsAt)} is geannuleerd en kan niet meer worden verplaatst.`,
    en: (p) => `The visit to region ${p.regionName} on ${atEn(p.startsAt)} was cancelled and can no longer be moved.`,
  },
  held_visit_cannot_be_cancelled: {
    nl: (p) => `Het bezoek aan regio ${p.regionName} van ${atNl(p.startsAt)} is al gehouden en kan niet meer worden geannuleerd.`,
    en: (p) => `The visit to region ${p.regionName} on ${atEn(p.startsAt)} has been held and can no longer be cancelled.`,
  },
  visit_already_cancelled: {
    nl: (p) => `Het bezoek aan regio ${p.regionName} van ${atNl(p.startsAt)} is al geannuleerd.`,
    en: (p) => `The visit to region ${p.regionName} on ${atEn(p.startsAt)} has already been cancelled.`,
  },
  cancelled_visit_cannot_be_held: {
    nl: (p) => `Het bezoek aan regio ${p.regionName} van ${atNl(p.startsAt)} is geannuleerd en kan niet als gehouden worden vastgelegd.`,
    en: (p) => `The visit to region ${p.regionName} on ${atEn(p.startsAt)} was cancelled and cannot be recorded as held.`,
  },
  visit_already_held: {
    nl: (p) => `Het bezoek aan regio ${p.regionName} van ${atNl(p.startsAt)} is al als gehouden vastgelegd.`,
    en: (p) => `The visit to region ${p.regionName} on ${atEn(p.startsAt)} has already been recorded as held.`,
  },
  visit_not_started: {
    nl: (p) => `Het bezoek aan regio ${p.regionName} begint pas ${atNl(p.startsAt)}; leg het daarna vast als gehouden.`,
    en: (p) => `The visit to region ${p.regionName} only starts ${atEn(p.startsAt)}; record it as held after that.`,
  },
  ledger_would_go_negative: {
    nl: (p) =>
      `Dan houdt regio ${p.regionName} in ${p.year} ${daysNl(p.remaining)} over: toegekend ${daysNl(p.allotted)}, maar al ${daysNl(p.planned)} gepland en ${daysNl(p.used)} gebruikt.`,
    en: (p) =>
      `Region ${p.regionName} would then have ${daysEn(p.remaining)} left in ${p.year}: ${daysEn(p.allotted)} allotted, but ${daysEn(p.planned)} already planned and ${daysEn(p.used)} used.`,
  },
  invalid_adjustment: {
    nl: (p) => `Een aanpassing moet een geheel aantal halve dagen zijn en niet 0, niet ${String(p.deltaHalfDays)}.`,
    en: (p) => `An adjustment must be a whole, non-zero number of half-days, not ${String(p.deltaHalfDays)}.`,
  },
  not_assigned_supporter: {
    nl: (p) => `De aanvraag van regio ${p.regionName} is niet aan ${p.supporterName} toegewezen.`,
    en: (p) => `The request of region ${p.regionName} is not assigned to ${p.supporterName}.`,
  },
  assignment_not_pending: {
    nl: (p) => `Op de toewijzing van de aanvraag van regio ${p.regionName} is al geantwoord.`,
    en: (p) => `The assignment of the request of region ${p.regionName} has already been answered.`,
  },
  holiday_warning: {
    nl: (p) =>
      `Let op: het bezoek aan regio ${p.regionName} valt in ${listNl(p.hits.map((h) => describeHit(h, 'nl')))}. Scholen zijn dan vaak dicht. Bevestig als u het toch zo wilt plannen.`,
    en: (p) =>
      `Note: the visit to region ${p.regionName} falls in ${listEn(p.hits.map((h) => describeHit(h, 'en')))}. Schools are often closed then. Confirm if you want to plan it like this all the same.`,
  },
};

export function refusalMessage(r: Refusal, lang: Lang): string {
  const sentences = SENTENCES[r.code] as Sentences<typeof r.params>;
  return sentences[lang](r.params);
}
