import type { WebSocketRoute } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HOST_VIEWPORT, PHONE_VIEWPORT, openPage, watchForProblems } from './support/browser.js';
import { createRoom, waitForView } from './support/game.js';
import { useGame } from './support/use-game.js';

describe('a phone that taps Join while its socket is still connecting', () => {
  const game = useGame();

  it('joins once the connection is up, its join not lost to a second connect', async () => {
    const host = await openPage(game.browser, `${game.server.url}/host`, HOST_VIEWPORT);
    const pin = await createRoom(host, { quiz: /Quick mix/, questionCount: 1, secondsPerQuestion: 30 });

    const context = await game.browser.newContext({ viewport: PHONE_VIEWPORT, hasTouch: true });
    const phone = await context.newPage();
    const problems = watchForProblems(phone);
    // Hold the server's answer to the Socket.IO CONNECT, as a slow link does: the transport is open, the socket
    // still connecting, when the player taps Join.
    let page: WebSocketRoute | undefined;
    const held: (string | Buffer)[] = [];
    let holding = true;
    let connectHeld: () => void;
    const connectArrived = new Promise<void>((resolve) => (connectHeld = resolve));
    await phone.routeWebSocket(/socket\.io/, (ws) => {
      page = ws;
      ws.connectToServer().onMessage((message) => {
        if (holding && typeof message === 'string' && message.startsWith('40')) {
          held.push(message);
          connectHeld();
        } else ws.send(message);
      });
    });
    await phone.goto(`${game.server.url}/?pin=${pin}`);
    await waitForView(phone, 'join');
    await connectArrived;

    await phone.getByLabel('Game PIN').fill(pin);
    await phone.getByLabel('Nickname').fill('Early bird');
    await phone.getByRole('button', { name: 'Join', exact: true }).click();
    holding = false;
    for (const message of held) page!.send(message);

    await waitForView(phone, 'lobby');
    expect(await phone.getByTestId('own-nickname').textContent()).toBe('Early bird');
    expect(problems).toEqual([]);
  });
});
