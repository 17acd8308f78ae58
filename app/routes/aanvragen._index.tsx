import { pageTitle } from '~/components/meta';
import { getFormProps, getInputProps, getSelectProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { requestReference, requestSentHeader } from '~/auth/request-sent.server';
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FieldErrors, FormErrors, TextAreaField, TextField, message } from '~/components/form';
import { formatDayNumber } from '~/domain/days';
import { refusalMessage, type Refusal } from '~/domain/refusals';
import { formatDateTime } from '~/domain/time';
import { regionLabel, searchRegions } from '~/domain/region-search';
import { THEMES, THEME_KEYS } from '~/domain/themes';
import { getLanguage } from '~/i18n/i18n.server';
import { listRegions, requestOffer, submitRequest } from '~/services/requests.server';
import { getDb } from '~db/client';
import { CONTACT_ROLES } from '~db/schema';
import { calendarDate } from '~/components/date-schema';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Ondersteuning aanvragen', 'Ask for support');

const HONEYPOT = 'website';
const date = calendarDate('request:errors.dateInvalid').optional();
const tooLong = (max: number) => message('request:errors.tooLong', { max });

/** One schema for the browser and the server; messages are i18n keys. */
export const requestSchema = z
  .object({
    regionId: z.coerce.number({ required_error: 'request:errors.regionRequired', invalid_type_error: 'request:errors.regionUnknown' }).int().positive(),
    supportTypeId: z.coerce.number({ required_error: 'request:errors.typeRequired', invalid_type_error: 'request:errors.typeUnknown' }).int().positive(),
    contactName: z.string({ required_error: 'request:errors.nameRequired' }).trim().min(2, 'request:errors.nameShort').max(120, tooLong(120)),
    contactEmail: z.string({ required_error: 'request:errors.emailRequired' }).trim().max(254, tooLong(254)).email('request:errors.emailInvalid'),
    contactRole: z.enum(CONTACT_ROLES, { errorMap: () => ({ message: 'request:errors.roleRequired' }) }),
    theme: z.enum(THEME_KEYS, { errorMap: () => ({ message: 'request:errors.themeUnknown' }) }).optional(),
    question: z
      .string({ required_error: 'request:errors.questionRequired' })
      .trim()
      .min(20, message('request:errors.questionShort', { min: 20 }))
      .max(4000, tooLong(4000)),
    preferredFrom: date,
    preferredUntil: date,
    periodNote: z.string().trim().max(300, tooLong(300)).optional(),
    location: z.string().trim().max(200, tooLong(200)).optional(),
    expectedHalfDays: z.enum(['1', '2', '4'], { errorMap: () => ({ message: 'request:errors.expectedRequired' }) }),
    consent: z.boolean({ required_error: 'request:errors.consentRequired' }).refine((v) => v, 'request:errors.consentRequired'),
  })
  .refine((v) => !v.preferredFrom || !v.preferredUntil || v.preferredUntil >= v.preferredFrom, {
    path: ['preferredUntil'],
    message: 'request:errors.datesOrder',
  });

export async function loader({ request }: LoaderFunctionArgs) {
  const db = getDb();
  const now = Date.now();
  const url = new URL(request.url);
  const query = (url.searchParams.get('regio') ?? '').slice(0, 200);
  const regions = listRegions(db);
  const matches = query ? searchRegions(regions, query) : [];
  const chosen = matches.length === 1 ? matches[0]! : null;
  const offer = requestOffer(db, chosen?.id ?? null, now);
  return {
    lang: await getLanguage(request),
    query,
    regionLabels: regions.map(regionLabel),
    matches: matches.length > 1 ? matches.map((r) => ({ id: r.id, label: regionLabel(r), number: r.registrationNumber })) : [],
    region: chosen,
    year: offer.year,
    ledger: offer.ledger,
    types: offer.types.map((t) => ({
      id: t.id,
      key: t.key,
      nameNl: t.nameNl,
      nameEn: t.nameEn,
      descriptionNl: t.descriptionNl,
      descriptionEn: t.descriptionEn,
      drawsOnDays: t.drawsOnDays,
      capPerRegion: t.capPerRegion,
      used: t.used,
      unavailable: t.unavailable,
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  // A filled-in honeypot is a bot: it gets the same answer as a person, and nothing is stored.
  if (String(formData.get(HONEYPOT) ?? '') !== '') throw redirect('/aanvragen/verzonden');
  const submission = parseWithZod(formData, { schema: requestSchema });
  // Bad input answers 400 (a refused request 409, too many 429): the page is the same, the status tells proxies and tests.
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const lang = await getLanguage(request);
  const period = [v.preferredFrom && v.preferredUntil ? `${v.preferredFrom} – ${v.preferredUntil}` : (v.preferredFrom ?? v.preferredUntil), v.periodNote]
    .filter(Boolean)
    .join('; ');
  const result = submitRequest(
    getDb(),
    {
      regionId: v.regionId,
      supportTypeId: v.supportTypeId,
      contactName: v.contactName,
      contactEmail: v.contactEmail,
      contactRole: v.contactRole,
      contactLanguage: lang,
      question: v.question,
      theme: v.theme ?? null,
      preferredPeriod: period,
      location: v.location ?? '',
      expectedHalfDays: Number(v.expectedHalfDays),
    },
    { now: Date.now(), ip: context.clientIp ?? 'unknown' },
  );
  if (result.ok) {
    const sent = { email: v.contactEmail.trim().toLowerCase(), reference: requestReference(result.requestId) };
    throw redirect('/aanvragen/verzonden', { headers: { 'Set-Cookie': await requestSentHeader(sent) } });
  }
  if (result.problem === 'unknownRegion') return data(submission.reply({ fieldErrors: { regionId: ['request:errors.regionUnknown'] } }), { status: 400 });
  if (result.problem === 'unknownType') return data(submission.reply({ fieldErrors: { supportTypeId: ['request:errors.typeUnknown'] } }), { status: 400 });
  if (result.problem === 'rateLimited') return data(submission.reply({ formErrors: ['request:errors.rateLimited'] }), { status: 429 });
  if (result.problem === 'unavailable') return data(submission.reply({ fieldErrors: { supportTypeId: [refusalMessage(result.refusal, lang)] } }), { status: 409 });
  throw new Error(`Unhandled submit problem: ${result.problem satisfies never}`);
}

export default function AskForSupport() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('request');
  const lang = data.lang;
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(requestSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: requestSchema }),
  });
  const cf = data.types.find((type) => type.key === 'critical_friend');
  const unavailableText = (refusal: Refusal) =>
    refusal.code === 'after_cut_off'
      ? t('form.cutOffPassed', { date: formatDateTime(refusal.params.bookableUntil, lang) })
      : refusal.code === 'cap_reached'
        ? t('form.capReached', { count: refusal.params.count, cap: refusal.params.cap })
        : refusalMessage(refusal, lang);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1>{t('form.title')}</h1>
        <p className="mt-3">{t('form.intro')}</p>
      </div>

      <section aria-labelledby="stap1" className="card">
        <h2 id="stap1">{t('form.step1')}</h2>
        {data.region ? (
          <div className="mt-3">
            <p>
              <span className="font-semibold">{t('form.regionChosen')}:</span> {data.region.name} ({data.region.registrationNumber}),{' '}
              {data.region.province}
            </p>
            <p className="mt-2">
              <Link to="/aanvragen">{t('form.otherRegion')}</Link>
            </p>
            {data.ledger ? (
              <div className="mt-4">
                <h3>{t('form.figuresTitle', { year: data.year })}</h3>
                <dl className="mt-2 grid gap-2 sm:grid-cols-2">
                  <div className="rounded-md bg-brand-50 p-3">
                    <dt className="text-sm">{t('form.daysLeft')}</dt>
                    <dd className="text-xl font-bold">
                      {t('form.daysOf', { left: formatDayNumber(data.ledger.remaining, lang), allotted: formatDayNumber(data.ledger.allotted, lang) })}
                    </dd>
                  </div>
                  {cf && cf.capPerRegion !== null ? (
                    <div className="rounded-md bg-brand-50 p-3">
                      <dt className="text-sm">{t('form.criticalFriendLeft')}</dt>
                      <dd className="text-xl font-bold">
                        {t('form.criticalFriendOf', {
                          left: cf.unavailable ? 0 : Math.max(0, cf.capPerRegion - cf.used),
                          cap: cf.capPerRegion,
                        })}
                      </dd>
                    </div>
                  ) : null}
                </dl>
              </div>
            ) : null}
          </div>
        ) : (
          <Form method="get" className="mt-3 space-y-3">
            <div>
              <label htmlFor="regio">{t('form.regionSearch')}</label>
              <p id="regio-hint" className="text-sm text-slate-700">
                {t('form.regionSearchHint')}
              </p>
              <input
                id="regio"
                name="regio"
                list="regio-lijst"
                defaultValue={data.query}
                className="input mt-1"
                autoComplete="off"
                aria-describedby={`regio-hint${data.query && data.matches.length === 0 ? ' regio-error' : ''}`}
                aria-invalid={data.query && data.matches.length === 0 ? true : undefined}
                maxLength={200}
              />
              <datalist id="regio-lijst">
                {data.regionLabels.map((label) => (
                  <option key={label} value={label} />
                ))}
              </datalist>
              {data.query && data.matches.length === 0 ? (
                <p id="regio-error" className="field-error" role="alert">
                  {t('form.regionNotFound', { query: data.query })}
                </p>
              ) : null}
            </div>
            {data.matches.length > 1 ? (
              <div role="status">
                <p>{t('form.regionMany', { query: data.query })}</p>
                <ul className="mt-2 list-disc pl-6">
                  {data.matches.map((m) => (
                    <li key={m.id}>
                      <Link to={`/aanvragen?${new URLSearchParams({ regio: m.number })}`}>{m.label}</Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <button type="submit" className="btn">
              {t('form.regionSearchButton')}
            </button>
          </Form>
        )}
      </section>

      {data.region ? (
        <section aria-labelledby="stap2" className="card">
          <h2 id="stap2">{t('form.step2')}</h2>
          <Form method="post" {...getFormProps(form)} className="mt-4 space-y-5">
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name={fields.regionId.name} value={data.region.id} />
            <FieldErrors id={fields.regionId.errorId} errors={fields.regionId.errors} />

            <fieldset aria-describedby={fields.supportTypeId.errors?.length ? fields.supportTypeId.errorId : undefined}>
              <legend className="font-medium">{t('form.supportType')}</legend>
              <div className="mt-2 space-y-2">
                {data.types.map((type) => {
                  const id = `soort-${type.id}`;
                  const name = lang === 'nl' ? type.nameNl : type.nameEn;
                  const description = lang === 'nl' ? type.descriptionNl : type.descriptionEn;
                  return (
                    <div key={type.id} className={`rounded-md border p-3 ${type.unavailable ? 'border-slate-200 bg-slate-100' : 'border-slate-300'}`}>
                      <div className="flex items-start gap-3">
                        <input
                          type="radio"
                          id={id}
                          name={fields.supportTypeId.name}
                          value={type.id}
                          disabled={type.unavailable !== null}
                          defaultChecked={fields.supportTypeId.initialValue === String(type.id)}
                          aria-describedby={`${id}-info`}
                          className="mt-1.5 size-4"
                        />
                        <div>
                          <label htmlFor={id}>{name}</label>
                          <div id={`${id}-info`} className="text-sm text-slate-700">
                            {description ? <p>{description}</p> : null}
                            <p>{type.drawsOnDays ? t('form.drawsOnDays') : t('form.drawsNoDays')}</p>
                            {type.unavailable ? (
                              <p className="font-semibold text-slate-900">
                                {t('form.notAvailable')}: {unavailableText(type.unavailable)}
                              </p>
                            ) : null}
                          </div>
                        </div>
                      </div>
                    </div>
                  );
                })}
              </div>
              <FieldErrors id={fields.supportTypeId.errorId} errors={fields.supportTypeId.errors} />
            </fieldset>

            <div className="grid gap-4 sm:grid-cols-2">
              <TextField field={fields.contactName} label={t('form.contactName')} autoComplete="name" />
              <TextField field={fields.contactEmail} label={t('form.contactEmail')} type="email" autoComplete="email" hint={t('form.contactEmailHint')} />
            </div>

            <div>
              <label htmlFor={fields.contactRole.id}>{t('form.contactRole')}</label>
              <select {...getSelectProps(fields.contactRole)} key={fields.contactRole.key} className="input mt-1">
                <option value="">{t('form.chooseRole')}</option>
                {CONTACT_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`form.roles.${role}`)}
                  </option>
                ))}
              </select>
              <FieldErrors id={fields.contactRole.errorId} errors={fields.contactRole.errors} />
            </div>

            <div>
              <label htmlFor={fields.theme.id}>{t('form.theme')}</label>
              <select {...getSelectProps(fields.theme)} key={fields.theme.key} className="input mt-1">
                <option value="">{t('form.noTheme')}</option>
                {THEMES.map((theme) => (
                  <option key={theme.key} value={theme.key}>
                    {theme[lang]}
                  </option>
                ))}
              </select>
              <FieldErrors id={fields.theme.errorId} errors={fields.theme.errors} />
            </div>

            <TextAreaField field={fields.question} label={t('form.question')} hint={t('form.questionHint')} rows={6} />

            <div className="grid gap-4 sm:grid-cols-2">
              <TextField field={fields.preferredFrom} label={t('form.preferredFrom')} type="date" />
              <TextField field={fields.preferredUntil} label={t('form.preferredUntil')} type="date" />
            </div>
            <TextField field={fields.periodNote} label={t('form.periodNote')} hint={t('form.periodNoteHint')} />
            <TextField field={fields.location} label={t('form.location')} hint={t('form.locationHint')} />

            <fieldset>
              <legend className="font-medium">{t('form.expectedDays')}</legend>
              <div className="mt-2 flex flex-wrap gap-4">
                {(
                  [
                    ['1', t('form.halfDay')],
                    ['2', t('form.oneDay')],
                    ['4', t('form.twoDays')],
                  ] as const
                ).map(([value, label]) => (
                  <div key={value} className="flex items-center gap-2">
                    <input
                      type="radio"
                      id={`dagen-${value}`}
                      name={fields.expectedHalfDays.name}
                      value={value}
                      defaultChecked={(fields.expectedHalfDays.initialValue ?? '2') === value}
                      className="size-4"
                    />
                    <label htmlFor={`dagen-${value}`} className="font-normal">
                      {label}
                    </label>
                  </div>
                ))}
              </div>
              <FieldErrors id={fields.expectedHalfDays.errorId} errors={fields.expectedHalfDays.errors} />
            </fieldset>

            <div>
              <div className="flex items-start gap-3">
                <input {...getInputProps(fields.consent, { type: 'checkbox' })} key={fields.consent.key} className="mt-1.5 size-4" />
                <label htmlFor={fields.consent.id} className="font-normal">
                  {t('form.consent')}
                </label>
              </div>
              <FieldErrors id={fields.consent.errorId} errors={fields.consent.errors} />
            </div>

            <div className="hidden" aria-hidden="true">
              <label htmlFor="website">{t('form.honeypot')}</label>
              <input id="website" name={HONEYPOT} type="text" tabIndex={-1} autoComplete="off" />
            </div>

            <button type="submit" className="btn" disabled={navigation.state === 'submitting'}>
              {t('form.submit')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
