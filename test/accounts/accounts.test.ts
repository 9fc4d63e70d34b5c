import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, Me } from '../../shared/account.js';
import type { RedisStore } from '../../server/store/redis-store.js';
import { STORE_KINDS, startTestServer, type TestServer } from '../support/server.js';
import { failure, freshEmail, HostClient, success } from './host-client.js';

describe.each(STORE_KINDS)('accounts on the %s store', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { config: { openMode: false, loginLimits: { perIpPer15Min: 1000, perEmailPer15Min: 3 } } });
  });
  afterAll(async () => server?.stop());

  it('signs up with a session cookie that is HttpOnly, SameSite=Lax, and not Secure over plain HTTP', async () => {
    const host = new HostClient(server.url);
    const address = freshEmail('ada');
    const reply = await host.call<{ account: Account }>('POST', '/api/account/signup', { email: `  ${address.toUpperCase()} `, password: 'correct horse battery' });
    expect(reply.status).toBe(201);
    expect(success(reply).account.email).toBe(address);
    const [cookie] = reply.setCookie;
    expect(cookie).toMatch(/^qr_session=[0-9a-f]{32}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    const me = success(await host.call<Me>('GET', '/api/account/me'));
    expect(me).toEqual({ ok: true, account: { id: expect.any(String), email: address }, openMode: false });
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const proxied = await startTestServer(kind, { config: { trustProxy: 1 } });
    try {
      const reply = await new HostClient(proxied.url).call('POST', '/api/account/signup', { email: freshEmail('tls'), password: 'correct horse battery' }, { 'x-forwarded-proto': 'https' });
      expect(reply.setCookie[0]).toContain('Secure');
    } finally {
      await proxied.stop();
    }
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    const address = freshEmail('grace');
    await new HostClient(server.url).signUp(address);
    const reply = await new HostClient(server.url).call('POST', '/api/account/signup', { email: address.toUpperCase(), password: 'another long password' });
    expect(reply.status).toBe(409);
    expect(failure(reply)).toMatchObject({ code: 'bad_request', details: [{ path: ['email'], message: expect.stringContaining('already exists') }] });
  });

  it('refuses weak passwords and bad emails, naming the field', async () => {
    const host = new HostClient(server.url);
    for (const password of ['short1', 'aaaaaaaaaaaaaaaa', '1212121212121']) {
      const reply = await host.call('POST', '/api/account/signup', { email: freshEmail('weak'), password });
      expect(reply.status).toBe(400);
      expect(failure(reply).details?.[0]?.path).toEqual(['password']);
    }
    const bad = await host.call('POST', '/api/account/signup', { email: 'not an email', password: 'correct horse battery' });
    expect(failure(bad).details).toEqual([{ path: ['email'], message: 'enter a valid email address' }]);
    expect(host.cookie).toBeUndefined();
  });

  it('signs in with the right password only, and never says whether the email exists', async () => {
    const address = freshEmail('linus');
    await new HostClient(server.url).signUp(address, 'penguins on ice');
    const host = new HostClient(server.url);
    const wrong = await host.call('POST', '/api/account/signin', { email: address, password: 'penguins on fire' });
    expect(wrong.status).toBe(401);
    const unknown = await host.call('POST', '/api/account/signin', { email: freshEmail('nobody'), password: 'penguins on fire' });
    expect(unknown.status).toBe(401);
    expect(failure(unknown)).toEqual(failure(wrong));
    expect(host.cookie).toBeUndefined();

    const right = await host.call<{ account: Account }>('POST', '/api/account/signin', { email: address, password: 'penguins on ice' });
    expect(right.status).toBe(200);
    expect(success(right).account.email).toBe(address);
    expect(host.cookie).toMatch(/^qr_session=/);
  });

  it('signs out: the cookie is cleared and the old session id stops working', async () => {
    const host = new HostClient(server.url);
    await host.signUp(freshEmail('barbara'));
    const stolen = host.cookie;
    const out = await host.call('POST', '/api/account/signout');
    expect(out.setCookie[0]).toMatch(/^qr_session=; .*Max-Age=0/);
    expect(host.cookie).toBeUndefined();
    const replay = new HostClient(server.url);
    replay.cookie = stolen;
    expect(success(await replay.call<Me>('GET', '/api/account/me')).account).toBeNull();
    expect((await replay.call('GET', '/api/my/quizzes')).status).toBe(401);
  });

  it('rate-limits sign-ins per email: after three tries even the right password waits', async () => {
    const address = freshEmail('margaret');
    await new HostClient(server.url).signUp(address, 'apollo guidance');
    const host = new HostClient(server.url);
    for (let i = 0; i < 3; i++) expect((await host.call('POST', '/api/account/signin', { email: address, password: `wrong guess ${i}!` })).status).toBe(401);
    const limited = await host.call('POST', '/api/account/signin', { email: address, password: 'apollo guidance' });
    expect(limited.status).toBe(429);
    expect(failure(limited).code).toBe('rate_limited');
    // Another account from the same address is not locked out by it.
    const other = freshEmail('katherine');
    await new HostClient(server.url).signUp(other, 'orbital mechanics');
    expect((await host.call('POST', '/api/account/signin', { email: other, password: 'orbital mechanics' })).status).toBe(200);
  });

  it('rate-limits sign-in and sign-up attempts per IP', async () => {
    const tight = await startTestServer(kind, { config: { loginLimits: { perIpPer15Min: 4, perEmailPer15Min: 100 } } });
    try {
      const host = new HostClient(tight.url);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await host.call('POST', '/api/account/signin', { email: freshEmail(`ip${i}`), password: 'whatever it is' })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      expect((await host.call('POST', '/api/account/signup', { email: freshEmail('late'), password: 'correct horse battery' })).status).toBe(429);
    } finally {
      await tight.stop();
    }
  });

  it.runIf(kind === 'redis')('keeps the account under the server\'s prefix with only the password\'s hash', async () => {
    const address = freshEmail('hedy');
    await new HostClient(server.url).signUp(address, 'frequency hopping');
    const store = server.store as RedisStore;
    const raw = await store.redis.get(`${store.prefix}account:${address}`);
    expect(JSON.parse(raw!)).toEqual({ id: expect.any(String), email: address, passwordHash: expect.stringMatching(/^scrypt\$/), createdAt: expect.any(Number) });
    expect(raw).not.toContain('frequency');
  });

  it('answers malformed bodies in the API shape', async () => {
    const host = new HostClient(server.url);
    const reply = await host.call('POST', '/api/account/signin', { email: 42 });
    expect(reply.status).toBe(400);
    expect(failure(reply)).toMatchObject({ code: 'bad_request', details: expect.arrayContaining([expect.objectContaining({ path: ['email'] })]) });
  });
});
