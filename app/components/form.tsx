import { getInputProps, getTextareaProps, type FieldMetadata } from '@conform-to/react';
import { useTranslation } from 'react-i18next';

/**
 * Validation messages are i18n keys, optionally with parameters as a query string
 * (`form.tooLong?max=200`), so one zod schema serves the server and the browser in either language.
 */
export function message(key: string, params?: Record<string, string | number>): string {
  return params ? `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))}` : key;
}

const KEY_PATTERN = /^[a-z][A-Za-z]*(?::[A-Za-z][\w.]*|\.[A-Za-z][\w.]*)(?:\?\S*)?$/;

export function useErrorText() {
  const { t } = useTranslation();
  const translate = t as unknown as (key: string, options?: Record<string, string>) => string;
  return (raw: string) => {
    // A ready sentence (a booking refusal) is shown as it is; only keys are translated.
    if (!KEY_PATTERN.test(raw)) return raw;
    const [key, query] = raw.split('?', 2) as [string, string | undefined];
    return translate(key, query ? Object.fromEntries(new URLSearchParams(query)) : undefined);
  };
}

export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  const errorText = useErrorText();
  if (!errors?.length) return null;
  return (
    <div id={id} className="field-error">
      {errors.map((e) => (
        <p key={e}>{errorText(e)}</p>
      ))}
    </div>
  );
}

export function FormErrors({ id, errors }: { id?: string; errors?: string[] }) {
  const errorText = useErrorText();
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="alert">
      {errors.map((e) => (
        <p key={e}>{errorText(e)}</p>
      ))}
    </div>
  );
}

type InputType = 'text' | 'email' | 'password' | 'number' | 'date' | 'datetime-local' | 'time' | 'search' | 'tel' | 'url';

export function TextField({
  field,
  label,
  type = 'text',
  hint,
  autoComplete,
  required,
  className,
  step,
  min,
  max,
}: {
  field: FieldMetadata<string | number | undefined | null>;
  label: string;
  type?: InputType;
  hint?: string;
  autoComplete?: string;
  required?: boolean;
  className?: string;
  step?: string;
  min?: string;
  max?: string;
}) {
  const props = getInputProps(field, { type, ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  return (
    <div className={className}>
      <label htmlFor={field.id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p id={`${field.id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <input {...props} key={props.key} className="input mt-1" autoComplete={autoComplete} required={required} step={step} min={min} max={max} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}

export function TextAreaField({
  field,
  label,
  hint,
  required,
  rows = 5,
}: {
  field: FieldMetadata<string | undefined | null>;
  label: string;
  hint?: string;
  required?: boolean;
  rows?: number;
}) {
  const props = getTextareaProps(field, { ariaDescribedBy: hint ? `${field.id}-hint` : undefined });
  return (
    <div>
      <label htmlFor={field.id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {hint ? (
        <p id={`${field.id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <textarea {...props} key={props.key} className="input mt-1" rows={rows} required={required} />
      <FieldErrors id={field.errorId} errors={field.errors} />
    </div>
  );
}
