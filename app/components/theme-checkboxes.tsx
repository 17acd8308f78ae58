import { FieldErrors } from './form';
import { THEMES } from '~/domain/themes';

/** The ten speerpunten as checkboxes, with a hint and the field's errors (supporter profiles). */
export function ThemeCheckboxes({
  name,
  legend,
  hint,
  chosen,
  lang,
  errorId,
  errors,
}: {
  name: string;
  legend: string;
  hint: string;
  chosen: ReadonlySet<string | undefined>;
  lang: 'nl' | 'en';
  errorId: string;
  errors?: string[];
}) {
  return (
    <fieldset aria-describedby={`themas-hint${errors?.length ? ` ${errorId}` : ''}`}>
      <legend className="font-medium">{legend}</legend>
      <p id="themas-hint" className="text-sm text-slate-700">
        {hint}
      </p>
      <div className="mt-2 grid gap-2 sm:grid-cols-2">
        {THEMES.map((theme) => (
          <div key={theme.key} className="flex items-start gap-2">
            <input type="checkbox" id={`thema-${theme.key}`} name={name} value={theme.key} defaultChecked={chosen.has(theme.key)} className="mt-1.5 size-4" />
            <label htmlFor={`thema-${theme.key}`} className="font-normal">
              {theme[lang]}
            </label>
          </div>
        ))}
      </div>
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
