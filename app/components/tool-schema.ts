/** The text fields of the team's tool form (the file is checked on the server by content). */
import { z } from 'zod';
import { isSafeLink } from '~/domain/developments';
import { THEME_KEYS } from '~/domain/themes';
import { TOOL_LIMITS } from '~/domain/tools';
import { message } from './form';

export const toolTextSchema = z.object({
  title: z
    .string({ required_error: 'tools:errors.titleRequired' })
    .trim()
    .min(1, 'tools:errors.titleRequired')
    .max(TOOL_LIMITS.title, message('tools:errors.tooLong', { max: TOOL_LIMITS.title })),
  description: z
    .string({ required_error: 'tools:errors.descriptionRequired' })
    .trim()
    .min(1, 'tools:errors.descriptionRequired')
    .max(TOOL_LIMITS.description, message('tools:errors.tooLong', { max: TOOL_LIMITS.description })),
  theme: z.enum(THEME_KEYS, { errorMap: () => ({ message: 'tools:errors.themeRequired' }) }),
  link: z
    .string()
    .trim()
    .max(TOOL_LIMITS.link, message('tools:errors.tooLong', { max: TOOL_LIMITS.link }))
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || isSafeLink(v), 'tools:errors.linkInvalid'),
});
