/** Zod fields for dates typed in forms; shared by the browser and the server (client-safe). */
import { z } from 'zod';
import { NONEXISTENT_DATE, isCalendarDate, isDateShaped } from '~/domain/calendar-date';

/**
 * A zod string that must be a real calendar date: `shapeMessage` when it is not YYYY-MM-DD,
 * "this date does not exist" when it is but names no day. Add `.optional()` etc. as needed.
 */
export function calendarDate(shapeMessage: string, requiredMessage?: string) {
  return z
    .string(requiredMessage ? { required_error: requiredMessage } : undefined)
    .refine(isDateShaped, shapeMessage)
    .refine((v) => !isDateShaped(v) || isCalendarDate(v), NONEXISTENT_DATE);
}
