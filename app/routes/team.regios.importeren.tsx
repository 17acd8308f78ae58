import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCoordinator } from '~/auth/session.server';
import { pageTitle } from '~/components/meta';
import { MAX_REGION_IMPORT_BYTES, regionImportProblemMessage, type RegionField, type RegionImportPlan } from '~/domain/region-import';
import { getLanguage } from '~/i18n/i18n.server';
import { importRegions, previewRegionImport } from '~/services/region-import.server';
import { getDb } from '~db/client';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'Regio’s importeren', 'Import regions');

type Preview = {
  fileName: string;
  /** The file's text as base64 (UTF-8), sent back with the confirmation exactly as read. */
  encoded: string;
  added: Array<{ row: number; registrationNumber: string; name: string; province: string; planStatus: string; mainTown: string; holidayZone: string | null }>;
  updated: Array<{ row: number; registrationNumber: string; name: string; changed: RegionField[] }>;
  unchanged: string[];
};

type ActionData = { problems: string[] } | { preview: Preview };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireCoordinator(request);
  const url = new URL(request.url);
  const count = (name: string) => Math.max(0, Math.floor(Number(url.searchParams.get(name) ?? 0)) || 0);
  const done = url.searchParams.get('klaar') === '1' ? { added: count('nieuw'), updated: count('bijgewerkt'), unchanged: count('ongewijzigd') } : null;
  return { done };
}

function previewOf(plan: RegionImportPlan, fileName: string, text: string): Preview {
  return {
    fileName,
    encoded: Buffer.from(text, 'utf8').toString('base64'),
    added: plan.added.map((r) => ({
      row: r.row,
      registrationNumber: r.registrationNumber,
      name: r.name,
      province: r.province,
      planStatus: r.planStatus,
      mainTown: r.mainTown,
      holidayZone: r.holidayZone,
    })),
    updated: plan.updated.map((u) => ({ row: u.row.row, registrationNumber: u.row.registrationNumber, name: u.row.name, changed: u.changed })),
    unchanged: plan.unchanged.map((r) => r.registrationNumber),
  };
}

const FILE_NAME_MAX = 200;

export async function action({ request }: ActionFunctionArgs): Promise<ActionData> {
  const user = await requireCoordinator(request);
  const lang = await getLanguage(request);
  const db = getDb();
  const say = (nl: string, en: string) => ({ problems: [lang === 'nl' ? nl : en] });
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return say('Het formulier kon niet worden gelezen.', 'The form could not be read.');
  }
  const intent = formData.get('intent');
  const problemsOf = (problems: Parameters<typeof regionImportProblemMessage>[0][]) => ({
    problems: problems.slice(0, 100).map((p) => regionImportProblemMessage(p, lang)),
  });

  if (intent === 'preview') {
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) return say('Kies een CSV-bestand.', 'Choose a CSV file.');
    if (file.size > MAX_REGION_IMPORT_BYTES) return problemsOf([{ row: 0, column: null, code: 'too_large' }]);
    const text = await file.text();
    const result = previewRegionImport(db, text);
    if (!result.ok) return problemsOf(result.problems);
    return { preview: previewOf(result.plan, file.name.slice(0, FILE_NAME_MAX), text) };
  }
  if (intent === 'confirm') {
    const encoded = formData.get('csv');
    const fileName = String(formData.get('fileName') ?? '').slice(0, FILE_NAME_MAX);
    if (typeof encoded !== 'string' || encoded === '' || encoded.length > (MAX_REGION_IMPORT_BYTES * 4) / 3 + 4 || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) {
      return say('Kies het bestand opnieuw.', 'Choose the file again.');
    }
    const text = Buffer.from(encoded, 'base64').toString('utf8');
    const result = importRegions(db, { actorUserId: user.id, now: Date.now(), text, fileName });
    if (!result.ok) return problemsOf(result.problems);
    const { added, updated, unchanged } = result.plan;
    throw redirect(`/team/regios/importeren?klaar=1&nieuw=${added.length}&bijgewerkt=${updated.length}&ongewijzigd=${unchanged.length}`);
  }
  throw new Response('Bad Request', { status: 400 });
}

const EXAMPLE = [
  'registratienummer;naam;provincie;planstatus;penvoerder;hoofdplaats;speerpunten;breedtegraad;lengtegraad',
  'STO19072;TechniekPact Kop van Noord-Holland;Noord-Holland;goedgekeurd juli 2019;ROC Kop van Noord-Holland;Den Helder;"lob;po";52,9563;4,7608',
].join('\n');

export default function ImportRegionsPage() {
  const { done } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === 'submitting';
  const { t } = useTranslation(['regionImport', 'admin', 'holidays']);
  const preview = data && 'preview' in data ? data.preview : null;
  const problems = data && 'problems' in data ? data.problems : null;

  return (
    <div className="space-y-6">
      <p>
        <Link to="/team/regios">{t('back')}</Link>
      </p>
      <div>
        <h1>{t('title')}</h1>
        <p className="mt-2">{t('intro')}</p>
      </div>
      {done ? (
        <p role="status" className="notice">
          {t('done', { added: done.added, updated: done.updated, unchanged: done.unchanged })}
        </p>
      ) : null}

      {problems ? (
        <div role="alert" className="alert" id="import-fouten">
          <p className="font-semibold">{t('problemsTitle')}</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {preview ? <PreviewSection preview={preview} busy={busy} /> : null}

      <section aria-labelledby="bestand-kop" className="card space-y-4">
        <h2 id="bestand-kop">{t('fileTitle')}</h2>
        <Form method="post" encType="multipart/form-data" className="space-y-3">
          <input type="hidden" name="intent" value="preview" />
          <div>
            <label htmlFor="regiobestand">{t('fileLabel')}</label>
            <p id="regiobestand-hint" className="text-sm text-slate-700">
              {t('fileHint')}
            </p>
            <input
              id="regiobestand"
              name="file"
              type="file"
              accept=".csv,text/csv"
              className="mt-1 block"
              aria-describedby={problems ? 'regiobestand-hint import-fouten' : 'regiobestand-hint'}
            />
          </div>
          <button type="submit" className="btn" disabled={busy}>
            {t('previewSubmit')}
          </button>
        </Form>
      </section>

      <section aria-labelledby="kolommen-kop" className="card space-y-3">
        <h2 id="kolommen-kop">{t('columnsTitle')}</h2>
        <p>{t('columnsIntro')}</p>
        <ul className="list-disc pl-5">
          {(['registrationNumber', 'name', 'province', 'planStatus', 'penvoerder', 'mainTown', 'speerpunten', 'coordinates'] as const).map((c) => (
            <li key={c}>{t(`columns.${c}`)}</li>
          ))}
        </ul>
        <h3>{t('example')}</h3>
        <pre className="whitespace-pre-wrap break-all rounded bg-slate-100 p-3 text-sm">
          <code>{EXAMPLE}</code>
        </pre>
      </section>
    </div>
  );
}

function PreviewSection({ preview, busy }: { preview: Preview; busy: boolean }) {
  const { t } = useTranslation(['regionImport', 'admin', 'holidays']);
  const nothing = preview.added.length === 0 && preview.updated.length === 0;
  return (
    <section aria-labelledby="voorbeeld-kop" className="card space-y-4">
      <h2 id="voorbeeld-kop">{t('previewTitle', { file: preview.fileName })}</h2>
      <p role="status">
        {t('summary', { added: preview.added.length, updated: preview.updated.length, unchanged: preview.unchanged.length })} {nothing ? t('nothingToDo') : t('previewIntro')}
      </p>
      {preview.added.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="table">
            <caption className="text-left font-semibold">{t('addedTitle', { count: preview.added.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colRow')}</th>
                <th scope="col">{t('colNumber')}</th>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colProvince')}</th>
                <th scope="col">{t('colStatus')}</th>
                <th scope="col">{t('colTown')}</th>
                <th scope="col">{t('colZone')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.added.map((r) => (
                <tr key={r.registrationNumber}>
                  <td>{r.row}</td>
                  <th scope="row">{r.registrationNumber}</th>
                  <td>{r.name}</td>
                  <td>{r.province}</td>
                  <td>{t(`admin:planStatus.${r.planStatus as 'lichtgroen'}`)}</td>
                  <td>{r.mainTown}</td>
                  <td>{r.holidayZone ? t(`holidays:zones.${r.holidayZone as 'noord'}`) : t('noZone')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {preview.updated.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="table">
            <caption className="text-left font-semibold">{t('updatedTitle', { count: preview.updated.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colRow')}</th>
                <th scope="col">{t('colNumber')}</th>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colChanged')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.updated.map((u) => (
                <tr key={u.registrationNumber}>
                  <td>{u.row}</td>
                  <th scope="row">{u.registrationNumber}</th>
                  <td>{u.name}</td>
                  <td>{u.changed.map((f) => t(`fields.${f}`)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {preview.unchanged.length > 0 ? <p>{t('unchangedList', { numbers: preview.unchanged.join(', ') })}</p> : null}
      {nothing ? null : (
        <Form method="post" encType="multipart/form-data" className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="csv" value={preview.encoded} />
          <input type="hidden" name="fileName" value={preview.fileName} />
          <button type="submit" className="btn" disabled={busy}>
            {t('confirmSubmit')}
          </button>
        </Form>
      )}
    </section>
  );
}
