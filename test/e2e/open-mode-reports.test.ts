import { describe, expect, it } from 'vitest';
import { HOST_VIEWPORT, openPage, PHONE_VIEWPORT, watchForProblems } from './support/browser.js';
import { answer, createRoom, joinAs, waitForView } from './support/game.js';
import { useGame } from './support/use-game.js';

describe('past games in open mode through the real dashboard', () => {
  const game = useGame();

  it('lists a game in the browser that hosted it, and in no other', { timeout: 120_000 }, async () => {
    const host = await openPage(game.browser, `${game.server.url}/host`, HOST_VIEWPORT);
    const problems = watchForProblems(host);
    const pin = await createRoom(host, { quiz: /Quick mix/, questionCount: 1, secondsPerQuestion: 10 });
    const phone = await openPage(game.browser, game.server.url, PHONE_VIEWPORT);
    await joinAs(phone, pin, 'Ada');
    await host.getByRole('button', { name: 'Start game' }).click();
    await answer(phone, 'right');
    await waitForView(host, 'reveal');
    await host.getByRole('button', { name: 'Leaderboard' }).click();
    await host.getByRole('button', { name: 'Podium' }).click();
    await waitForView(host, 'podium');

    // Back on the dashboard (without the room's host session), its past games hold this game.
    await host.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });
    await host.reload();
    await waitForView(host, 'dashboard');
    await expect.poll(() => host.locator('.past-game').count()).toBe(1);
    expect(await host.locator('.past-games-section h2').textContent()).toBe('Past games hosted from this browser');

    // Another browser on the network (a student opening /host) sees none of it.
    const student = await openPage(game.browser, `${game.server.url}/host`, HOST_VIEWPORT);
    await waitForView(student, 'dashboard');
    await expect.poll(() => student.locator('.past-games li').first().textContent()).toBe('Finished games show up here, with their reports.');
    expect(await student.locator('.past-game').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
