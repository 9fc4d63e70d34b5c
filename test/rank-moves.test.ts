import { describe, expect, it } from 'vitest';
import { must, next } from './support/clients.js';
import { FIXTURE_ANSWERS, FIXTURE_WRONG } from './support/fixture-quiz.js';
import { answer, hostRoom, seatPlayers } from './support/game.js';
import { STORE_KINDS, useTestServer } from './support/server.js';

describe.each(STORE_KINDS)('the leaderboard\'s rank arrows on the %s store', (kind) => {
  const suite = useTestServer(kind);

  it('shows no movement after the first question, then each player\'s move from the last leaderboard', async () => {
    const { host, pin } = await hostRoom(suite.server.url);
    const [first, second, third] = await seatPlayers(suite.server.url, pin, 3);
    suite.track(host, first!.socket, second!.socket, third!.socket);
    const ranksOf = (top: { nickname: string; rank: number; previousRank?: number }[]) =>
      Object.fromEntries(top.map((s) => [s.nickname, { rank: s.rank, previousRank: s.previousRank }]));

    await must(host, 'host:start', {});
    // Question 1: one right, two wrong. Before it all three were tied, so nobody has moved.
    await answer(first!.socket, 0, FIXTURE_ANSWERS[0]);
    await answer(second!.socket, 0, FIXTURE_WRONG[0]);
    let board = next(host, 'leaderboard:show');
    await answer(third!.socket, 0, FIXTURE_WRONG[0]);
    await next(host, 'question:reveal');
    await must(host, 'host:next', {});
    const afterFirst = (await board).top;
    expect(afterFirst.map((s) => s.rank)).toEqual([1, 2, 2]);
    for (const standing of afterFirst) expect(standing).not.toHaveProperty('previousRank');

    // Question 2: the second player gets it right; each arrow starts from the rank the last leaderboard showed.
    const open = next(first!.socket, 'question:open');
    await must(host, 'host:next', {});
    await open;
    await answer(first!.socket, 1, [...FIXTURE_WRONG[1]]);
    await answer(second!.socket, 1, [...FIXTURE_ANSWERS[1]]);
    await answer(third!.socket, 1, [...FIXTURE_WRONG[1]]);
    await next(host, 'question:reveal');
    board = next(host, 'leaderboard:show');
    await must(host, 'host:next', {});
    const before = ranksOf(afterFirst);
    const now = ranksOf((await board).top);
    for (const [nickname, { previousRank }] of Object.entries(now)) expect(previousRank, nickname).toBe(before[nickname]!.rank);
    // The tie behind stays a shared rank: the third player, still on zero, only drops because the second passed them.
    expect(now[third!.nickname]).toEqual({ rank: 3, previousRank: 2 });
  });
});
