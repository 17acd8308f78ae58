/** The zod schemas of the development forms (status page proposal, team publish), for server and browser. */
import { z } from 'zod';
import { DEVELOPMENT_LIMITS, isSafeLink } from '~/domain/developments';
import { message } from './form';
import { calendarDate } from '~/components/date-schema';

const title = z
  .string({ required_error: 'map:errors.titleRequired' })
  .trim()
  .min(1, 'map:errors.titleRequired')
  .max(DEVELOPMENT_LIMITS.title, message('map:errors.tooLong', { max: DEVELOPMENT_LIMITS.title }));
const body = z
  .string({ required_error: 'map:errors.bodyRequired' })
  .trim()
  .min(1, 'map:errors.bodyRequired')
  .max(DEVELOPMENT_LIMITS.body, message('map:errors.tooLong', { max: DEVELOPMENT_LIMITS.body }));
const link = z
  .string()
  .trim()
  .max(DEVELOPMENT_LIMITS.link, message('map:errors.tooLong', { max: DEVELOPMENT_LIMITS.link }))
  .refine(isSafeLink, 'map:errors.linkInvalid')
  .optional();

export const proposalFields = { title, body, link };

export const publishSchema = z.object({
  intent: z.literal('publish'),
  regionId: z.coerce.number({ required_error: 'map:errors.regionRequired', invalid_type_error: 'map:errors.regionRequired' }).int().positive('map:errors.regionRequired'),
  title,
  body,
  link,
  date: calendarDate('map:errors.dateInvalid', 'map:errors.dateRequired'),
});
