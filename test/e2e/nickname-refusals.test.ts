import { describe, expect, it } from 'vitest';
import { checkNickname, NICKNAME_MESSAGES } from '../../server/game/nickname.js';
import { HOST_VIEWPORT, openPage, PHONE_VIEWPORT } from './support/browser.js';
import { createRoom, joinAs, waitForView } from './support/game.js';
import { useGame } from './support/use-game.js';

/** The server's reason for refusing a nickname, as its own rules word it. */
function refusal(nickname: string): string {
  const check = checkNickname(nickname);
  if (check.ok) throw new Error(`the server would take ${JSON.stringify(nickname)}`);
  return check.message;
}

describe('a refused nickname on the phone', () => {
  const game = useGame();

  it('shows the server\'s reason: taken, too long, invisible characters', { timeout: 60_000 }, async () => {
    const host = await openPage(game.browser, `${game.server.url}/host`, HOST_VIEWPORT);
    const pin = await createRoom(host, { quiz: /Quick mix/, questionCount: 1, secondsPerQuestion: 10 });
    await joinAs(await openPage(game.browser, game.server.url, PHONE_VIEWPORT), pin, 'Ada');

    const phone = await openPage(game.browser, `${game.server.url}/?pin=${pin}`, PHONE_VIEWPORT);
    await waitForView(phone, 'join');
    const tryName = async (nickname: string, reason: string) => {
      await phone.getByLabel('Nickname').fill(nickname);
      await phone.getByRole('button', { name: 'Join', exact: true }).click();
      await expect.poll(() => phone.locator('#join-error').textContent()).toBe(reason);
    };
    const long = 'Bartholomew Fitzgerald';
    const hidden = '\u200b\u2800';
    const reasons = [refusal(long), refusal(hidden), NICKNAME_MESSAGES.taken];
    // Three different reasons, each shown as the server gave it rather than one fixed line for all.
    expect(new Set(reasons).size).toBe(3);
    await tryName(long, reasons[0]!);
    // The whole typed name reached the server: the field does not cut it to the game's limit without a word.
    expect(await phone.getByLabel('Nickname').inputValue()).toBe(long);
    await tryName(hidden, reasons[1]!);
    await tryName('ADA', reasons[2]!);
    await phone.screenshot({ path: '/tmp/nickname-refused.png' });

    await phone.getByLabel('Nickname').fill('Grace');
    await phone.getByRole('button', { name: 'Join', exact: true }).click();
    await waitForView(phone, 'lobby');
  });
});
