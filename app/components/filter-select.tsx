/** A labelled <select> for the GET filter forms of the list pages (they work without JavaScript). */
export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  emptyLabel,
  hint,
}: {
  id: string;
  name: string;
  label: string;
  value: string | number | null | undefined;
  options: ReadonlyArray<{ value: string | number; label: string }>;
  /** The "all" choice (value ''), if the filter may be left open. */
  emptyLabel?: string;
  hint?: string;
}) {
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <select id={id} name={name} defaultValue={value ?? ''} aria-describedby={hint ? `${id}-hint` : undefined} className="input mt-1">
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
