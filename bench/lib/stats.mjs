// Small statistics and formatting helpers for the bench report.

/** The p-th percentile (0–100) by the nearest-rank method: always one of the samples. */
export function percentile(samples, p) {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export const median = (samples) => percentile(samples, 50);
export const max = (samples) => (samples.length ? Math.max(...samples) : NaN);
export const mean = (samples) =>
  samples.length ? samples.reduce((sum, x) => sum + x, 0) / samples.length : NaN;

/** Rounds for the JSON file: 0.1 ms precision, whole rows/s and similar. */
export function round(value, unit) {
  if (!Number.isFinite(value)) return value;
  if (unit === 'ms' || unit === 'MB') return Math.round(value * 10) / 10;
  return Math.round(value);
}

/** A result row; `goal` is `{ op: '<=' | '>=', target }` or undefined for figures without one. */
export function result(name, value, unit, goal) {
  const rounded = round(value, unit);
  if (!goal) return { name, value: rounded, unit, goal: null, met: null };
  const met = Number.isFinite(value)
    ? goal.op === '<='
      ? value <= goal.target
      : value >= goal.target
    : false;
  const symbol = goal.op === '<=' ? '≤' : '≥';
  return {
    name,
    value: rounded,
    unit,
    goal: `${symbol} ${goal.target.toLocaleString('en-GB')} ${unit}`,
    met,
  };
}

/** The results as a plain-text table: name | value | unit | goal | met. */
export function formatTable(rows) {
  const header = ['benchmark', 'value', 'unit', 'goal', 'met'];
  const cells = rows.map((r) => [
    r.name,
    Number.isFinite(r.value) ? r.value.toLocaleString('en-GB') : String(r.value),
    r.unit,
    r.goal ?? '—',
    r.met === null ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const align = (c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]));
  const line = (c) => c.map(align).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join(
    '\n',
  );
}
