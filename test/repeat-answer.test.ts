import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitAck, must, next } from './support/clients.js';
import { FIXTURE_ANSWERS } from './support/fixture-quiz.js';
import { answer, hostRoom, seatPlayers } from './support/game.js';
import { STORE_KINDS, startTestServer, type TestServer } from './support/server.js';

describe.each(STORE_KINDS)('a repeat answer on the %s store', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => server?.stop());

  it('is already_answered, not too_late, after everyone answering closed the question early', async () => {
    const { host, pin } = await hostRoom(server.url);
    const [first, second] = await seatPlayers(server.url, pin, 2);
    const opened = next(first!.socket, 'question:open', (o) => o.index === 0);
    await must(host, 'host:start', {});
    await opened;
    const reveal = next(host, 'question:reveal', (r) => r.index === 0);
    await answer(first!.socket, 0, FIXTURE_ANSWERS[0] as never);
    await answer(second!.socket, 0, FIXTURE_ANSWERS[0] as never);
    await reveal;

    expect(await emitAck(first!.socket, 'player:answer', { questionIndex: 0, answer: 1 })).toMatchObject({
      ok: false,
      error: { code: 'already_answered' },
    });
    for (const p of [first!, second!]) p.socket.disconnect();
    host.disconnect();
  });

  it('is still too_late for a player who had not answered before the host closed the question', async () => {
    const { host, pin } = await hostRoom(server.url);
    const [first, second] = await seatPlayers(server.url, pin, 2);
    const opened = next(first!.socket, 'question:open', (o) => o.index === 0);
    await must(host, 'host:start', {});
    await opened;
    await answer(first!.socket, 0, FIXTURE_ANSWERS[0] as never);
    const reveal = next(host, 'question:reveal', (r) => r.index === 0);
    await must(host, 'host:next', {});
    await reveal;

    expect(await emitAck(second!.socket, 'player:answer', { questionIndex: 0, answer: 1 })).toMatchObject({
      ok: false,
      error: { code: 'too_late' },
    });
    for (const p of [first!, second!]) p.socket.disconnect();
    host.disconnect();
  });
});
