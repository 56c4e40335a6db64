import { describe, expect, it, vi } from 'vitest';
import type { CertificatePdfRequest, PdfPrintOptions, PdfWindow } from './certificatePdf';
import { certificatePrintUrl, printCertificatePdf, saveCertificatePdf } from './certificatePdf';

const request: CertificatePdfRequest = {
  certificateId: 'cert-42',
  credentialJson: '{"type":["VerifiableCredential","OpenBadgeCredential"]}',
  fileName: 'IDSEA-K7Q2-000042.pdf',
  pageSize: 'Letter',
};

/**
 * A hidden window whose page reports `states` one poll after another (the last one repeats),
 * on a fake clock that advances by each sleep.
 */
function fakeWindow(
  states: Array<{ ready: string | null; error?: string | null }>,
  { loadError, pdfIsBroken = false }: { loadError?: Error; pdfIsBroken?: boolean } = {},
) {
  const calls = { urls: [] as string[], printed: [] as PdfPrintOptions[], polls: 0, destroyed: false };
  const window: PdfWindow = {
    loadURL: (url) => {
      calls.urls.push(url);
      return loadError ? Promise.reject(loadError) : Promise.resolve();
    },
    webContents: {
      executeJavaScript: () => {
        const state = states[Math.min(calls.polls, states.length - 1)]!;
        calls.polls++;
        return Promise.resolve({ ready: state.ready, error: state.error ?? null });
      },
      printToPDF: (options) => {
        calls.printed.push(options);
        return Promise.resolve(new TextEncoder().encode('%PDF-1.4 printed'));
      },
    },
    destroy: () => {
      calls.destroyed = true;
    },
    isDestroyed: () => calls.destroyed,
  };
  let clock = 0;
  const deps = {
    createWindow: () => window,
    entryUrl: 'app://apogee/index.html',
    attachCredential: vi.fn((pdf: Uint8Array, json: string, name: string) =>
      Promise.resolve(
        pdfIsBroken
          ? ({ ok: false, error: { code: 'not-a-pdf', params: {} } } as const)
          : ({ ok: true, value: new Uint8Array([...pdf, ...new TextEncoder().encode(`|${name}:${json}`)]) } as const),
      ),
    ),
    sleep: (ms: number) => {
      clock += ms;
      return Promise.resolve();
    },
    now: () => clock,
    pollMs: 50,
    timeoutMs: 1000,
  };
  return { calls, deps };
}

describe('printCertificatePdf', () => {
  it('opens the print route of the certificate in the app origin', () => {
    expect(certificatePrintUrl('app://apogee/index.html', 'cert-42')).toBe('app://apogee/index.html#/certificates/cert-42/print');
    expect(certificatePrintUrl('http://127.0.0.1:5173/#/old', 'a:b')).toBe('http://127.0.0.1:5173/#/certificates/a%3Ab/print');
  });

  it('prints only after the page says it is drawn, on the requested sheet, with no margins', async () => {
    const { calls, deps } = fakeWindow([{ ready: null }, { ready: null }, { ready: 'true' }]);
    await printCertificatePdf(request, deps);
    expect(calls.urls).toEqual(['app://apogee/index.html#/certificates/cert-42/print']);
    expect(calls.polls).toBe(3);
    expect(calls.printed).toEqual([
      { pageSize: 'Letter', printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 }, preferCSSPageSize: false },
    ]);
  });

  it('attaches the credential JSON, named after the PDF, to the printed bytes and closes the window', async () => {
    const { calls, deps } = fakeWindow([{ ready: 'true' }]);
    const bytes = await printCertificatePdf(request, deps);
    expect(deps.attachCredential).toHaveBeenCalledWith(expect.any(Uint8Array), request.credentialJson, 'IDSEA-K7Q2-000042.json');
    expect(new TextDecoder().decode(bytes)).toBe(`%PDF-1.4 printed|IDSEA-K7Q2-000042.json:${request.credentialJson}`);
    expect(calls.destroyed).toBe(true);
  });

  it('gives up with a clear error when the page never becomes ready, and closes the window', async () => {
    const { calls, deps } = fakeWindow([{ ready: null }]);
    await expect(printCertificatePdf(request, deps)).rejects.toThrow(
      'the certificate page was not ready after 1 s (fonts or QR codes not drawn); no PDF was made',
    );
    expect(calls.printed).toEqual([]);
    expect(calls.destroyed).toBe(true);
  });

  it('passes on why the page could not show the certificate instead of waiting for the timeout', async () => {
    const { calls, deps } = fakeWindow([{ ready: null }, { ready: 'error', error: 'There is no certificate cert-42 on this device.' }]);
    await expect(printCertificatePdf(request, deps)).rejects.toThrow('There is no certificate cert-42 on this device.');
    expect(calls.polls).toBe(2);
    expect(calls.destroyed).toBe(true);
  });

  it('reports a credential that could not be attached instead of saving a PDF without it', async () => {
    const { calls, deps } = fakeWindow([{ ready: 'true' }], { pdfIsBroken: true });
    await expect(printCertificatePdf(request, deps)).rejects.toThrow(
      'the credential could not be attached to the PDF: This file is not a PDF.',
    );
    expect(calls.destroyed).toBe(true);
  });

  it('reports a page that fails to load', async () => {
    const { calls, deps } = fakeWindow([{ ready: 'true' }], { loadError: new Error('ERR_FILE_NOT_FOUND (-6)') });
    await expect(printCertificatePdf(request, deps)).rejects.toThrow('the certificate page did not open (ERR_FILE_NOT_FOUND (-6))');
    expect(calls.destroyed).toBe(true);
  });
});

describe('saveCertificatePdf', () => {
  it('writes the printed PDF where the user chose, adding .pdf when the name lacks it', async () => {
    const written: Array<[string, string]> = [];
    const result = await saveCertificatePdf(request, {
      print: () => Promise.resolve(new TextEncoder().encode('%PDF')),
      chooseFile: (name) => Promise.resolve(`/home/ana/Documents/${name.replace('.pdf', '')}`),
      writeFile: (file, bytes) => {
        written.push([file, new TextDecoder().decode(bytes)]);
        return Promise.resolve();
      },
    });
    expect(result).toEqual({ saved: true, path: '/home/ana/Documents/IDSEA-K7Q2-000042.pdf' });
    expect(written).toEqual([['/home/ana/Documents/IDSEA-K7Q2-000042.pdf', '%PDF']]);
  });

  it('saves nothing when the user cancels, even if printing failed meanwhile', async () => {
    const writeFile = vi.fn();
    const result = await saveCertificatePdf(request, {
      print: () => Promise.reject(new Error('not ready')),
      chooseFile: () => Promise.resolve(null),
      writeFile,
    });
    expect(result).toEqual({ saved: false });
    expect(writeFile).not.toHaveBeenCalled();
  });

  it('reports a printing failure after the user picked a file, writing nothing', async () => {
    const writeFile = vi.fn();
    await expect(
      saveCertificatePdf(request, {
        print: () => Promise.reject(new Error('the certificate page was not ready after 20 s')),
        chooseFile: () => Promise.resolve('/tmp/x.pdf'),
        writeFile,
      }),
    ).rejects.toThrow('the certificate page was not ready after 20 s');
    expect(writeFile).not.toHaveBeenCalled();
  });
});
