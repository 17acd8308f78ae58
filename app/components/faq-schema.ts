/** The zod schema of the team's question-and-answer form (server and browser). */
import { z } from 'zod';
import { FAQ_CATEGORY_KEYS, FAQ_LIMITS } from '~/domain/faq';
import { message } from './form';

const text = (max: number, required: string) =>
  z.string({ required_error: required }).trim().min(1, required).max(max, message('faq:errors.tooLong', { max }));
const optional = (max: number) => z.string().trim().max(max, message('faq:errors.tooLong', { max })).optional();

export const faqSchema = z
  .object({
    category: z.enum(FAQ_CATEGORY_KEYS, { errorMap: () => ({ message: 'faq:errors.categoryRequired' }) }),
    sortOrder: z.coerce
      .number({ required_error: 'faq:errors.orderInvalid', invalid_type_error: 'faq:errors.orderInvalid' })
      .int('faq:errors.orderInvalid')
      .min(0, 'faq:errors.orderInvalid')
      .max(9999, 'faq:errors.orderInvalid'),
    questionNl: text(FAQ_LIMITS.question, 'faq:errors.questionRequired'),
    answerNl: text(FAQ_LIMITS.answer, 'faq:errors.answerRequired'),
    questionEn: optional(FAQ_LIMITS.question),
    answerEn: optional(FAQ_LIMITS.answer),
    published: z.literal('on').optional().transform((v) => v === 'on'),
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.questionEn) !== Boolean(v.answerEn)) {
      ctx.addIssue({ code: 'custom', path: [v.questionEn ? 'answerEn' : 'questionEn'], message: 'faq:errors.englishPair' });
    }
  });
