import { describe, expect, it } from 'vitest';
import {
  chargeFor,
  decideAdjustment,
  decideAssignment,
  decideAssignmentResponse,
  decideCancel,
  decideDefaultDays,
  decideRecordHeld,
  decideReschedule,
  decideRuleChange,
  decideSchedule,
  decideSetAllotment,
  overlaps,
  resolveWhen,
  type ScheduleFacts,
  type VisitFacts,
} from '~/domain/rules';
import { parseLocalDateTime } from '~/domain/time';

const ms = (local: string) => {
  const parsed = parseLocalDateTime(local);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.ms;
};
const HOUR = 3600_000;
const NOW = ms('2019-09-01T12:00');

const zeeland = { id: 1, name: 'Zeeland' };
const criticalFriend = {
  key: 'critical_friend',
  nameNl: 'Critical friend',
  nameEn: 'Critical friend',
  capPerRegion: 2,
  bookableUntil: ms('2019-12-01T00:00'),
  drawsOnDays: false,
  defaultMinutes: 180,
};
const themeSupport = { ...criticalFriend, key: 'theme', nameNl: 'Thema', nameEn: 'Theme', capPerRegion: null, bookableUntil: null, drawsOnDays: true };
const anna = { id: 7, name: 'Anna Adviseur', role: 'supporter', active: true, homeRegionId: 2 };

/** Facts for a 09:00–12:00 visit on 2019-11-05 that passes every rule; override what a test needs. */
function facts(overrides: Partial<ScheduleFacts> = {}): ScheduleFacts {
  const startsAt = ms('2019-11-05T09:00');
  return {
    request: { status: 'accepted' },
    region: zeeland,
    supportType: criticalFriend,
    supporter: anna,
    slot: { startsAt, endsAt: startsAt + 3 * HOUR, halfDays: 0 },
    typeCount: 0,
    ledger: { allotted: 10, planned: 0, used: 0 },
    supporterVisits: [],
    unavailability: [],
    ...overrides,
  };
}
const at = (local: string, hours = 3, halfDays = 0) => ({ startsAt: ms(local), endsAt: ms(local) + hours * HOUR, halfDays });
const code = (d: { ok: boolean; refusal?: { code: string } }) => (d.ok ? 'ok' : d.refusal!.code);

describe('overlap (half-open intervals)', () => {
  it('treats touching visits as not overlapping', () => {
    const morning = { startsAt: ms('2019-11-05T09:00'), endsAt: ms('2019-11-05T12:00') };
    expect(overlaps(morning, { startsAt: ms('2019-11-05T12:00'), endsAt: ms('2019-11-05T15:00') })).toBe(false);
    expect(overlaps(morning, { startsAt: ms('2019-11-05T11:59'), endsAt: ms('2019-11-05T15:00') })).toBe(true);
    expect(overlaps(morning, { startsAt: ms('2019-11-05T06:00'), endsAt: ms('2019-11-05T09:00') })).toBe(false);
    expect(overlaps(morning, { startsAt: ms('2019-11-05T10:00'), endsAt: ms('2019-11-05T11:00') })).toBe(true);
  });
});

describe('decideSchedule', () => {
  it('allows a visit that passes every rule', () => {
    expect(decideSchedule(facts(), NOW)).toEqual({ ok: true });
  });

  it('rule 1: refuses the third critical-friend visit of a region', () => {
    expect(code(decideSchedule(facts({ typeCount: 1 }), NOW))).toBe('ok');
    expect(decideSchedule(facts({ typeCount: 2 }), NOW)).toEqual({
      ok: false,
      refusal: {
        code: 'cap_reached',
        params: { typeKey: 'critical_friend', typeNameNl: 'Critical friend', typeNameEn: 'Critical friend', regionName: 'Zeeland', count: 2, cap: 2 },
      },
    });
    expect(code(decideSchedule(facts({ supportType: themeSupport, typeCount: 500 }), NOW))).toBe('ok');
  });

  it('rule 2: the start must be before the cut-off; the moment of booking does not count', () => {
    expect(code(decideSchedule(facts({ slot: at('2019-11-30T23:59', 0.01) }), NOW))).toBe('ok');
    expect(code(decideSchedule(facts({ slot: at('2019-12-01T00:00') }), NOW))).toBe('after_cut_off');
    // Booked after the cut-off, for a visit held in November: allowed.
    expect(code(decideSchedule(facts({ slot: at('2019-11-20T09:00') }), ms('2020-01-15T10:00')))).toBe('ok');
  });

  it('rule 3: refuses a visit that would make the remaining days negative, to the half day', () => {
    const slot = at('2019-11-05T09:00', 3, 1);
    const base = { supportType: themeSupport, slot };
    expect(code(decideSchedule(facts({ ...base, ledger: { allotted: 10, planned: 5, used: 4 } }), NOW))).toBe('ok');
    expect(decideSchedule(facts({ ...base, ledger: { allotted: 10, planned: 6, used: 4 } }), NOW)).toMatchObject({
      ok: false,
      refusal: { code: 'days_exhausted', params: { year: 2019, remaining: 0, requested: 1, allotted: 10, planned: 6, used: 4 } },
    });
    // A visit that charges nothing passes even on an empty ledger.
    expect(code(decideSchedule(facts({ ledger: { allotted: 0, planned: 0, used: 0 } }), NOW))).toBe('ok');
  });

  it('rule 4: refuses an overlapping visit or unavailability block, not a touching one', () => {
    const other = { id: 9, startsAt: ms('2019-11-05T06:00'), endsAt: ms('2019-11-05T09:00') };
    expect(code(decideSchedule(facts({ supporterVisits: [other] }), NOW))).toBe('ok');
    expect(code(decideSchedule(facts({ supporterVisits: [{ ...other, endsAt: other.endsAt + 1 }] }), NOW))).toBe('supporter_busy');
    const block = { startsAt: ms('2019-11-05T11:00'), endsAt: ms('2019-11-06T00:00') };
    expect(code(decideSchedule(facts({ unavailability: [block] }), NOW))).toBe('supporter_unavailable');
    expect(code(decideSchedule(facts({ unavailability: [{ ...block, startsAt: ms('2019-11-05T12:00') }] }), NOW))).toBe('ok');
  });

  it('rule 5: refuses the supporter for their own home region', () => {
    expect(code(decideSchedule(facts({ supporter: { ...anna, homeRegionId: zeeland.id } }), NOW))).toBe('conflict_of_interest');
  });

  it('rule 6: only active supporters, and the end after the start', () => {
    expect(code(decideSchedule(facts({ supporter: { ...anna, active: false } }), NOW))).toBe('supporter_inactive');
    expect(code(decideSchedule(facts({ supporter: { ...anna, role: 'coordinator' } }), NOW))).toBe('not_a_supporter');
    const startsAt = ms('2019-11-05T09:00');
    expect(code(decideSchedule(facts({ slot: { startsAt, endsAt: startsAt, halfDays: 0 } }), NOW))).toBe('end_not_after_start');
  });

  it('only books for a submitted or accepted request', () => {
    for (const status of ['submitted', 'accepted']) expect(code(decideSchedule(facts({ request: { status } }), NOW))).toBe('ok');
    for (const status of ['declined', 'withdrawn', 'closed']) {
      expect(code(decideSchedule(facts({ request: { status } }), NOW))).toBe('request_not_open');
    }
  });
});

describe('decideReschedule', () => {
  const visit: VisitFacts = { id: 5, status: 'planned', ...at('2019-11-05T09:00', 3, 1), ledgerYear: 2019 };
  const moving = (overrides: Partial<ScheduleFacts> = {}, v: VisitFacts = visit) => ({ ...facts(overrides), visit: v });

  it('leaves the visit itself out of the cap, the ledger and the diary', () => {
    const f = moving({
      supportType: { ...criticalFriend, drawsOnDays: true },
      slot: at('2019-11-05T10:00', 3, 1),
      typeCount: 2, // this visit and one other
      ledger: { allotted: 2, planned: 2, used: 0 }, // this visit's 1 and another 1
      supporterVisits: [{ id: 5, startsAt: visit.startsAt, endsAt: visit.endsAt }],
    });
    expect(decideReschedule(f, NOW)).toEqual({ ok: true });
  });

  it('does not give back days of another ledger year', () => {
    const f = moving({
      supportType: themeSupport,
      slot: at('2020-01-06T10:00', 3, 1),
      ledger: { allotted: 1, planned: 1, used: 0 }, // 2020 is full already
    });
    expect(code(decideReschedule(f, NOW))).toBe('days_exhausted');
  });

  it('still refuses a clash with another visit', () => {
    const f = moving({ slot: at('2019-11-05T13:00'), supporterVisits: [{ id: 6, ...at('2019-11-05T14:00') }] });
    expect(code(decideReschedule(f, NOW))).toBe('supporter_busy');
  });

  it('rule 7: a held or cancelled visit cannot be moved', () => {
    expect(code(decideReschedule(moving({}, { ...visit, status: 'held' }), NOW))).toBe('held_visit_cannot_move');
    expect(code(decideReschedule(moving({}, { ...visit, status: 'cancelled' }), NOW))).toBe('cancelled_visit_cannot_move');
  });
});

describe('cancel and record held', () => {
  const visit: VisitFacts = { id: 5, status: 'planned', ...at('2019-11-05T09:00', 3, 1), ledgerYear: 2019 };

  it('cancels a planned visit with a reason only', () => {
    expect(decideCancel({ visit, region: zeeland, reason: 'ziek' }, NOW)).toEqual({ ok: true });
    expect(code(decideCancel({ visit, region: zeeland, reason: '  ' }, NOW))).toBe('reason_required');
    expect(code(decideCancel({ visit: { ...visit, status: 'held' }, region: zeeland, reason: 'x' }, NOW))).toBe(
      'held_visit_cannot_be_cancelled',
    );
    expect(code(decideCancel({ visit: { ...visit, status: 'cancelled' }, region: zeeland, reason: 'x' }, NOW))).toBe(
      'visit_already_cancelled',
    );
  });

  it('records a visit held once it has started, never a cancelled one', () => {
    const held = (v: VisitFacts, now: number, minutesSpent = 120) => code(decideRecordHeld({ visit: v, region: zeeland, minutesSpent }, now));
    expect(held(visit, visit.startsAt)).toBe('ok');
    expect(held(visit, visit.startsAt - 1)).toBe('visit_not_started');
    expect(held({ ...visit, status: 'cancelled' }, NOW + 1e10)).toBe('cancelled_visit_cannot_be_held');
    expect(held({ ...visit, status: 'held' }, NOW + 1e10)).toBe('visit_already_held');
    expect(held(visit, NOW + 1e10, -5)).toBe('invalid_value');
  });
});

describe('times and days charged from input', () => {
  it('refuses wall-clock times that do not exist or are ambiguous', () => {
    expect(resolveWhen({ startLocal: '2019-03-31T02:30', durationMinutes: 60 }, 180)).toMatchObject({
      ok: false,
      refusal: { code: 'nonexistent_local_time', params: { input: '2019-03-31T02:30' } },
    });
    expect(resolveWhen({ startLocal: '2019-10-27T09:00', endLocal: '2019-10-27T02:30' }, 180)).toMatchObject({
      ok: false,
      refusal: { code: 'ambiguous_local_time' },
    });
  });

  it('uses an end, a length, or the default length', () => {
    expect(resolveWhen({ startLocal: '2019-10-27T09:00', endLocal: '2019-10-27T12:00' }, 60)).toEqual({
      ok: true,
      startsAt: Date.parse('2019-10-27T08:00:00Z'),
      endsAt: Date.parse('2019-10-27T11:00:00Z'),
    });
    expect(resolveWhen({ startLocal: '2019-03-31T09:00', durationMinutes: 180 }, 60)).toEqual({
      ok: true,
      startsAt: Date.parse('2019-03-31T07:00:00Z'),
      endsAt: Date.parse('2019-03-31T10:00:00Z'),
    });
    expect(resolveWhen({ startLocal: '2019-03-31T09:00' }, 90)).toMatchObject({ endsAt: Date.parse('2019-03-31T08:30:00Z') });
    expect(code(resolveWhen({ startLocal: '2019-03-31T09:00', durationMinutes: 0 }, 90))).toBe('invalid_value');
    expect(code(resolveWhen({ startsAt: 10, endsAt: 5 }, 90))).toBe('end_not_after_start');
  });

  it('charges nothing for a type that draws no days, else the override or the default', () => {
    const slot = { startsAt: ms('2019-11-05T09:00'), endsAt: ms('2019-11-05T17:00') };
    expect(chargeFor({ drawsOnDays: false }, slot, 4)).toEqual({ ok: true, halfDays: 0 });
    expect(chargeFor({ drawsOnDays: true }, slot, undefined)).toEqual({ ok: true, halfDays: 2 });
    expect(chargeFor({ drawsOnDays: true }, slot, 1)).toEqual({ ok: true, halfDays: 1 });
    expect(chargeFor({ drawsOnDays: true }, slot, 0)).toEqual({ ok: true, halfDays: 0 });
    expect(code(chargeFor({ drawsOnDays: true }, slot, 1.5))).toBe('invalid_half_days');
    expect(code(chargeFor({ drawsOnDays: true }, slot, -1))).toBe('invalid_half_days');
  });
});

describe('assignments', () => {
  it('assigns only active supporters from elsewhere to open requests', () => {
    const ok = { request: { status: 'submitted' }, region: zeeland, supporter: anna };
    expect(decideAssignment(ok)).toEqual({ ok: true });
    expect(code(decideAssignment({ ...ok, supporter: { ...anna, homeRegionId: 1 } }))).toBe('conflict_of_interest');
    expect(code(decideAssignment({ ...ok, supporter: { ...anna, active: false } }))).toBe('supporter_inactive');
    expect(code(decideAssignment({ ...ok, request: { status: 'closed' } }))).toBe('request_not_open');
  });

  it('lets only the assigned supporter answer a pending assignment, and accept only an open request', () => {
    const f = {
      request: { status: 'accepted', supporterId: 7, assignmentStatus: 'pending' },
      region: zeeland,
      supporter: { id: 7, name: 'Anna' },
      accept: true,
    };
    expect(decideAssignmentResponse(f)).toEqual({ ok: true });
    expect(code(decideAssignmentResponse({ ...f, supporter: { id: 8, name: 'Bram' } }))).toBe('not_assigned_supporter');
    expect(code(decideAssignmentResponse({ ...f, request: { ...f.request, assignmentStatus: 'accepted' } }))).toBe(
      'assignment_not_pending',
    );
    const withdrawn = { ...f, request: { ...f.request, status: 'withdrawn' } };
    expect(code(decideAssignmentResponse(withdrawn))).toBe('request_not_open');
    expect(code(decideAssignmentResponse({ ...withdrawn, accept: false }))).toBe('ok');
  });
});

describe('ledger changes', () => {
  const before = { allotted: 10, planned: 4, used: 2 };

  it('adds days freely but removes them only down to what is booked, always with a reason', () => {
    const f = { region: zeeland, year: 2019, reason: 'extra', before };
    expect(decideAdjustment({ ...f, deltaHalfDays: 3 })).toEqual({ ok: true });
    expect(decideAdjustment({ ...f, deltaHalfDays: -4 })).toEqual({ ok: true });
    expect(decideAdjustment({ ...f, deltaHalfDays: -5 })).toMatchObject({
      ok: false,
      refusal: { code: 'ledger_would_go_negative', params: { remaining: -1, allotted: 5, planned: 4, used: 2 } },
    });
    expect(code(decideAdjustment({ ...f, deltaHalfDays: 0 }))).toBe('invalid_adjustment');
    expect(code(decideAdjustment({ ...f, deltaHalfDays: 0.5 }))).toBe('invalid_adjustment');
    expect(code(decideAdjustment({ ...f, deltaHalfDays: 2, reason: '' }))).toBe('reason_required');
    expect(code(decideAdjustment({ ...f, deltaHalfDays: 2, year: 19 }))).toBe('invalid_value');
  });

  it('sets an allotment not below what is booked', () => {
    const f = { region: zeeland, year: 2019, reason: 'besluit' };
    expect(decideSetAllotment({ ...f, halfDays: 6, after: { ...before, allotted: 6 } })).toEqual({ ok: true });
    expect(code(decideSetAllotment({ ...f, halfDays: 5, after: { ...before, allotted: 5 } }))).toBe('ledger_would_go_negative');
    expect(code(decideSetAllotment({ ...f, halfDays: -1, after: before }))).toBe('invalid_half_days');
  });

  it('changes the default only if no region-year on the default would be overdrawn', () => {
    const usingDefault = [{ region: zeeland, year: 2019, adjustments: 1, planned: 4, used: 2 }];
    expect(decideDefaultDays({ halfDays: 5, reason: 'x', usingDefault })).toEqual({ ok: true });
    expect(decideDefaultDays({ halfDays: 4, reason: 'x', usingDefault })).toMatchObject({
      ok: false,
      refusal: { code: 'ledger_would_go_negative', params: { regionName: 'Zeeland', year: 2019, remaining: -1 } },
    });
  });

  it('checks new support-type rules', () => {
    expect(decideRuleChange({ capPerRegion: 3, bookableUntil: null, defaultMinutes: 120 }, 'besluit')).toEqual({ ok: true });
    expect(code(decideRuleChange({ capPerRegion: -1 }, 'x'))).toBe('invalid_value');
    expect(code(decideRuleChange({ defaultMinutes: 0 }, 'x'))).toBe('invalid_value');
    expect(code(decideRuleChange({ capPerRegion: 3 }, ''))).toBe('reason_required');
  });
});
