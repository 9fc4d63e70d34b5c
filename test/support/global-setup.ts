import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../scripts/free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

async function reachable(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const failed = new Promise<never>((_, reject) => child.once('error', reject));
  for (let i = 0; i < 50; i++) {
    if (await Promise.race([reachable(url), failed])) return { url, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('redis-server started but never answered');
}

/**
 * Finds a Redis for the suite: REDIS_URL, else the local one on 6379, else a private redis-server on a free port.
 * Tests only ever touch keys under their own random prefix.
 */
export default async function setup(project: TestProject) {
  const candidates = [process.env.REDIS_URL, 'redis://127.0.0.1:6379'].filter((u): u is string => !!u);
  for (const url of candidates) {
    if (await reachable(url)) {
      project.provide('redisUrl', url);
      return;
    }
  }
  try {
    const { url, child } = await startRedis();
    project.provide('redisUrl', url);
    return () => {
      child.kill();
    };
  } catch (err) {
    throw new Error(
      `The tests need Redis and none could be found or started (${(err as Error).message}). ` +
        'Set REDIS_URL, install redis-server (apt-get install redis-server), or run `docker compose up -d redis`.',
    );
  }
}
