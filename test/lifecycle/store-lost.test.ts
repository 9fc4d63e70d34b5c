import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisStore } from '../../server/store/redis-store.js';
import { connectClient, emitAck, must, next, type TestSocket } from '../support/clients.js';
import { FIXTURE_ANSWERS } from '../support/fixture-quiz.js';
import { answer, seatPlayers } from '../support/game.js';
import { PrivateRedis } from '../support/private-redis.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe('Redis restarting without its data mid-game', () => {
  let redis: PrivateRedis;
  let server: TestServer;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    server = await startTestServer('redis', { store: await RedisStore.connect(redis.url, 'lost:'), config: { leaseMs: 300 } });
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop().catch(() => {});
    await redis?.remove();
  });

  it('closes the rooms it lost for their host and players, saying why, instead of leaving them stranded', async () => {
    const host = await connectClient(server.url);
    sockets.push(host);
    const { pin } = await must(host, 'host:create', { quizId: 'fixture', shuffleQuestions: false, shuffleOptions: false });
    const [ada, grace] = await seatPlayers(server.url, pin, 2);
    sockets.push(ada!.socket, grace!.socket);
    const opened = next(grace!.socket, 'question:open');
    await must(host, 'host:start', {});
    await opened;
    await answer(ada!.socket, 0, FIXTURE_ANSWERS[0]);

    const told = [host, ada!.socket, grace!.socket].map((s) => next(s, 'room:closed'));
    await redis.restartEmpty();
    for (const notice of await Promise.all(told)) {
      expect(notice).toEqual({ code: 'lost', reason: 'The server lost this game (its data store restarted empty). Join a new one.' });
    }
    // What they would have met without the notice: the room is gone for good.
    expect(await emitAck(host, 'host:next', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // The server itself goes on: a new game on the empty Redis plays as usual.
    const { pin: fresh } = await must(host, 'host:create', { quizId: 'fixture' });
    expect(fresh).toMatch(/^\d{6}$/);
  });
});
