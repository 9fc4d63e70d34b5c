import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameOver, PlayerResult, QuestionOpen } from '../shared/server-events.js';
import { must, next, type TestSocket } from './support/clients.js';
import { FIXTURE_ANSWERS, FIXTURE_QUIZ, FIXTURE_WRONG } from './support/fixture-quiz.js';
import { answer, expectedPoints, hostLobby, hostRoom, seatPlayers } from './support/game.js';
import { STORE_KINDS, startTestServer, type TestServer } from './support/server.js';

const PLAYERS = 20;
/** Which players answer which question correctly: a pattern that makes streaks break and ranks move. */
const rightAnswer = (player: number, question: number) => (player * 7 + question * 3) % 5 !== 0;

describe.each(STORE_KINDS)('a whole game on the %s store', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(async () => server?.stop());

  it('a host and 20 players play to the podium, scored by the rule from the recorded response times', async () => {
    const { host, pin } = await hostRoom(server.url);
    const lobby = hostLobby(host);
    const players = await seatPlayers(server.url, pin, PLAYERS);
    const listed = await lobby.until((list) => list.length === PLAYERS);
    expect(listed.map((p) => p.nickname).sort()).toEqual(players.map((p) => p.nickname).sort());
    expect(lobby.updates.at(-1)?.count).toBe(PLAYERS);

    const opens: QuestionOpen[] = [];
    const lastResults = new Map<string, PlayerResult>();
    const firstOpen = Promise.all(players.map((p) => next(p.socket, 'question:open', (o) => o.index === 0)));
    await must(host, 'host:start', {});
    let opened = await firstOpen;

    for (let q = 0; q < FIXTURE_QUIZ.questions.length; q++) {
      opens.push(opened[0]!);
      expect(opened.every((o) => o.index === q && o.total === FIXTURE_QUIZ.questions.length)).toBe(true);
      const results = Promise.all(players.map((p) => next(p.socket, 'player:result', (r) => r.index === q)));
      const reveal = next(host, 'question:reveal', (r) => r.index === q);
      await Promise.all(
        players.map((p, i) => answer(p.socket, q, (rightAnswer(i, q) ? FIXTURE_ANSWERS[q] : FIXTURE_WRONG[q]) as never)),
      );
      // Everyone answered, so the question closes without waiting for its deadline.
      const shown = await reveal;
      expect(shown.answered).toBe(PLAYERS);
      expect(shown.explanation).toBe(FIXTURE_QUIZ.questions[q]!.explanation);
      (await results).forEach((r, i) => {
        expect(r.correct).toBe(rightAnswer(i, q));
        lastResults.set(players[i]!.playerId, r);
      });

      const board = next(host, 'leaderboard:show');
      await must(host, 'host:next', {});
      const top = (await board).top;
      expect(top.length).toBe(5);
      expect(top.map((t) => t.score)).toEqual([...top.map((t) => t.score)].sort((a, b) => b - a));

      if (q + 1 < FIXTURE_QUIZ.questions.length) {
        const nextOpen = Promise.all(players.map((p) => next(p.socket, 'question:open', (o) => o.index === q + 1)));
        await must(host, 'host:next', {});
        opened = await nextOpen;
      }
    }

    const finals = Promise.all(players.map((p) => next(p.socket, 'game:over')));
    const hostFinal = next(host, 'game:over');
    expect(await must(host, 'host:next', {})).toMatchObject({ phase: 'podium' });
    const over: GameOver[] = await finals;

    // Recompute every score from the answers the server recorded.
    const expected = new Map<string, number>();
    const streaks = new Map<string, number>();
    for (let q = 0; q < FIXTURE_QUIZ.questions.length; q++) {
      const limit = opens[q]!.timeLimitMs;
      const answers = await server.store.getAnswers(pin, q);
      expect(answers).toHaveLength(PLAYERS);
      for (const a of answers) {
        const streak = a.correct ? (streaks.get(a.playerId) ?? 0) + 1 : 0;
        streaks.set(a.playerId, streak);
        expected.set(a.playerId, (expected.get(a.playerId) ?? 0) + expectedPoints(a.correct, a.responseMs, limit, streak));
      }
    }
    over.forEach((o, i) => {
      const id = players[i]!.playerId;
      expect(o.you?.score).toBe(expected.get(id));
      expect(lastResults.get(id)?.score).toBe(expected.get(id));
      expect(o.you?.missed.length).toBe(FIXTURE_QUIZ.questions.length - (o.you?.correct ?? 0));
    });
    const ranking = [...expected.values()].sort((a, b) => b - a);
    const hostOver = await hostFinal;
    expect(hostOver.podium.map((p) => p.score)).toEqual(ranking.slice(0, 3));
    expect(hostOver.report?.players).toHaveLength(PLAYERS);
    over.forEach((o) => expect(o.you?.rank).toBe(1 + ranking.filter((s) => s > (o.you?.score ?? 0)).length));

    const closed = next(players[0]!.socket, 'room:closed');
    expect(await must(host, 'host:next', {})).toMatchObject({ phase: 'ended' });
    await closed;
    for (const s of [host, ...players.map((p) => p.socket)] as TestSocket[]) s.disconnect();
  });
});
