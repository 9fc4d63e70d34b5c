import { describe, expect, it } from 'vitest';
import { HOST_VIEWPORT, openPage, PHONE_VIEWPORT, screenshot, watchForProblems } from './support/browser.js';
import { answer, createRoom, joinAs, waitForView } from './support/game.js';
import { useGame } from './support/use-game.js';

describe('the host\'s players panel during a game', () => {
  const game = useGame();

  it('shows who has not answered, locks and unlocks, and removes a rude name from the leaderboard and podium', { timeout: 150_000 }, async () => {
    const host = await openPage(game.browser, `${game.server.url}/host`, HOST_VIEWPORT);
    const problems = watchForProblems(host);
    const pin = await createRoom(host, { quiz: /Quick mix/, questionCount: 2, secondsPerQuestion: 60 });
    const [ada, rude, slow] = await Promise.all([0, 1, 2].map(() => openPage(game.browser, game.server.url, PHONE_VIEWPORT)));
    await joinAs(ada!, pin, 'Ada');
    await joinAs(rude!, pin, 'Rude Word');
    await joinAs(slow!, pin, 'Slowpoke');

    await host.getByRole('button', { name: 'Start game' }).click();
    await waitForView(host, 'question');
    await answer(rude!, 'right');
    await answer(ada!, 'wrong');

    await host.getByRole('button', { name: 'Players' }).click();
    const panel = host.locator('[data-view="players-panel"]');
    await expect.poll(() => panel.getByTestId('not-answered').locator('.panel-name').allTextContents()).toEqual(['Slowpoke']);
    expect(await panel.getByTestId('answered-players').locator('.panel-name').allTextContents()).toEqual(['Ada', 'Rude Word']);
    await screenshot(host, 'host-players-panel');
    await host.screenshot({ path: '/tmp/host-players-panel.png' });

    // Locked after the start: a latecomer is refused, then let in once it is unlocked.
    await panel.getByRole('button', { name: 'Lock room' }).click();
    await panel.getByRole('button', { name: 'Unlock room', pressed: true }).waitFor();
    const late = await openPage(game.browser, `${game.server.url}/?pin=${pin}`, PHONE_VIEWPORT);
    await late.getByLabel('Nickname').fill('Late');
    await late.getByRole('button', { name: 'Join', exact: true }).click();
    await expect.poll(() => late.locator('#join-error').textContent()).toBe('The host has locked this game. Ask them to let you in.');
    await panel.getByRole('button', { name: 'Unlock room' }).click();
    await panel.getByRole('button', { name: 'Lock room', pressed: false }).waitFor();
    await late.getByRole('button', { name: 'Join', exact: true }).click();
    await waitForView(late, ['lobby', 'question']);
    await expect.poll(() => panel.getByTestId('not-answered').locator('.panel-name').allTextContents()).toEqual(['Slowpoke', 'Late']);

    await answer(slow!, 'wrong');
    await answer(late, 'wrong');
    await waitForView(host, 'reveal');
    await host.getByRole('button', { name: 'Leaderboard' }).click();
    await waitForView(host, 'leaderboard');
    // Everyone was tied before the first question: no arrows of movement after it.
    expect(await host.locator('.leader .move-down, .leader .move-up').count()).toBe(0);
    expect(await host.locator('.leader-name').first().textContent()).toBe('Rude Word');

    await panel.getByRole('button', { name: 'Remove Rude Word' }).click();
    await waitForView(rude!, 'kicked');
    await expect.poll(() => host.locator('.leader-name').allTextContents()).not.toContain('Rude Word');
    await expect.poll(() => panel.locator('.panel-name').allTextContents()).toEqual(['Ada', 'Slowpoke', 'Late']);

    await host.getByRole('button', { name: 'Next question' }).click();
    await waitForView(host, 'question');
    for (const phone of [ada!, slow!, late]) await answer(phone, 'right');
    await waitForView(host, 'reveal');
    await host.getByRole('button', { name: 'Leaderboard' }).click();
    await host.getByRole('button', { name: 'Podium' }).click();
    await waitForView(host, 'podium');
    expect(await host.locator('.step-name').allTextContents()).not.toContain('Rude Word');
    expect(problems).toEqual([]);
  });
});
