/**
 * Every refusal the meeting rules can give: a stable code, the figures behind it, and a sentence in
 * Dutch and English (in the style of refusals.ts, kept apart so the booking refusals stay as they are).
 */
import { formatDateTime, type Lang } from './time';

export type MeetingRefusalParams = {
  meeting_cancelled: { title: string };
  meeting_not_published: { title: string };
  meeting_already_published: { title: string };
  meeting_started: { title: string; startsAt: number };
  meeting_not_started: { title: string; startsAt: number };
  meeting_over: { title: string };
  signup_deadline_passed: { title: string; deadline: number };
  already_signed_up: { title: string };
  signup_already_cancelled: { title: string };
  attendance_needs_confirmed: { title: string };
  unknown_theme: { theme: string };
  audience_required: Record<string, never>;
  meeting_end_not_after_start: { startsAt: number; endsAt: number };
  place_or_link_required: Record<string, never>;
  invalid_capacity: { capacity: number };
  invalid_places_per_region: { placesPerRegion: number; capacity: number };
  deadline_after_start: { deadline: number; startsAt: number };
  visible_after_deadline: { visibleFrom: number; deadline: number };
  capacity_below_confirmed: { capacity: number; confirmed: number };
  share_below_confirmed: { placesPerRegion: number; confirmed: number };
  cancel_reason_required: Record<string, never>;
};

export type MeetingRefusalCode = keyof MeetingRefusalParams;
export type MeetingRefusal = { [C in MeetingRefusalCode]: { code: C; params: MeetingRefusalParams[C] } }[MeetingRefusalCode];

export function meetingRefusal<C extends MeetingRefusalCode>(code: C, params: MeetingRefusalParams[C]): MeetingRefusal {
  return { code, params } as MeetingRefusal;
}

type Sentences<P> = { nl: (p: P) => string; en: (p: P) => string };
const atNl = (ms: number) => formatDateTime(ms, 'nl');
const atEn = (ms: number) => formatDateTime(ms, 'en');
const places = (n: number, lang: Lang) => (lang === 'nl' ? (n === 1 ? '1 plaats' : `${n} plaatsen`) : n === 1 ? '1 place' : `${n} places`);

const SENTENCES: { [C in MeetingRefusalCode]: Sentences<MeetingRefusalParams[C]> } = {
  meeting_cancelled: {
    nl: (p) => `De bijeenkomst “${p.title}” is geannuleerd.`,
    en: (p) => `The meeting “${p.title}” has been cancelled.`,
  },
  meeting_not_published: {
    nl: (p) => `Voor de bijeenkomst “${p.title}” kunt u zich nog niet aanmelden.`,
    en: (p) => `You cannot sign up for the meeting “${p.title}” yet.`,
  },
  meeting_already_published: {
    nl: (p) => `De bijeenkomst “${p.title}” is al gepubliceerd.`,
    en: (p) => `The meeting “${p.title}” has already been published.`,
  },
  meeting_started: {
    nl: (p) => `De bijeenkomst “${p.title}” is al begonnen (${atNl(p.startsAt)}).`,
    en: (p) => `The meeting “${p.title}” has already started (${atEn(p.startsAt)}).`,
  },
  meeting_not_started: {
    nl: (p) => `De bijeenkomst “${p.title}” begint pas ${atNl(p.startsAt)}; leg de aanwezigheid daarna vast.`,
    en: (p) => `The meeting “${p.title}” only starts ${atEn(p.startsAt)}; record attendance after that.`,
  },
  meeting_over: {
    nl: (p) => `De bijeenkomst “${p.title}” is al voorbij en kan niet meer worden gewijzigd of geannuleerd.`,
    en: (p) => `The meeting “${p.title}” is over and can no longer be changed or cancelled.`,
  },
  signup_deadline_passed: {
    nl: (p) => `Aanmelden voor “${p.title}” kon tot ${atNl(p.deadline)}; de aanmelding is gesloten.`,
    en: (p) => `Sign-up for “${p.title}” was open until ${atEn(p.deadline)}; it is now closed.`,
  },
  already_signed_up: {
    nl: (p) => `Dit e-mailadres is al aangemeld voor “${p.title}”. Er is niets veranderd; uw persoonlijke link staat in de eerste e-mail.`,
    en: (p) => `This e-mail address is already signed up for “${p.title}”. Nothing has changed; your personal link is in the first e-mail.`,
  },
  signup_already_cancelled: {
    nl: (p) => `Deze aanmelding voor “${p.title}” is al geannuleerd.`,
    en: (p) => `This sign-up for “${p.title}” has already been cancelled.`,
  },
  attendance_needs_confirmed: {
    nl: (p) => `Aanwezigheid bij “${p.title}” wordt alleen vastgelegd voor bevestigde deelnemers.`,
    en: (p) => `Attendance at “${p.title}” is only recorded for confirmed attendees.`,
  },
  unknown_theme: {
    nl: (p) => `“${p.theme}” is geen bekend thema.`,
    en: (p) => `“${p.theme}” is not a known theme.`,
  },
  audience_required: {
    nl: () => 'Kies minstens één doelgroep.',
    en: () => 'Choose at least one audience.',
  },
  meeting_end_not_after_start: {
    nl: (p) => `Het einde (${atNl(p.endsAt)}) moet na het begin (${atNl(p.startsAt)}) liggen.`,
    en: (p) => `The end (${atEn(p.endsAt)}) must be after the start (${atEn(p.startsAt)}).`,
  },
  place_or_link_required: {
    nl: () => 'Geef een adres op, of een link voor een online bijeenkomst.',
    en: () => 'Give an address, or a link for an online meeting.',
  },
  invalid_capacity: {
    nl: (p) => `Het aantal plaatsen moet een geheel getal van 1 of meer zijn, niet ${String(p.capacity)}.`,
    en: (p) => `The number of places must be a whole number of 1 or more, not ${String(p.capacity)}.`,
  },
  invalid_places_per_region: {
    nl: (p) => `Het aantal plaatsen per regio moet tussen 1 en ${p.capacity} liggen, niet ${String(p.placesPerRegion)}.`,
    en: (p) => `The places per region must be between 1 and ${p.capacity}, not ${String(p.placesPerRegion)}.`,
  },
  deadline_after_start: {
    nl: (p) => `De aanmelddeadline (${atNl(p.deadline)}) mag niet na het begin (${atNl(p.startsAt)}) liggen.`,
    en: (p) => `The sign-up deadline (${atEn(p.deadline)}) may not be after the start (${atEn(p.startsAt)}).`,
  },
  visible_after_deadline: {
    nl: (p) => `“Zichtbaar vanaf” (${atNl(p.visibleFrom)}) mag niet na de aanmelddeadline (${atNl(p.deadline)}) liggen.`,
    en: (p) => `“Visible from” (${atEn(p.visibleFrom)}) may not be after the sign-up deadline (${atEn(p.deadline)}).`,
  },
  capacity_below_confirmed: {
    nl: (p) => `Er zijn al ${places(p.confirmed, 'nl')} bevestigd; het aantal plaatsen kan niet naar ${p.capacity}.`,
    en: (p) => `${places(p.confirmed, 'en').replace(/^./, (c) => c.toUpperCase())} already confirmed; the capacity cannot go down to ${p.capacity}.`,
  },
  share_below_confirmed: {
    nl: (p) => `Eén regio heeft al ${places(p.confirmed, 'nl')} bevestigd; het aantal plaatsen per regio kan niet naar ${p.placesPerRegion}.`,
    en: (p) => `One region already has ${places(p.confirmed, 'en')} confirmed; the places per region cannot go down to ${p.placesPerRegion}.`,
  },
  cancel_reason_required: {
    nl: () => 'Geef een reden op voor het annuleren van de bijeenkomst; de deelnemers krijgen die te lezen.',
    en: () => 'Give a reason for cancelling the meeting; the attendees will read it.',
  },
};

export function meetingRefusalMessage(r: MeetingRefusal, lang: Lang): string {
  const sentences = SENTENCES[r.code] as Sentences<typeof r.params>;
  return sentences[lang](r.params);
}
