import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES, refusal, refusalMessage, type Refusal, type RefusalCode } from '~/domain/refusals';
import { parseLocalDateTime } from '~/domain/time';

const ms = (local: string) => {
  const parsed = parseLocalDateTime(local);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.ms;
};
const cf = { typeKey: 'critical_friend', typeNameNl: 'Critical friend', typeNameEn: 'Critical friend' };
const visit = { regionName: 'Zeeland', startsAt: ms('2019-11-05T09:00') };

/** One example of every refusal, with the figures a sentence must show. */
const EXAMPLES: { [C in RefusalCode]: Extract<Refusal, { code: C }>['params'] } = {
  invalid_local_time: { input: 'morgen' },
  nonexistent_local_time: { input: '2019-03-31T02:30' },
  ambiguous_local_time: { input: '2019-10-27T02:30' },
  end_not_after_start: { startsAt: ms('2019-11-05T12:00'), endsAt: ms('2019-11-05T09:00') },
  invalid_half_days: { halfDays: -1 },
  invalid_value: { field: 'capPerRegion', value: -1 },
  reason_required: { context: 'cancel' },
  request_not_open: { regionName: 'Zeeland', status: 'withdrawn' },
  not_a_supporter: { userName: 'Cora' },
  supporter_inactive: { supporterName: 'Anna Adviseur' },
  conflict_of_interest: { supporterName: 'Anna Adviseur', regionName: 'Zeeland' },
  after_cut_off: { ...cf, regionName: 'Zeeland', startsAt: ms('2019-12-01T00:00'), bookableUntil: ms('2019-12-01T00:00') },
  cap_reached: { ...cf, regionName: 'Zeeland', count: 2, cap: 2 },
  days_exhausted: { regionName: 'Zeeland', year: 2019, allotted: 10, planned: 6, used: 3, remaining: 1, requested: 2 },
  supporter_busy: { supporterName: 'Anna Adviseur', regionName: 'Zeeland', otherStartsAt: ms('2019-11-05T10:00'), otherEndsAt: ms('2019-11-05T12:00') },
  supporter_unavailable: { supporterName: 'Anna Adviseur', regionName: 'Zeeland', blockStartsAt: ms('2019-11-05T00:00'), blockEndsAt: ms('2019-11-06T00:00') },
  held_visit_cannot_move: visit,
  cancelled_visit_cannot_move: visit,
  held_visit_cannot_be_cancelled: visit,
  visit_already_cancelled: visit,
  cancelled_visit_cannot_be_held: visit,
  visit_already_held: visit,
  visit_not_started: visit,
  ledger_would_go_negative: { regionName: 'Zeeland', year: 2019, allotted: 4, planned: 3, used: 2, remaining: -1 },
  invalid_adjustment: { deltaHalfDays: 0 },
  not_assigned_supporter: { supporterName: 'Bram', regionName: 'Zeeland' },
  assignment_not_pending: { regionName: 'Zeeland', assignmentStatus: 'accepted' },
  holiday_warning: {
    regionName: 'Zeeland',
    hits: [
      { kind: 'school', zone: 'zuid', name: 'Herfstvakantie', startDate: '2019-10-12', endDate: '2019-10-20', dates: ['2019-10-15'] },
      { kind: 'public', date: '2019-12-25', nameNl: 'Kerstmis', nameEn: 'Christmas Day' },
    ],
  },
};

const example = (code: RefusalCode) => refusal(code, EXAMPLES[code] as never);

describe('refusal sentences', () => {
  it('says the cap rule with region and figures, as the programme would', () => {
    expect(refusalMessage(example('cap_reached'), 'nl')).toBe(
      'Regio Zeeland heeft al 2 bezoeken van een critical friend gepland of gehad (maximaal 2).',
    );
    expect(refusalMessage(example('cap_reached'), 'en')).toBe(
      'Region Zeeland already has 2 critical friend visits planned or held (at most 2).',
    );
    const theme = refusal('cap_reached', { typeKey: 'theme', typeNameNl: 'Thema', typeNameEn: 'Theme', regionName: 'Twente', count: 1, cap: 1 });
    expect(refusalMessage(theme, 'nl')).toBe('Regio Twente heeft al 1 bezoek van het soort “Thema” gepland of gehad (maximaal 1).');
  });

  it('names the cut-off instant and the visit start in Amsterdam time', () => {
    expect(refusalMessage(example('after_cut_off'), 'nl')).toBe(
      'Bezoeken van een critical friend moeten beginnen vóór zondag 1 december 2019 00:00; dit bezoek aan regio Zeeland begint zondag 1 december 2019 00:00.',
    );
    expect(refusalMessage(example('after_cut_off'), 'en')).toBe(
      'Critical friend visits must start before Sunday 1 December 2019 00:00; this visit to region Zeeland starts Sunday 1 December 2019 00:00.',
    );
  });

  it('shows the days ledger in days, exactly', () => {
    expect(refusalMessage(example('days_exhausted'), 'nl')).toBe(
      'Regio Zeeland heeft in 2019 nog 0,5 dag over (toegekend 5 dagen, gepland 3 dagen, gebruikt 1,5 dag); dit bezoek kost 1 dag.',
    );
    expect(refusalMessage(example('days_exhausted'), 'en')).toBe(
      'Region Zeeland has 0.5 days left in 2019 (allotted 5 days, planned 3 days, used 1.5 days); this visit costs 1 day.',
    );
  });

  it('names the holidays a visit falls in and asks to confirm', () => {
    expect(refusalMessage(example('holiday_warning'), 'nl')).toBe(
      'Let op: het bezoek aan regio Zeeland valt in de herfstvakantie van vakantieregio zuid (12 oktober 2019 t/m 20 oktober 2019) en Kerstmis (woensdag 25 december 2019, een feestdag). Scholen zijn dan vaak dicht. Bevestig als u het toch zo wilt plannen.',
    );
    expect(refusalMessage(example('holiday_warning'), 'en')).toContain('the Herfstvakantie (autumn holiday) of holiday zone zuid (12 October 2019 to 20 October 2019)');
  });

  it('explains the summer-time hours', () => {
    expect(refusalMessage(example('nonexistent_local_time'), 'nl')).toContain('2019-03-31 02:30 bestaat niet');
    expect(refusalMessage(example('ambiguous_local_time'), 'en')).toContain('2019-10-27 02:30 happens twice');
  });

  it('has a sentence in both languages for every code', () => {
    expect(new Set(REFUSAL_CODES).size).toBe(Object.keys(EXAMPLES).length);
    for (const code of REFUSAL_CODES) {
      for (const lang of ['nl', 'en'] as const) {
        const sentence = refusalMessage(example(code), lang);
        expect(sentence, `${code} ${lang}`).toMatch(/^\S.*[.]$/);
        expect(sentence, `${code} ${lang}`).not.toMatch(/undefined|NaN|\[object/);
        if ('regionName' in EXAMPLES[code]) expect(sentence, `${code} ${lang}`).toContain('Zeeland');
      }
    }
  });
});
