import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatRange, type Lang } from '~/domain/time';

export type SupporterVisitRowView = {
  id: number;
  regionName: string;
  registrationNumber: string;
  typeNameNl: string;
  typeNameEn: string;
  startsAt: number;
  endsAt: number;
  location: string;
  status: 'planned' | 'held' | 'cancelled';
  hasReport: boolean;
};

/** A supporter's visits as a table; each date links to the visit's page. */
export function SupporterVisitTable({ visits, lang, labelledBy }: { visits: SupporterVisitRowView[]; lang: Lang; labelledBy: string }) {
  const { t } = useTranslation('supporter');
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('common.when')}</th>
            <th scope="col">{t('common.region')}</th>
            <th scope="col">{t('common.type')}</th>
            <th scope="col">{t('common.where')}</th>
            <th scope="col">{t('common.status')}</th>
          </tr>
        </thead>
        <tbody>
          {visits.map((v) => (
            <tr key={v.id}>
              <td>
                <Link to={`/ondersteuner/bezoeken/${v.id}`}>{formatRange(v.startsAt, v.endsAt, lang)}</Link>
              </td>
              <td>
                {v.regionName} <span className="text-slate-700">({v.registrationNumber})</span>
              </td>
              <td>{lang === 'nl' ? v.typeNameNl : v.typeNameEn}</td>
              <td>{v.location || t('common.noLocation')}</td>
              <td>
                <span className="badge">{t(`visitStatus.${v.status}`)}</span>
                {v.status === 'held' && !v.hasReport ? <span className="badge ml-1">{t('common.reportMissing')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
