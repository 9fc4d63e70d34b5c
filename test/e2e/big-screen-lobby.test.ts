import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MAX_PLAYERS } from '../../shared/client-events.js';
import { nicknameKey } from '../../server/game/nickname.js';
import { hashToken, newPlayerId, newToken } from '../../server/security/tokens.js';
import { HOST_VIEWPORT, openPage, PHONE_VIEWPORT, screenshot } from './support/browser.js';
import { createRoom, joinAs, waitForView } from './support/game.js';
import { useGame } from './support/use-game.js';

const FIRST = ['Amara', 'Bastien', 'Chen', 'Dagny', 'Emeka', 'Farah', 'Gustavo', 'Hiroshi', 'Ines', 'Jakub', 'Kwame', 'Leilani'];

/** A class's worth of nicknames of every length, up to the 20 characters allowed. */
function nickname(i: number): string {
  const base = `${FIRST[i % FIRST.length]} ${Math.floor(i / FIRST.length) + 1}`;
  return i % 7 === 3 ? `${base} the Magnificent`.slice(0, 20) : base;
}

/** Where each player's name is drawn, and the box that holds them. */
async function layout(host: Page) {
  return host.evaluate(() => {
    const list = document.querySelector('.lobby-players')!;
    const box = list.getBoundingClientRect();
    const names = [...list.querySelectorAll('.lobby-player')].map((li) => li.getBoundingClientRect());
    return {
      box: { top: box.top, bottom: box.bottom, left: box.left, right: box.right },
      names: names.map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right })),
      fontSize: parseFloat(getComputedStyle(list.querySelector('.lobby-name')!).fontSize),
      countSize: parseFloat(getComputedStyle(document.querySelector('.lobby-count')!).fontSize),
      pageScrolls: document.documentElement.scrollHeight > innerHeight,
      stageScrolls: document.querySelector('.stage-slot')!.scrollHeight > document.querySelector('.stage-slot')!.clientHeight,
    };
  });
}

describe('the big screen\'s lobby with a whole class', () => {
  const game = useGame();

  /** Seats players straight in the store, reloads the host's page for the list, then one real phone joins last. */
  async function lobbyWith(count: number, shot: string) {
    const host = await openPage(game.browser, `${game.server.url}/host`, HOST_VIEWPORT);
    const pin = await createRoom(host, { quiz: /Quick mix/, questionCount: 1, secondsPerQuestion: 10 });
    for (let i = 0; i < count - 1; i++) {
      const player = { id: newPlayerId(), tokenHash: hashToken(newToken()), nickname: nickname(i), joinedAt: Date.now(), streak: 0, kicked: false };
      expect((await game.server.store.addPlayer(pin, player, nicknameKey(player.nickname), MAX_PLAYERS)).status).toBe('ok');
    }
    await host.reload();
    await waitForView(host, 'lobby');
    const phone = await openPage(game.browser, game.server.url, PHONE_VIEWPORT);
    await joinAs(phone, pin, 'Newest Arrival');
    await expect.poll(() => host.locator('.lobby-count').textContent(), { timeout: 15_000 }).toBe(`${count} players`);
    await expect.poll(() => host.locator('.lobby-player').count()).toBe(count);
    await host.locator('.lobby-player').last().filter({ hasText: 'Newest Arrival' }).waitFor();
    // The names settle at their fitted size on the next frame.
    await host.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await screenshot(host, shot);
    await host.screenshot({ path: `/tmp/${shot}.png` });
    return { host, ...(await layout(host)) };
  }

  const expectAllVisible = (shown: Awaited<ReturnType<typeof layout>>) => {
    expect(shown.pageScrolls).toBe(false);
    expect(shown.stageScrolls).toBe(false);
    for (const name of shown.names) {
      expect(name.top).toBeGreaterThanOrEqual(shown.box.top - 0.5);
      expect(name.bottom).toBeLessThanOrEqual(Math.min(shown.box.bottom, HOST_VIEWPORT.height) + 0.5);
      expect(name.right).toBeLessThanOrEqual(shown.box.right + 0.5);
      expect(name.bottom - name.top).toBeGreaterThan(0);
    }
  };

  it('shows all 40 names of a class, readable, the newest too, with the count large', { timeout: 90_000 }, async () => {
    const shown = await lobbyWith(40, 'host-lobby-40');
    expectAllVisible(shown);
    expect(shown.fontSize).toBeGreaterThanOrEqual(16);
    expect(shown.countSize).toBeGreaterThanOrEqual(40);
  });

  it(`shows every name up to the room's size (${MAX_PLAYERS}), shrinking them to fit`, { timeout: 180_000 }, async () => {
    const shown = await lobbyWith(MAX_PLAYERS, 'host-lobby-full');
    expectAllVisible(shown);
    expect(shown.names).toHaveLength(MAX_PLAYERS);
  });
});
