import { z } from 'zod';
import { courseLanguages } from './vocabulary';

export { courseLanguages, localToday, partnerCountries } from './vocabulary';

let regionNames: Intl.DisplayNames | undefined;
/** True for an ISO 3166 alpha-2 region code that Intl knows. */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code)) return false;
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  try {
    return regionNames.of(code) !== undefined;
  } catch {
    return false;
  }
}

const zoneCache = new Map<string, boolean>();
/** True for an IANA time zone name (Asia/Karachi, Africa/Addis_Ababa, UTC). */
export function isTimeZone(zone: string): boolean {
  let known = zoneCache.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = zone.length > 0;
    } catch {
      known = false;
    }
    zoneCache.set(zone, known);
  }
  return known;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A calendar date, YYYY-MM-DD. */
export const isoDate = z.string().trim().refine(isIsoDate, 'invalid-date');
/** A time of day, HH:MM (24-hour). */
export const timeOfDay = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid-time');
/** A record id (UUID or another opaque string made by the device). */
export const recordId = z.string().min(1).max(80);
/** A country code. */
export const countryCode = z.string().trim().refine(isCountryCode, 'unknown-country');
/** An IANA time zone. */
export const timeZone = z.string().trim().refine(isTimeZone, 'unknown-time-zone');
/** A language the catalogue offers. */
export const languageCode = z.enum(courseLanguages, { error: 'unknown-language' });

/** A required line of text with a maximum length. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);
/** An optional piece of text (empty string when not given). */
export const optionalText = (max: number) => z.string().trim().max(max).default('');

/** Adds a `duplicate-value` issue for each repeated item of a list. */
export function noRepeats<T>(items: readonly T[], ctx: z.RefinementCtx, key: (item: T) => string = String): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const k = key(item).toLowerCase();
    if (seen.has(k)) ctx.addIssue({ code: 'custom', message: 'duplicate-value', path: [index] });
    seen.add(k);
  });
}

