import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quiz } from '../../shared/quiz.js';
import { createCatalog } from '../../server/quiz/catalog.js';
import { freshEmail, HostClient, success, TEST_HOST_KEY, withHostKey } from '../accounts/host-client.js';
import { STORE_KINDS, startTestServer, type TestServer } from '../support/server.js';

const EXPORTS = ['/api/quizzes/module-16/export.json', '/api/quizzes/module-16/export.csv'];
const ANSWER_FIELDS = ['correct', 'accepted', 'explanation'];

type Preview = { answers: boolean; quiz: { questions: Record<string, unknown>[] } };

/** Asserts a preview of the whole module with questions and options but not one answer. */
function expectNoAnswers(body: Preview) {
  expect(body.answers).toBe(false);
  expect(body.quiz.questions.length).toBeGreaterThan(90);
  expect(body.quiz.questions[0]).toHaveProperty('options');
  for (const question of body.quiz.questions) for (const field of ANSWER_FIELDS) expect(question).not.toHaveProperty(field);
}

describe('answer keys in open mode without a HOST_KEY (npm start)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('memory', { config: { openMode: true, hostKey: undefined } });
  });
  afterAll(async () => server?.stop());

  it('previews the module to anyone without its answers, and exports it to nobody', async () => {
    const student = new HostClient(server.url);
    const preview = await student.call<Preview>('GET', '/api/quizzes/module-16');
    expect(preview.status).toBe(200);
    expectNoAnswers(preview.body as Preview);
    for (const path of EXPORTS) expect((await student.text(path)).status, path).toBe(403);
  });
});

describe.each(STORE_KINDS)('answer keys with accounts (OPEN_MODE=0) and a HOST_KEY on the %s store', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, { config: { openMode: false, hostKey: TEST_HOST_KEY } });
  });
  afterAll(async () => server?.stop());

  it('gives a student who signs up the questions but no key, by preview, export or copy', async () => {
    const student = new HostClient(server.url);
    await student.signUp(freshEmail('student'));
    const preview = await student.call<Preview>('GET', '/api/quizzes/module-16');
    expect(preview.status).toBe(200);
    expectNoAnswers(preview.body as Preview);
    for (const path of EXPORTS) expect((await student.text(path)).status, path).toBe(403);
    const copy = await student.call('POST', '/api/my/quizzes/module-16/duplicate');
    expect(copy.status).toBe(403);
    expect((await student.call<{ quizzes: unknown[] }>('GET', '/api/my/quizzes')).body).toMatchObject({ quizzes: [] });
  });

  it('gives the HOST_KEY holder the whole quiz with its answers, and its exports', async () => {
    const keyHolder = new HostClient(server.url);
    const preview = success(await keyHolder.call<{ answers: boolean; quiz: Quiz }>('GET', '/api/quizzes/module-16', undefined, withHostKey));
    expect(preview.answers).toBe(true);
    expect(preview.quiz.questions.map((q) => q.correct)).toEqual(createCatalog().get('module-16')!.questions.map((q) => q.correct));
    for (const path of EXPORTS) {
      const res = await fetch(`${server.url}${path}`, { headers: withHostKey });
      expect(res.status, path).toBe(200);
    }
  });
});
