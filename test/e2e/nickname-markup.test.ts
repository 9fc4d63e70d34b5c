import { describe, expect, it } from 'vitest';
import { HOST_VIEWPORT, openPage, PHONE_VIEWPORT, watchForProblems } from './support/browser.js';
import { createRoom, joinAs } from './support/game.js';
import { useGame } from './support/use-game.js';

// Nicknames are capped at 20 characters, so these are the shortest forms of the classic payloads.
const MARKUP_NAMES = ['<img src=x onerror>', '<svg/onload=alert()>'];

describe('a nickname made of HTML', () => {
  const game = useGame();

  it('shows as literal text on the host lobby and the phone, and creates no element', { timeout: 60_000 }, async () => {
    const host = await openPage(game.browser, `${game.server.url}/host`, HOST_VIEWPORT);
    const problems = watchForProblems(host);
    const pin = await createRoom(host, { quiz: /Quick mix/, questionCount: 1, secondsPerQuestion: 10 });

    for (const name of MARKUP_NAMES) {
      const player = await openPage(game.browser, game.server.url, PHONE_VIEWPORT);
      problems.push(...watchForProblems(player));
      expect(await joinAs(player, pin, name)).toBe(name);
      expect(await player.locator('img, svg').count()).toBe(0);
    }

    await host.locator('.lobby-player').nth(MARKUP_NAMES.length - 1).waitFor();
    expect(await host.locator('.lobby-name').allTextContents()).toEqual(MARKUP_NAMES);
    expect(await host.locator('.lobby-players img, .lobby-players svg').count()).toBe(0);
    expect(await host.getByRole('button', { name: `Remove ${MARKUP_NAMES[0]}` }).count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('is replaced by a generated one, shown to the player, when the room gives out nicknames', { timeout: 60_000 }, async () => {
    const host = await openPage(game.browser, `${game.server.url}/host`, HOST_VIEWPORT);
    await host.getByLabel('Give players generated nicknames').check();
    const pin = await createRoom(host, { quiz: /Quick mix/, questionCount: 1, secondsPerQuestion: 10 });
    const player = await openPage(game.browser, game.server.url, PHONE_VIEWPORT);
    const given = await joinAs(player, pin, MARKUP_NAMES[0]!);
    expect(given).not.toBe(MARKUP_NAMES[0]);
    await expect.poll(() => host.locator('.lobby-name').allTextContents()).toEqual([given]);
  });
});
