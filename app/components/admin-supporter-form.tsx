import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FieldErrors, FormErrors, TextField, message } from '~/components/form';
import { isThemeKey } from '~/domain/themes';
import type { Lang } from '~/domain/time';
import { ThemeCheckboxes } from '~/components/theme-checkboxes';

export const TEMPORARY_PASSWORD_MIN = 12;

const profileFields = {
  name: z
    .string({ required_error: 'admin:errors.nameRequired' })
    .trim()
    .min(1, 'admin:errors.nameRequired')
    .max(120, message('admin:errors.tooLong', { max: 120 })),
  email: z
    .string({ required_error: 'admin:errors.emailRequired' })
    .trim()
    .max(254, message('admin:errors.tooLong', { max: 254 }))
    .email('admin:errors.emailInvalid'),
  language: z.enum(['nl', 'en'], { errorMap: () => ({ message: 'admin:errors.languageRequired' }) }),
  themes: z
    .array(z.string())
    .default([])
    .refine((keys) => keys.every(isThemeKey), 'admin:errors.themeUnknown'),
  homeRegionId: z.coerce.number({ invalid_type_error: 'admin:errors.regionUnknown' }).int('admin:errors.regionUnknown').positive('admin:errors.regionUnknown').optional(),
  active: z.boolean().default(false),
};

export const temporaryPasswordField = z
  .string({ required_error: message('admin:errors.passwordShort', { min: TEMPORARY_PASSWORD_MIN }) })
  .min(TEMPORARY_PASSWORD_MIN, message('admin:errors.passwordShort', { min: TEMPORARY_PASSWORD_MIN }))
  .max(200, message('admin:errors.tooLong', { max: 200 }));

export const editSupporterSchema = z.object({ intent: z.literal('profile'), ...profileFields });
export const newSupporterSchema = z.object({ intent: z.literal('profile'), ...profileFields, temporaryPassword: temporaryPasswordField });

type Defaults = { name: string; email: string; language: 'nl' | 'en'; themes: string[]; homeRegionId: number | null; active: boolean };

/** The profile form for adding (with a temporary password) or editing a supporter. */
export function SupporterForm({
  mode,
  lastResult,
  defaults,
  regions,
  lang,
}: {
  mode: 'new' | 'edit';
  lastResult: SubmissionResult<string[]> | undefined;
  defaults: Defaults;
  regions: Array<{ id: number; name: string; registrationNumber: string }>;
  lang: Lang;
}) {
  const { t } = useTranslation('admin');
  const navigation = useNavigation();
  // Typed as the larger schema so `fields.temporaryPassword` exists; editing uses the schema without it.
  const schema = (mode === 'new' ? newSupporterSchema : editSupporterSchema) as typeof newSupporterSchema;
  const [form, fields] = useForm({
    id: 'profiel',
    lastResult,
    constraint: getZodConstraint(schema),
    defaultValue: {
      name: defaults.name,
      email: defaults.email,
      language: defaults.language,
      themes: defaults.themes,
      homeRegionId: defaults.homeRegionId === null ? '' : String(defaults.homeRegionId),
      active: defaults.active ? 'on' : undefined,
    },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const chosenThemes = new Set(
    Array.isArray(fields.themes.initialValue) ? fields.themes.initialValue : fields.themes.initialValue ? [fields.themes.initialValue] : [],
  );
  const { key: _activeKey, ...activeProps } = getInputProps(fields.active, { type: 'checkbox' });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-5">
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="profile" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField field={fields.name} label={t('supporters.name')} autoComplete="off" />
        <TextField field={fields.email} label={t('supporters.email')} type="email" autoComplete="off" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={fields.language.id}>{t('supporters.language')}</label>
          <select {...getSelectProps(fields.language)} key={fields.language.key} className="input mt-1">
            <option value="nl">{t('languages.nl')}</option>
            <option value="en">{t('languages.en')}</option>
          </select>
          <FieldErrors id={fields.language.errorId} errors={fields.language.errors} />
        </div>
        <div>
          <label htmlFor={fields.homeRegionId.id}>{t('supporters.homeRegion')}</label>
          <p id={`${fields.homeRegionId.id}-hint`} className="text-sm text-slate-700">
            {t('supporters.homeRegionHint')}
          </p>
          <select
            {...getSelectProps(fields.homeRegionId, { ariaDescribedBy: `${fields.homeRegionId.id}-hint` })}
            key={fields.homeRegionId.key}
            className="input mt-1"
          >
            <option value="">{t('supporters.noHomeRegion')}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({r.registrationNumber})
              </option>
            ))}
          </select>
          <FieldErrors id={fields.homeRegionId.errorId} errors={fields.homeRegionId.errors} />
        </div>
      </div>
      <ThemeCheckboxes
        name={fields.themes.name}
        legend={t('supporters.themes')}
        hint={t('supporters.themesHint')}
        chosen={chosenThemes}
        lang={lang}
        errorId={fields.themes.errorId}
        errors={fields.themes.errors}
      />
      <div className="flex items-start gap-2">
        <input {...activeProps} key={fields.active.key} className="mt-1 size-4" />
        <label htmlFor={fields.active.id} className="font-normal">
          {t('supporters.active')}
        </label>
      </div>
      {mode === 'new' ? (
        <TextField
          field={fields.temporaryPassword}
          label={t('supporters.temporaryPassword')}
          hint={t('supporters.temporaryPasswordHint')}
          type="text"
          autoComplete="new-password"
        />
      ) : null}
      <button type="submit" className="btn" disabled={navigation.state === 'submitting'}>
        {mode === 'new' ? t('supporters.create') : t('supporters.save')}
      </button>
    </Form>
  );
}
