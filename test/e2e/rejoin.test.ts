import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HOST_VIEWPORT, openPage, PHONE_VIEWPORT } from './support/browser.js';
import { answer, createRoom, joinAs, waitForView } from './support/game.js';
import { useGame } from './support/use-game.js';

describe('a player who reloads mid-game', () => {
  const game = useGame();

  const score = async (page: Page) => (await page.locator('#me-score').textContent())!;

  it('comes back to the open question with the same score', { timeout: 120_000 }, async () => {
    const host = await openPage(game.browser, `${game.server.url}/host`, HOST_VIEWPORT);
    const pin = await createRoom(host, { quiz: /Quick mix/, questionCount: 2, secondsPerQuestion: 30 });
    const mia = await openPage(game.browser, `${game.server.url}/?pin=${pin}`, PHONE_VIEWPORT);
    const noah = await openPage(game.browser, game.server.url, PHONE_VIEWPORT);
    // The link's PIN is already filled in.
    expect(await mia.getByLabel('Game PIN').inputValue()).toBe(pin);
    await joinAs(mia, pin, 'Mia');
    await joinAs(noah, pin, 'Noah');

    // A reload in the lobby keeps the player in.
    await mia.reload();
    await waitForView(mia, 'lobby');
    await host.getByRole('button', { name: 'Start game' }).click();

    await answer(mia, 'right');
    await answer(noah, 'wrong');
    await waitForView(mia, 'result');
    const before = await score(mia);
    expect(before).toMatch(/^[1-9]\d* pts$/);

    await host.getByRole('button', { name: 'Leaderboard' }).click();
    await waitForView(host, 'leaderboard');
    await host.getByRole('button', { name: 'Next question' }).click();
    await waitForView(mia, 'question');

    await mia.reload();
    await waitForView(mia, 'question');
    expect(await score(mia)).toBe(before);
    expect(await mia.locator('#me-name').textContent()).toBe('Mia');

    // The host's screen re-attaches after a reload too, from the token kept in sessionStorage.
    await host.reload();
    await waitForView(host, 'question');
    await expect.poll(() => host.getByTestId('answered').textContent()).toBe('0 / 2 answered');

    // Answered, then reloaded: the phone says so instead of offering the buttons again.
    await answer(mia, 'right');
    await mia.reload();
    await waitForView(mia, 'locked');

    await answer(noah, 'wrong');
    await waitForView(mia, 'result');
    await expect.poll(() => mia.locator('.verdict').textContent()).toBe('Correct!');
    expect(Number.parseInt(await score(mia), 10)).toBeGreaterThan(Number.parseInt(before, 10));
  });
});
