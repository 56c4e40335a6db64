import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy as shellPolicy } from '../../electron/main/csp';
import type { WebServer } from './serveRenderer.mjs';
import { contentSecurityPolicy, portFromEnvironment, startWebServer } from './serveRenderer.mjs';

let root: string;
let server: WebServer;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'apogee-web-'));
  const dir = path.join(root, 'renderer');
  await mkdir(path.join(dir, 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Apogee</title>');
  await writeFile(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(path.join(root, 'secret.txt'), 'user data');
  server = await startWebServer({ dir, port: 0 });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

/** A raw GET, so that `..` in the path reaches the server exactly as written. */
function get(
  rawPath: string,
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path: rawPath, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

describe('serveRenderer', () => {
  it('listens on 127.0.0.1 on the port it was given (0 picks a free one)', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.url).not.toBe('http://127.0.0.1:0/');
  });

  it('serves index.html with the same CSP as the desktop shell', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Apogee</title>');
    expect(response.headers['content-security-policy']).toBe(shellPolicy);
    expect(contentSecurityPolicy).toBe(shellPolicy);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('falls back to index.html when the route is unknown', async () => {
    const response = await get('/catalogue/courses/CUBE-101');
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>Apogee</title>');
    expect(response.headers['content-security-policy']).toBe(shellPolicy);
  });

  it('caches hashed assets for a year and answers 404 for a missing one', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await get('/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(shellPolicy);
  });

  it('never serves a file outside its folder when the path climbs out', async () => {
    for (const rawPath of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const response = await get(rawPath);
      expect(response.body, rawPath).not.toContain('user data');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('/', 'POST')).status).toBe(405);
  });

  it('stops accepting connections after close', async () => {
    const dir = path.join(root, 'renderer');
    const other = await startWebServer({ dir, port: 0 });
    await other.close();
    await expect(fetch(other.url)).rejects.toThrow();
  });

  it('takes the port from PORT, or 4310', () => {
    expect(portFromEnvironment({})).toBe(4310);
    expect(portFromEnvironment({ PORT: '' })).toBe(4310);
    expect(portFromEnvironment({ PORT: 'abc' })).toBe(4310);
    expect(portFromEnvironment({ PORT: '8080' })).toBe(8080);
  });
});
