import { z } from 'zod';
import { personRoles } from './vocabulary';
import { countryCode, isIsoDate, languageCode, noRepeats, optionalText, recordId, requiredText } from './values';
import { recordMeta } from './catalogue';

export { personRoles, type PersonRole } from './vocabulary';

/** What a coordinator enters for a member institution. */
export const institutionInput = z.object({
  name: requiredText(200),
  country: countryCode,
  city: optionalText(120),
});
/** A member institution (SUPARCO, METU, the University of Cologne…). */
export const institutionSchema = institutionInput.extend(recordMeta);
/** An institution as stored. */
export type Institution = z.infer<typeof institutionSchema>;
/** An institution as entered. */
export type InstitutionInput = z.input<typeof institutionInput>;

/** An e-mail address, lower-cased so the same address always matches; empty when unknown. */
export const emailAddress = z
  .string()
  .trim()
  .transform((e) => e.toLowerCase())
  .pipe(z.union([z.literal(''), z.email('invalid-email')]));

/** Genders a person may give (optional). */
export const genders = ['', 'female', 'male', 'other'] as const;

/** What a coordinator enters for a person. Names are NFC-normalised so they compare and sign alike. */
export const personInput = z.object({
  /** The name in the person's own script (Urdu, Chinese, Arabic…). */
  nativeName: requiredText(200).transform((s) => s.normalize('NFC')),
  /** The same name in Latin letters, for lists, certificates and search. */
  latinName: optionalText(200).transform((s) => s.normalize('NFC')),
  preferredName: optionalText(120).transform((s) => s.normalize('NFC')),
  email: emailAddress.default(''),
  phone: optionalText(40),
  country: z.union([z.literal(''), countryCode]).default(''),
  institutionId: z.union([z.literal(''), recordId]).default(''),
  gender: z.enum(genders, { error: 'invalid-choice' }).default(''),
  dateOfBirth: z
    .string()
    .trim()
    .default('')
    .refine((d) => d === '' || isIsoDate(d), 'invalid-date'),
  roles: z.array(z.enum(personRoles, { error: 'invalid-choice' })).min(1).max(3).superRefine((v, ctx) => noRepeats(v, ctx)),
  languages: z.array(languageCode).max(10).default([]).superRefine((v, ctx) => noRepeats(v, ctx)),
  notes: optionalText(2000),
});
/** A person as stored. `mergedInto` is set when this record was merged into another. */
export const personSchema = personInput.extend({ ...recordMeta, mergedInto: z.string().default('') });
/** A person as stored. */
export type Person = z.infer<typeof personSchema>;
/** A person as entered. */
export type PersonInput = z.input<typeof personInput>;

/** The name to show for a person: preferred, else Latin, else native. */
export function displayName(person: Pick<Person, 'preferredName' | 'latinName' | 'nativeName'>): string {
  return person.preferredName || person.latinName || person.nativeName;
}
