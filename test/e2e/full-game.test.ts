import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HOST_VIEWPORT, openPage, PHONE_VIEWPORT, screenshot, watchEverything } from './support/browser.js';
import { answer, createRoom, joinAs, waitForView } from './support/game.js';
import { useGame } from './support/use-game.js';

const QUESTIONS = 3;

describe('a whole game through the real UI', () => {
  const game = useGame();

  it('plays from the dashboard to the podium and the report', { timeout: 180_000 }, async () => {
    const host = await openPage(game.browser, `${game.server.url}/host`, HOST_VIEWPORT);
    const problems = watchEverything(host);
    await waitForView(host, 'dashboard');
    await host.getByRole('radio', { name: /Quick mix/ }).waitFor();
    await screenshot(host, 'host-dashboard');
    const pin = await createRoom(host, { quiz: /Quick mix/, questionCount: QUESTIONS, secondsPerQuestion: 10 });
    expect(pin).toMatch(/^\d{6}$/);
    await expect.poll(() => host.locator('.join-link').getAttribute('href')).toBe(`${game.server.url}/?pin=${pin}`);
    expect(await host.locator('.join-link').textContent()).toBe(new URL(game.server.url).host);

    // Ada always answers right, Grace only the first question, Linus never: the final ranks are known.
    const names = ['Ada', 'Grace', 'Linus'];
    const players: Page[] = [];
    for (const name of names) {
      const player = await openPage(game.browser, game.server.url, PHONE_VIEWPORT);
      problems.push(...watchEverything(player));
      if (players.length === 0) await screenshot(player, 'player-join');
      expect(await joinAs(player, pin, name)).toBe(name);
      players.push(player);
    }
    const [ada, grace, linus] = players as [Page, Page, Page];
    await host.locator('.lobby-player').nth(2).waitFor();
    expect(await host.locator('.lobby-name').allTextContents()).toEqual(expect.arrayContaining(names));
    await expect.poll(() => host.locator('.lobby-count').textContent()).toBe('3 players');
    await screenshot(host, 'host-lobby');
    await screenshot(ada, 'player-lobby');

    await host.getByRole('button', { name: 'Start game' }).click();
    for (let q = 0; q < QUESTIONS; q++) {
      await waitForView(host, 'question');
      await Promise.all(players.map((p) => waitForView(p, 'question')));
      if (q === 0) await screenshot(host, 'host-question');
      // Quick mix draws at random: keep each question's phone screen to see every answer type over time.
      await screenshot(ada, q === 0 ? 'player-question' : `player-question-${q + 1}`);
      await answer(ada, 'right');
      if (q === 0) {
        await screenshot(ada, 'player-locked');
        await expect.poll(() => host.getByTestId('answered').textContent()).toBe('1 / 3 answered');
      }
      await answer(grace, q === 0 ? 'right' : 'wrong');
      await answer(linus, 'wrong');

      // Everyone has answered, so the server closes the question without waiting for the timer.
      await waitForView(host, 'reveal');
      await Promise.all(players.map((p) => waitForView(p, 'result')));
      await expect.poll(() => ada.locator('.verdict').textContent()).toBe('Correct!');
      await expect.poll(() => linus.locator('.verdict').textContent()).toBe('Not quite');
      if (q === 0) {
        await screenshot(host, 'host-reveal');
        await screenshot(ada, 'player-result-right');
        await screenshot(linus, 'player-result-wrong');
      }

      // The first time by keyboard, as a presenter with a clicker would; then with the button.
      if (q === 0) await host.keyboard.press('ArrowRight');
      else await host.getByRole('button', { name: 'Leaderboard' }).click();
      await waitForView(host, 'leaderboard');
      await Promise.all(players.map((p) => waitForView(p, 'standings')));
      if (q === 0) {
        await screenshot(host, 'host-leaderboard');
        await screenshot(grace, 'player-standings');
      }
      await host.getByRole('button', { name: q + 1 < QUESTIONS ? 'Next question' : 'Podium' }).click();
    }

    await waitForView(host, 'podium');
    await Promise.all(players.map((p) => waitForView(p, 'final')));
    expect(await host.locator('.step-name').allTextContents()).toEqual(['Ada', 'Grace', 'Linus']);
    expect(await ada.getByTestId('final-rank').textContent()).toBe('#1');
    expect(await grace.getByTestId('final-rank').textContent()).toBe('#2');
    expect(await linus.getByTestId('final-rank').textContent()).toBe('#3');
    expect(await linus.locator('.study-item').count()).toBe(QUESTIONS);
    await screenshot(host, 'host-podium');
    await screenshot(ada, 'player-final');
    await screenshot(linus, 'player-final-study');

    await host.getByRole('button', { name: 'Report' }).click();
    await waitForView(host, 'report');
    await screenshot(host, 'host-report');
    const [download] = await Promise.all([host.waitForEvent('download'), host.getByRole('button', { name: 'Download CSV (players)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    // Each player's answer to every question, and whether it was right, after the totals.
    const lines = csv.replace(/\r\n$/, '').split('\r\n');
    expect(lines[0]).toBe('\uFEFFRank,Nickname,Score,Correct,Answered,Accuracy,Q1 answer,Q1 right,Q2 answer,Q2 right,Q3 answer,Q3 right');
    expect(lines).toHaveLength(1 + names.length);
    const row = (name: string) => lines.find((l) => l.split(',')[1] === name)!;
    expect(row('Ada')).toMatch(/^1,Ada,\d+,3,3,100%,.+,yes,.+,yes,.+,yes$/);
    expect(row('Linus')).toMatch(/^3,Linus,0,0,3,0%,.+,no,.+,no,.+,no$/);

    // The room is closed now; the phones keep their final screen and study list.
    await waitForView(linus, 'final');
    expect(problems).toEqual([]);
  });
});
