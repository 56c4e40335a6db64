import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type FieldFrameProps = {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: (ids: { inputId: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
};

/**
 * A labelled field: the label is tied to the control, the error sits right under it and is
 * announced (aria-describedby, aria-invalid), a hint says what is expected.
 */
export function FieldFrame({ label, error, hint, children, className }: FieldFrameProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {children({ inputId, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type Common = { label: string; error?: string | undefined; hint?: string | undefined; className?: string };

/** A text, number, date or time input with its label and error. */
export function TextField({ label, error, hint, className, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldFrame label={label} error={error} hint={hint} {...(className ? { className } : {})}>
      {({ inputId, describedBy, invalid }) => (
        <input id={inputId} aria-invalid={invalid} aria-describedby={describedBy} {...input} />
      )}
    </FieldFrame>
  );
}

/** A multi-line text input with its label and error. */
export function TextArea({ label, error, hint, className, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldFrame label={label} error={error} hint={hint} {...(className ? { className } : {})}>
      {({ inputId, describedBy, invalid }) => (
        <textarea id={inputId} aria-invalid={invalid} aria-describedby={describedBy} rows={4} {...input} />
      )}
    </FieldFrame>
  );
}

/** A drop-down list with its label and error. */
export function SelectField({
  label,
  error,
  hint,
  className,
  options,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly { value: string; label: string }[] }) {
  return (
    <FieldFrame label={label} error={error} hint={hint} {...(className ? { className } : {})}>
      {({ inputId, describedBy, invalid }) => (
        <select id={inputId} aria-invalid={invalid} aria-describedby={describedBy} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/** A group of checkboxes for picking several values (languages, weekdays). */
export function CheckboxGroup<V extends string | number>({
  legend,
  options,
  value,
  onChange,
  error,
  name,
}: {
  legend: string;
  options: readonly { value: V; label: string }[];
  value: readonly V[];
  onChange: (value: V[]) => void;
  error?: string | undefined;
  name: string;
}) {
  const id = useId();
  return (
    <fieldset
      className={`checkbox-group${error ? ' field-invalid' : ''}`}
      aria-invalid={Boolean(error)}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      <div className="checkbox-options">
        {options.map((o) => (
          <label key={String(o.value)} className="checkbox">
            <input
              type="checkbox"
              name={name}
              checked={value.includes(o.value)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))
              }
            />
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
