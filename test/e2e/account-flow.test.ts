import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../server/app.js';
import { HOST_VIEWPORT, launchBrowser, openPage, PHONE_VIEWPORT, screenshot, SCREENSHOTS, watchForProblems } from './support/browser.js';
import { ensureClientBuilt } from './support/build.js';
import { joinAs, waitForView } from './support/game.js';

/** Opens the question, answers it on the phone, and waits for the phone to take it. */
async function choose(player: Page, option: number): Promise<void> {
  await waitForView(player, 'question');
  await player.locator(`[data-option="${option}"]`).click();
  await waitForView(player, ['locked', 'waiting', 'result']);
}

async function type(player: Page, text: string): Promise<void> {
  await waitForView(player, 'question');
  await player.getByLabel('Your answer').fill(text);
  await player.getByRole('button', { name: 'Submit' }).click();
  await waitForView(player, ['locked', 'waiting', 'result']);
}

describe('a teacher\'s account: sign up, write a quiz, play it, read its report', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureClientBuilt();
    // Open mode off, as with Redis in production: nobody hosts without signing in.
    server = await startServer({ port: 0, host: '127.0.0.1', logger: pino({ level: 'silent' }), config: { redisUrl: undefined, openMode: false } });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('goes from sign-up to the editor, a two-player game and the saved report', { timeout: 180_000 }, async () => {
    const host = await openPage(browser, `${server.url}/host`, HOST_VIEWPORT);
    const problems = watchForProblems(host);

    await waitForView(host, 'account');
    await host.getByRole('button', { name: 'Create an account' }).click();
    await host.getByLabel('Email').fill('ms.curie@school.example');
    await host.getByLabel('Password').fill('radium and polonium');
    await host.getByRole('button', { name: 'Create account' }).click();
    await waitForView(host, 'dashboard');
    await expect.poll(() => host.locator('.account-bar strong').textContent()).toBe('ms.curie@school.example');

    await host.getByRole('button', { name: 'New quiz' }).click();
    await waitForView(host, 'editor');
    await host.getByLabel('Quiz title').fill('Photosynthesis check');
    const first = host.locator('.question-card').nth(0);
    await first.getByLabel('Question text').fill('Which gas do plants take in for photosynthesis?');
    await first.getByLabel('Answer 1', { exact: true }).fill('Oxygen');
    await first.getByLabel('Answer 2', { exact: true }).fill('Carbon dioxide');
    await first.getByLabel('Answer 3', { exact: true }).fill('Nitrogen');
    await first.getByLabel('Answer 2 is correct').check();
    await first.getByLabel('Explanation').fill('Leaves take in carbon dioxide and give off oxygen.');
    await first.getByLabel('Section title').fill('Plants');

    await host.getByRole('button', { name: 'Add question' }).click();
    const second = host.locator('.question-card').nth(1);
    await second.getByLabel('Type').selectOption('typed');
    await second.getByLabel('Question text').fill('What sugar do plants make from light? (one word)');
    await second.getByLabel('Accepted answers, one per line').fill('Glucose\nsugar');
    await second.getByLabel('Seconds to answer').fill('3');

    // Saving with a missing explanation and too short a time: each message sits under its own field.
    await host.getByRole('button', { name: 'Save quiz' }).click();
    await expect.poll(() => host.locator('.editor-summary').textContent()).toContain('2 things need fixing');
    const explanation = second.getByLabel('Explanation');
    await expect.poll(() => explanation.getAttribute('aria-invalid')).toBe('true');
    const explanationError = host.locator(`#${await explanation.getAttribute('aria-describedby')}`);
    expect(await explanationError.textContent()).toBe('required');
    expect(await second.getByLabel('Seconds to answer').getAttribute('aria-invalid')).toBe('true');
    expect(await first.locator('[aria-invalid]').count()).toBe(0);
    // Focus moved down to the first invalid field; the whole form is captured from the top.
    await host.evaluate(() => window.scrollTo(0, 0));
    await host.screenshot({ path: join(SCREENSHOTS, 'account-editor.png'), fullPage: true });

    await explanation.fill('Plants turn light, water and carbon dioxide into glucose.');
    await second.getByLabel('Seconds to answer').fill('30');
    await host.getByRole('button', { name: 'Save quiz' }).click();
    await waitForView(host, 'dashboard');
    await expect.poll(() => host.locator('.notice').textContent()).toBe('Saved “Photosynthesis check” (version 1).');
    await host.getByRole('radio', { name: /Photosynthesis check/ }).waitFor();
    await screenshot(host, 'account-dashboard');

    await host.getByRole('radio', { name: /Photosynthesis check/ }).check();
    // The quiz's own order, so the report's figures below can be read by position.
    await host.getByLabel('Shuffle questions').uncheck();
    await host.getByLabel('Shuffle answer options').uncheck();
    await host.getByRole('button', { name: 'Create game' }).click();
    await waitForView(host, 'lobby');
    const pin = (await host.getByTestId('pin').textContent())!.trim();

    const marie = await openPage(browser, server.url, PHONE_VIEWPORT);
    const pierre = await openPage(browser, server.url, PHONE_VIEWPORT);
    problems.push(...watchForProblems(marie), ...watchForProblems(pierre));
    await joinAs(marie, pin, 'Marie');
    await joinAs(pierre, pin, 'Pierre');
    await expect.poll(() => host.locator('.lobby-count').textContent()).toBe('2 players');

    await host.getByRole('button', { name: 'Start game' }).click();
    await choose(marie, 1);
    await choose(pierre, 0);
    await waitForView(host, 'reveal');
    await host.getByRole('button', { name: 'Leaderboard' }).click();
    await host.getByRole('button', { name: 'Next question' }).click();
    await type(marie, '  glucose ');
    await type(pierre, 'starch');
    await waitForView(host, 'reveal');
    await host.getByRole('button', { name: 'Leaderboard' }).click();
    await host.getByRole('button', { name: 'Podium' }).click();
    await waitForView(host, 'podium');
    expect(await host.locator('.step-name').allTextContents()).toEqual(['Marie', 'Pierre']);

    // The game's own report, then back to the dashboard, where the saved one waits among past games.
    await host.getByRole('button', { name: 'Report' }).click();
    await waitForView(host, 'report');
    await host.getByRole('button', { name: 'New game' }).click();
    await waitForView(host, 'dashboard');
    await host.getByRole('button', { name: /Open the report of Photosynthesis check/ }).click();
    await waitForView(host, 'saved-report');

    expect(await host.locator('.callout').first().textContent()).toContain('Pierre · 0% right');
    expect(await host.locator('.share-value').allTextContents()).toEqual(['50%', '50%']);
    expect(await host.locator('.distribution').first().locator('.distribution-count').allTextContents()).toEqual(['1', '1', '0']);
    await host.locator('.answer-sheets summary', { hasText: 'Pierre' }).click();
    expect(await host.locator('.answer-sheets details[open] li').allTextContents()).toEqual([
      expect.stringMatching(/^Oxygen · wrong · 0 points/),
      expect.stringMatching(/^starch · wrong · 0 points/),
    ]);
    await host.screenshot({ path: join(SCREENSHOTS, 'account-report.png'), fullPage: true });

    const [download] = await Promise.all([host.waitForEvent('download'), host.getByRole('button', { name: 'Download CSV (questions)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').split('\r\n');
    expect(csv[0]).toBe('\uFEFF#,Question,Answer,Answered,Correct,Share correct,Average time (s)');
    expect(csv[1]).toMatch(/^1,Which gas do plants take in for photosynthesis\?,Carbon dioxide,2,1,50%,/);
    expect(csv[2]).toMatch(/^2,What sugar do plants make from light\? \(one word\),Glucose,2,1,50%,/);
    expect(problems).toEqual([]);
  });
});
