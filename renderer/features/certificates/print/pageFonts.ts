/**
 * The fonts a certificate is drawn with. All are bundled (@fontsource, imported by main.tsx),
 * split by the font packages into unicode-range subsets that the browser loads on demand.
 */
export const certificateFontFamilies = [
  'Noto Sans',
  'Noto Sans SC',
  'Noto Sans Arabic',
  'Noto Sans Thai',
  'Noto Sans Ethiopic',
] as const;

const weights = [400, 700] as const;

/**
 * Resolves once everything on the page is drawn with its real fonts: the subsets the page's
 * text needs are requested explicitly (a face with a unicode-range loads only after layout
 * asks for it, so `document.fonts.ready` alone can resolve too early), images are decoded,
 * and one more frame has been laid out.
 */
export async function whenPageDrawn(element: HTMLElement): Promise<void> {
  const text = element.textContent ?? '';
  await Promise.all(
    certificateFontFamilies.flatMap((family) =>
      weights.map((weight) => document.fonts.load(`${weight} 16px "${family}"`, text).catch(() => [])),
    ),
  );
  await document.fonts.ready;
  await Promise.all([...element.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined)));
  // Measured with the real fonts, which is why it runs only now.
  if (fitToPage(element)) delete element.dataset.overflow;
  else element.dataset.overflow = 'true';
  await nextFrame();
  await nextFrame();
}

/** Smallest body text the page shrinks to (px; 8 pt) before it gives up and reports overflow. */
const smallestBodyPx = (8 * 96) / 72;

/**
 * Keeps the certificate on one sheet: when a long body text pushes the signatures or QR codes
 * past the bottom edge (the page clips, it never adds a second sheet), the body text shrinks in
 * half-pixel steps down to 8 pt. Returns false when even that does not fit, so a preview can
 * ask for a shorter text.
 */
export function fitToPage(page: HTMLElement): boolean {
  const overflows = () => page.scrollHeight > page.clientHeight + 1;
  const body = page.querySelector<HTMLElement>('.cert-body');
  if (body === null) return !overflows();
  body.style.removeProperty('font-size');
  let size = parseFloat(getComputedStyle(body).fontSize);
  while (overflows() && size > smallestBodyPx) {
    size = Math.max(smallestBodyPx, size - 0.5);
    body.style.fontSize = `${size}px`;
  }
  return !overflows();
}

// A hidden window may not produce frames at all; a short timer stands in for the frame then.
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => resolve());
    setTimeout(resolve, 100);
  });
}

/** Code point ranges of a CSS `unicode-range` value (`U+0600-06FF, U+4??, U+200C`). */
export function parseUnicodeRange(value: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const token of value.split(',')) {
    const match = /^\s*U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?\s*$/i.exec(token);
    if (!match) continue;
    const first = match[1]!;
    if (match[2] !== undefined) {
      ranges.push([parseInt(first, 16), parseInt(match[2], 16)]);
    } else if (first.includes('?')) {
      ranges.push([parseInt(first.replace(/\?/g, '0'), 16), parseInt(first.replace(/\?/g, 'F'), 16)]);
    } else {
      const point = parseInt(first, 16);
      ranges.push([point, point]);
    }
  }
  return ranges;
}

/** True when any character of the text falls in the ranges (no ranges means every character). */
export function coversAny(ranges: Array<[number, number]>, codePoints: ReadonlySet<number>): boolean {
  if (ranges.length === 0) return true;
  for (const point of codePoints) {
    if (ranges.some(([low, high]) => point >= low && point <= high)) return true;
  }
  return false;
}

const dataUrls = new Map<string, Promise<string>>();

/**
 * The @font-face rules the element's text needs, with the font files inlined as data: URLs,
 * for html-to-image. Left to itself html-to-image inlines every face of every family the page
 * names — all hundred-odd subsets of the Chinese font, megabytes per PDF; here only the subsets
 * whose unicode-range meets the text are fetched (once per session), from the app's own origin.
 */
export async function fontEmbedCss(element: HTMLElement): Promise<string> {
  const codePoints = new Set<number>();
  for (const char of element.textContent ?? '') codePoints.add(char.codePointAt(0)!);
  const families = new Set<string>(certificateFontFamilies);
  const rules: Array<Promise<string>> = [];
  for (const { rule, baseUrl } of fontFaceRules()) {
    const family = rule.style.getPropertyValue('font-family').trim().replace(/^["']|["']$/g, '');
    if (!families.has(family)) continue;
    const range = rule.style.getPropertyValue('unicode-range');
    if (!coversAny(parseUnicodeRange(range), codePoints)) continue;
    const source = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(rule.style.getPropertyValue('src'))?.[1];
    if (source === undefined) continue;
    const url = new URL(source, baseUrl).href;
    rules.push(
      inlined(url).then(
        (dataUrl) =>
          `@font-face{font-family:"${family}";font-style:${rule.style.getPropertyValue('font-style') || 'normal'};` +
          `font-weight:${rule.style.getPropertyValue('font-weight') || '400'};src:url(${dataUrl});` +
          (range ? `unicode-range:${range};` : '') +
          '}',
      ),
    );
  }
  return (await Promise.all(rules)).join('\n');
}

function inlined(url: string): Promise<string> {
  if (url.startsWith('data:')) return Promise.resolve(url);
  let pending = dataUrls.get(url);
  if (pending === undefined) {
    pending = fetch(url)
      .then((response) => {
        if (!response.ok) throw new Error(`font ${url} answered ${response.status}`);
        return response.blob();
      })
      .then(blobToDataUrl);
    pending.catch(() => dataUrls.delete(url));
    dataUrls.set(url, pending);
  }
  return pending;
}

function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('could not read a font file'));
    reader.readAsDataURL(blob);
  });
}

function* fontFaceRules(): Generator<{ rule: CSSFontFaceRule; baseUrl: string }> {
  for (const sheet of document.styleSheets) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue; // another origin's stylesheet: the app has none, and could not read it anyway
    }
    yield* walk(list, sheet.href ?? document.baseURI);
  }
}

function* walk(list: CSSRuleList, baseUrl: string): Generator<{ rule: CSSFontFaceRule; baseUrl: string }> {
  for (const rule of list) {
    if (rule instanceof CSSFontFaceRule) yield { rule, baseUrl };
    else if (rule instanceof CSSGroupingRule) yield* walk(rule.cssRules, baseUrl);
  }
}
