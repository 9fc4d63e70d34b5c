import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisStore } from '../../server/store/redis-store.js';
import { connectClient, emitAck, must, next, type TestSocket } from '../support/clients.js';
import { FIXTURE_ANSWERS } from '../support/fixture-quiz.js';
import { UNSHUFFLED } from '../support/game.js';
import { PrivateRedis } from '../support/private-redis.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** Sends an event until the store is back: what a client does with `unavailable`. */
async function retryUntilOk(socket: TestSocket, event: 'player:answer' | 'host:next', payload: object) {
  const codes: string[] = [];
  for (;;) {
    const r = await emitAck(socket, event, payload as never);
    if (r.ok) return { result: r, codes };
    codes.push(r.error.code);
    if (r.error.code !== 'unavailable') return { result: r, codes };
    await new Promise((res) => setTimeout(res, 200));
  }
}

describe('Redis going away mid-game', () => {
  let redis: PrivateRedis;
  let server: TestServer;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    server = await startTestServer('redis', { store: await RedisStore.connect(redis.url, 'outage:') });
  });
  /** A started game whose first player has answered the first question correctly. */
  async function firstAnswerIn(nicknames: string[]) {
    const host = await connectClient(server.url);
    sockets.push(host);
    const { pin } = await must(host, 'host:create', { quizId: 'fixture', ...UNSHUFFLED });
    const players = await Promise.all(
      nicknames.map(async (nickname) => {
        const s = await connectClient(server.url);
        sockets.push(s);
        return { s, ...(await must(s, 'player:join', { pin, nickname })) };
      }),
    );
    const opened = Promise.all(players.map((p) => next(p.s, 'question:open')));
    await must(host, 'host:start', {});
    await opened;
    await must(players[0]!.s, 'player:answer', { questionIndex: 0, answer: FIXTURE_ANSWERS[0] });
    return { host, pin, players };
  }

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop().catch(() => {});
    await redis?.remove();
  });

  it('answers unavailable while Redis is restarting, keeps health up, and the game goes on when it is back', async () => {
    const { host, players } = await firstAnswerIn(['Ada', 'Grace', 'Linus']);

    await redis.down();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    const during = await emitAck(players[1]!.s, 'player:answer', { questionIndex: 0, answer: FIXTURE_ANSWERS[0] });
    expect(during).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await emitAck(host, 'host:next', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    await redis.up();
    const reveal = next(host, 'question:reveal');
    const results = Promise.all(players.map((p) => next(p.s, 'player:result')));
    // The clients retry what got `unavailable`; the acknowledged answer from before the outage is still there.
    await retryUntilOk(players[1]!.s, 'player:answer', { questionIndex: 0, answer: FIXTURE_ANSWERS[0] });
    await retryUntilOk(players[2]!.s, 'player:answer', { questionIndex: 0, answer: 0 });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect(await reveal).toMatchObject({ answered: 3, distribution: [1, 2, 0, 0] });
    expect((await results).map((r) => r.correct)).toEqual([true, true, false]);
    expect((await retryUntilOk(host, 'host:next', {})).result).toMatchObject({ ok: true, phase: 'leaderboard' });
  }, 30_000);

  it('rides out a paused Redis: acknowledged answers count once, retried ones are not doubled, the game finishes', async () => {
    const { host, pin, players } = await firstAnswerIn(['Ada', 'Grace']);

    await redis.pause(4_000);
    const reveal = next(host, 'question:reveal');
    const results = Promise.all(players.map((p) => next(p.s, 'player:result')));
    const { result, codes } = await retryUntilOk(players[1]!.s, 'player:answer', { questionIndex: 0, answer: FIXTURE_ANSWERS[0] });
    // Either the first try went through once Redis woke, or it timed out and a retry found it already counted.
    expect(result.ok || (!result.ok && result.error.code === 'already_answered')).toBe(true);
    expect(codes.every((c) => c === 'unavailable' || c === 'already_answered')).toBe(true);
    expect((await reveal).answered).toBe(2);
    const [a, b] = await results;
    expect(a).toMatchObject({ correct: true, streak: 1 });
    expect(b).toMatchObject({ correct: true, streak: 1 });
    expect(await server.store.answerCount(pin, 0)).toBe(2);
    expect((await server.store.scores(pin)).reduce((sum, s) => sum + s.score, 0)).toBe(a!.points + b!.points);
    expect((await retryUntilOk(host, 'host:next', {})).result).toMatchObject({ ok: true, phase: 'leaderboard' });
  }, 30_000);
});
