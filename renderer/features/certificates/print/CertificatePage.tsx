import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { createIntl, type IntlShape } from 'react-intl';
import './certificate.css';
import { certificatePrintMessages, type CertificatePrintMessageId } from './messages';
import { whenPageDrawn } from './pageFonts';
import { drawQrCode, type QrDrawing } from './qrSvg';
import type { CertificateView } from './types';

/** Languages written right to left among those certificates are issued in. */
const rightToLeft = new Set(['ar', 'ur', 'fa', 'he', 'ps', 'sd', 'ug', 'yi', 'ckb', 'dv']);

/** The primary language subtag: `ar-EG` → `ar`. */
function primaryLanguage(language: string): string {
  return language.split(/[-_]/)[0]!.toLowerCase();
}

/** Text direction of a certificate language. */
export function certificateDirection(language: string): 'rtl' | 'ltr' {
  return rightToLeft.has(primaryLanguage(language)) ? 'rtl' : 'ltr';
}

/** The language the printed labels are in: the certificate's when we have it, else English. */
export function labelLanguage(language: string): 'en' | 'zh' | 'ar' {
  const primary = primaryLanguage(language);
  return primary === 'zh' || primary === 'ar' ? primary : 'en';
}

/** The intl object the page formats with: the certificate's language, not the interface's. */
function certificateIntl(language: string): IntlShape {
  const labels = labelLanguage(language);
  // Dates follow the labels: an English label with an Urdu date would read as a mistake.
  let locale = labels === primaryLanguage(language) ? language : 'en';
  try {
    locale = Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    locale = labels;
  }
  return createIntl({ locale, messages: certificatePrintMessages[labels], defaultLocale: 'en' });
}

/** A calendar day `YYYY-MM-DD` as a UTC instant, so no time zone shifts the printed day. */
function day(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

const dateOptions: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };

// Always the Gregorian calendar: the printed dates must match the credential's, whatever the
// locale's default calendar (ar-SA would print Hijri dates, th Buddhist years). Asked for with
// the locale's -u-ca- extension: the `calendar` option makes formatRange fall back to numeric dates.
function dateFormat(intl: IntlShape): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(`${intl.locale.replace(/-u-.*$/, '')}-u-ca-gregory`, dateOptions);
}

function formatDay(intl: IntlShape, date: string): string {
  return dateFormat(intl).format(day(date));
}

function formatDays(intl: IntlShape, start: string, end: string): string {
  const format = dateFormat(intl);
  return start === end || end === '' ? format.format(day(start)) : format.formatRange(day(start), day(end));
}

/** Font size of the name: long names get smaller instead of wrapping onto three lines. */
function nameSize(name: string): string {
  let width = 0;
  // Han, kana and hangul glyphs are about twice as wide as Latin letters.
  for (const char of name) width += /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(char) ? 2 : 1;
  if (width <= 26) return '30pt';
  if (width <= 40) return '24pt';
  if (width <= 60) return '19pt';
  return '16pt';
}

/**
 * The body text with the filled-in values (name, course, place…) each in its own bidi isolate:
 * an Urdu name inside an English sentence must not pull the neighbouring words, numbers and the
 * full stop into right-to-left order, and an English course inside Arabic text likewise.
 */
export function isolateValues(text: string, values: ReadonlyArray<string | undefined>): ReactNode[] {
  const present = [...new Set(values.filter((v): v is string => v !== undefined && v.trim() !== '' && text.includes(v)))];
  if (present.length === 0) return [text];
  present.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(${present.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'u');
  return text.split(pattern).map((part, index) => (index % 2 === 1 ? <bdi key={index}>{part}</bdi> : part));
}

/** Physical size of a QR code: modules of at least ~0.34 mm so a phone camera resolves them. */
function qrSizeMm(modules: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, modules * 0.34));
}

function QrCode({ drawing, sizeMm, label }: { drawing: QrDrawing; sizeMm: number; label: string }) {
  return (
    <svg
      role="img"
      aria-label={label}
      width={`${sizeMm}mm`}
      height={`${sizeMm}mm`}
      viewBox={`0 0 ${drawing.size} ${drawing.size}`}
      shapeRendering="crispEdges"
      data-qr-version={drawing.version}
    >
      <rect width={drawing.size} height={drawing.size} fill="#fff" />
      <path d={drawing.path} fill="#000" />
    </svg>
  );
}

/**
 * One printable certificate page (A4 or Letter), from plain data: no database, no router, so
 * the desktop PDF window, the browser PDF and the tests all draw exactly this. Calls `onReady`
 * once fonts, logo and QR codes are drawn.
 */
export function CertificatePage({
  view,
  onReady,
  pageRef,
}: {
  view: CertificateView;
  onReady?: () => void;
  /** Receives the page element (for renderCertificatePdf). */
  pageRef?: (element: HTMLDivElement | null) => void;
}) {
  const intl = useMemo(() => certificateIntl(view.language), [view.language]);
  const t = (id: CertificatePrintMessageId, values?: Record<string, string | number>) =>
    intl.formatMessage({ id }, values);
  const own = useRef<HTMLDivElement | null>(null);
  const readyRef = useRef(onReady);
  useEffect(() => {
    readyRef.current = onReady;
  }, [onReady]);

  useEffect(() => {
    const element = own.current;
    if (element === null) return;
    let current = true;
    void whenPageDrawn(element).then(() => {
      if (current) readyRef.current?.();
    });
    return () => {
      current = false;
    };
  }, [view]);

  const setRefs = (element: HTMLDivElement | null) => {
    own.current = element;
    pageRef?.(element);
  };

  const linkQr = useMemo(() => drawQrCode(view.verifyUrl, 'M'), [view.verifyUrl]);
  // A payload too large for any QR code is left out rather than printed unreadable.
  const offlineQr = useMemo(() => (view.qrPayload ? drawQrCode(view.qrPayload, 'L') : null), [view.qrPayload]);

  const dir = certificateDirection(view.language);
  // Labels may be in another language than the page (Urdu falls back to English labels): each
  // label keeps its own direction so "40 hours" does not print as "hours 40".
  const labelDir = certificateDirection(labelLanguage(view.language));
  const letter = view.pageSize === 'Letter';
  const dates = formatDays(intl, view.sessionDates.start, view.sessionDates.end);
  const showLatin = view.traineeNameLatin !== undefined && view.traineeNameLatin !== '' && view.traineeNameLatin !== view.traineeName;

  return (
    <div
      ref={setRefs}
      className={letter ? 'cert-page cert-letter' : 'cert-page'}
      lang={view.language}
      dir={dir}
      data-page-size={view.pageSize}
    >
      {/* The sheet size must match the page: Chromium's print pipeline reads it from @page. */}
      <style>{`@page { size: ${letter ? 'letter' : 'A4'} portrait; margin: 0; }`}</style>
      <header className="cert-header">
        {view.logoDataUrl?.startsWith('data:image/') ? <img className="cert-logo" src={view.logoDataUrl} alt="" /> : null}
        <p className="cert-organisation" dir="auto">
          {view.organisationName}
        </p>
        <div className="cert-rule" />
      </header>
      <div className="cert-spacer-top" />
      <h1 className="cert-title" dir={dir}>
        {view.title}
      </h1>
      <p className="cert-certifies" dir={labelDir}>{t('certificatePrint.certifies')}</p>
      <p className="cert-name" dir="auto" style={{ fontSize: nameSize(view.traineeName) }}>
        {view.traineeName.normalize('NFC')}
      </p>
      {showLatin ? (
        <p className="cert-name-latin" dir="ltr">
          {view.traineeNameLatin}
        </p>
      ) : null}
      {view.body.trim() !== '' ? (
        <p className="cert-body" dir={dir}>
          {isolateValues(view.body, [
            view.traineeName,
            view.traineeNameLatin,
            view.courseTitle,
            view.courseCode,
            view.place,
            view.organisationName,
          ])}
        </p>
      ) : null}
      <p className="cert-course">
        <bdi>{view.courseTitle}</bdi>
        <span className="cert-code">{view.courseCode}</span>
      </p>
      <dl className="cert-facts">
        <div className="cert-fact">
          <dt dir={labelDir}>{t('certificatePrint.dates')}</dt>
          <dd dir={labelDir}>{dates}</dd>
        </div>
        {view.hours !== undefined ? (
          <div className="cert-fact">
            <dt dir={labelDir}>{t('certificatePrint.hours')}</dt>
            <dd dir={labelDir}>{t('certificatePrint.hoursValue', { hours: view.hours })}</dd>
          </div>
        ) : null}
        {view.place ? (
          <div className="cert-fact cert-fact-place">
            <dt dir={labelDir}>{t('certificatePrint.place')}</dt>
            <dd dir="auto">{view.place}</dd>
          </div>
        ) : null}
      </dl>
      <div className="cert-spacer" />
      {view.signatories.length > 0 ? (
        <ul className="cert-signatories">
          {view.signatories.map((signatory, index) => (
            <li className="cert-signatory" key={index}>
              <div className="cert-signature-line" />
              <span className="cert-signatory-name" dir="auto">
                {signatory.name}
              </span>
              {signatory.title ? (
                <span className="cert-signatory-title" dir="auto">
                  {signatory.title}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <footer className="cert-footer">
        <div className="cert-issue">
          <span className="cert-issue-label" dir={labelDir}>
            {t('certificatePrint.serial')}
          </span>
          <span className="cert-serial">{view.serial}</span>
          <span dir={labelDir}>{t('certificatePrint.issuedOn', { date: formatDay(intl, view.issuedOn) })}</span>
          {view.validUntil ? (
            <span dir={labelDir}>{t('certificatePrint.validUntil', { date: formatDay(intl, view.validUntil) })}</span>
          ) : null}
        </div>
        {linkQr ? (
          <figure className="cert-qr cert-qr-link">
            <QrCode drawing={linkQr} sizeMm={qrSizeMm(linkQr.size, 22, 28)} label={t('certificatePrint.qrLink', { url: view.verifyUrl })} />
            <figcaption dir={labelDir}>
              {t('certificatePrint.verifyOnline')}
              <br />
              <span className="cert-url">{view.verifyUrl}</span>
            </figcaption>
          </figure>
        ) : null}
        {offlineQr ? (
          <figure className="cert-qr cert-qr-offline">
            <QrCode drawing={offlineQr} sizeMm={qrSizeMm(offlineQr.size, 30, 62)} label={t('certificatePrint.qrCredential')} />
            <figcaption dir={labelDir} style={{ maxWidth: `${qrSizeMm(offlineQr.size, 30, 62)}mm` }}>{t('certificatePrint.verifyOffline')}</figcaption>
          </figure>
        ) : null}
      </footer>
    </div>
  );
}
