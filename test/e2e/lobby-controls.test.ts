import { describe, expect, it } from 'vitest';
import { HOST_VIEWPORT, openPage, PHONE_VIEWPORT } from './support/browser.js';
import { createRoom, joinAs, waitForView } from './support/game.js';
import { useGame } from './support/use-game.js';

describe('the host lobby controls', () => {
  const game = useGame();

  it('kicks a player and locks the room, and the phones say why', { timeout: 60_000 }, async () => {
    const host = await openPage(game.browser, `${game.server.url}/host`, HOST_VIEWPORT);
    const pin = await createRoom(host, { quiz: /Quick mix/, questionCount: 1, secondsPerQuestion: 10 });
    const kept = await openPage(game.browser, game.server.url, PHONE_VIEWPORT);
    const kicked = await openPage(game.browser, game.server.url, PHONE_VIEWPORT);
    await joinAs(kept, pin, 'Kept');
    await joinAs(kicked, pin, 'Kicked');

    await host.getByRole('button', { name: 'Remove Kicked' }).click();
    await waitForView(kicked, 'kicked');
    await expect.poll(() => host.locator('.lobby-name').allTextContents()).toEqual(['Kept']);
    // The token is gone: a reload lands on the join form, not back in the game.
    await kicked.reload();
    await waitForView(kicked, 'join');

    await host.getByRole('button', { name: 'Lock room' }).click();
    await host.getByRole('button', { name: 'Unlock room', pressed: true }).waitFor();
    const late = await openPage(game.browser, `${game.server.url}/?pin=${pin}`, PHONE_VIEWPORT);
    await late.getByLabel('Nickname').fill('Late');
    await late.getByRole('button', { name: 'Join', exact: true }).click();
    await expect.poll(() => late.getByRole('alert').textContent()).toBe('The host has locked this game. Ask them to let you in.');

    await host.getByRole('button', { name: 'Unlock room' }).click();
    await host.getByRole('button', { name: 'Lock room', pressed: false }).waitFor();
    await late.getByRole('button', { name: 'Join', exact: true }).click();
    await waitForView(late, 'lobby');
    await expect.poll(() => host.locator('.lobby-name').allTextContents()).toEqual(['Kept', 'Late']);

    // A phone that goes away stays on the list, shown as away.
    await kept.close();
    await host.locator('.lobby-player.is-away', { hasText: 'Kept' }).waitFor();
    expect(await host.locator('.lobby-player:not(.is-away)').allTextContents()).toEqual([expect.stringContaining('Late')]);

    // The list changes line by line: the lines already shown stay (an assembly's list is not rebuilt four times a
    // second), and a keyboard user's focus stays where it was while others join.
    const lateLine = await host.locator('.lobby-player', { hasText: 'Late' }).elementHandle();
    await host.getByRole('button', { name: 'Remove Late' }).focus();
    const extra = await openPage(game.browser, game.server.url, PHONE_VIEWPORT);
    await joinAs(extra, pin, 'Extra');
    await expect.poll(() => host.locator('.lobby-name').allTextContents()).toEqual(['Kept', 'Late', 'Extra']);
    expect(await host.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Remove Late');
    expect(await lateLine!.evaluate((li) => li.isConnected)).toBe(true);
  });
});
