import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog, IMPORTED_MAX } from '../../server/quiz/catalog.js';
import { exportQuizJson } from '../../server/quiz/quiz-json.js';
import { IMPORTS_PER_ADDRESS_PER_HOUR } from '../../server/quiz/quiz-routes.js';
import { FIXTURE_QUIZ } from '../support/fixture-quiz.js';
import { requestFrom } from '../support/http-from.js';
import { startTestServer, type TestServer } from '../support/server.js';

const importFrom = (server: TestServer, from: string, id: string, title: string) =>
  requestFrom(from, `${server.url}/api/quizzes/import`, 'POST', { format: 'json', content: exportQuizJson({ ...FIXTURE_QUIZ, id, title }) });

describe('imports in open mode (the shared catalog)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('memory', { config: { openMode: true } });
  });
  afterAll(async () => server?.stop());

  const titleOf = async (id: string) => ((await (await fetch(`${server.url}/api/quizzes/${id}`)).json()) as { quiz: { title: string } }).quiz.title;

  it('never overwrites another host\'s quiz: a taken id gets a new one', async () => {
    const first = await importFrom(server, '127.0.0.2', 'class-quiz', 'Mine');
    expect(first.body).toMatchObject({ ok: true, quiz: { id: 'class-quiz', title: 'Mine' } });
    const second = await importFrom(server, '127.0.0.3', 'class-quiz', 'Overwritten');
    expect(second.body).toMatchObject({ ok: true, quiz: { id: 'class-quiz-2', title: 'Overwritten' } });
    const fixture = await importFrom(server, '127.0.0.3', 'fixture', 'Hijacked fixture');
    expect(fixture.body).toMatchObject({ ok: true, quiz: { id: 'fixture-2' } });

    expect(await titleOf('class-quiz')).toBe('Mine');
    expect(await titleOf('fixture')).toBe(FIXTURE_QUIZ.title);
  });

  it('caps imports per address and in all, with a clear error', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < IMPORTS_PER_ADDRESS_PER_HOUR + 1; i++) statuses.push((await importFrom(server, '127.0.0.4', `flood-${i}`, `Flood ${i}`)).status);
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    const limited = await importFrom(server, '127.0.0.4', 'flood-late', 'Late');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('imports per hour') });

    // Other addresses go on until the catalog holds its maximum, then everyone is refused.
    let refused: Awaited<ReturnType<typeof importFrom>> | undefined;
    for (let address = 10; !refused && address < 20; address++) {
      for (let i = 0; i < IMPORTS_PER_ADDRESS_PER_HOUR; i++) {
        const reply = await importFrom(server, `127.0.0.${address}`, `more-${address}-${i}`, 'More');
        if (reply.status !== 200) {
          refused = reply;
          break;
        }
      }
    }
    expect(refused?.status).toBe(409);
    expect(refused?.body.error?.message).toContain(`${IMPORTED_MAX} imported quizzes`);
    const builtIns = new Set(createCatalog().list().map((q) => q.id));
    const list = (await (await fetch(`${server.url}/api/quizzes`)).json()) as { quizzes: { id: string }[] };
    expect(list.quizzes.filter((q) => !builtIns.has(q.id))).toHaveLength(IMPORTED_MAX);
  });
});
