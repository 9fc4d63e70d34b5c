import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { inject } from 'vitest';
import { RedisStore } from '../../server/store/redis-store.js';

export function redisUrl(): string {
  return inject('redisUrl');
}

/** A key prefix no other run or test shares, so nothing outside it is ever touched. */
export function testPrefix(name = 'test'): string {
  return `quizroom-test:${name}:${randomBytes(6).toString('hex')}:`;
}

/** Deletes only the keys under this prefix. */
export async function dropPrefix(prefix: string): Promise<void> {
  const redis = new Redis(redisUrl());
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export async function openRedisStore(prefix = testPrefix()): Promise<RedisStore> {
  return RedisStore.connect(redisUrl(), prefix);
}
