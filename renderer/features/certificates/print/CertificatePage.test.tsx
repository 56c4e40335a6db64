import { renderToStaticMarkup } from 'react-dom/server.browser';
import { describe, expect, it } from 'vitest';
import { CertificatePage } from './CertificatePage';
import type { CertificateView } from './types';

function view(overrides: Partial<CertificateView> = {}): CertificateView {
  return {
    serial: 'IDSEA-K7Q2-000042',
    title: 'Certificate of completion',
    body: 'مریم اقبال has completed Orbits (ORB-1).',
    traineeName: 'مریم اقبال',
    traineeNameLatin: 'Maryam Iqbal',
    courseTitle: 'Orbits',
    courseCode: 'ORB-1',
    hours: 28,
    sessionDates: { start: '2027-03-01', end: '2027-03-05' },
    issuedOn: '2027-03-08',
    organisationName: 'IDSEA',
    signatories: [{ name: 'Dr. Amina Haddad', title: 'Director' }],
    language: 'en',
    pageSize: 'A4',
    verifyUrl: 'https://verify.idsea.example/v/IDSEA-K7Q2-000042',
    ...overrides,
  };
}

const render = (overrides: Partial<CertificateView> = {}) => renderToStaticMarkup(<CertificatePage view={view(overrides)} />);

describe('CertificatePage', () => {
  it('lays out Arabic and Urdu certificates right to left, others left to right', () => {
    expect(render({ language: 'ar' })).toContain('dir="rtl"');
    expect(render({ language: 'ur-PK' })).toMatch(/class="cert-page" lang="ur-PK" dir="rtl"/);
    expect(render({ language: 'zh-CN' })).toMatch(/class="cert-page" lang="zh-CN" dir="ltr"/);
  });

  it('prints its labels in the certificate language, falling back to English', () => {
    expect(render({ language: 'zh-CN' })).toContain('兹证明');
    expect(render({ language: 'ar' })).toContain('نشهد بأنّ');
    const thai = render({ language: 'th' });
    expect(thai).toContain('This certifies that');
    // Gregorian years, not the Buddhist calendar's 2570.
    expect(thai).toContain('2027');
    expect(thai).not.toContain('2570');
  });

  it('prints Gregorian dates even when the language asks for another calendar', () => {
    const hijri = render({ language: 'ar-SA-u-ca-islamic-umalqura' });
    expect(hijri).toContain('مارس'); // March, not a Hijri month
    expect(hijri).not.toMatch(/هـ/);
  });

  it('keeps an Urdu name inside an English sentence from reordering the sentence', () => {
    const html = render();
    expect(html).toContain('<p class="cert-body" dir="ltr"><bdi>مریم اقبال</bdi> has completed <bdi>Orbits</bdi> (<bdi>ORB-1</bdi>).</p>');
  });

  it('shows names and body text as text, never as HTML', () => {
    const html = render({ traineeName: '<img src=x onerror=alert(1)>', body: '<b>bold</b>' });
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<b>bold</b>');
  });

  it('sizes the sheet from the page size', () => {
    expect(render({ pageSize: 'Letter' })).toContain('@page { size: letter portrait; margin: 0; }');
    expect(render()).toContain('@page { size: A4 portrait; margin: 0; }');
  });

  it('draws the link QR code always and the offline QR code only when the payload fits', () => {
    expect(render().match(/<svg/g)).toHaveLength(1);
    const fits = 'VC1:' + '6BFOXN*TS0BI$ZDFRH'.repeat(100);
    expect(render({ qrPayload: fits }).match(/<svg/g)).toHaveLength(2);
    const tooLarge = 'VC1:' + 'A'.repeat(5000);
    const html = render({ qrPayload: tooLarge });
    expect(html.match(/<svg/g)).toHaveLength(1);
    expect(html).not.toContain('Verify offline');
  });

  it('leaves out a logo that is not a data: image', () => {
    expect(render({ logoDataUrl: 'https://tracker.example/logo.png' })).not.toContain('<img');
    expect(render({ logoDataUrl: 'data:image/png;base64,iVBORw0KGgo=' })).toContain('<img class="cert-logo"');
  });
});
