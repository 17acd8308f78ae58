import { getFormProps, useForm } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireCoordinator } from '~/auth/session.server';
import { DaysBar } from '~/components/admin-days-bar';
import { daysField, parseId, parseYear, reasonField, yearField } from '~/components/admin-params';
import { FieldErrors, FormErrors, TextAreaField, TextField } from '~/components/form';
import { HolidayZoneSection, zoneSchema } from '~/components/holiday-zone-form';
import { langFromMatches } from '~/components/meta';
import { formatDayNumber, formatHalfDays } from '~/domain/days';
import { refusalMessage } from '~/domain/refusals';
import { themeLabel } from '~/domain/themes';
import { amsterdamYear, formatDate, formatRange, type Lang } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { NotFoundError } from '~/services/common.server';
import { regionZoneView, setRegionHolidayZone } from '~/services/holidays.server';
import { adjustDays, setAllotment } from '~/services/ledger.server';
import { regionDetail, selectableYears } from '~/services/oversight.server';
import { getDb } from '~db/client';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const name = data?.detail.region.name;
  const en = langFromMatches(matches) === 'en';
  return [{ title: name ? `${name} – ${en ? 'STO Support' : 'STO Ondersteuning'}` : en ? 'Region – STO Support' : 'Regio – STO Ondersteuning' }];
};

const adjustSchema = z.object({
  intent: z.literal('adjust'),
  year: yearField,
  direction: z.enum(['add', 'remove'], { errorMap: () => ({ message: 'admin:errors.directionRequired' }) }),
  days: daysField.refine((h) => h > 0, 'admin:errors.daysPositive'),
  reason: reasonField,
});

const allotmentSchema = z.object({
  intent: z.literal('allotment'),
  year: yearField,
  days: daysField,
  reason: reasonField,
});

function regionIdOf(params: { id?: string }): number {
  const id = parseId(params.id);
  if (id === null) throw new Response('Not Found', { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const regionId = regionIdOf(params);
  const lang = await getLanguage(request);
  const db = getDb();
  const now = Date.now();
  const url = new URL(request.url);
  const year = parseYear(url.searchParams.get('jaar'), amsterdamYear(now));
  const detail = regionDetail(db, regionId, year);
  if (!detail) throw new Response('Not Found', { status: 404 });
  const done = url.searchParams.get('klaar');
  const zone = regionZoneView(db, regionId)!;
  return {
    lang,
    detail,
    zone,
    years: selectableYears(db, now),
    done: done === 'dagen' || done === 'toekenning' || done === 'vakantieregio' ? done : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireCoordinator(request);
  const regionId = regionIdOf(params);
  const lang = await getLanguage(request);
  const formData = await request.formData();
  const intent = formData.get('intent');
  const db = getDb();
  const actor = { actorUserId: user.id, now: Date.now() };

  if (intent === 'adjust') {
    const submission = parseWithZod(formData, { schema: adjustSchema });
    if (submission.status !== 'success') return { intent, result: submission.reply() };
    const v = submission.value;
    try {
      const result = adjustDays(db, {
        ...actor,
        regionId,
        year: v.year,
        deltaHalfDays: v.direction === 'add' ? v.days : -v.days,
        reason: v.reason,
      });
      if (!result.ok) return { intent, result: submission.reply({ formErrors: [refusalMessage(result.refusal, lang)] }) };
    } catch (error) {
      if (error instanceof NotFoundError) throw new Response('Not Found', { status: 404 });
      throw error;
    }
    throw redirect(`/team/regios/${regionId}?jaar=${v.year}&klaar=dagen#dagen`);
  }
  if (intent === 'zone') {
    const submission = parseWithZod(formData, { schema: zoneSchema });
    if (submission.status !== 'success') return { intent, result: submission.reply() };
    try {
      const result = setRegionHolidayZone(db, { ...actor, regionId, zone: submission.value.zone });
      if (!result.ok) return { intent, result: submission.reply({ fieldErrors: { zone: ['holidays:errors.zoneInvalid'] } }) };
    } catch (error) {
      if (error instanceof NotFoundError) throw new Response('Not Found', { status: 404 });
      throw error;
    }
    throw redirect(`/team/regios/${regionId}?klaar=vakantieregio#vakantieregio`);
  }
  if (intent === 'allotment') {
    const submission = parseWithZod(formData, { schema: allotmentSchema });
    if (submission.status !== 'success') return { intent, result: submission.reply() };
    const v = submission.value;
    try {
      const result = setAllotment(db, { ...actor, regionId, year: v.year, halfDays: v.days, reason: v.reason });
      if (!result.ok) return { intent, result: submission.reply({ formErrors: [refusalMessage(result.refusal, lang)] }) };
    } catch (error) {
      if (error instanceof NotFoundError) throw new Response('Not Found', { status: 404 });
      throw error;
    }
    throw redirect(`/team/regios/${regionId}?jaar=${v.year}&klaar=toekenning#dagen`);
  }
  throw new Response('Bad Request', { status: 400 });
}

export default function RegionPage() {
  const { lang, detail, zone, years, done } = useLoaderData<typeof loader>();
  const zoneResult = useResult('zone');
  const { t } = useTranslation('admin');
  const { region, ledger, year } = detail;
  // A new key once the ledger changes (after saving) empties the forms again; errors keep what was typed.
  const formKey = `${year}-${detail.adjustments.length}-${ledger.allotted}-${detail.allotment?.setAt ?? 0}`;
  const typeName = (r: { typeNameNl: string; typeNameEn: string }) => (lang === 'en' ? r.typeNameEn : r.typeNameNl);
  return (
    <div className="space-y-6">
      <p>
        <Link to="/team/regios">{t('region.back')}</Link>
      </p>
      <div>
        <h1>{region.name}</h1>
        <p className="mt-1 text-slate-800">{t('region.numberAndProvince', { number: region.registrationNumber, province: region.province })}</p>
      </div>

      <section aria-labelledby="gegevens" className="card">
        <h2 id="gegevens">{t('region.detailsTitle')}</h2>
        <dl className="mt-3 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">{t('region.planStatus')}</dt>
          <dd>{t(`planStatus.${region.planStatus}`)}</dd>
          <dt className="font-medium">{t('region.penvoerder')}</dt>
          <dd>{region.penvoerder}</dd>
          {region.mainTown ? (
            <>
              <dt className="font-medium">{t('region.mainTown')}</dt>
              <dd>{region.mainTown}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t('region.speerpunten')}</dt>
          <dd>
            {region.speerpunten.length === 0 ? (
              t('region.noSpeerpunten')
            ) : (
              <ul className="list-disc pl-5">
                {region.speerpunten.map((key) => (
                  <li key={key}>{themeLabel(key, lang)}</li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        <h3 className="mt-5">{t('region.contactsTitle')}</h3>
        {detail.contacts.length === 0 ? (
          <p className="mt-2">{t('region.noContacts')}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="table">
              <caption className="sr-only">{t('region.contactsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('region.colName')}</th>
                  <th scope="col">{t('region.colRole')}</th>
                  <th scope="col">{t('region.colEmail')}</th>
                  <th scope="col">{t('region.colPhone')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.contacts.map((c) => (
                  <tr key={c.id}>
                    <td>{c.name}</td>
                    <td>{t(`contactRole.${c.role as 'other'}`, { defaultValue: c.role })}</td>
                    <td>
                      <a href={`mailto:${c.email}`}>{c.email}</a>
                    </td>
                    <td>{c.phone ?? t('none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <HolidayZoneSection view={zone} lastResult={zoneResult} saved={done === 'vakantieregio'} />

      <section aria-labelledby="dagen-kop" id="dagen" className="card space-y-4">
        <h2 id="dagen-kop">{t('region.ledgerTitle', { year })}</h2>
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="jaar">{t('region.yearLabel')}</label>
            <select id="jaar" name="jaar" defaultValue={year} className="input mt-1">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">
            {t('region.chooseYear')}
          </button>
        </Form>
        {done === 'dagen' || done === 'toekenning' ? (
          <p role="status" className="notice">
            {done === 'dagen' ? t('region.adjusted') : t('region.allotmentSaved')}
          </p>
        ) : null}
        <DaysBar figures={ledger} lang={lang} />
        <p>
          {detail.allotment
            ? t('region.allotmentOwn', {
                year,
                days: formatHalfDays(detail.allotment.halfDays, lang),
                default: formatHalfDays(detail.defaultHalfDays, lang),
                reason: detail.allotment.reason,
              })
            : t('region.allotmentDefault', { days: formatHalfDays(detail.defaultHalfDays, lang) })}
        </p>
        {ledger.criticalFriendCap !== null ? (
          <p>{t('region.criticalFriend', { used: ledger.criticalFriendUsed, cap: ledger.criticalFriendCap })}</p>
        ) : null}

        <h3>{t('region.adjustmentsTitle', { year })}</h3>
        {detail.adjustments.length === 0 ? (
          <p>{t('region.noAdjustments')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="table">
              <caption className="sr-only">{t('region.adjustmentsCaption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('region.colDate')}</th>
                  <th scope="col">{t('region.colChange')}</th>
                  <th scope="col">{t('region.colReason')}</th>
                  <th scope="col">{t('region.colBy')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.adjustments.map((a) => (
                  <tr key={a.id}>
                    <td>{formatDate(a.createdAt, lang)}</td>
                    <td>
                      {a.deltaHalfDays > 0 ? '+' : ''}
                      {formatHalfDays(a.deltaHalfDays, lang)}
                    </td>
                    <td>{a.reason}</td>
                    <td>{a.authorName ?? t('none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}

        <div className="grid gap-6 lg:grid-cols-2">
          <AdjustForm key={`a-${formKey}`} year={year} />
          <AllotmentForm key={`t-${formKey}`} year={year} current={detail.allotment?.halfDays ?? detail.defaultHalfDays} defaultHalfDays={detail.defaultHalfDays} lang={lang} />
        </div>
      </section>

      <section aria-labelledby="aanvragen" className="card">
        <h2 id="aanvragen">{t('region.requestsTitle')}</h2>
        {detail.requests.length === 0 ? (
          <p className="mt-2">{t('region.noRequests')}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="table">
              <caption className="sr-only">{t('region.requestsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('region.colRequest')}</th>
                  <th scope="col">{t('region.colSubmitted')}</th>
                  <th scope="col">{t('region.colType')}</th>
                  <th scope="col">{t('region.colStatus')}</th>
                  <th scope="col">{t('region.colSupporter')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.requests.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/team/aanvragen/${r.id}`}>{t('requestLink', { id: r.id })}</Link>
                    </td>
                    <td>{formatDate(r.createdAt, lang)}</td>
                    <td>
                      {typeName(r)}
                      {r.theme ? <span className="block text-xs text-slate-700">{themeLabel(r.theme, lang)}</span> : null}
                    </td>
                    <td>{t(`requestStatus.${r.status}`)}</td>
                    <td>{r.supporterName ?? t('none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="bezoeken" className="card">
        <h2 id="bezoeken">{t('region.visitsTitle')}</h2>
        {detail.visits.length === 0 ? (
          <p className="mt-2">{t('region.noVisits')}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="table">
              <caption className="sr-only">{t('region.visitsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('region.colWhen')}</th>
                  <th scope="col">{t('region.colType')}</th>
                  <th scope="col">{t('region.colSupporter')}</th>
                  <th scope="col">{t('region.colStatus')}</th>
                  <th scope="col">{t('region.colDays')}</th>
                  <th scope="col">{t('region.colRequest')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.visits.map((v) => (
                  <tr key={v.id}>
                    <td>{formatRange(v.startsAt, v.endsAt, lang)}</td>
                    <td>{typeName(v)}</td>
                    <td>{v.supporterName}</td>
                    <td>{t(`visitStatus.${v.status}`)}</td>
                    <td>{formatDayNumber(v.halfDays, lang)}</td>
                    <td>
                      <Link to={`/team/aanvragen/${v.requestId}`}>{t('requestLink', { id: v.requestId })}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function useResult(intent: string) {
  const data = useActionData<typeof action>();
  return data && data.intent === intent ? data.result : undefined;
}

function AdjustForm({ year }: { year: number }) {
  const { t } = useTranslation('admin');
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'aanpassen',
    lastResult: useResult('adjust'),
    constraint: getZodConstraint(adjustSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: adjustSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-md border border-slate-300 p-4">
      <h3>{t('region.adjustTitle')}</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="adjust" />
      <input type="hidden" name={fields.year.name} value={year} />
      <FieldErrors id={fields.year.errorId} errors={fields.year.errors} />
      <fieldset aria-describedby={fields.direction.errors?.length ? fields.direction.errorId : undefined}>
        <legend className="font-medium">{t('region.adjustDirection')}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {(['add', 'remove'] as const).map((value) => (
            <div key={value} className="flex items-center gap-2">
              <input
                type="radio"
                id={`richting-${value}`}
                name={fields.direction.name}
                value={value}
                defaultChecked={(fields.direction.initialValue ?? 'add') === value}
                className="size-4"
              />
              <label htmlFor={`richting-${value}`} className="font-normal">
                {t(value === 'add' ? 'region.add' : 'region.remove')}
              </label>
            </div>
          ))}
        </div>
        <FieldErrors id={fields.direction.errorId} errors={fields.direction.errors} />
      </fieldset>
      <TextField field={fields.days} label={t('region.adjustDays')} hint={t('region.daysHint')} />
      <TextAreaField field={fields.reason} label={t('region.reason')} hint={t('region.reasonHint')} rows={2} />
      <button type="submit" className="btn" disabled={navigation.state === 'submitting'}>
        {t('region.adjustSubmit')}
      </button>
    </Form>
  );
}

function AllotmentForm({ year, current, defaultHalfDays, lang }: { year: number; current: number; defaultHalfDays: number; lang: Lang }) {
  const { t } = useTranslation('admin');
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: 'toekenning',
    lastResult: useResult('allotment'),
    constraint: getZodConstraint(allotmentSchema),
    defaultValue: { days: formatDayNumber(current, lang) },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: allotmentSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-md border border-slate-300 p-4">
      <h3>{t('region.allotmentTitle', { year })}</h3>
      <p className="text-sm">{t('region.allotmentIntro', { default: formatHalfDays(defaultHalfDays, lang) })}</p>
      <FormErrors id={form.errorId} errors={form.errors} />
      <input type="hidden" name="intent" value="allotment" />
      <input type="hidden" name={fields.year.name} value={year} />
      <FieldErrors id={fields.year.errorId} errors={fields.year.errors} />
      <TextField field={fields.days} label={t('region.allotmentDays', { year })} hint={t('region.daysHint')} />
      <TextAreaField field={fields.reason} label={t('region.reason')} hint={t('region.reasonHint')} rows={2} />
      <button type="submit" className="btn" disabled={navigation.state === 'submitting'}>
        {t('region.allotmentSubmit')}
      </button>
    </Form>
  );
}
