import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** A key prefix of this run's own, so cleaning up can never touch anyone else's keys. */
export const benchPrefix = () => `quizroom-bench:${randomBytes(6).toString('hex')}:`;

/** The bench's own admin connection: command counts and cleanup, never the server's traffic. */
export class RedisProbe {
  private constructor(private readonly redis: Redis) {}

  static async connect(url: string): Promise<RedisProbe> {
    const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    return new RedisProbe(redis);
  }

  /**
   * Calls per command Redis has run so far, from INFO commandstats. Redis counts the commands a Lua script runs
   * as well as the EVALSHA that ran it, and counts every client: `clients()` tells whether anyone else was connected.
   */
  async commandCalls(): Promise<Record<string, number>> {
    const info = await this.redis.info('commandstats');
    const calls: Record<string, number> = {};
    for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
      // Our own INFO and CLIENT LIST calls are not the server's work.
      if (!['info', 'client|list'].includes(match[1]!)) calls[match[1]!] = Number(match[2]);
    }
    return calls;
  }

  /** The redis-server's process id, to count its CPU with ours when it runs on this machine. */
  async pid(): Promise<number | null> {
    const match = /^process_id:(\d+)/m.exec(await this.redis.info('server'));
    return match ? Number(match[1]) : null;
  }

  /** Connected clients, ours included. */
  async clients(): Promise<number> {
    const list = (await this.redis.call('CLIENT', 'LIST')) as string;
    return list.trim().split('\n').length;
  }

  private async *keys(prefix: string): AsyncGenerator<string[]> {
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) yield keys;
    } while (cursor !== '0');
  }

  /** Deletes only the keys under the prefix, with SCAN MATCH + DEL: never FLUSHDB on a Redis others share. */
  async dropPrefix(prefix: string): Promise<number> {
    let deleted = 0;
    for await (const keys of this.keys(prefix)) deleted += await this.redis.del(...keys);
    return deleted;
  }

  async countKeys(prefix: string): Promise<number> {
    let count = 0;
    for await (const keys of this.keys(prefix)) count += keys.length;
    return count;
  }

  close(): void {
    this.redis.disconnect();
  }
}
