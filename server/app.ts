import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { anonymousOwner } from './accounts/anonymous-host.js';
import { openHostStores } from './accounts/host-stores.js';
import { readConfig, type Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { compileTrust } from './net/client-address.js';
import { createHttpApp } from './net/http-app.js';
import { joinBase, type Interfaces, type JoinLinkSettings } from './net/join-link.js';
import { originAllowed } from './net/origin.js';
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
  /** The machine's network interfaces, for the join link when the big screen is opened on localhost. */
  interfaces?: () => Interfaces;
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
 * The adapter sends its requests to other processes (fetchSockets and the like) with a PUBLISH it never awaits: one
 * still queued while Redis is away is rejected when the connection closes, with no one to hear it. Each command
 * gets a no-op handler; the adapter's own awaits still see every failure.
 */
class AdapterRedis extends Redis {
  override sendCommand(...args: Parameters<Redis['sendCommand']>): ReturnType<Redis['sendCommand']> {
    const sent = super.sendCommand(...args);
    (sent as Promise<unknown>).catch(() => {});
    return sent;
  }
}

/**
 * The adapter's own connection: it blocks on XREAD, so it must not share the store's fail-fast settings
 * (a 3 s command timeout would cut every read short).
 */
function adapterRedis(store: RedisStore): Redis {
  // replyMapping keeps its default (legacy, as the store's): the subclass's constructor typing refuses it passed on.
  const { replyMapping: _replyMapping, ...options } = store.redis.options;
  const client = new AdapterRedis({ ...options, enableOfflineQueue: true, commandTimeout: undefined, lazyConnect: false, enableAutoPipelining: false });
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
  const trust = compileTrust(config.trustProxy);
  const listenHost = options.host ?? config.host;
  let port = options.port ?? config.port;
  const joinLink: JoinLinkSettings = { publicUrl: config.publicUrl, listenHost, port: () => port, interfaces: options.interfaces ?? networkInterfaces };
  const hosts = openHostStores(store, { loginLimits: config.loginLimits, reportTtlSec: config.reportTtlDays * 24 * 3600, now });

  const app = createHttpApp({
    store,
    catalog,
    logger,
    clientDir: options.clientDir ?? join(ROOT, 'dist', 'client'),
    hostKey: config.hostKey,
    hosts,
    openMode,
    trustProxy: trust,
    corsOrigin: config.corsOrigin,
    joinLink,
    now,
  });
  const http = createServer(app);
  const adapterClient = store instanceof RedisStore ? adapterRedis(store) : undefined;
  const io: RunningServer['io'] = new Server(http, {
    ...(adapterClient && store instanceof RedisStore ? { adapter: streamsAdapter(adapterClient, store.prefix) } : {}),
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    pingInterval: config.pingIntervalMs,
    cors: config.corsOrigin ? { origin: config.corsOrigin } : undefined,
    // WebSockets are not covered by CORS, so the handshake's origin is checked as state-changing HTTP requests are.
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
  // Whom a game created on this socket belongs to: its account or, in open mode, the browser's anonymous-host id.
  const ownerOf = async (cookie: string | undefined) => (await hosts.accounts.fromCookie(cookie))?.id ?? (openMode ? anonymousOwner(cookie) : null);
  attachSocketHandlers(io, { service, logger, now, limits, trust, hosts: { openMode, accountOf: ownerOf } });
  const resumed = await service.resume();

  await new Promise<void>((resolve) => http.listen(port, listenHost, resolve));
  port = (http.address() as AddressInfo).port;
  logger.info({ port, store: store.kind, openMode, resumed }, 'quizroom listening');
  const players = joinBase(joinLink, { protocol: 'http', host: `localhost:${port}` });
  if ('reason' in players) logger.warn(players.reason);
  else logger.info({ joinUrl: players.base }, `players join at ${players.base}`);

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
