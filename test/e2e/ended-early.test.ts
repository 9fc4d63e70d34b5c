import { describe, expect, it } from 'vitest';
import { HOST_VIEWPORT, openPage, PHONE_VIEWPORT } from './support/browser.js';
import { answer, createRoom, joinAs, waitForView } from './support/game.js';
import { useGame } from './support/use-game.js';

describe('a game the host ends before its podium', () => {
  const game = useGame();

  it('tells the phone why it closed, and lists the report of what was played as ended early', { timeout: 60_000 }, async () => {
    const host = await openPage(game.browser, `${game.server.url}/host`, HOST_VIEWPORT);
    const pin = await createRoom(host, { quiz: /Quick mix/, questionCount: 3, secondsPerQuestion: 30 });
    const phone = await openPage(game.browser, game.server.url, PHONE_VIEWPORT);
    await joinAs(phone, pin, 'Ada');

    await host.getByRole('button', { name: 'Start game' }).click();
    await answer(phone, 'right');
    await waitForView(host, 'reveal');
    host.once('dialog', (dialog) => void dialog.accept());
    await host.getByRole('button', { name: 'End game' }).click();

    await waitForView(phone, 'join');
    await expect.poll(() => phone.getByRole('status').textContent()).toBe('The host ended the game.');

    await waitForView(host, 'dashboard');
    const listed = host.getByRole('button', { name: /Open the report of Quick mix/ });
    await expect.poll(() => listed.textContent()).toMatch(/Ended early.*1 players · 1 questions/);
    await listed.click();
    await waitForView(host, 'saved-report');
    expect(await host.locator('.saved-report .ended-early').textContent()).toBe('Ended early: the game stopped after 1 question; this report covers only what was played.');
    expect(await host.locator('.share-value').allTextContents()).toEqual(['100%']);
  });
});
