import { describe, expect, it } from 'vitest';
import { HOST_VIEWPORT, openPage, screenshot, watchForProblems } from './support/browser.js';
import { answer, createRoom, joinAs, waitForView } from './support/game.js';
import { useGame } from './support/use-game.js';

/** Chrome DevTools' "Slow 3G" preset, and a phone CPU four times slower than this machine's. */
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: (500 * 1024) / 8, uploadThroughput: (500 * 1024) / 8 };

describe('a cheap phone on a slow 3G link', () => {
  const game = useGame();

  it('joins, answers and sees its result at 320×568, with nothing wider than the screen', { timeout: 120_000 }, async () => {
    const host = await openPage(game.browser, `${game.server.url}/host`, HOST_VIEWPORT);
    const pin = await createRoom(host, { quiz: /Quick mix/, questionCount: 1, secondsPerQuestion: 30 });

    const context = await game.browser.newContext({ viewport: { width: 320, height: 568 }, hasTouch: true, isMobile: true });
    const phone = await context.newPage();
    const problems = watchForProblems(phone);
    const cdp = await context.newCDPSession(phone);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await phone.goto(`${game.server.url}/?pin=${pin}`);

    // Loading over the throttled link takes seconds, more when the rest of the suite shares the CPU.
    await waitForView(phone, 'join', 60_000);
    expect(await joinAs(phone, pin, 'Slowpoke', 60_000)).toBe('Slowpoke');
    await host.getByRole('button', { name: 'Start game' }).click();
    await answer(phone, 'right');
    await waitForView(phone, 'result', 30_000);
    await expect.poll(() => phone.locator('[data-view="result"]').textContent()).toMatch(/Correct/);
    await screenshot(phone, 'player-slow-3g-320');

    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
  });
});
