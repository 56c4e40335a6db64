/** Paper sizes a certificate prints on (the template's or the region's choice). */
export type CertificatePageSize = 'A4' | 'Letter';

/** A person who signs the certificate, printed under a signature line. */
export type CertificateSignatory = { name: string; title: string };

/**
 * Everything the printable certificate shows, already resolved: no database access happens
 * while printing, so the same page renders in the desktop PDF window, in the browser build and
 * in tests. Dates are calendar days (`YYYY-MM-DD`) and are formatted in the certificate's own
 * language, not the interface language.
 */
export type CertificateView = {
  /** Printed serial number, e.g. IDSEA-K7Q2-000042. */
  serial: string;
  /** The template's title, e.g. "Certificate of completion". */
  title: string;
  /** The template's body text with its placeholders already filled in (see fillTemplate): plain text, never HTML. */
  body: string;
  /** The trainee's name in their own script, NFC-normalised. */
  traineeName: string;
  /** The name in Latin letters, printed under a name in another script. */
  traineeNameLatin?: string;
  courseTitle: string;
  courseCode: string;
  /** Hours of training, when the course states them. */
  hours?: number;
  sessionDates: { start: string; end: string };
  /** Where the training took place. */
  place?: string;
  issuedOn: string;
  validUntil?: string;
  organisationName: string;
  signatories: CertificateSignatory[];
  /** A data: URL (png, jpeg or svg), never a remote address. */
  logoDataUrl?: string;
  /** BCP 47 language of the certificate; ar, ur, fa and he print right to left. */
  language: string;
  pageSize: CertificatePageSize;
  /** Link a phone opens to check the certificate online. */
  verifyUrl: string;
  /** The whole credential as `VC1:` text, when it fits in one QR code: a phone verifies it with no network. */
  qrPayload?: string;
};
