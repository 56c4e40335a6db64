import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApogeeBridge } from '../../../../shared/ipc';
import { certificatePdfFileName, saveCertificatePdf } from './saveCertificatePdf';
import type { CertificateView } from './types';

const view = {
  serial: 'IDSEA-K7Q2-000042',
  pageSize: 'Letter',
} as CertificateView;

function fakeDesktop(answer: Awaited<ReturnType<ApogeeBridge['invoke']>>) {
  const invoke = vi.fn(() => Promise.resolve(answer));
  globalThis.apogee = { invoke, on: () => () => undefined } as unknown as ApogeeBridge;
  return invoke;
}

afterEach(() => {
  globalThis.apogee = undefined;
});

describe('saveCertificatePdf', () => {
  it('asks the desktop shell to print and save when running in the desktop app', async () => {
    const invoke = fakeDesktop({ ok: true, value: { saved: true, path: '/home/ana/IDSEA-K7Q2-000042.pdf' } });
    const result = await saveCertificatePdf({ certificateId: 'c-42', view, credentialJson: '{"id":"x"}' });
    expect(invoke).toHaveBeenCalledWith('certificate:savePdf', {
      certificateId: 'c-42',
      credentialJson: '{"id":"x"}',
      fileName: 'IDSEA-K7Q2-000042.pdf',
      pageSize: 'Letter',
    });
    expect(result).toEqual({ ok: true, saved: true, path: '/home/ana/IDSEA-K7Q2-000042.pdf' });
  });

  it('reports a cancelled save dialog as not saved, and a shell failure with its message', async () => {
    fakeDesktop({ ok: true, value: { saved: false } });
    expect(await saveCertificatePdf({ certificateId: 'c-42', view, credentialJson: '{}' })).toEqual({ ok: true, saved: false });
    fakeDesktop({ ok: false, error: { code: 'failed', message: 'the certificate page was not ready after 20 s' } });
    expect(await saveCertificatePdf({ certificateId: 'c-42', view, credentialJson: '{}' })).toEqual({
      ok: false,
      reason: 'the certificate page was not ready after 20 s',
    });
  });
});

describe('certificatePdfFileName', () => {
  it('names the file after the serial, safe on every file system', () => {
    expect(certificatePdfFileName({ serial: 'IDSEA-K7Q2-000042' })).toBe('IDSEA-K7Q2-000042.pdf');
    expect(certificatePdfFileName({ serial: '../a/b:c' })).toBe('a-b-c.pdf');
    expect(certificatePdfFileName({ serial: '' })).toBe('certificate.pdf');
  });
});
