import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { openHostStores } from './accounts/host-stores.js';
import { readConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { createHttpApp } from './net/http-app.js';
import { RateLimits } from './net/rate-limits.js';
import { attachSocketHandlers } from './net/socket-handlers.js';
import { createCatalog, type QuizCatalog } from './quiz/catalog.js';
import { quizResolver } from './quiz/library-resolver.js';
import { socketOutbox, type QuizServer } from './room/outbox.js';
import { RoomService } from './room/room-service.js';
import { MemoryStore } from './store/memory-store.js';
import { RedisStore } from './store/redis-store.js';
import type { RoomStore } from './store/room-store.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Socket.IO frames and HTTP bodies are small: a 16 KB cap keeps a hostile client from making us parse megabytes. */
export const MAX_MESSAGE_BYTES = 16 * 1024;

export interface StartOptions {
  port?: number;
  host?: string;
  config?: Partial<Config>;
  store?: RoomStore;
  catalog?: QuizCatalog;
  logger?: Logger;
  clientDir?: string;
  now?: () => number;
  random?: () => number;
}

export interface RunningServer {
  url: string;
  port: number;
  io: QuizServer;
  http: HttpServer;
  service: RoomService;
  store: RoomStore;
  /** Stops accepting, tells clients to reconnect, and leaves every room consistent in the store. */
  close(): Promise<void>;
}

/**
 * WebSockets are not covered by CORS, so the origin is checked here: browsers may connect from the pages'
 * own origin or the configured one; clients that send no Origin (scripts, tests) are not browsers and pass.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, configured: string | undefined): boolean {
  if (!origin) return true;
  if (configured && origin === configured) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The adapter's own connection: it blocks on XREAD, so it must not share the store's fail-fast settings
 * (a 3 s command timeout would cut every read short).
 */
function adapterRedis(store: RedisStore): Redis {
  const client = new Redis({ ...store.redis.options, enableOfflineQueue: true, commandTimeout: undefined, lazyConnect: false, enableAutoPipelining: false });
  client.on('error', () => {});
  return client;
}

/**
 * Socket.IO's Redis Streams adapter: broadcasts reach every process, and unlike the pub/sub adapter it
 * survives a Redis disconnection and keeps connection-state recovery working across processes.
 */
function streamsAdapter(client: Redis, prefix: string) {
  return createAdapter(client, {
    streamName: `${prefix}socket.io`,
    channelPrefix: `${prefix}socket.io`,
    sessionKeyPrefix: `${prefix}sio:session:`,
    onlyPlaintext: true,
  });
}

async function openStore(config: Config): Promise<RoomStore> {
  return config.redisUrl ? RedisStore.connect(config.redisUrl, config.redisPrefix) : new MemoryStore();
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const config = { ...readConfig(), ...options.config };
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = options.store ?? (await openStore(config));
  const catalog = options.catalog ?? createCatalog();
  const now = options.now ?? Date.now;

  // Without an account system to lean on, a memory server is for one classroom: open unless told otherwise.
  const openMode = config.openMode ?? store.kind === 'memory';
  const hosts = openHostStores(store, { loginLimits: config.loginLimits, reportTtlSec: config.reportTtlDays * 24 * 3600, now });

  const app = createHttpApp({
    store,
    catalog,
    logger,
    clientDir: options.clientDir ?? join(ROOT, 'dist', 'client'),
    hostKey: config.hostKey,
    hosts,
    openMode,
    trustProxy: config.trustProxy,
    now,
  });
  const http = createServer(app);
  const adapterClient = store instanceof RedisStore ? adapterRedis(store) : undefined;
  const io: RunningServer['io'] = new Server(http, {
    ...(adapterClient && store instanceof RedisStore ? { adapter: streamsAdapter(adapterClient, store.prefix) } : {}),
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    pingInterval: config.pingIntervalMs,
    cors: config.corsOrigin ? { origin: config.corsOrigin } : undefined,
    allowRequest: (req, callback) => callback(null, originAllowed(req.headers.origin, req.headers.host, config.corsOrigin)),
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: true },
  });

  const service = new RoomService({
    store,
    resolveQuiz: quizResolver(catalog, hosts.library),
    reports: hosts.reports,
    outbox: socketOutbox(io, adapterClient !== undefined),
    logger,
    now,
    random: options.random,
    finishedTtlSec: config.finishedTtlSec,
    lobbyTtlSec: config.lobbyTtlSec,
    leaseMs: config.leaseMs,
    hostGoneSec: config.hostGoneSec,
  });
  const limits = new RateLimits(config.limits, store instanceof RedisStore ? { client: store.redis, prefix: store.prefix } : undefined);
  const accountOf = async (cookie: string | undefined) => (await hosts.accounts.fromCookie(cookie))?.id ?? null;
  attachSocketHandlers(io, { service, logger, now, limits, trustProxy: config.trustProxy, hosts: { openMode, accountOf } });
  const resumed = await service.resume();

  await new Promise<void>((resolve) => http.listen(options.port ?? config.port, options.host ?? config.host, resolve));
  const port = (http.address() as AddressInfo).port;
  logger.info({ port, store: store.kind, openMode, resumed }, 'quizroom listening');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await service.stop();
      // Local only: each process tells its own clients, before its connections close.
      io.local.emit('server:restarting', { retryAfterMs: 1000 });
      await new Promise<void>((resolve) => io.close(() => resolve()));
      adapterClient?.disconnect();
      if (!options.store) await store.close();
      logger.info('quizroom stopped');
    })());

  return { url: `http://127.0.0.1:${port}`, port, io, http, service, store, close };
}
