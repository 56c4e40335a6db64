import { defaultTemplateBody, type Certificate, type CertificateTemplate, type Issuer } from '../../../shared/domain/certificates';
import type { Session } from '../../../shared/domain/catalogue';
import type { Person } from '../../../shared/domain/people';
import { encodeQrPayload } from '../../../shared/credentials/qr';
import { db } from '../../db';
import { fillTemplate, fitsInQrCode, type CertificateView } from './print';
import { credentialFacts } from './data';
import { verificationLink } from './signing';

/** The dates of a session in the certificate's language: "9–20 March 2026", "2026年3月9日至20日". */
export function sessionDatesText(start: string, end: string, language: string): string {
  const format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const [a, b] = [new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`)];
  return start === end ? format.format(a) : format.formatRange(a, b);
}

/** Where a session took place, in the certificate's language: "SUPARCO, Islamabad, Pakistan". */
export function placeText(session: Pick<Session, 'site' | 'city' | 'country'>, language: string): string {
  let country = session.country;
  try {
    country = new Intl.DisplayNames([language], { type: 'region' }).of(session.country) ?? session.country;
  } catch {
    // An unknown language tag: keep the code.
  }
  return [session.site, session.city, country].filter((part) => part.trim()).join(', ');
}

type ViewSources = {
  certificate: Certificate;
  template: CertificateTemplate | undefined;
  session: Session | undefined;
  person: Person | undefined;
  issuer: Pick<Issuer, 'verifyUrl'> | undefined;
};

/**
 * What the printed certificate shows, from the signed credential first (the name, course and
 * dates that were certified) and the template for the wording and look.
 */
export function certificateView({ certificate, template, session, person, issuer }: ViewSources): CertificateView {
  const credential = certificate.credential;
  const facts = credentialFacts(credential);
  const subject = credential.credentialSubject as { creditsEarned?: number; result?: { value?: string }[] } | undefined;
  const issuerProfile = credential.issuer as { name?: string } | undefined;
  const language = template?.language ?? 'en';
  const hours = subject?.creditsEarned;
  const dates = session ? sessionDatesText(session.startDate, session.endDate, language) : '';
  const place = session ? placeText(session, language) : '';
  const organisationName = issuerProfile?.name ?? '';
  const body = fillTemplate(template?.body ?? defaultTemplateBody, {
    name: facts.name,
    course: facts.courseTitle,
    code: facts.courseCode,
    hours,
    dates,
    place,
    organisation: organisationName,
    result: subject?.result?.[0]?.value,
  }).text;
  const validUntil = typeof credential.validUntil === 'string' ? credential.validUntil.slice(0, 10) : undefined;
  const payload = encodeQrPayload(credential);
  const latin = person?.latinName.normalize('NFC');
  return {
    serial: certificate.serial,
    title: typeof credential.name === 'string' ? credential.name : facts.courseTitle,
    body,
    traineeName: facts.name,
    ...(latin && latin !== facts.name ? { traineeNameLatin: latin } : {}),
    courseTitle: facts.courseTitle,
    courseCode: facts.courseCode,
    ...(hours === undefined ? {} : { hours }),
    sessionDates: { start: session?.startDate ?? certificate.issuedAt.slice(0, 10), end: session?.endDate ?? certificate.issuedAt.slice(0, 10) },
    ...(place ? { place } : {}),
    issuedOn: certificate.issuedAt.slice(0, 10),
    ...(validUntil ? { validUntil } : {}),
    organisationName,
    signatories: template?.signatories ?? [],
    ...(template?.logo ? { logoDataUrl: template.logo } : {}),
    language,
    pageSize: template?.pageSize ?? 'A4',
    verifyUrl: issuer ? verificationLink(issuer, certificate.serial) : '',
    ...(fitsInQrCode(payload) ? { qrPayload: payload } : {}),
  };
}

/** Reads a certificate and everything its page shows (undefined when this device has none). */
export async function loadCertificateView(id: string): Promise<CertificateView | undefined> {
  const certificate = await db.certificates.get(id);
  if (!certificate) return undefined;
  const [template, session, person, issuer] = await Promise.all([
    db.certificateTemplates.get(certificate.courseId),
    db.sessions.get(certificate.sessionId),
    db.people.get(certificate.personId),
    db.issuers.get(certificate.issuerId),
  ]);
  return certificateView({ certificate, template, session, person, issuer });
}
