import { getFormProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { HOLIDAY_ZONES, type HolidayZone } from '~/domain/holidays';
import { FieldErrors, FormErrors } from './form';

export const zoneSchema = z.object({
  intent: z.literal('zone'),
  zone: z.enum(['default', ...HOLIDAY_ZONES], { errorMap: () => ({ message: 'holidays:errors.zoneInvalid' }) }),
});

export type ZoneView = { province: string; holidayZone: HolidayZone | null; zoneInEffect: HolidayZone | null; provinceDefault: HolidayZone | null };

/** The region page's school-holiday zone: what is in effect, and a form to set it (coordinators). */
export function HolidayZoneSection({ view, lastResult, saved }: { view: ZoneView; lastResult?: SubmissionResult<string[]>; saved: boolean }) {
  const { t } = useTranslation('holidays');
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'vakantieregio-formulier',
    lastResult,
    constraint: getZodConstraint(zoneSchema),
    defaultValue: { zone: view.holidayZone ?? 'default' },
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: zoneSchema }),
  });
  const zoneName = (z: HolidayZone) => t(`zones.${z}`);
  const selectProps = getSelectProps(fields.zone, { ariaDescribedBy: `${fields.zone.id}-hint` });
  return (
    <section aria-labelledby="vakantieregio-kop" id="vakantieregio" className="card space-y-3">
      <h2 id="vakantieregio-kop">{t('region.title')}</h2>
      {saved ? (
        <p role="status" className="notice">
          {t('region.saved')}
        </p>
      ) : null}
      <p>
        {view.zoneInEffect === null
          ? t('region.noZone', { province: view.province })
          : view.holidayZone === null
            ? t('region.currentDefault', { zone: zoneName(view.zoneInEffect), province: view.province })
            : t('region.current', { zone: zoneName(view.zoneInEffect) })}
      </p>
      <p className="text-sm">{t('region.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="zone" />
        <div>
          <label htmlFor={fields.zone.id}>{t('region.label')}</label>
          <p id={`${fields.zone.id}-hint`} className="text-sm text-slate-700">
            {t('region.hint')}
          </p>
          <select {...selectProps} key={selectProps.key} className="input mt-1">
            <option value="default">
              {view.provinceDefault ? t('region.default', { zone: zoneName(view.provinceDefault) }) : t('region.defaultNone')}
            </option>
            {HOLIDAY_ZONES.map((z) => (
              <option key={z} value={z}>
                {zoneName(z)}
              </option>
            ))}
          </select>
          <FieldErrors id={fields.zone.errorId} errors={fields.zone.errors} />
        </div>
        <button type="submit" className="btn" disabled={navigation.state === 'submitting'}>
          {t('region.submit')}
        </button>
      </Form>
    </section>
  );
}
