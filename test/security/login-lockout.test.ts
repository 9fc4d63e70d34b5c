import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLOWDOWN_STEP_MS } from '../../server/accounts/login-limits.js';
import { freshEmail, HostClient } from '../accounts/host-client.js';
import { requestFrom } from '../support/http-from.js';
import { STORE_KINDS, startTestServer, type TestServer } from '../support/server.js';

const PASSWORD = 'correct horse battery';

describe.each(STORE_KINDS)('sign-in limits per (email, address) on the %s store', (kind) => {
  let server: TestServer;
  const signIn = (from: string, email: string, password: string) => requestFrom(from, `${server.url}/api/account/signin`, 'POST', { email, password });

  beforeAll(async () => {
    server = await startTestServer(kind, { config: { openMode: false, loginLimits: { perIpPer15Min: 1000, perEmailPer15Min: 10 } } });
  });
  afterAll(async () => server?.stop());

  it('stops guessing from one address without locking the owner out from another', async () => {
    const email = freshEmail('owner');
    await new HostClient(server.url).signUp(email, PASSWORD);
    for (let i = 0; i < 10; i++) expect((await signIn('127.0.0.2', email, `wrong guess ${i}!`)).status).toBe(401);
    const refused = await signIn('127.0.0.2', email, PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body.error?.code).toBe('rate_limited');

    const owner = await signIn('127.0.0.3', email, PASSWORD);
    expect(owner.status).toBe(200);
    expect(owner.body.account).toMatchObject({ email });
  });

  it('slows down, never refuses, sign-ins for an email failed from many addresses', async () => {
    const email = freshEmail('target');
    await new HostClient(server.url).signUp(email, PASSWORD);
    for (const from of ['127.0.0.4', '127.0.0.5']) {
      for (let i = 0; i < 6; i++) expect((await signIn(from, email, `wrong guess ${i}!`)).status).toBe(401);
    }
    // Twelve failures in all, two past one address's allowance: every sign-in for this email waits two steps.
    const started = performance.now();
    expect((await signIn('127.0.0.6', email, PASSWORD)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * SLOWDOWN_STEP_MS - 5);
  });
});
