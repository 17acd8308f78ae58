import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod';
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { requireSupporter } from '~/auth/session.server';
import { FormErrors, TextField } from '~/components/form';
import { pageTitle } from '~/components/meta';
import { dateField, optionalText, optionalTimeField, parseId, SupporterNotice } from '~/components/supporter-forms';
import { refusalMessage } from '~/domain/refusals';
import { formatRange } from '~/domain/time';
import { getLanguage } from '~/i18n/i18n.server';
import { addMyBlock, myBlocks, myVisit, removeMyBlock } from '~/services/supporter-work.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Mijn beschikbaarheid', 'My availability');

const addSchema = z
  .object({
    fromDate: dateField,
    fromTime: optionalTimeField,
    untilDate: dateField,
    untilTime: optionalTimeField,
    reason: optionalText(300),
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.fromTime) !== Boolean(v.untilTime)) {
      ctx.addIssue({ code: 'custom', path: [v.fromTime ? 'untilTime' : 'fromTime'], message: 'supporter:errors.bothTimesOrNone' });
      return;
    }
    const from = v.fromTime ? `${v.fromDate}T${v.fromTime}` : v.fromDate;
    const until = v.untilTime ? `${v.untilDate}T${v.untilTime}` : v.untilDate;
    // Whole days include the last day, so the same date is fine; times must end after they start.
    if (v.fromTime ? until <= from : until < from) {
      ctx.addIssue({ code: 'custom', path: [v.untilTime ? 'untilTime' : 'untilDate'], message: 'supporter:errors.untilBeforeFrom' });
    }
  });

/** The day after an ISO date: whole days run until 00:00 after the last day. */
function dayAfter(isoDate: string): string {
  return DateTime.fromISO(isoDate, { zone: 'UTC' }).plus({ days: 1 }).toISODate()!;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSupporter(request);
  return {
    lang: await getLanguage(request),
    blocks: myBlocks(getDb(), user.id, Date.now()),
    removed: new URL(request.url).searchParams.get('verwijderd') === '1',
  };
}

type ClashingVisit = { id: number; startsAt: number; endsAt: number; regionName: string };
type AddReply = {
  intent: 'add';
  result: SubmissionResult<string[]>;
  added?: { startsAt: number; endsAt: number; clashing: ClashingVisit[] };
};

export async function action({ request }: ActionFunctionArgs): Promise<AddReply | Response> {
  const user = await requireSupporter(request);
  const db = getDb();
  const now = Date.now();
  const formData = await request.formData();
  const intent = formData.get('intent');

  if (intent === 'remove') {
    const blockId = parseId(String(formData.get('blockId') ?? ''));
    const removed = blockId === null ? null : removeMyBlock(db, { supporterId: user.id, blockId, now });
    if (!removed) throw new Response('Not Found', { status: 404 });
    return redirect('/ondersteuner/beschikbaarheid?verwijderd=1');
  }
  if (intent !== 'add') throw new Response('Bad Request', { status: 400 });

  const submission = parseWithZod(formData, { schema: addSchema });
  if (submission.status !== 'success') return { intent, result: submission.reply() };
  const v = submission.value;
  const when = v.fromTime
    ? { startLocal: `${v.fromDate}T${v.fromTime}`, endLocal: `${v.untilDate}T${v.untilTime}` }
    : { startLocal: `${v.fromDate}T00:00`, endLocal: `${dayAfter(v.untilDate)}T00:00` };
  const result = addMyBlock(db, { supporterId: user.id, when, reason: v.reason ?? '', now });
  if (!result.ok) {
    return { intent, result: submission.reply({ formErrors: [refusalMessage(result.refusal, await getLanguage(request))] }) };
  }
  const clashing = result.clashingVisits.map((visit) => ({
    id: visit.id,
    startsAt: visit.startsAt,
    endsAt: visit.endsAt,
    regionName: myVisit(db, user.id, visit.id)?.regionName ?? '',
  }));
  return {
    intent,
    result: submission.reply({ resetForm: true }),
    added: { startsAt: result.block.startsAt, endsAt: result.block.endsAt, clashing },
  };
}

export default function MyAvailability() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation('supporter');
  const lang = data.lang;
  const [form, fields] = useForm({
    id: 'add',
    lastResult: actionData?.result,
    constraint: getZodConstraint(addSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addSchema }),
  });
  const added = actionData?.added;

  return (
    <div className="space-y-6">
      <div>
        <h1>{t('availability.title')}</h1>
        <p className="mt-2 max-w-3xl text-slate-700">{t('availability.intro')}</p>
      </div>
      {data.removed ? <SupporterNotice>{t('availability.removedNotice')}</SupporterNotice> : null}
      {added ? (
        <div role="status" className="space-y-3">
          <p className="notice">{t('availability.addedNotice', { range: formatRange(added.startsAt, added.endsAt, lang) })}</p>
          {added.clashing.length > 0 ? (
            <div className="alert">
              <p className="font-semibold">{t('availability.clashTitle')}</p>
              <p className="mt-1">{t('availability.clashText')}</p>
              <ul className="mt-2 list-disc pl-6">
                {added.clashing.map((visit: ClashingVisit) => (
                  <li key={visit.id}>
                    <Link to={`/ondersteuner/bezoeken/${visit.id}`}>
                      {formatRange(visit.startsAt, visit.endsAt, lang)} – {visit.regionName}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}

      <section className="card" aria-labelledby="blokkades">
        <h2 id="blokkades">{t('availability.listTitle')}</h2>
        {data.blocks.length === 0 ? (
          <p className="mt-2">{t('availability.none')}</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="table" aria-labelledby="blokkades">
              <thead>
                <tr>
                  <th scope="col">{t('common.when')}</th>
                  <th scope="col">{t('availability.reason')}</th>
                  <th scope="col">{t('availability.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {data.blocks.map((block) => {
                  const range = formatRange(block.startsAt, block.endsAt, lang);
                  return (
                    <tr key={block.id}>
                      <td>{range}</td>
                      <td>{block.reason || t('availability.noReason')}</td>
                      <td>
                        <Form method="post">
                          <input type="hidden" name="intent" value="remove" />
                          <input type="hidden" name="blockId" value={block.id} />
                          <button
                            type="submit"
                            className="btn-secondary py-1 text-sm"
                            aria-label={t('availability.removeLabel', { range })}
                            disabled={navigation.state === 'submitting'}
                          >
                            {t('availability.remove')}
                          </button>
                        </Form>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card space-y-4" aria-labelledby="toevoegen">
        <div>
          <h2 id="toevoegen">{t('availability.addTitle')}</h2>
          <p className="mt-1">{t('availability.addIntro')}</p>
        </div>
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="add" />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField field={fields.fromDate} label={t('availability.fromDate')} type="date" required />
            <TextField field={fields.fromTime} label={t('availability.fromTime')} type="time" />
            <TextField field={fields.untilDate} label={t('availability.untilDate')} type="date" required />
            <TextField field={fields.untilTime} label={t('availability.untilTime')} type="time" />
          </div>
          <TextField field={fields.reason} label={t('availability.reasonLabel')} hint={t('availability.reasonHint')} />
          <button type="submit" className="btn" disabled={navigation.state === 'submitting'}>
            {t('availability.add')}
          </button>
        </Form>
      </section>
    </div>
  );
}
