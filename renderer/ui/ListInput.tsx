import { useEffect, useRef, useState } from 'react';
import { FieldFrame } from './fields';

/**
 * Edits a list of short texts as one line ("cubesat, power, thermal") or one per line; the
 * text the person types is kept as typed, the list is derived from it.
 */
export function ListInput({
  label,
  hint,
  error,
  value,
  onChange,
  onBlur,
  separator,
}: {
  label: string;
  hint?: string;
  error?: string | undefined;
  value: readonly string[];
  onChange: (value: string[]) => void;
  onBlur?: () => void;
  separator: 'comma' | 'line';
}) {
  const join = separator === 'comma' ? ', ' : '\n';
  const [text, setText] = useState(value.join(join));
  const last = useRef(value);
  useEffect(() => {
    // Only take the value from outside when someone else changed it (a form reset).
    if (value !== last.current && value.join('\u0000') !== last.current.join('\u0000')) setText(value.join(join));
    last.current = value;
  }, [value, join]);
  const split = (raw: string) =>
    raw
      .split(separator === 'comma' ? /[,،、，]/ : /\n/)
      .map((s) => s.trim())
      .filter(Boolean);
  const update = (raw: string) => {
    setText(raw);
    const next = split(raw);
    last.current = next;
    onChange(next);
  };
  return (
    <FieldFrame label={label} hint={hint} error={error}>
      {({ inputId, describedBy, invalid }) =>
        separator === 'comma' ? (
          <input id={inputId} aria-invalid={invalid} aria-describedby={describedBy} value={text} onChange={(e) => update(e.target.value)} onBlur={onBlur} />
        ) : (
          <textarea id={inputId} aria-invalid={invalid} aria-describedby={describedBy} rows={3} value={text} onChange={(e) => update(e.target.value)} onBlur={onBlur} />
        )
      }
    </FieldFrame>
  );
}
