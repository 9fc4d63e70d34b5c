import type { Browser } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.js';
import { HOST_VIEWPORT, launchBrowser, openPage, PHONE_VIEWPORT, watchForProblems } from './support/browser.js';
import { ensureClientBuilt } from './support/build.js';
import { joinAs, waitForView } from './support/game.js';

const QUIZ = {
  id: 'new-quiz',
  title: 'Python for AI work',
  questions: [
    {
      id: 'q1',
      section: { number: 3, title: 'NumPy & Pandas essentials' },
      type: 'multi',
      text: 'Which are NumPy or Pandas structures? (select all)',
      options: ['DataFrame', 'n-dimensional array', 'Event loop', 'Lockfile'],
      correct: [0, 1],
      explanation: 'NumPy gives the n-dimensional array; Pandas builds the DataFrame on it.',
      difficulty: 2,
      timeLimitSec: 60,
    },
  ],
};

describe('a teacher\'s multi-select question, from the editor to the phones', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureClientBuilt();
    server = await startServer({ port: 0, host: '127.0.0.1', logger: pino({ level: 'silent' }), config: { redisUrl: undefined, openMode: false } });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps every right answer through Edit and Save, and the phones never give the count away', { timeout: 120_000 }, async () => {
    const host = await openPage(browser, `${server.url}/host`, HOST_VIEWPORT);
    const problems = watchForProblems(host);
    // The page's own cookie jar: signed up through the API, the dashboard opens signed in.
    expect((await host.request.post(`${server.url}/api/account/signup`, { data: { email: 'ada@school.example', password: 'analytical engine' } })).ok()).toBe(true);
    const created = (await (await host.request.post(`${server.url}/api/my/quizzes`, { data: QUIZ })).json()) as { quiz: { id: string } };
    const id = created.quiz.id;
    const stored = async () => (await (await host.request.get(`${server.url}/api/my/quizzes/${id}`)).json()) as { quiz: typeof QUIZ; version: number };
    await host.reload();
    await waitForView(host, 'dashboard');

    await host.getByRole('button', { name: `Edit ${QUIZ.title}` }).click();
    await waitForView(host, 'editor');
    const card = host.locator('.question-card').first();
    const ticks = async () => Promise.all([1, 2, 3, 4].map((n) => card.getByLabel(`Answer ${n} is correct`).isChecked()));
    expect(await ticks()).toEqual([true, true, false, false]);

    // Saved unchanged: both answers kept, and no new version for nothing.
    await host.getByRole('button', { name: 'Save quiz' }).click();
    await waitForView(host, 'dashboard');
    expect(await stored()).toMatchObject({ quiz: { questions: [{ correct: [0, 1] }] }, version: 1 });

    // Each box is its own: ticking a third keeps the first two.
    await host.getByRole('button', { name: `Edit ${QUIZ.title}` }).click();
    await waitForView(host, 'editor');
    await host.locator('.question-card').first().getByLabel('Answer 3 is correct').check();
    expect(await ticks()).toEqual([true, true, true, false]);
    await host.locator('.question-card').first().getByLabel('Answer 3 is correct').uncheck();
    await card.getByLabel('Question text').fill('Which are NumPy or Pandas structures? Select all that apply.');
    await host.getByRole('button', { name: 'Save quiz' }).click();
    await waitForView(host, 'dashboard');
    expect(await stored()).toMatchObject({ quiz: { questions: [{ correct: [0, 1] }] }, version: 2 });

    // The download is named after the quiz, not its id.
    const exported = await host.request.get(`${server.url}/api/my/quizzes/${id}/export.csv`);
    expect(exported.headers()['content-disposition']).toBe('attachment; filename=python-for-ai-work.csv');

    await host.getByRole('radio', { name: new RegExp(`^${QUIZ.title}`) }).check();
    await host.getByRole('button', { name: 'Create game' }).click();
    await waitForView(host, 'lobby');
    const pin = (await host.getByTestId('pin').textContent())!.trim();
    const phone = await openPage(browser, server.url, PHONE_VIEWPORT);
    problems.push(...watchForProblems(phone));
    await joinAs(phone, pin, 'Grace');
    await host.getByRole('button', { name: 'Start game' }).click();

    await waitForView(phone, 'question');
    await waitForView(host, 'question');
    expect(await phone.locator('.hint').textContent()).toBe('Choose all that apply');
    expect(await host.locator('.type-hint').textContent()).toBe('Pick all that apply');
    const submit = phone.getByRole('button', { name: 'Submit' });
    expect(await submit.isDisabled()).toBe(true);
    // One of the two right answers is a set a player may send; it scores nothing, as the README's rule says.
    await phone.locator('[data-option="0"]').click();
    expect(await submit.isEnabled()).toBe(true);
    await phone.screenshot({ path: '/tmp/multi-select-phone.png' });
    await submit.click();
    await waitForView(phone, 'result');
    expect(await phone.locator('.verdict').textContent()).toBe('Not quite');
    expect(problems).toEqual([]);
  });
});
