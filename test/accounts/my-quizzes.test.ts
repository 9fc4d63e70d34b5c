import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostQuizSummary } from '../../shared/library.js';
import type { Quiz, QuizInput } from '../../shared/quiz.js';
import { createCatalog } from '../../server/quiz/catalog.js';
import { FIXTURE_QUIZ } from '../support/fixture-quiz.js';
import { dropPrefix, openRedisStore, testPrefix } from '../support/redis.js';
import { STORE_KINDS, startTestServer, type TestServer } from '../support/server.js';
import { failure, freshEmail, HostClient, success, TEST_HOST_KEY, twoHostServer, withHostKey } from './host-client.js';

type Saved = { quiz: HostQuizSummary };
type Loaded = { quiz: Quiz; version: number };


/** What the editor sends: a whole quiz, with whatever id it had (the server decides ids). */
const draft = (title: string): QuizInput => ({ ...structuredClone(FIXTURE_QUIZ), id: 'draft', title });

describe.each(STORE_KINDS)('a host\'s own quizzes on the %s store', (kind) => {
  let server: TestServer;
  let ada: HostClient;
  let grace: HostClient;
  beforeAll(async () => {
    ({ server, ada, grace } = await twoHostServer(kind, { hostKey: TEST_HOST_KEY }));
  });
  afterAll(async () => server?.stop());

  it('creates, reads, updates (bumping the version), lists and deletes a quiz', async () => {
    const created = await ada.call<Saved>('POST', '/api/my/quizzes', draft('Week 1'));
    expect(created.status).toBe(201);
    const { quiz: summary } = success(created);
    expect(summary).toMatchObject({ id: expect.stringMatching(/^my-[0-9a-f]{12}$/), title: 'Week 1', questionCount: 4, version: 1 });

    const loaded = success(await ada.call<Loaded>('GET', `/api/my/quizzes/${summary.id}`));
    expect(loaded.quiz.questions).toEqual(FIXTURE_QUIZ.questions);
    expect(loaded.version).toBe(1);

    const edited = { ...loaded.quiz, title: 'Week 1, revised', questions: loaded.quiz.questions.slice(0, 2) };
    const updated = success(await ada.call<Saved>('PUT', `/api/my/quizzes/${summary.id}`, edited));
    expect(updated.quiz).toMatchObject({ id: summary.id, title: 'Week 1, revised', questionCount: 2, version: 2 });
    expect(success(await ada.call<Saved>('PUT', `/api/my/quizzes/${summary.id}`, edited)).quiz.version).toBe(3);

    const list = success(await ada.call<{ quizzes: HostQuizSummary[] }>('GET', '/api/my/quizzes'));
    expect(list.quizzes.map((q) => q.id)).toContain(summary.id);
    expect(success(await grace.call<{ quizzes: HostQuizSummary[] }>('GET', '/api/my/quizzes')).quizzes).toEqual([]);

    expect((await ada.call('DELETE', `/api/my/quizzes/${summary.id}`)).status).toBe(200);
    expect((await ada.call('GET', `/api/my/quizzes/${summary.id}`)).status).toBe(404);
  });

  it('validates with the shared quiz schema and names the field at fault', async () => {
    const quiz = draft('Broken');
    quiz.questions[1] = { ...quiz.questions[1]!, correct: [] };
    quiz.questions[3] = { ...quiz.questions[3]!, accepted: [] };
    const reply = await ada.call('POST', '/api/my/quizzes', { ...quiz, title: '' });
    expect(reply.status).toBe(400);
    const error = failure(reply);
    expect(error.code).toBe('bad_request');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { path: ['title'], message: expect.any(String) },
        { path: ['questions', 1, 'correct'], message: 'needs at least one correct option' },
        { path: ['questions', 3, 'accepted'], message: 'a typed question needs at least one accepted answer' },
      ]),
    );
  });

  it('keeps one host\'s quizzes from another: every id of Ada\'s is not_found for Grace', async () => {
    const { quiz } = success(await ada.call<Saved>('POST', '/api/my/quizzes', draft('Ada only')));
    const loaded = success(await ada.call<Loaded>('GET', `/api/my/quizzes/${quiz.id}`)).quiz;
    const attempts = [
      await grace.call('GET', `/api/my/quizzes/${quiz.id}`),
      await grace.call('PUT', `/api/my/quizzes/${quiz.id}`, { ...loaded, title: 'Hijacked' }),
      await grace.call('DELETE', `/api/my/quizzes/${quiz.id}`),
      await grace.call('POST', `/api/my/quizzes/${quiz.id}/duplicate`),
    ];
    for (const reply of attempts) {
      expect(reply.status).toBe(404);
      expect(failure(reply).code).toBe('not_found');
    }
    expect((await grace.text(`/api/my/quizzes/${quiz.id}/export.json`)).status).toBe(404);
    expect(success(await ada.call<Loaded>('GET', `/api/my/quizzes/${quiz.id}`)).quiz.title).toBe('Ada only');
  });

  it('duplicates a built-in quiz into the host\'s own with the host key, and an own quiz too', async () => {
    const builtIn = createCatalog().get('module-16-s2')!;
    expect(failure(await grace.call('POST', '/api/my/quizzes/module-16-s2/duplicate')).code).toBe('forbidden');
    const copy = success(await grace.call<Saved>('POST', '/api/my/quizzes/module-16-s2/duplicate', undefined, withHostKey));
    expect(copy.quiz).toMatchObject({ title: `Copy of ${builtIn.title}`, questionCount: builtIn.questions.length, version: 1 });
    const again = success(await grace.call<Saved>('POST', `/api/my/quizzes/${copy.quiz.id}/duplicate`));
    expect(again.quiz.title).toBe(`Copy of Copy of ${builtIn.title}`);
    expect(again.quiz.id).not.toBe(copy.quiz.id);
    expect((await grace.call('POST', '/api/my/quizzes/no-such-quiz/duplicate')).status).toBe(404);
  });

  it('imports JSON and CSV and exports both formats again', async () => {
    const json = await ada.call<Saved>('POST', '/api/my/quizzes/import', { format: 'json', content: JSON.stringify({ ...FIXTURE_QUIZ, id: 'module-16' }) });
    const imported = success(json).quiz;
    // The file's id never becomes the quiz's: it could shadow a built-in.
    expect(imported.id).toMatch(/^my-/);
    expect(imported.questionCount).toBe(4);

    const csv = await ada.text(`/api/my/quizzes/${imported.id}/export.csv`);
    // Named after the title ("Fixture quiz"), which a teacher recognises, not the server's id.
    expect(csv.disposition).toBe('attachment; filename=fixture-quiz.csv');
    const back = success(await ada.call<Saved>('POST', '/api/my/quizzes/import', { format: 'csv', title: 'From a sheet', content: csv.text }));
    expect(back.quiz).toMatchObject({ title: 'From a sheet', questionCount: 4 });

    const exported = await ada.text(`/api/my/quizzes/${back.quiz.id}/export.json`);
    expect(exported.disposition).toBe('attachment; filename=from-a-sheet.json');
    expect((JSON.parse(exported.text) as Quiz).questions.map((q) => q.text)).toEqual(FIXTURE_QUIZ.questions.map((q) => q.text));
  });

  it('refuses a bad import with every problem and where it is', async () => {
    const sheet = 'Question,Answer 1,Answer 2,Answer 3,Answer 4,Time limit (sec),Correct answer(s)\nFine?,Yes,No,,,20,1\nBroken?,Yes,No,,,20,7\n';
    const csv = failure(await ada.call('POST', '/api/my/quizzes/import', { format: 'csv', title: 'Bad', content: sheet }));
    expect(csv.details).toEqual([{ path: ['row', 3, 'Correct answer(s)'], message: '"7" is not an answer number 1-4' }]);
    const quiz = draft('Bad JSON');
    quiz.questions[0] = { ...quiz.questions[0]!, text: '' };
    const json = failure(await ada.call('POST', '/api/my/quizzes/import', { format: 'json', content: JSON.stringify(quiz) }));
    expect(json.details).toEqual([{ path: ['questions', 0, 'text'], message: expect.any(String) }]);
    expect(failure(await ada.call('POST', '/api/my/quizzes/import', { format: 'xlsx', content: 'x' })).details?.[0]?.path).toEqual(['format']);
  });

  it('needs a session for every route, and lets a signed-in host preview built-ins without HOST_KEY', async () => {
    const stranger = new HostClient(server.url);
    expect((await stranger.call('GET', '/api/my/quizzes')).status).toBe(401);
    expect(failure(await stranger.call('POST', '/api/my/quizzes', draft('x'))).code).toBe('forbidden');
    expect((await stranger.call('GET', '/api/quizzes/module-16-s2')).status).toBe(403);
    expect((await ada.call('GET', '/api/quizzes/module-16-s2')).status).toBe(200);
  });
});

describe('host quizzes and accounts survive a restart on Redis', () => {
  it('keeps the account, the session and the quiz with its version', async () => {
    const prefix = testPrefix('restart');
    const first = await startTestServer('redis', { store: await openRedisStore(prefix), config: { openMode: false } });
    const host = new HostClient(first.url);
    await host.signUp(freshEmail(), 'survives restarts');
    const { quiz } = success(await host.call<Saved>('POST', '/api/my/quizzes', draft('Kept')));
    await first.stop();

    const second = await startTestServer('redis', { store: await openRedisStore(prefix), config: { openMode: false } });
    try {
      const again = new HostClient(second.url);
      again.cookie = host.cookie;
      expect(success(await again.call<Loaded>('GET', `/api/my/quizzes/${quiz.id}`))).toMatchObject({ version: 1, quiz: { title: 'Kept' } });
    } finally {
      await second.stop();
      await dropPrefix(prefix);
    }
  });
});
