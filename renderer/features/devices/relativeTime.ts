/** A unit Intl.RelativeTimeFormat understands. */
export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

const steps: [RelativeUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Infinity],
];

/**
 * How long ago (negative) or ahead an instant is from `now`, in the largest unit that gives a
 * whole number, for `intl.formatRelativeTime` ("3 minutes ago", "2 days ago"). Hub times are
 * compared with this device's clock only to be shown, never to order anything.
 */
export function relativeTo(iso: string, now: number): { value: number; unit: RelativeUnit } | undefined {
  const at = Date.parse(iso);
  if (!iso || Number.isNaN(at)) return undefined;
  let amount = (at - now) / 1000;
  for (const [unit, size] of steps) {
    if (Math.abs(amount) < size) return { value: Math.trunc(amount) || 0, unit };
    amount /= size;
  }
  return { value: Math.trunc(amount), unit: 'year' };
}

/** True when a device has not been heard from for more than `days` days (or never). */
export function isQuiet(iso: string, now: number, days = 3): boolean {
  const at = Date.parse(iso);
  return !iso || Number.isNaN(at) || now - at > days * 86_400_000;
}
