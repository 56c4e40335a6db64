import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startThrottleProxy, type ThrottleProxy, type ThrottleProxyOptions } from './throttleProxy';

/** Deterministic bytes of the given length. */
const bytes = (length: number, salt = 0) =>
  Buffer.from(Array.from({ length }, (_, i) => (i * 31 + salt) % 251));

const big = bytes(10 * 1024);
let server: Server;
let target: { host: string; port: number };

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/big') res.end(big);
    else if (req.url === '/echo') req.pipe(res);
    else res.end('hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target = { host: '127.0.0.1', port: (server.address() as AddressInfo).port };
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const proxies: ThrottleProxy[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});
async function proxy(options: Omit<ThrottleProxyOptions, 'target'>) {
  const started = await startThrottleProxy({ target, ...options });
  proxies.push(started);
  return started;
}

/** One HTTP request on its own connection; resolves with the body and the time it took. */
function fetchVia(proxyUrl: string, path: string, body?: Buffer) {
  const started = performance.now();
  return new Promise<{ body: Buffer; ms: number }>((resolve, reject) => {
    const req = request(
      new URL(path, proxyUrl),
      { method: body ? 'POST' : 'GET', agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('aborted')));
        res.on('end', () =>
          resolve({ body: Buffer.concat(chunks), ms: performance.now() - started }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Whether each of n sequential requests succeeded. */
async function outcomes(proxyUrl: string, n: number) {
  const results: boolean[] = [];
  for (let i = 0; i < n; i++) {
    results.push(
      await fetchVia(proxyUrl, '/big').then(
        (r) => r.body.equals(big),
        () => false,
      ),
    );
  }
  return results;
}

const fast = { kbitPerSecond: 100_000, roundTripMs: 0, cutProbability: 0 };

describe('startThrottleProxy', () => {
  it('listens on loopback and passes bytes through intact both ways', async () => {
    const link = await proxy(fast);
    expect(link.url).toBe(`http://127.0.0.1:${link.port}/`);
    const upload = bytes(200 * 1024, 7);
    const { body } = await fetchVia(link.url, '/echo', upload);
    expect(body.equals(upload)).toBe(true);
    expect((await fetchVia(link.url, '/big')).body.equals(big)).toBe(true);
    expect(link.stats.connections).toBe(2);
    expect(link.stats.cut).toBe(0);
    expect(link.stats.bytesUp).toBeGreaterThan(upload.length);
    expect(link.stats.bytesDown).toBeGreaterThan(upload.length + big.length);
  });

  it('limits the bandwidth: 10 KB at 50 kbit/s takes at least 1.6 s', async () => {
    const link = await proxy({ kbitPerSecond: 50, roundTripMs: 0, cutProbability: 0 });
    const { body, ms } = await fetchVia(link.url, '/big');
    console.info(`10 KB at 50 kbit/s: ${Math.round(ms)} ms`);
    expect(body.equals(big)).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(1600);
    expect(ms).toBeLessThan(3000);
  });

  it('shares the bandwidth of a direction between connections', async () => {
    const link = await proxy({ kbitPerSecond: 200, roundTripMs: 0, cutProbability: 0 });
    const [a, b] = await Promise.all([fetchVia(link.url, '/big'), fetchVia(link.url, '/big')]);
    console.info(`2 × 10 KB at 200 kbit/s: ${Math.round(a.ms)} and ${Math.round(b.ms)} ms`);
    // One download alone takes ~0.42 s; both over one link need ~0.84 s.
    expect(Math.max(a.ms, b.ms)).toBeGreaterThanOrEqual(800);
  });

  it('adds the round trip to every exchange', async () => {
    const link = await proxy({ kbitPerSecond: 100_000, roundTripMs: 600, cutProbability: 0 });
    const { body, ms } = await fetchVia(link.url, '/small');
    console.info(`tiny request with a 600 ms round trip: ${Math.round(ms)} ms`);
    expect(body.toString()).toBe('hello');
    expect(ms).toBeGreaterThanOrEqual(595);
    expect(ms).toBeLessThan(1500);
  });

  it('cuts connections with cutProbability 1: the client sees an error', async () => {
    const link = await proxy({ ...fast, cutProbability: 1 });
    for (let i = 0; i < 3; i++) await expect(fetchVia(link.url, '/big')).rejects.toThrow();
    expect(link.stats).toMatchObject({ connections: 3, cut: 3 });
    // Cut part-way: something passed, never the whole answer.
    expect(link.stats.bytesUp + link.stats.bytesDown).toBeGreaterThan(0);
    expect(link.stats.bytesDown).toBeLessThan(3 * big.length);
  });

  it('picks the same connections to cut for the same seed', async () => {
    const first = await proxy({ ...fast, cutProbability: 0.5, seed: 42 });
    const second = await proxy({ ...fast, cutProbability: 0.5, seed: 42 });
    const a = await outcomes(first.url, 12);
    const b = await outcomes(second.url, 12);
    expect(a).toEqual(b);
    expect(a).toContain(true);
    expect(a).toContain(false);
    expect(first.stats).toEqual(second.stats);
    expect(first.stats.cut).toBe(a.filter((ok) => !ok).length);
  });

  it('close() ends open connections', async () => {
    const link = await proxy({ kbitPerSecond: 8, roundTripMs: 0, cutProbability: 0 });
    const download = fetchVia(link.url, '/big');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    await link.close();
    await expect(download).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
