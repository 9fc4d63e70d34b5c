import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '../../shared/account.js';
import type { HostQuizSummary } from '../../shared/library.js';
import { failure, freshEmail, HostClient, success, twoHostServer } from '../accounts/host-client.js';
import { FIXTURE_QUIZ } from '../support/fixture-quiz.js';
import { STORE_KINDS, startTestServer, type TestServer } from '../support/server.js';

/** Another origin on the same machine: same host name, another port, as a sibling app would be. */
const SIBLING = 'http://127.0.0.1:1';

describe.each(STORE_KINDS)('state-changing requests from another origin on the %s store', (kind) => {
  let server: TestServer;
  let ada: HostClient;
  beforeAll(async () => {
    ({ server, ada } = await twoHostServer(kind));
  });
  afterAll(async () => server?.stop());

  const myQuizCount = async () => success(await ada.call<{ quizzes: HostQuizSummary[] }>('GET', '/api/my/quizzes')).quizzes.length;

  it('refuses a sibling origin\'s sign-out and quiz writes, with the cookie, and changes nothing', async () => {
    const own = success(await ada.call<{ quiz: HostQuizSummary }>('POST', '/api/my/quizzes', FIXTURE_QUIZ)).quiz;
    const before = await myQuizCount();
    const duplicate = await ada.call('POST', `/api/my/quizzes/${own.id}/duplicate`, undefined, { origin: SIBLING });
    expect(duplicate.status).toBe(403);
    const signOut = await ada.call('POST', '/api/account/signout', undefined, { origin: SIBLING });
    expect(signOut.status).toBe(403);
    expect(failure(signOut).code).toBe('forbidden');
    const copy = await ada.call('POST', '/api/my/quizzes', FIXTURE_QUIZ, { origin: SIBLING });
    expect(copy.status).toBe(403);
    const viaReferer = await ada.call('POST', '/api/my/quizzes', FIXTURE_QUIZ, { referer: `${SIBLING}/page` });
    expect(viaReferer.status).toBe(403);
    const sandboxed = await ada.call('DELETE', '/api/my/quizzes/whatever', undefined, { origin: 'null' });
    expect(sandboxed.status).toBe(403);

    expect(await myQuizCount()).toBe(before);
    expect(success(await ada.call<Me>('GET', '/api/account/me')).account).not.toBeNull();
  });

  it('lets the pages\' own origin, and clients that send neither header, through', async () => {
    const before = await myQuizCount();
    expect((await ada.call('POST', '/api/my/quizzes', FIXTURE_QUIZ, { origin: server.url })).status).toBe(201);
    expect((await ada.call('POST', '/api/my/quizzes', FIXTURE_QUIZ, { referer: `${server.url}/host` })).status).toBe(201);
    expect((await ada.call('POST', '/api/my/quizzes', FIXTURE_QUIZ)).status).toBe(201);
    expect(await myQuizCount()).toBe(before + 3);
    // Reading needs no check: a GET changes nothing, and the browser keeps another site from reading the answer.
    expect((await ada.call('GET', '/api/my/quizzes', undefined, { origin: SIBLING })).status).toBe(200);
  });
});

describe('state-changing requests from the configured CORS_ORIGIN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('memory', { config: { openMode: false, corsOrigin: 'https://school.example' } });
  });
  afterAll(async () => server?.stop());

  it('lets that origin sign up and refuses any other', async () => {
    const host = new HostClient(server.url);
    const body = { email: freshEmail('cors'), password: 'correct horse battery' };
    expect((await host.call('POST', '/api/account/signup', body, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await host.call('POST', '/api/account/signup', body, { origin: 'https://school.example' })).status).toBe(201);
  });
});
