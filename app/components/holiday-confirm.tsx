import { useTranslation } from 'react-i18next';

/**
 * The confirmation a planner gives after a holiday warning: a checkbox in the same form, shown
 * once the server gave the warning back (the warning itself is the form's error message, which
 * names the holiday). Works without JavaScript: ticking it and sending again books.
 */
export function HolidayConfirm({ formId, warned }: { formId: string; warned: boolean }) {
  const { t } = useTranslation('holidays');
  if (!warned) return null;
  const id = `${formId}-bevestig-vakantie`;
  return (
    <div className="rounded-md border-2 border-amber-600 bg-amber-50 p-3">
      <div className="flex items-start gap-2">
        <input type="checkbox" id={id} name="confirmHolidays" value="on" aria-describedby={`${id}-hint`} className="mt-1 size-4 shrink-0" />
        <label htmlFor={id} className="font-medium">
          {t('warning.confirmLabel')}
        </label>
      </div>
      <p id={`${id}-hint`} className="mt-1 text-sm text-slate-800">
        {t('warning.confirmHint')}
      </p>
    </div>
  );
}
