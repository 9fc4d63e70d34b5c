import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fail } from '../../shared/errors.js';
import { createCatalog } from '../../server/quiz/catalog.js';
import { exportQuizJson } from '../../server/quiz/quiz-json.js';
import { quizRoutes } from '../../server/quiz/quiz-routes.js';

const KAHOOT_HEADER = 'Question,Answer 1,Answer 2,Answer 3,Answer 4,Time limit (sec),Correct answer(s)';
const allowHost: express.RequestHandler = (_req, _res, next) => next();
const refuseHost: express.RequestHandler = (_req, res) => void res.status(403).json(fail('forbidden'));

async function serve(requireHost: express.RequestHandler, keyHolder: boolean) {
  const catalog = createCatalog();
  const app = express();
  app.use('/api/quizzes', quizRoutes(catalog, { requireHost, holdsHostKey: () => keyHolder }));
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/quizzes`;
  return { catalog, server, base };
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const listIds = async (base: string) => ((await (await fetch(base)).json()) as { quizzes: { id: string }[] }).quizzes.map((q) => q.id);

describe('quiz routes for the HOST_KEY holder', () => {
  let ctx: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    ctx = await serve(allowHost, true);
  });
  afterAll(() => new Promise<void>((resolve) => ctx.server.close(() => resolve())));

  it('lists summaries without answers', async () => {
    const res = await fetch(ctx.base);
    expect(res.status).toBe(200);
    const { quizzes } = (await res.json()) as { quizzes: Record<string, unknown>[] };
    expect(quizzes.map((q) => q.id)).toContain('module-16-s4');
    expect(Object.keys(quizzes[0]!).sort()).toEqual(['description', 'id', 'questionCount', 'section', 'title']);
  });

  it('previews a quiz and answers 404 for an unknown one', async () => {
    const found = await fetch(`${ctx.base}/module-16-s2`);
    expect(found.status).toBe(200);
    expect(((await found.json()) as { quiz: { questions: unknown[] } }).quiz.questions.length).toBeGreaterThanOrEqual(9);
    const missing = await fetch(`${ctx.base}/no-such-quiz`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ ok: false, error: { code: 'not_found', message: 'No quiz with id no-such-quiz.' } });
  });

  it('imports a JSON quiz that then shows in the list', async () => {
    const quiz = { ...ctx.catalog.get('module-16-s5')!, id: 'async-drill', title: 'Async drill' };
    const res = await post(`${ctx.base}/import`, { format: 'json', content: exportQuizJson(quiz) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      quiz: { id: 'async-drill', title: 'Async drill', description: quiz.description, section: null, questionCount: quiz.questions.length },
    });
    expect(await listIds(ctx.base)).toContain('async-drill');
  });

  it('refuses a CSV with a bad row, naming the row, and leaves the list unchanged', async () => {
    const before = await listIds(ctx.base);
    const content = `${KAHOOT_HEADER}\nFine?,Yes,No,,,20,1\nBroken?,Yes,No,,,20,7\n`;
    const res = await post(`${ctx.base}/import`, { format: 'csv', id: 'broken', title: 'Broken', content });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: boolean; error: { code: string; details: unknown[] } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.details).toEqual([{ row: 3, field: 'Correct answer(s)', message: '"7" is not an answer number 1-4' }]);
    expect(await listIds(ctx.base)).toEqual(before);
  });

  it('imports a CSV under an id derived from its title, and a built-in\'s id under a new one', async () => {
    const content = `${KAHOOT_HEADER}\nFine?,Yes,No,,,20,1\n`;
    const res = await post(`${ctx.base}/import`, { format: 'csv', title: 'Friday Check!', content });
    expect(((await res.json()) as { quiz: { id: string } }).quiz.id).toBe('friday-check');
    const clash = await post(`${ctx.base}/import`, { format: 'csv', id: 'quick-mix', title: 'Mix', content });
    expect(clash.status).toBe(200);
    expect(((await clash.json()) as { quiz: { id: string } }).quiz.id).toBe('quick-mix-2');
    expect(ctx.catalog.get('quick-mix')!.title).toBe('Quick mix');
  });

  it('refuses a malformed import request or body in the error shape', async () => {
    const wrongFormat = await post(`${ctx.base}/import`, { format: 'xlsx', content: 'x' });
    expect(wrongFormat.status).toBe(400);
    expect(((await wrongFormat.json()) as { error: { details: { field: string }[] } }).error.details[0]!.field).toBe('format');
    const notJson = await fetch(`${ctx.base}/import`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    const tooLarge = await post(`${ctx.base}/import`, { format: 'csv', content: 'x'.repeat(300 * 1024) });
    expect(tooLarge.status).toBe(413);
  });

  it('exports CSV and JSON as attachments', async () => {
    const csv = await fetch(`${ctx.base}/module-16-s6/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    // Named after the quiz's title ("6. Jupyter workflow"), not its id.
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename=6-jupyter-workflow.csv');
    const text = await csv.text();
    expect(text.replace(/^\uFEFF/, '').startsWith(`${KAHOOT_HEADER},Type,`)).toBe(true);
    expect(text).toContain('Code, output and prose');
    const json = await fetch(`${ctx.base}/module-16-s6/export.json`);
    expect(json.headers.get('content-disposition')).toBe('attachment; filename=6-jupyter-workflow.json');
    expect(await json.text()).toBe(exportQuizJson(ctx.catalog.get('module-16-s6')!));
    expect((await fetch(`${ctx.base}/nope/export.csv`)).status).toBe(404);
  });
});

describe('quiz routes without a host', () => {
  let ctx: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    ctx = await serve(refuseHost, false);
  });
  afterAll(() => new Promise<void>((resolve) => ctx.server.close(() => resolve())));

  it('still lists quizzes', async () => {
    expect((await fetch(ctx.base)).status).toBe(200);
  });

  it('guards preview, export and import', async () => {
    for (const path of ['/module-16', '/module-16/export.json', '/module-16/export.csv']) {
      expect((await fetch(`${ctx.base}${path}`)).status, path).toBe(403);
    }
    const res = await post(`${ctx.base}/import`, { format: 'csv', id: 'sneaky', content: `${KAHOOT_HEADER}\nFine?,Yes,No,,,20,1` });
    expect(res.status).toBe(403);
    expect(await listIds(ctx.base)).not.toContain('sneaky');
  });
});
