import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisStore } from '../../server/store/redis-store.js';
import { must, next, type TestSocket } from '../support/clients.js';
import { FIXTURE_ANSWERS } from '../support/fixture-quiz.js';
import { answer, hostRoom, seatPlayers } from '../support/game.js';
import { openRedisStore, testPrefix } from '../support/redis.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe('a room ended on one process while another runs its clock (Redis)', () => {
  const prefix = testPrefix('ended-elsewhere');
  const servers: TestServer[] = [];
  const sockets: TestSocket[] = [];
  let redis: RedisStore;

  beforeAll(async () => {
    const config = { leaseMs: 300, finishedTtlSec: 1 };
    for (let i = 0; i < 2; i++) servers.push(await startTestServer('redis', { store: await openRedisStore(prefix), config }));
    redis = await openRedisStore(prefix);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const server of servers) await server.stop();
    await redis.close();
  });

  it('stops renewing the clock lease, so every key of the room expires', async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const { host, pin } = await hostRoom(a.url);
    const [player] = await seatPlayers(b.url, pin, 1);
    sockets.push(host, player!.socket);
    await must(host, 'host:start', {});
    // The only answer comes in on B, so B closes the question and takes the room's clock over.
    const revealed = next(host, 'question:reveal');
    await answer(player!.socket, 0, FIXTURE_ANSWERS[0]);
    await revealed;
    await expect.poll(() => redis.redis.get(`${prefix}room:{${pin}}:lease`)).not.toBeNull();

    await must(host, 'host:end', {});
    await expect.poll(() => redis.redis.keys(`${prefix}room:{${pin}}*`), { timeout: 5000 }).toEqual([]);
  });
});
