import { pino } from 'pino';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startServer, type RunningServer, type StartOptions } from '../../server/app.js';
import type { RoomStore } from '../../server/store/room-store.js';
import { MemoryStore } from '../../server/store/memory-store.js';
import { connectClient, type TestSocket } from './clients.js';
import { fixtureCatalog } from './fixture-quiz.js';
import { dropPrefix, openRedisStore, testPrefix } from './redis.js';

export type StoreKind = 'memory' | 'redis';
export const STORE_KINDS: StoreKind[] = ['memory', 'redis'];

export interface TestServer extends RunningServer {
  stop(): Promise<void>;
}

/** The real server on a free port, with a fresh store of the given kind and the fixture quiz in its catalog. */
export async function startTestServer(kind: StoreKind, options: StartOptions = {}): Promise<TestServer> {
  const prefix = testPrefix(kind);
  const store: RoomStore = options.store ?? (kind === 'redis' ? await openRedisStore(prefix) : new MemoryStore());
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    catalog: fixtureCatalog(),
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    ...options,
    store,
  });
  return {
    ...server,
    async stop() {
      await server.close();
      await store.close();
      if (kind === 'redis') await dropPrefix(prefix);
    },
  };
}

/** A suite's server on one store, started once, and the sockets its tests open, closed after each test. */
export function useTestServer(kind: StoreKind, options: StartOptions = {}) {
  let server: TestServer | undefined;
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    server = await startTestServer(kind, options);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => server?.stop());
  return {
    get server(): TestServer {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    /** Sockets to close after the test. */
    track(...opened: TestSocket[]): void {
      sockets.push(...opened);
    },
  };
}

/** For suites whose tests each start a server with settings of their own: it and its sockets are gone after each test. */
export function serverPerTest() {
  let server: TestServer | undefined;
  const sockets: TestSocket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await server?.stop();
    server = undefined;
  });
  return {
    async start(kind: StoreKind, options: StartOptions = {}): Promise<TestServer> {
      server = await startTestServer(kind, options);
      return server;
    },
    get running(): boolean {
      return server !== undefined;
    },
    get server(): TestServer {
      if (!server) throw new Error('start a server first');
      return server;
    },
    /** A socket on this test's server, closed after the test. */
    async client(): Promise<TestSocket> {
      const socket = await connectClient(this.server.url);
      sockets.push(socket);
      return socket;
    },
  };
}
