import { describe, expect, it } from 'vitest';
import { appOrigin, isTrustedUrl, originOf, parseDevUrl, trustedOrigins } from './origins';

describe('origins', () => {
  it('gives the app scheme a real origin when Node would say "null"', () => {
    expect(originOf('app://apogee/index.html#/catalogue')).toBe('app://apogee');
    expect(originOf('http://127.0.0.1:5173/x')).toBe('http://127.0.0.1:5173');
  });

  it('gives no origin to file:, data: and javascript: URLs', () => {
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });

  it('trusts only the app origin when no dev server is configured', () => {
    const origins = trustedOrigins(null);
    expect(origins).toEqual([appOrigin]);
    expect(isTrustedUrl('app://apogee/settings', origins)).toBe(true);
    expect(isTrustedUrl('app://other/settings', origins)).toBe(false);
    expect(isTrustedUrl('http://127.0.0.1:5173/', origins)).toBe(false);
    expect(isTrustedUrl('https://example.com/', origins)).toBe(false);
  });

  it('trusts the dev server origin too when APOGEE_DEV_URL points at this computer', () => {
    const dev = parseDevUrl('http://127.0.0.1:5173');
    expect(dev).toEqual({ ok: true, url: 'http://127.0.0.1:5173/' });
    const origins = trustedOrigins(dev.ok ? dev.url : null);
    expect(isTrustedUrl('http://127.0.0.1:5173/catalogue', origins)).toBe(true);
    expect(isTrustedUrl('http://127.0.0.1:5174/', origins)).toBe(false);
  });

  it('refuses an APOGEE_DEV_URL on another computer or over another scheme', () => {
    expect(parseDevUrl('https://example.com')).toMatchObject({ ok: false });
    expect(parseDevUrl('http://192.168.1.5:5173')).toMatchObject({ ok: false });
    expect(parseDevUrl('file:///tmp/index.html')).toMatchObject({ ok: false });
    const nonsense = parseDevUrl('nonsense');
    expect(nonsense.ok).toBe(false);
    if (!nonsense.ok) expect(nonsense.reason).toContain('not a URL');
    expect(parseDevUrl(undefined)).toEqual({ ok: true, url: null });
    expect(parseDevUrl('  ')).toEqual({ ok: true, url: null });
  });
});
