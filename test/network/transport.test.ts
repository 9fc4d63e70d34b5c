import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureClientBuilt } from '../e2e/support/build.js';
import { rawRequest } from '../support/raw-http.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** What a phone on a school Wi-Fi downloads to show the join page, compressed as its browser asks. */
const PLAYER_PAGE_BUDGET = 25 * 1024;
const ACCEPT = { 'accept-encoding': 'br, gzip' };

describe('pages over plain HTTP and behind an HTTPS proxy', () => {
  let plain: TestServer;
  let proxied: TestServer;
  beforeAll(async () => {
    await ensureClientBuilt();
    plain = await startTestServer('memory');
    proxied = await startTestServer('memory', { config: { trustProxy: 1 } });
  }, 120_000);
  afterAll(async () => {
    await plain?.stop();
    await proxied?.stop();
  });

  it('sends no upgrade-insecure-requests, HSTS or COOP over plain HTTP, where they break or warn', async () => {
    for (const path of ['/', '/host', '/api/join-link']) {
      const { headers } = await rawRequest(`${plain.url}${path}`, { headers: { host: 'classroom.test', 'x-forwarded-proto': 'https' } });
      expect(headers['content-security-policy']).toContain("script-src 'self'");
      expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      expect(headers['strict-transport-security']).toBeUndefined();
      expect(headers['cross-origin-opener-policy']).toBeUndefined();
    }
  });

  it('sends them all when a trusted proxy says the page came over HTTPS', async () => {
    const { headers } = await rawRequest(`${proxied.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  });

  it(`serves the player page in at most ${PLAYER_PAGE_BUDGET / 1024} KB on the wire, precompressed and cached`, async () => {
    const page = await rawRequest(`${plain.url}/?pin=123456`, { headers: ACCEPT });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers.vary).toContain('Accept-Encoding');
    const html = brotliDecompressSync(page.body).toString();
    let wire = page.body.length;

    const seen = new Set<string>();
    const visit = async (path: string): Promise<void> => {
      if (seen.has(path)) return;
      seen.add(path);
      const res = await rawRequest(`${plain.url}${path}`, { headers: ACCEPT });
      expect(res.status, path).toBe(200);
      expect(res.headers['content-encoding'], path).toBe('br');
      if (path.startsWith('/assets/')) expect(res.headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
      wire += res.body.length;
      if (!path.endsWith('.js')) return;
      const code = brotliDecompressSync(res.body).toString();
      for (const m of code.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)) await visit(`/assets/${m[1]}`);
    };
    for (const m of html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css|svg))"/g)) await visit(m[1]!);
    expect([...seen].some((p) => p.endsWith('.js'))).toBe(true);
    expect([...seen].some((p) => p.endsWith('.css'))).toBe(true);
    expect(seen).toContain('/favicon.svg');
    expect(wire).toBeLessThanOrEqual(PLAYER_PAGE_BUDGET);
  });

  it('answers gzip to a browser without brotli, and compresses API JSON', async () => {
    const page = await rawRequest(`${plain.url}/host`, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers['content-encoding']).toBe('gzip');
    const quizzes = await rawRequest(`${plain.url}/api/quizzes`, { headers: ACCEPT });
    expect(quizzes.status).toBe(200);
    expect(quizzes.headers['content-encoding']).toMatch(/^(br|gzip)$/);
  });

  it('has a favicon, so no page logs a 404', async () => {
    const ico = await rawRequest(`${plain.url}/favicon.ico`);
    expect(ico.status).toBe(301);
    expect(ico.headers.location).toBe('/favicon.svg');
    const svg = await rawRequest(`${plain.url}/favicon.svg`);
    expect(svg.status).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
  });
});
