import { describe, expect, it } from 'vitest';
import { connectClient, must, next } from './support/clients.js';
import { answer, hostRoom, seatPlayers } from './support/game.js';
import { STORE_KINDS, useTestServer } from './support/server.js';

/** The fixture's question 1 is a multi question whose right answers are options 0 and 1. */
const MULTI = 1;

describe.each(STORE_KINDS)('a multi-select question on the %s store', (kind) => {
  const suite = useTestServer(kind);

  /** A room of three players on the multi question, as each phone and the host heard it open. */
  async function onMultiQuestion() {
    const room = await hostRoom(suite.server.url);
    const players = await seatPlayers(suite.server.url, room.pin, 3);
    suite.track(room.host, ...players.map((p) => p.socket));
    await must(room.host, 'host:start', {});
    await must(room.host, 'host:next', {});
    await must(room.host, 'host:next', {});
    const opens = Promise.all(players.map((p) => next(p.socket, 'question:open')));
    const hostOpen = next(room.host, 'question:open');
    await must(room.host, 'host:next', {});
    return { ...room, players, opens: await opens, hostOpen: await hostOpen };
  }

  it('never tells anyone how many options are right before the reveal, live or in a snapshot', async () => {
    const { pin, players, opens, hostOpen } = await onMultiQuestion();
    for (const open of [...opens, hostOpen]) {
      expect(open.type).toBe('multi');
      expect(Object.keys(open).sort()).toEqual(['deadline', 'index', 'openedAt', 'options', 'text', 'timeLimitMs', 'total', 'type']);
    }
    const again = await connectClient(suite.server.url);
    suite.track(again);
    const state = next(again, 'room:state');
    await must(again, 'player:rejoin', { pin, playerToken: players[0]!.playerToken });
    const snapshot = await state;
    expect(snapshot.question?.index).toBe(MULTI);
    expect(Object.keys(snapshot.question!)).not.toContain('selectCount');
  });

  it('takes any non-empty set, and only the exact right set scores', async () => {
    const { players } = await onMultiQuestion();
    const [exact, fewer, more] = players as [(typeof players)[0], (typeof players)[0], (typeof players)[0]];
    const results = players.map((p) => next(p.socket, 'player:result'));
    await answer(exact.socket, MULTI, [0, 1]);
    await answer(fewer.socket, MULTI, [0]);
    await answer(more.socket, MULTI, [0, 1, 2]);
    const [a, b, c] = await Promise.all(results);
    expect(a).toMatchObject({ answered: true, correct: true });
    expect(a!.points).toBeGreaterThan(0);
    expect(b).toMatchObject({ answered: true, correct: false, points: 0 });
    expect(c).toMatchObject({ answered: true, correct: false, points: 0 });
  });
});
