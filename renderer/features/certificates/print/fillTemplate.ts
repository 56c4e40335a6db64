/** What filling a template gave: the text, and the placeholders nobody had a value for. */
export type FilledTemplate = {
  /** Plain text (NFC): render it as text, never as HTML. */
  text: string;
  /** Placeholders without a value, each once, in the order they first appear. */
  unknown: string[];
};

const placeholder = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

/**
 * Fills `{name}`, `{course}`, `{hours}`, `{dates}`, … in a template's body text. A placeholder
 * without a value stays visible as typed (so a coordinator sees the typo on the preview
 * instead of a silent gap) and is reported. Values are inserted in one pass: a value that
 * itself looks like `{course}` or like HTML is kept as literal text.
 */
export function fillTemplate(
  body: string,
  values: Readonly<Record<string, string | number | undefined>>,
): FilledTemplate {
  const unknown: string[] = [];
  const text = body.replace(placeholder, (whole, key: string) => {
    const value = Object.hasOwn(values, key) ? values[key] : undefined;
    if (value === undefined) {
      if (!unknown.includes(key)) unknown.push(key);
      return whole;
    }
    return String(value);
  });
  // Names typed on different keyboards compose accents differently; print one form.
  return { text: text.normalize('NFC'), unknown };
}
