import { useTranslation } from 'react-i18next';
import { formatHalfDays } from '~/domain/days';
import { themeLabel } from '~/domain/themes';
import { formatDateTime, type Lang } from '~/domain/time';

const HALF_DAY_FIELDS = new Set(['allotted', 'planned', 'used', 'remaining', 'halfDays', 'deltaHalfDays', 'allotmentHalfDays']);
/** Fields shown even when unchanged, because they say what the change is about. */
const CONTEXT_FIELDS = new Set(['year']);

type Row = { key: string; before?: unknown; after?: unknown; changed: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields of an audit row worth showing: every changed one, plus context; all of them for a creation. */
export function auditRows(before: unknown, after: unknown): Row[] {
  if (!isRecord(before) && !isRecord(after)) return [];
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows: Row[] = [];
  for (const key of keys) {
    const inBefore = key in b;
    const inAfter = key in a;
    const changed = !inBefore || !inAfter || JSON.stringify(b[key]) !== JSON.stringify(a[key]);
    if (changed || CONTEXT_FIELDS.has(key)) {
      rows.push({ key, before: inBefore ? b[key] : undefined, after: inAfter ? a[key] : undefined, changed: changed && inBefore && inAfter });
    }
  }
  return rows.sort((x, y) => Number(CONTEXT_FIELDS.has(y.key)) - Number(CONTEXT_FIELDS.has(x.key)));
}

function useValueText(lang: Lang) {
  const { t } = useTranslation('admin');
  return (key: string, value: unknown): string => {
    if (value === null || value === undefined) return t('none');
    if (typeof value === 'boolean') return value ? t('yes') : t('no');
    if (typeof value === 'number') {
      if (HALF_DAY_FIELDS.has(key)) return formatHalfDays(value, lang);
      if (key === 'bookableUntil' || key.endsWith('At')) return formatDateTime(value, lang);
      return String(value);
    }
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) {
      if (value.length === 0) return t('none');
      return value.map((v) => (key === 'themes' && typeof v === 'string' ? themeLabel(v, lang) : String(v))).join(', ');
    }
    return JSON.stringify(value);
  };
}

/** Before and after of an audit row as a small definition list of the changed fields. */
export function AuditChanges({ before, after, lang }: { before: unknown; after: unknown; lang: Lang }) {
  const { t } = useTranslation('admin');
  const text = useValueText(lang);
  const fieldLabel = t as unknown as (key: string, options: { defaultValue: string }) => string;
  const rows = auditRows(before, after);
  if (rows.length === 0) return null;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
      {rows.map((row) => (
        <div key={row.key} className="contents">
          <dt className="font-semibold">{fieldLabel(`audit.fields.${row.key}`, { defaultValue: row.key })}</dt>
          <dd>
            {row.changed
              ? t('audit.change', { before: text(row.key, row.before), after: text(row.key, row.after) })
              : text(row.key, row.after !== undefined ? row.after : row.before)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
