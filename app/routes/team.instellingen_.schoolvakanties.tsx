import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireCoordinator } from '~/auth/session.server';
import { parseId } from '~/components/admin-params';
import { FieldErrors, FormErrors, TextField } from '~/components/form';
import { pageTitle } from '~/components/meta';
import { holidayProblemMessage, MAX_IMPORT_BYTES, MAX_NAME_LENGTH, type HolidayProblem, type SchoolHolidayEntry } from '~/domain/holiday-import';
import { amsterdamIsoDate, formatIsoDateShort, HOLIDAY_ZONES, isSchoolYear, schoolYearOf } from '~/domain/holidays';
import type { Lang } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import {
  addSchoolHoliday,
  importSchoolHolidays,
  removeSchoolHoliday,
  schoolHolidayById,
  schoolHolidaysOfYear,
  schoolYearsWithHolidays,
  updateSchoolHoliday,
} from '~/services/holidays.server';
import { getDb } from '~db/client';
import { calendarDate } from '~/components/date-schema';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Schoolvakanties', 'School holidays');

const e = (key: string) => `holidays:settings.errors.${key}`;

const holidaySchema = z.object({
  intent: z.enum(['add', 'edit']),
  id: z.coerce.number().int().positive().optional(),
  schoolYear: z.string({ required_error: e('schoolYear') }).trim().refine(isSchoolYear, e('schoolYear')),
  zone: z.enum(HOLIDAY_ZONES, { errorMap: () => ({ message: e('zone') }) }),
  name: z.string({ required_error: e('name') }).trim().min(1, e('name')).max(MAX_NAME_LENGTH, e('nameTooLong')),
  startDate: calendarDate(e('date'), e('date')),
  endDate: calendarDate(e('date'), e('date')),
  compulsory: z.boolean().default(false),
});

type ActionData =
  | { intent: 'add' | 'edit'; result: SubmissionResult<string[]> }
  | { intent: 'import'; problems: string[] }
  | { intent: 'remove'; error: string };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const db = getDb();
  const url = new URL(request.url);
  const years = schoolYearsWithHolidays(db);
  const current = schoolYearOf(amsterdamIsoDate(Date.now()));
  const asked = url.searchParams.get('schooljaar') ?? '';
  const schoolYear = isSchoolYear(asked) ? asked : years.includes(current) ? current : (years[0] ?? current);
  const editId = parseId(url.searchParams.get('bewerk'));
  const editing = editId === null ? null : schoolHolidayById(db, editId);
  const done = url.searchParams.get('klaar');
  return {
    lang: await getLanguage(request),
    years: years.includes(schoolYear) ? years : [schoolYear, ...years].sort().reverse(),
    schoolYear,
    holidays: schoolHolidaysOfYear(db, schoolYear),
    editing,
    done: done && ['toegevoegd', 'gewijzigd', 'verwijderd', 'geimporteerd'].includes(done) ? done : null,
    imported: done === 'geimporteerd' ? { count: Number(url.searchParams.get('aantal') ?? 0), years: url.searchParams.get('jaren') ?? '' } : null,
  };
}

/** Problems of a typed holiday as conform field errors (the sentence, without the place). */
function fieldErrorsOf(problems: HolidayProblem[], lang: Lang): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const p of problems) (errors[p.at || ''] ??= []).push(holidayProblemMessage(p, lang, false));
  return errors;
}

const yearQuery = (schoolYear: string) => `schooljaar=${encodeURIComponent(schoolYear)}`;

export async function action({ request }: ActionFunctionArgs): Promise<ActionData> {
  const user = await requireCoordinator(request);
  const lang = await getLanguage(request);
  const db = getDb();
  const actor = { actorUserId: user.id, now: Date.now() };
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return { intent: 'import', problems: [lang === 'nl' ? 'Het formulier kon niet worden gelezen.' : 'The form could not be read.'] };
  }
  const intent = formData.get('intent');

  if (intent === 'import') {
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) {
      return { intent, problems: [lang === 'nl' ? 'Kies een JSON-bestand van de Rijksoverheid.' : 'Choose a JSON file from the Rijksoverheid.'] };
    }
    if (file.size > MAX_IMPORT_BYTES) return { intent, problems: [holidayProblemMessage({ code: 'too_large', at: '' }, lang)] };
    const result = importSchoolHolidays(db, { ...actor, text: await file.text(), fileName: file.name });
    if (!result.ok) return { intent, problems: result.problems.slice(0, 50).map((p) => holidayProblemMessage(p, lang)) };
    const first = result.schoolYears[0]!;
    throw redirect(`/team/instellingen/schoolvakanties?${yearQuery(first)}&klaar=geimporteerd&aantal=${result.count}&jaren=${encodeURIComponent(result.schoolYears.join(', '))}`);
  }
  if (intent === 'remove') {
    const id = parseId(String(formData.get('id') ?? ''));
    if (id === null) throw new Response('Bad Request', { status: 400 });
    const before = schoolHolidayById(db, id);
    const result = removeSchoolHoliday(db, { ...actor, id });
    if (!result.ok) return { intent, error: lang === 'nl' ? 'Deze vakantie bestaat niet (meer).' : 'This holiday does not exist (any more).' };
    throw redirect(`/team/instellingen/schoolvakanties?${yearQuery(before!.schoolYear)}&klaar=verwijderd`);
  }
  if (intent === 'add' || intent === 'edit') {
    const submission = parseWithZod(formData, { schema: holidaySchema });
    if (submission.status !== 'success') return { intent, result: submission.reply() };
    const { intent: _intent, id, ...entry } = submission.value;
    const typed: SchoolHolidayEntry = entry;
    const result =
      intent === 'edit' && id !== undefined
        ? updateSchoolHoliday(db, { ...actor, id, entry: typed })
        : addSchoolHoliday(db, { ...actor, entry: typed });
    if (!result.ok) {
      if ('notFound' in result) throw new Response('Not Found', { status: 404 });
      return { intent, result: submission.reply({ fieldErrors: fieldErrorsOf(result.problems, lang) }) };
    }
    throw redirect(`/team/instellingen/schoolvakanties?${yearQuery(typed.schoolYear)}&klaar=${intent === 'edit' ? 'gewijzigd' : 'toegevoegd'}`);
  }
  throw new Response('Bad Request', { status: 400 });
}

export default function SchoolHolidaysPage() {
  const { lang, years, schoolYear, holidays, editing, done, imported } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation('holidays');
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  return (
    <div className="space-y-6">
      <p>
        <Link to="/team/instellingen">{t('settings.back')}</Link>
      </p>
      <div>
        <h1>{t('settings.title')}</h1>
        <p className="mt-2">{t('settings.intro')}</p>
      </div>
      {done ? (
        <p role="status" className="notice">
          {done === 'geimporteerd' && imported ? t('settings.imported', { count: imported.count, years: imported.years }) : t(`settings.done.${done as 'toegevoegd'}`)}
        </p>
      ) : null}

      <section aria-labelledby="jaar-kop" className="card space-y-4">
        <h2 id="jaar-kop">{t('settings.yearTitle', { schoolYear })}</h2>
        <Form method="get" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="schooljaar">{t('settings.yearLabel')}</label>
            <select id="schooljaar" name="schooljaar" defaultValue={schoolYear} className="input mt-1">
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn-secondary">
            {t('settings.chooseYear')}
          </button>
        </Form>
        {data?.intent === 'remove' ? <FormErrors id="verwijderen-fout" errors={[data.error]} /> : null}
        {holidays.length === 0 ? (
          <p>{t('settings.empty', { schoolYear })}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="table">
              <caption className="sr-only">{t('settings.caption', { schoolYear })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('settings.colName')}</th>
                  <th scope="col">{t('settings.colZone')}</th>
                  <th scope="col">{t('settings.colFrom')}</th>
                  <th scope="col">{t('settings.colTo')}</th>
                  <th scope="col">{t('settings.colCompulsory')}</th>
                  <th scope="col">{t('settings.colActions')}</th>
                </tr>
              </thead>
              <tbody>
                {holidays.map((h) => {
                  const what = `${h.name} ${t(`zones.${h.zone}`)}`;
                  return (
                    <tr key={h.id}>
                      <th scope="row">{h.name}</th>
                      <td>{t(`zones.${h.zone}`)}</td>
                      <td>{formatIsoDateShort(h.startDate, lang)}</td>
                      <td>{formatIsoDateShort(h.endDate, lang)}</td>
                      <td>{h.compulsory ? t('settings.yes') : t('settings.advice')}</td>
                      <td>
                        <div className="flex flex-wrap items-center gap-3">
                          <Link to={`?${yearQuery(schoolYear)}&bewerk=${h.id}#bewerken`}>
                            {t('settings.edit')}
                            <span className="sr-only"> {what}</span>
                          </Link>
                          <Form method="post">
                            <input type="hidden" name="intent" value="remove" />
                            <input type="hidden" name="id" value={h.id} />
                            <button type="submit" className="btn-danger" disabled={busy}>
                              {t('settings.remove')}
                              <span className="sr-only"> {what}</span>
                            </button>
                          </Form>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {editing ? (
        <HolidayForm
          key={`edit-${editing.id}`}
          mode="edit"
          initial={editing}
          lastResult={data?.intent === 'edit' ? data.result : undefined}
        />
      ) : null}
      <HolidayForm
        key={`add-${schoolYear}`}
        mode="add"
        initial={{ schoolYear, zone: 'noord', name: '', startDate: '', endDate: '', compulsory: false }}
        lastResult={data?.intent === 'add' ? data.result : undefined}
      />

      <section aria-labelledby="import-kop" id="importeren" className="card space-y-3">
        <h2 id="import-kop">{t('settings.importTitle')}</h2>
        <p>{t('settings.importIntro')}</p>
        {data?.intent === 'import' ? (
          <div role="alert" className="alert" id="import-fouten">
            <p className="font-semibold">{t('settings.importFailed')}</p>
            <ul className="mt-1 list-disc pl-5">
              {data.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="space-y-3">
          <input type="hidden" name="intent" value="import" />
          <div>
            <label htmlFor="vakantiebestand">{t('settings.fileLabel')}</label>
            <p id="vakantiebestand-hint" className="text-sm text-slate-700">
              {t('settings.fileHint')}
            </p>
            <input
              id="vakantiebestand"
              name="file"
              type="file"
              accept="application/json,.json"
              className="mt-1 block"
              aria-describedby={data?.intent === 'import' ? 'vakantiebestand-hint import-fouten' : 'vakantiebestand-hint'}
            />
          </div>
          <button type="submit" className="btn" disabled={busy}>
            {t('settings.importSubmit')}
          </button>
        </Form>
      </section>
    </div>
  );
}

function HolidayForm({
  mode,
  initial,
  lastResult,
}: {
  mode: 'add' | 'edit';
  initial: SchoolHolidayEntry & { id?: number };
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation('holidays');
  const navigation = useNavigation();
  const formId = mode === 'edit' ? 'vakantie-bewerken' : 'vakantie-toevoegen';
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    constraint: getZodConstraint(holidaySchema),
    defaultValue: { ...initial, compulsory: initial.compulsory ? 'on' : undefined },
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: holidaySchema }),
  });
  const zoneProps = getSelectProps(fields.zone);
  const compulsoryProps = getInputProps(fields.compulsory, { type: 'checkbox' });
  const title = mode === 'edit' ? t('settings.editTitle', { name: initial.name, zone: t(`zones.${initial.zone}`) }) : t('settings.addTitle');
  return (
    <section aria-labelledby={`${formId}-kop`} id={mode === 'edit' ? 'bewerken' : 'toevoegen'} className="card space-y-4">
      <h2 id={`${formId}-kop`}>{title}</h2>
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value={mode} />
        {initial.id !== undefined ? <input type="hidden" name="id" value={initial.id} /> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField field={fields.schoolYear} label={t('settings.schoolYear')} hint={t('settings.schoolYearHint')} />
          <div>
            <label htmlFor={fields.zone.id}>{t('settings.zone')}</label>
            <select {...zoneProps} key={zoneProps.key} className="input mt-1">
              {HOLIDAY_ZONES.map((z) => (
                <option key={z} value={z}>
                  {t(`zones.${z}`)}
                </option>
              ))}
            </select>
            <FieldErrors id={fields.zone.errorId} errors={fields.zone.errors} />
          </div>
        </div>
        <TextField field={fields.name} label={t('settings.name')} hint={t('settings.nameHint')} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField field={fields.startDate} label={t('settings.startDate')} type="date" />
          <TextField field={fields.endDate} label={t('settings.endDate')} type="date" hint={t('settings.endDateHint')} />
        </div>
        <div className="flex items-center gap-2">
          <input {...compulsoryProps} key={compulsoryProps.key} className="size-4" />
          <label htmlFor={fields.compulsory.id} className="font-normal">
            {t('settings.compulsory')}
          </label>
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className="btn" disabled={navigation.state === 'submitting'}>
            {mode === 'edit' ? t('settings.saveEdit') : t('settings.add')}
          </button>
          {mode === 'edit' ? (
            <Link to={`?${yearQuery(initial.schoolYear)}`} className="self-center">
              {t('settings.cancelEdit')}
            </Link>
          ) : null}
        </div>
      </Form>
    </section>
  );
}
