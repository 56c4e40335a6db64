import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, devContentSecurityPolicy, withContentSecurityPolicy } from './csp';

describe('csp', () => {
  it('allows scripts only from the app itself, and connections to a hub at any http(s) address', () => {
    expect(contentSecurityPolicy).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
        "img-src 'self' data: blob:; connect-src 'self' http: https:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it('lets the Vite dev server hot-reload when the window shows it', () => {
    const policy = devContentSecurityPolicy('http://127.0.0.1:5173');
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("connect-src 'self' http: https: ws://127.0.0.1:5173");
    expect(policy).toContain("object-src 'none'");
  });

  it('replaces a policy the response already had, whatever its case', () => {
    const headers = withContentSecurityPolicy(
      { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] },
      contentSecurityPolicy,
    );
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [contentSecurityPolicy],
    });
  });

  it('adds the policy when the response had no headers', () => {
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});
