import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { CoalescingRedis } from '../../server/store/coalescing-redis.js';
import { dropPrefix, redisUrl, testPrefix } from '../support/redis.js';

/** Counts the socket's writes to the kernel: one `_write` per chunk, or one `_writev` for a corked batch. */
function countWrites(client: Redis): () => number {
  const stream = client.stream as unknown as Record<'_write' | '_writev', (...args: unknown[]) => void>;
  let writes = 0;
  for (const method of ['_write', '_writev'] as const) {
    const original = stream[method]!.bind(stream);
    stream[method] = (...args: unknown[]) => {
      writes++;
      original(...args);
    };
  }
  return () => writes;
}

describe('CoalescingRedis', () => {
  const prefix = testPrefix('coalescing');
  const clients: Redis[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.disconnect();
    await dropPrefix(prefix);
  });

  async function open(kind: typeof Redis): Promise<Redis> {
    const client = new kind(redisUrl(), { lazyConnect: true });
    clients.push(client);
    await client.connect();
    return client;
  }

  it('sends the commands of one event-loop turn in one write, each with its own reply', async () => {
    const client = await open(CoalescingRedis);
    const writes = countWrites(client);
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => client.incrby(`${prefix}n`, i + 1)));
    // Each INCRBY saw all the earlier ones: sent in order, answered in order.
    expect(replies).toEqual(Array.from({ length: 50 }, (_, i) => ((i + 1) * (i + 2)) / 2));
    expect(writes()).toBe(1);
  });

  it('does not hold a command past its turn: one after another, each is answered', async () => {
    const client = await open(CoalescingRedis);
    const writes = countWrites(client);
    for (let i = 1; i <= 5; i++) expect(await client.incr(`${prefix}seq`)).toBe(i);
    expect(writes()).toBe(5);
  });

  it("sends what is gathered over a turn at the turn's end, in the same write as the turn's other commands", async () => {
    const client = (await open(CoalescingRedis)) as CoalescingRedis;
    const writes = countWrites(client);
    const gathered: number[] = [];
    let sent: Promise<unknown> | undefined;
    client.atTurnEnd(() => {
      sent = client.rpush(`${prefix}list`, ...gathered);
    });
    const before = client.incr(`${prefix}before`);
    for (let i = 1; i <= 3; i++) gathered.push(i);
    await before;
    expect(await sent).toBe(3);
    expect(writes()).toBe(1);
    // A turn with nothing sent but the gathered work still sends it.
    client.atTurnEnd(() => {
      sent = client.rpush(`${prefix}list`, 4);
    });
    expect(await new Promise((resolve) => setImmediate(() => resolve(sent)))).toBe(4);
  });

  it('counts writes truly: a plain client, for comparison, writes once per command', async () => {
    const client = await open(Redis);
    const writes = countWrites(client);
    await Promise.all(Array.from({ length: 50 }, () => client.incr(`${prefix}plain`)));
    expect(writes()).toBe(50);
  });
});
