import type { NetworkInterfaceInfo } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { joinBaseSchema } from '../../shared/api.js';
import { joinBase, lanAddress, type Interfaces, type JoinLinkSettings } from '../../server/net/join-link.js';
import { rawRequest } from '../support/raw-http.js';
import { startTestServer, type TestServer } from '../support/server.js';

const nic = (address: string, family: 'IPv4' | 'IPv6', internal = false) => ({ address, family, internal }) as NetworkInterfaceInfo;
const LAPTOP: Interfaces = { lo: [nic('127.0.0.1', 'IPv4', true)], docker0: [], wlan0: [nic('fe80::1', 'IPv6'), nic('192.168.1.20', 'IPv4')] };

const settings = (over: Partial<JoinLinkSettings> = {}): JoinLinkSettings => ({
  publicUrl: undefined,
  listenHost: '0.0.0.0',
  port: () => 3000,
  interfaces: () => LAPTOP,
  ...over,
});

describe('where phones join', () => {
  it('takes the first non-internal IPv4 address', () => {
    expect(lanAddress(LAPTOP)).toBe('192.168.1.20');
    expect(lanAddress({ lo: [nic('127.0.0.1', 'IPv4', true)] })).toBeUndefined();
  });

  it('prefers PUBLIC_URL, then the address the page was opened on, then the LAN address for localhost', () => {
    const page = (host: string) => ({ protocol: 'http', host });
    expect(joinBase(settings({ publicUrl: 'https://quiz.school.example' }), page('localhost:3000'))).toEqual({ base: 'https://quiz.school.example', source: 'public_url' });
    expect(joinBase(settings(), page('10.0.0.7:3000'))).toEqual({ base: 'http://10.0.0.7:3000', source: 'page' });
    expect(joinBase(settings(), { protocol: 'https', host: 'quiz.school.example' })).toEqual({ base: 'https://quiz.school.example', source: 'page' });
    for (const loopback of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'app.localhost:3000', '127.1.2.3']) {
      expect(joinBase(settings(), page(loopback))).toEqual({ base: 'http://192.168.1.20:3000', source: 'lan' });
    }
  });

  it('gives a reason instead of a link no phone could open', () => {
    const page = { protocol: 'http', host: 'localhost:3000' };
    expect(joinBase(settings({ interfaces: () => ({}) }), page)).toMatchObject({ base: null, reason: expect.stringContaining('no network address') });
    expect(joinBase(settings({ listenHost: '127.0.0.1' }), page)).toMatchObject({ base: null, reason: expect.stringContaining('HOST=0.0.0.0') });
  });
});

describe('GET /api/join-link', () => {
  let server: TestServer | undefined;
  afterAll(() => server?.stop());

  it('answers the LAN address and the listening port to a page opened on 127.0.0.1, and the page address otherwise', async () => {
    server = await startTestServer('memory', { host: '0.0.0.0', interfaces: () => LAPTOP, config: { publicUrl: undefined } });
    const ask = async (host: string) => {
      const body = JSON.parse((await rawRequest(`${server!.url}/api/join-link`, { headers: { host } })).body.toString());
      expect(joinBaseSchema.safeParse(body).success).toBe(true);
      return body;
    };
    const local = await ask(`127.0.0.1:${server.port}`);
    expect(local).toEqual({ ok: true, base: `http://192.168.1.20:${server.port}`, source: 'lan' });
    const named = await ask(`classroom.test:${server.port}`);
    expect(named).toEqual({ ok: true, base: `http://classroom.test:${server.port}`, source: 'page' });
  });
});
