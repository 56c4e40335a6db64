// Test-only page for the printable certificate: bundled by certificatePdf.spec.ts with esbuild
// and served on the app's origin, so the certificate can be drawn from plain data before (and
// independently of) the app's router and database. It imports the fonts exactly as main.tsx.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-ethiopic/400.css';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { CertificatePage } from '../../renderer/features/certificates/print/CertificatePage';
import { fontEmbedCss } from '../../renderer/features/certificates/print/pageFonts';
import { renderCertificatePdf } from '../../renderer/features/certificates/print/renderCertificatePdf';
import type { CertificateView } from '../../renderer/features/certificates/print/types';

/** What the spec calls in the page. */
export type CertificateHarness = {
  /** Draws the certificate and resolves when it says it is ready (ms taken). */
  show(view: CertificateView): Promise<number>;
  /** The browser-build PDF of the certificate on show, as base64, and the ms it took. */
  browserPdf(options: { credentialJson: string; fileName: string }): Promise<{ base64: string; ms: number }>;
  /** Families whose font files the browser-build PDF inlines for the certificate on show. */
  embeddedFontFamilies(): Promise<string[]>;
};

declare global {
  var certificateHarness: CertificateHarness | undefined;
}

let root: Root | null = null;
let page: HTMLDivElement | null = null;
let shown: CertificateView | null = null;

globalThis.certificateHarness = {
  show(view) {
    const started = performance.now();
    delete document.body.dataset.ready;
    root?.unmount();
    const host = document.getElementById('root')!;
    host.className = 'cert-print-root';
    root = createRoot(host);
    shown = view;
    return new Promise((resolve) => {
      flushSync(() =>
        root!.render(
          createElement(CertificatePage, {
            view,
            pageRef: (node: HTMLDivElement | null) => {
              page = node;
            },
            onReady: () => {
              document.body.dataset.ready = 'true';
              resolve(performance.now() - started);
            },
          }),
        ),
      );
    });
  },
  async embeddedFontFamilies() {
    if (page === null) throw new Error('show a certificate first');
    const css = await fontEmbedCss(page);
    const inlined = [...css.matchAll(/font-family:"([^"]+)"[^}]*src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]{1000,}\)/g)];
    return [...new Set(inlined.map((match) => match[1]!))];
  },
  async browserPdf({ credentialJson, fileName }) {
    if (page === null || shown === null) throw new Error('show a certificate first');
    const started = performance.now();
    const blob = await renderCertificatePdf(page, { pageSize: shown.pageSize, credentialJson, fileName });
    const ms = performance.now() - started;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { base64: btoa(binary), ms };
  },
};
