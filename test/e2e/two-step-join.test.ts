import { describe, expect, it } from 'vitest';
import { HOST_VIEWPORT, openPage, PHONE_VIEWPORT, watchForProblems } from './support/browser.js';
import { waitForView } from './support/game.js';
import { useGame } from './support/use-game.js';

const NAMES = ['triangle', 'diamond', 'circle', 'square'];

describe('2-step join in the browser', () => {
  const game = useGame();

  it('the big screen shows four shapes; a phone taps them after its PIN and nickname, and a reload needs none', { timeout: 60_000 }, async () => {
    const host = await openPage(game.browser, `${game.server.url}/host`, HOST_VIEWPORT);
    await waitForView(host, 'dashboard');
    await host.getByRole('radio', { name: /Quick mix/ }).check();
    await host.getByLabel('Number of questions').fill('1');
    await host.getByLabel(/2-step join/).check();
    await host.getByRole('button', { name: 'Create game' }).click();
    await waitForView(host, 'lobby');
    const pin = (await host.getByTestId('pin').textContent())!.trim();
    const shown = host.getByTestId('join-shapes');
    const shapes = (await shown.locator('[data-shape]').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-shape')))));
    expect(shapes).toHaveLength(4);
    expect(await shown.getAttribute('aria-label')).toBe(`2-step join: tap ${shapes.map((s) => NAMES[s]).join(', ')}`);
    // Shapes, PIN and QR code all on the big screen: nothing hidden under the bottom bar or scrolled away.
    const bar = (await host.locator('.screen > :last-child').boundingBox())!;
    await expect.poll(async () => {
      const qr = (await host.locator('canvas.qr').boundingBox())!;
      return qr.y + qr.height <= bar.y;
    }).toBe(true);
    await host.screenshot({ path: '/tmp/two-step-lobby.png' });
    expect(await host.evaluate(() => document.querySelector('.stage-slot')!.scrollHeight <= document.querySelector('.stage-slot')!.clientHeight)).toBe(true);

    const phone = await openPage(game.browser, game.server.url, PHONE_VIEWPORT);
    const problems = watchForProblems(phone);
    await waitForView(phone, 'join');
    await phone.getByLabel('Game PIN').fill(pin);
    await phone.getByLabel('Nickname').fill('Tapper');
    await phone.getByRole('button', { name: 'Join', exact: true }).click();
    await waitForView(phone, 'join-shapes');
    expect(await phone.content()).not.toContain('data-testid="join-shapes"');

    for (const s of shapes.map((s) => (s + 1) % 4)) await phone.getByRole('button', { name: NAMES[s], exact: true }).click();
    await expect.poll(() => phone.getByRole('alert').textContent()).toBe('Those are not the shapes on the big screen. Look again and tap them in order.');
    await phone.screenshot({ path: '/tmp/socket/phone-join-shapes.png' });

    for (const s of shapes) await phone.getByRole('button', { name: NAMES[s], exact: true }).click();
    await waitForView(phone, 'lobby');
    expect(await phone.getByTestId('own-nickname').textContent()).toBe('Tapper');
    await expect.poll(() => host.locator('.lobby-name').allTextContents()).toEqual(['Tapper']);
    await host.screenshot({ path: '/tmp/socket/host-lobby-shapes.png' });

    // The token kept by the phone brings it back: no shapes asked again.
    await phone.reload();
    await waitForView(phone, 'lobby');

    // The name is checked against the room's once the shapes are right: a taken one goes back to the name step.
    const twin = await openPage(game.browser, game.server.url, PHONE_VIEWPORT);
    problems.push(...watchForProblems(twin));
    await waitForView(twin, 'join');
    await twin.getByLabel('Game PIN').fill(pin);
    await twin.getByLabel('Nickname').fill('TAPPER');
    await twin.getByRole('button', { name: 'Join', exact: true }).click();
    await waitForView(twin, 'join-shapes');
    for (const s of shapes) await twin.getByRole('button', { name: NAMES[s], exact: true }).click();
    await waitForView(twin, 'join');
    await expect.poll(() => twin.locator('.notice').textContent()).toContain('already has that nickname');
    expect(await twin.getByLabel('Nickname').inputValue()).toBe('TAPPER');
    expect(await twin.getByLabel('Game PIN').inputValue()).toBe(pin);
    expect(problems).toEqual([]);
  });
});
