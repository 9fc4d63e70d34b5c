import { describe, expect, it } from 'vitest';
import type { ServerEventName } from '../shared/server-events.js';
import { connectClient, emitAck, must, next, record } from './support/clients.js';
import { FIXTURE_ANSWERS, FIXTURE_WRONG } from './support/fixture-quiz.js';
import { answer, hostRoom, seatPlayers } from './support/game.js';
import { STORE_KINDS, useTestServer } from './support/server.js';

/** The host's control of the players once the game has started: who has answered, kick, lock. */
describe.each(STORE_KINDS)('the host\'s players during a game on the %s store', (kind) => {
  const suite = useTestServer(kind);

  async function started(count: number) {
    const room = await hostRoom(suite.server.url);
    const players = await seatPlayers(suite.server.url, room.pin, count);
    suite.track(room.host, ...players.map((p) => p.socket));
    const open = next(room.host, 'question:open');
    await must(room.host, 'host:start', {});
    await open;
    return { ...room, players };
  }

  it('tells the host, and only the host, who has answered the open question', async () => {
    const { host, pin, hostToken, players } = await started(3);
    const [a, b] = players as [(typeof players)[0], (typeof players)[0]];
    const heard: string[] = [];
    host.on('question:answered', ({ index, playerIds }) => {
      expect(index).toBe(0);
      heard.push(...playerIds);
    });
    const playerHeard = players.map((p) => record(p.socket, ['question:answered' as ServerEventName]));
    const progress = next(host, 'question:progress', (p) => p.answered === 2);
    await answer(a.socket, 0, FIXTURE_ANSWERS[0]);
    await answer(b.socket, 0, FIXTURE_WRONG[0]);
    await progress;
    await expect.poll(() => [...heard].sort()).toEqual([a.playerId, b.playerId].sort());

    // A second host screen (a reloaded page) gets the list whole with the room's state.
    const again = await connectClient(suite.server.url);
    suite.track(again);
    const state = next(again, 'room:state');
    await must(again, 'host:attach', { pin, hostToken });
    const snapshot = await state;
    expect(snapshot.role === 'host' && [...snapshot.answeredIds].sort()).toEqual([a.playerId, b.playerId].sort());

    for (const seen of playerHeard) expect(seen.get('question:answered' as ServerEventName)).toEqual([]);
    const rejoined = await connectClient(suite.server.url);
    suite.track(rejoined);
    const playerState = next(rejoined, 'room:state');
    await must(rejoined, 'player:rejoin', { pin, playerToken: a.playerToken });
    expect(JSON.stringify(await playerState)).not.toContain(b.playerId);
  });

  it('locks and unlocks the room after the start', async () => {
    const { host, pin } = await started(1);
    await must(host, 'host:lock', { locked: true });
    const late = await connectClient(suite.server.url);
    suite.track(late);
    expect(await emitAck(late, 'player:join', { pin, nickname: 'Late' })).toMatchObject({ ok: false, error: { code: 'room_locked' } });
    await must(host, 'host:lock', { locked: false });
    expect(await emitAck(late, 'player:join', { pin, nickname: 'Late' })).toMatchObject({ ok: true });
  });

  it('takes a kicked player off the leaderboard and the podium on screen at once', async () => {
    const { host, pin, hostToken, players } = await started(3);
    const [rude, kept, other] = players as [(typeof players)[0], (typeof players)[0], (typeof players)[0]];
    // The rude one leads, so they would be on every board.
    await answer(rude.socket, 0, FIXTURE_ANSWERS[0]);
    await answer(kept.socket, 0, FIXTURE_WRONG[0]);
    await answer(other.socket, 0, FIXTURE_WRONG[0]);
    await next(host, 'question:reveal');
    const board = next(host, 'leaderboard:show');
    const phoneBoard = next(kept.socket, 'leaderboard:show');
    await must(host, 'host:next', {});
    expect((await board).top.map((s) => s.nickname)).toContain(rude.nickname);
    await phoneBoard;

    const again = next(host, 'leaderboard:show');
    const phoneAgain = next(kept.socket, 'leaderboard:show');
    await must(host, 'host:kick', { playerId: rude.playerId });
    for (const shown of [await again, await phoneAgain]) {
      expect(shown.top.map((s) => s.nickname)).toEqual([kept.nickname, other.nickname]);
      expect(shown.count).toBe(2);
    }

    // To the podium with the last questions unanswered, then a second kick there.
    const overs = Promise.all([next(host, 'game:over'), next(kept.socket, 'game:over')]);
    for (let i = 1; i < 4; i++) {
      await must(host, 'host:next', {});
      await must(host, 'host:next', {});
      await must(host, 'host:next', {});
    }
    await must(host, 'host:next', {});
    const [over] = await overs;
    expect(over.podium.map((s) => s.nickname)).toEqual([kept.nickname, other.nickname]);
    const overAgain = next(host, 'game:over');
    const keptOver = next(kept.socket, 'game:over');
    await must(host, 'host:kick', { playerId: other.playerId });
    expect((await overAgain).podium.map((s) => s.nickname)).toEqual([kept.nickname]);
    expect((await keptOver).you).toMatchObject({ rank: 1 });

    const screen = await connectClient(suite.server.url);
    suite.track(screen);
    const state = next(screen, 'room:state');
    await must(screen, 'host:attach', { pin, hostToken });
    expect((await state).gameOver?.podium.map((s) => s.nickname)).toEqual([kept.nickname]);
  });
});
