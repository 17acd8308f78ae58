/**
 * Small parsing helpers of the coordinators' oversight pages: query parameters and the zod fields
 * that several forms share. Messages are i18n keys of the admin namespace.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { message } from '~/components/form';
import { ZONE, type Lang } from '~/domain/time';

/** A positive whole id from a query or route parameter, or null for anything else. */
export function parseId(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

/** A year from `?jaar=`, between 2000 and 2100; otherwise the fallback. */
export function parseYear(value: string | null | undefined, fallback: number): number {
  if (!value || !/^\d{4}$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 2000 && n <= 2100 ? n : fallback;
}

/** One of the allowed values, or undefined. */
export function parseChoice<T extends string>(value: string | null | undefined, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** The twelve months in the language, in full and short ('maart', 'mrt' / 'March', 'Mar'). */
export function monthNames(lang: Lang): Array<{ long: string; short: string }> {
  return Array.from({ length: 12 }, (_, i) => {
    const d = DateTime.fromObject({ year: 2020, month: i + 1, day: 1 }, { zone: ZONE }).setLocale(lang === 'en' ? 'en-GB' : 'nl-NL');
    return { long: d.toFormat('LLLL'), short: d.toFormat('LLL').replace(/\.$/, '') };
  });
}

export const reasonField = z
  .string({ required_error: 'admin:errors.reasonRequired' })
  .trim()
  .min(1, 'admin:errors.reasonRequired')
  .max(500, message('admin:errors.tooLong', { max: 500 }));

/** A number of days typed as '1', '1,5' or '1.5' (whole half-days), as half-days. */
export const daysField = z
  .string({ required_error: 'admin:errors.daysRequired' })
  .trim()
  .regex(/^\d{1,3}(?:[.,](?:0|5|50))?$/, 'admin:errors.daysInvalid')
  .transform((v) => Math.round(Number(v.replace(',', '.')) * 2));

export const yearField = z.coerce
  .number({ invalid_type_error: 'admin:errors.yearInvalid', required_error: 'admin:errors.yearInvalid' })
  .int('admin:errors.yearInvalid')
  .min(2000, 'admin:errors.yearInvalid')
  .max(2100, 'admin:errors.yearInvalid');
