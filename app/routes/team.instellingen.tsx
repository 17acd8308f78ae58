import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireCoordinator } from '~/auth/session.server';
import { daysField, parseId, reasonField } from '~/components/admin-params';
import { FormErrors, TextAreaField, TextField } from '~/components/form';
import { pageTitle } from '~/components/meta';
import { formatDayNumber, formatHalfDays } from '~/domain/days';
import { refusalMessage } from '~/domain/refusals';
import { formatDateTime, toLocalInput, type Lang } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { defaultHalfDaysPerYear, NotFoundError } from '~/services/common.server';
import { listSupportTypes } from '~/services/oversight.server';
import { setDefaultDaysPerYear, updateSupportTypeRules } from '~/services/support-types.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Instellingen', 'Settings');

const rulesSchema = z.object({
  intent: z.literal('rules'),
  typeId: z.coerce.number({ invalid_type_error: 'admin:errors.typeUnknown' }).int().positive(),
  capPerRegion: z.string().trim().regex(/^\d{1,4}$/, 'admin:errors.capInvalid').optional(),
  bookableUntil: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?$/, 'admin:errors.dateTimeInvalid')
    .optional(),
  drawsOnDays: z.boolean().default(false),
  defaultMinutes: z
    .string({ required_error: 'admin:errors.minutesInvalid' })
    .trim()
    .regex(/^\d{1,4}$/, 'admin:errors.minutesInvalid')
    .refine((v) => Number(v) > 0, 'admin:errors.minutesInvalid'),
  reason: reasonField,
});

const defaultDaysSchema = z.object({ intent: z.literal('defaultDays'), days: daysField, reason: reasonField });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const db = getDb();
  const done = new URL(request.url).searchParams.get('klaar');
  return {
    lang: await getLanguage(request),
    types: listSupportTypes(db),
    defaultHalfDays: defaultHalfDaysPerYear(db),
    savedTypeId: done?.startsWith('soort-') ? parseId(done.slice(6)) : null,
    savedDefault: done === 'standaard',
  };
}

type ActionData =
  | { intent: 'rules'; typeId: number; result?: SubmissionResult<string[]>; overCap?: Array<{ regionName: string; count: number }> }
  | { intent: 'defaultDays'; result: SubmissionResult<string[]> };

export async function action({ request }: ActionFunctionArgs): Promise<ActionData> {
  const user = await requireCoordinator(request);
  const lang = await getLanguage(request);
  const formData = await request.formData();
  const db = getDb();
  const actor = { actorUserId: user.id, now: Date.now() };
  const intent = formData.get('intent');

  if (intent === 'rules') {
    const typeId = parseId(String(formData.get('typeId') ?? '')) ?? 0;
    const submission = parseWithZod(formData, { schema: rulesSchema });
    if (submission.status !== 'success') return { intent, typeId, result: submission.reply() };
    const v = submission.value;
    let result;
    try {
      result = updateSupportTypeRules(db, {
        ...actor,
        supportTypeId: v.typeId,
        changes: {
          capPerRegion: v.capPerRegion === undefined ? null : Number(v.capPerRegion),
          bookableUntil: v.bookableUntil ?? null,
          drawsOnDays: v.drawsOnDays,
          defaultMinutes: Number(v.defaultMinutes),
        },
        reason: v.reason,
      });
    } catch (error) {
      if (error instanceof NotFoundError) throw new Response('Not Found', { status: 404 });
      throw error;
    }
    if (!result.ok) {
      const sentence = refusalMessage(result.refusal, lang);
      const field =
        result.refusal.code === 'invalid_local_time' || result.refusal.code === 'nonexistent_local_time' || result.refusal.code === 'ambiguous_local_time'
          ? 'bookableUntil'
          : null;
      return {
        intent,
        typeId,
        result: submission.reply(field ? { fieldErrors: { [field]: [sentence] } } : { formErrors: [sentence] }),
      };
    }
    if (result.regionsOverCap.length > 0) {
      return { intent, typeId, overCap: result.regionsOverCap.map((r) => ({ regionName: r.regionName, count: r.count })) };
    }
    throw redirect(`/team/instellingen?klaar=soort-${v.typeId}#soort-${v.typeId}`);
  }
  if (intent === 'defaultDays') {
    const submission = parseWithZod(formData, { schema: defaultDaysSchema });
    if (submission.status !== 'success') return { intent, result: submission.reply() };
    const result = setDefaultDaysPerYear(db, { ...actor, halfDays: submission.value.days, reason: submission.value.reason });
    if (!result.ok) return { intent, result: submission.reply({ formErrors: [refusalMessage(result.refusal, lang)] }) };
    throw redirect('/team/instellingen?klaar=standaard#standaard');
  }
  throw new Response('Bad Request', { status: 400 });
}

function HolidaySettingsLink() {
  const { t } = useTranslation('holidays');
  return (
    <section aria-labelledby="vakanties-link" className="card">
      <h2 id="vakanties-link">
        <Link to="/team/instellingen/schoolvakanties">{t('settings.link')}</Link>
      </h2>
      <p className="mt-1">{t('settings.linkIntro')}</p>
    </section>
  );
}

type TypeRow = ReturnType<typeof useLoaderData<typeof loader>>['types'][number];

export default function SettingsPage() {
  const { lang, types, defaultHalfDays, savedTypeId, savedDefault } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation('admin');
  return (
    <div className="space-y-6">
      <div>
        <h1>{t('settings.title')}</h1>
        <p className="mt-2">{t('settings.intro')}</p>
      </div>
      <HolidaySettingsLink />
      <section aria-labelledby="soorten" className="space-y-4">
        <h2 id="soorten">{t('settings.typesTitle')}</h2>
        {types.map((type) => (
          <RulesForm
            key={`${type.id}-${type.capPerRegion}-${type.bookableUntil}-${type.drawsOnDays}-${type.defaultMinutes}`}
            type={type}
            lang={lang}
            saved={savedTypeId === type.id}
            data={data?.intent === 'rules' && data.typeId === type.id ? data : undefined}
          />
        ))}
      </section>
      <DefaultDaysForm
        key={defaultHalfDays}
        lang={lang}
        defaultHalfDays={defaultHalfDays}
        saved={savedDefault}
        lastResult={data?.intent === 'defaultDays' ? data.result : undefined}
      />
    </div>
  );
}

function rulesSummary(type: TypeRow, lang: Lang, t: ReturnType<typeof useTranslation<'admin'>>['t']): string {
  return [
    type.capPerRegion === null ? t('settings.ruleNoCap') : t('settings.ruleCap', { cap: type.capPerRegion }),
    type.bookableUntil === null ? t('settings.ruleNoUntil') : t('settings.ruleUntil', { date: formatDateTime(type.bookableUntil, lang) }),
    type.drawsOnDays ? t('settings.ruleDraws') : t('settings.ruleNoDraws'),
    t('settings.ruleMinutes', { minutes: type.defaultMinutes }),
  ].join(', ');
}

function RulesForm({
  type,
  lang,
  saved,
  data,
}: {
  type: TypeRow;
  lang: Lang;
  saved: boolean;
  data: { result?: SubmissionResult<string[]>; overCap?: Array<{ regionName: string; count: number }> } | undefined;
}) {
  const { t } = useTranslation('admin');
  const navigation = useNavigation();
  const name = lang === 'en' ? type.nameEn : type.nameNl;
  const [form, fields] = useForm({
    id: `regels-${type.id}`,
    lastResult: data?.result,
    constraint: getZodConstraint(rulesSchema),
    defaultValue: {
      capPerRegion: type.capPerRegion === null ? '' : String(type.capPerRegion),
      bookableUntil: type.bookableUntil === null ? '' : toLocalInput(type.bookableUntil),
      drawsOnDays: type.drawsOnDays ? 'on' : undefined,
      defaultMinutes: String(type.defaultMinutes),
    },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: rulesSchema }),
  });
  const { key: _drawsKey, ...drawsProps } = getInputProps(fields.drawsOnDays, { type: 'checkbox' });
  const headingId = `soort-${type.id}-kop`;
  return (
    <section id={`soort-${type.id}`} aria-labelledby={headingId} className="card">
      <h3 id={headingId}>{name}</h3>
      <p className="mt-1 text-sm text-slate-800">{t('settings.current', { rules: rulesSummary(type, lang, t) })}</p>
      {saved ? (
        <p role="status" className="notice mt-3">
          {t('settings.typeSaved', { name })}
        </p>
      ) : null}
      {data?.overCap ? (
        <div role="status" className="notice mt-3">
          <p>{t('settings.typeSaved', { name })}</p>
          <p className="mt-1">
            {t('settings.overCap', { regions: data.overCap.map((r) => `${r.regionName} (${r.count})`).join(', ') })}
          </p>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="rules" />
        <input type="hidden" name="typeId" value={type.id} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField field={fields.capPerRegion} label={t('settings.cap')} hint={t('settings.capHint')} type="number" min="0" step="1" />
          <TextField field={fields.bookableUntil} label={t('settings.bookableUntil')} hint={t('settings.bookableUntilHint')} type="datetime-local" />
          <TextField field={fields.defaultMinutes} label={t('settings.defaultMinutes')} type="number" min="1" step="1" />
        </div>
        <div className="flex items-start gap-2">
          <input {...drawsProps} key={fields.drawsOnDays.key} className="mt-1 size-4" />
          <label htmlFor={fields.drawsOnDays.id} className="font-normal">
            {t('settings.drawsOnDays')}
          </label>
        </div>
        <TextAreaField field={fields.reason} label={t('settings.reason')} rows={2} />
        <button type="submit" className="btn" disabled={navigation.state === 'submitting'}>
          {t('settings.saveType', { name })}
        </button>
      </Form>
    </section>
  );
}

function DefaultDaysForm({
  lang,
  defaultHalfDays,
  saved,
  lastResult,
}: {
  lang: Lang;
  defaultHalfDays: number;
  saved: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation('admin');
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'standaarddagen',
    lastResult,
    constraint: getZodConstraint(defaultDaysSchema),
    defaultValue: { days: formatDayNumber(defaultHalfDays, lang) },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: defaultDaysSchema }),
  });
  return (
    <section id="standaard" aria-labelledby="standaard-kop" className="card">
      <h2 id="standaard-kop">{t('settings.defaultDaysTitle')}</h2>
      <p className="mt-1">{t('settings.defaultDaysIntro', { days: formatHalfDays(defaultHalfDays, lang) })}</p>
      {saved ? (
        <p role="status" className="notice mt-3">
          {t('settings.defaultDaysSaved')}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="defaultDays" />
        <TextField field={fields.days} label={t('settings.defaultDays')} hint={t('region.daysHint')} />
        <TextAreaField field={fields.reason} label={t('settings.reason')} rows={2} />
        <button type="submit" className="btn" disabled={navigation.state === 'submitting'}>
          {t('settings.saveDefaultDays')}
        </button>
      </Form>
    </section>
  );
}
