import { createHash } from 'node:crypto';
import type { CertificateSummary, Revocation, VerificationStatus } from '../shared/credentials/verify';

/**
 * The hub's public verification page: one self-contained HTML document, no script at all, one
 * inline style allowed by its hash in a strict Content-Security-Policy. Everything shown is
 * escaped. Plain words for someone who was handed a certificate and wants to know if it is real.
 */

/** What POST /verify answers (as JSON, and as the page). */
export type VerifyAnswer = {
  verdict: VerificationStatus;
  valid: boolean;
  headline: string;
  /** What the certificate says it certifies; confirmed only when `certifiedConfirmed`. */
  certified?: CertificateSummary;
  certifiedConfirmed?: boolean;
  revocation?: Revocation;
  statusListAsOf?: string;
  signedBy?: { issuerKey: string; rootKey?: string };
  problems: { code: string; params: Record<string, string | number>; text: string }[];
  checkedAgainst: { organisation: string; asOf: { time: string; hubSequence: number } };
};

const style = `
:root{color-scheme:light dark;font-family:system-ui,-apple-system,"Segoe UI","Noto Sans",sans-serif;line-height:1.5}
body{max-width:46rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
textarea{width:100%;min-height:8rem;font:inherit;font-family:ui-monospace,monospace;font-size:.85rem;box-sizing:border-box}
fieldset{border:1px solid #8885;border-radius:.5rem;margin:1rem 0;padding:.75rem 1rem}
button{font:inherit;padding:.5rem 1.25rem;border-radius:.4rem;border:1px solid #2563eb;background:#2563eb;color:#fff;cursor:pointer}
.verdict{border-radius:.5rem;padding:1rem;margin:1.25rem 0;border:2px solid}
.verdict h2{margin:0 0 .5rem;font-size:1.25rem}
.valid{border-color:#15803d;background:#15803d14}
.revoked,.expired{border-color:#b45309;background:#b4530914}
.altered,.unknown-issuer,.malformed,.error{border-color:#b91c1c;background:#b91c1c14}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dt{font-weight:600}dd{margin:0}
.note{color:#666;font-size:.9rem}
code{word-break:break-all}
`;

const styleHash = createHash('sha256').update(style).digest('base64');

/** The page's Content-Security-Policy: nothing but its own inline style; forms post only here. */
export const verifyPageCsp = [
  "default-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  "img-src 'none'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** HTML-escapes text (element content and quoted attributes). */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function day(value: string): string {
  return value.slice(0, 10);
}

function certifiedList(answer: VerifyAnswer): string {
  const s = answer.certified;
  if (!s) return '';
  const rows: [string, string | undefined][] = [
    ['Name', s.name],
    ['Course', s.courseCode ? `${s.course} (${s.courseCode})` : s.course],
    ['Hours', s.hours === undefined ? undefined : String(s.hours)],
    ['Issued by', s.issuerName],
    ['Issued on', day(s.issuedOn)],
    ['Valid until', s.validUntil ? day(s.validUntil) : undefined],
    ['Serial number', s.serial || undefined],
  ];
  const title = answer.certifiedConfirmed ? 'What was certified' : 'What the certificate claims (not confirmed)';
  return `<h3>${title}</h3><dl>${rows
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
    .join('')}</dl>`;
}

const advice: Record<VerificationStatus, string> = {
  valid: 'The certificate was issued by the organisation below, has not been changed, and has not been withdrawn.',
  altered: 'Something in this certificate was changed after it was issued. Do not rely on what it says; ask the person for the original file, or contact the issuer.',
  revoked: 'The organisation issued this certificate but has since withdrawn it.',
  expired: 'The certificate is genuine, but it is not in force at today’s date.',
  'unknown-issuer': 'The certificate is intact, but it was not issued by a key this organisation trusts. It may come from another organisation, or be a forgery.',
  malformed: 'What you gave is not a certificate this page can read. Use the certificate’s JSON file, its PDF, or the text of its QR code.',
};

function answerSection(answer: VerifyAnswer): string {
  const parts = [`<section class="verdict ${escapeHtml(answer.verdict)}" aria-live="polite">`, `<h2>${escapeHtml(answer.headline)}</h2>`, `<p>${escapeHtml(advice[answer.verdict])}</p>`];
  if (answer.revocation) {
    parts.push(`<p><strong>Revoked on ${escapeHtml(day(answer.revocation.date))}</strong>${answer.revocation.reason ? `: ${escapeHtml(answer.revocation.reason)}` : ''}</p>`);
  }
  parts.push(certifiedList(answer));
  const { organisation, asOf } = answer.checkedAgainst;
  if (answer.verdict !== 'malformed') {
    parts.push(
      `<p class="note">Checked against the keys and revocation list of ${escapeHtml(organisation)} as of ${escapeHtml(asOf.time)} (hub record ${escapeHtml(asOf.hubSequence)})${
        answer.statusListAsOf ? '' : '; this certificate has no revocation list entry the hub could use'
      }.</p>`,
    );
  }
  if (answer.problems.length) {
    parts.push(`<details><summary>Details</summary><ul>${answer.problems.map((p) => `<li>${escapeHtml(p.text)}</li>`).join('')}</ul></details>`);
  }
  parts.push('</section>');
  return parts.join('');
}

/** The page: the form, and the answer or the error of the last submission. */
export function renderVerifyPage({ organisation, answer, error, serial }: { organisation?: string; answer?: VerifyAnswer; error?: string; serial?: string } = {}): string {
  const who = organisation ? ` issued by ${escapeHtml(organisation)}` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Check a certificate${organisation ? ` — ${escapeHtml(organisation)}` : ''}</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>Check a certificate</h1>
<p>Find out whether a certificate${who} is genuine, unchanged and still in force. Nothing you check here is stored.</p>
${error ? `<section class="verdict error" role="alert"><h2>This could not be checked</h2><p>${escapeHtml(error)}</p></section>` : ''}
${answer && serial ? `<p>The certificate this hub holds under the serial number <strong>${escapeHtml(serial)}</strong>:</p>` : ''}
${answer ? answerSection(answer) : ''}
<form method="post" action="/verify" enctype="multipart/form-data">
<fieldset>
<legend>Either choose the certificate’s file</legend>
<p><label for="file">The PDF certificate, or its JSON file:</label><br>
<input id="file" name="file" type="file" accept=".pdf,.json,application/pdf,application/json"></p>
</fieldset>
<fieldset>
<legend>Or paste its text</legend>
<p><label for="credential">The certificate’s JSON, or the text read from its QR code (it starts with VC1:):</label></p>
<textarea id="credential" name="credential" spellcheck="false" autocomplete="off"></textarea>
</fieldset>
<p><button type="submit">Check</button></p>
</form>
<p class="note">The check runs on this server with the organisation’s published keys (<a href="/.well-known/apogee/keys.json">keys</a>) and revocation list (<a href="/revocations.json">revocations</a>); it contacts no other site. You can also check offline with <code>npm run verify -- certificate.pdf --trust keys.json</code>.</p>
</main>
</body>
</html>
`;
}

/** One part of a multipart form. */
export type FormPart = { filename?: string; contentType?: string; data: Buffer };

/**
 * Reads a multipart/form-data body (RFC 7578): the parts by field name, or null when the body is
 * not one. Only what the verify form sends is needed: a few fields, one file.
 */
export function parseMultipart(body: Buffer, contentType: string, maxParts = 10): Map<string, FormPart> | null {
  if (!Buffer.isBuffer(body)) return null;
  const match = /boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary}`);
  const parts = new Map<string, FormPart>();
  let start = body.indexOf(delimiter);
  if (start < 0) return null;
  for (let count = 0; count <= maxParts; count++) {
    start += delimiter.length;
    // "--" after a delimiter closes the body.
    if (body[start] === 0x2d && body[start + 1] === 0x2d) return parts;
    if (body[start] === 0x0d && body[start + 1] === 0x0a) start += 2;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd < 0) return null;
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
    if (next < 0) return null;
    const headers = body.subarray(start, headerEnd).toString('utf8');
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    const type = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim();
    if (name !== undefined && !parts.has(name)) {
      parts.set(name, { data: body.subarray(headerEnd + 4, next), ...(filename === undefined ? {} : { filename }), ...(type ? { contentType: type } : {}) });
    }
    start = next + 2;
  }
  return null;
}
