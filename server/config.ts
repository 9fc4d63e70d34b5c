import { z } from 'zod';
import { DEFAULT_LOGIN_LIMITS, type LoginLimitSettings } from './accounts/login-limits.js';
import { parseTrustProxy, type TrustProxySetting } from './net/client-address.js';
import { DEFAULT_LIMITS, type LimitSettings } from './net/rate-limits.js';

/** Everything the server reads from the environment, checked once at start-up. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  REDIS_URL: z.string().url().optional(),
  REDIS_PREFIX: z.string().min(1).max(64).default('quizroom:'),
  /** Origin allowed by CORS for the Socket.IO and HTTP APIs; by default only the pages' own origin. */
  CORS_ORIGIN: z.string().optional(),
  /** When set, the host's quiz preview, export and import need `Authorization: Bearer <HOST_KEY>`. */
  HOST_KEY: z.string().min(8).optional(),
  /** Games may be hosted without an account. Unset: on with the memory store, off with Redis. */
  OPEN_MODE: z.enum(['0', '1', 'true', 'false']).optional(),
  /** How long finished games' reports are kept. */
  REPORT_TTL_DAYS: z.coerce.number().int().min(1).default(90),
  FINISHED_TTL_SEC: z.coerce.number().int().min(1).default(24 * 3600),
  LOBBY_TTL_SEC: z.coerce.number().int().min(1).default(2 * 3600),
  LEASE_MS: z.coerce.number().int().min(200).default(5000),
  /** A room waiting on a host who has been gone this long ends itself (its report saved) and expires. */
  HOST_GONE_SEC: z.coerce.number().int().min(1).default(20 * 60),
  /**
   * Engine.IO heartbeat period. Each heartbeat measures the socket's round trip for fair answer timing, and a
   * silent phone is found within this plus 20 s.
   */
  PING_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Which proxies' X-Forwarded-* to believe: `0` none, a hop count, or the proxies' addresses. */
  TRUST_PROXY: z
    .string()
    .default('0')
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
  /** Where phones reach this server (`http://192.168.1.20:3000`, `https://quiz.school.example`): the join link and QR. */
  PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://')
    .optional(),
  LIMIT_EVENTS_PER_SOCKET_PER_SEC: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.eventsPerSocketPerSec),
  LIMIT_ROOMS_PER_IP_PER_10_MIN: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.roomsPerIpPer10Min),
  LIMIT_FAILED_JOIN_BURST: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.failedJoinBurst),
  LIMIT_FAILED_JOIN_EVERY_SEC: z.coerce.number().int().min(1).max(60).default(DEFAULT_LIMITS.failedJoinEverySec),
  LIMIT_SEATS_PER_IP_PER_ROOM: z.coerce.number().int().min(1).default(DEFAULT_LIMITS.seatsPerIpPerRoom),
  LIMIT_LOGINS_PER_IP_PER_15_MIN: z.coerce.number().int().min(1).default(DEFAULT_LOGIN_LIMITS.perIpPer15Min),
  LIMIT_LOGINS_PER_EMAIL_PER_15_MIN: z.coerce.number().int().min(1).default(DEFAULT_LOGIN_LIMITS.perEmailPer15Min),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  redisUrl: string | undefined;
  redisPrefix: string;
  corsOrigin: string | undefined;
  hostKey: string | undefined;
  /** undefined: decided by the store (on for memory, off for Redis). */
  openMode: boolean | undefined;
  reportTtlDays: number;
  finishedTtlSec: number;
  lobbyTtlSec: number;
  trustProxy: TrustProxySetting;
  publicUrl: string | undefined;
  leaseMs: number;
  hostGoneSec: number;
  pingIntervalMs: number;
  limits: LimitSettings;
  loginLimits: LoginLimitSettings;
  logLevel: string;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Bad configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    corsOrigin: e.CORS_ORIGIN,
    hostKey: e.HOST_KEY,
    openMode: e.OPEN_MODE === undefined ? undefined : e.OPEN_MODE === '1' || e.OPEN_MODE === 'true',
    reportTtlDays: e.REPORT_TTL_DAYS,
    finishedTtlSec: e.FINISHED_TTL_SEC,
    lobbyTtlSec: e.LOBBY_TTL_SEC,
    trustProxy: e.TRUST_PROXY,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    leaseMs: e.LEASE_MS,
    hostGoneSec: e.HOST_GONE_SEC,
    pingIntervalMs: e.PING_INTERVAL_MS,
    limits: {
      eventsPerSocketPerSec: e.LIMIT_EVENTS_PER_SOCKET_PER_SEC,
      roomsPerIpPer10Min: e.LIMIT_ROOMS_PER_IP_PER_10_MIN,
      failedJoinBurst: e.LIMIT_FAILED_JOIN_BURST,
      failedJoinEverySec: e.LIMIT_FAILED_JOIN_EVERY_SEC,
      seatsPerIpPerRoom: e.LIMIT_SEATS_PER_IP_PER_ROOM,
    },
    loginLimits: {
      perIpPer15Min: e.LIMIT_LOGINS_PER_IP_PER_15_MIN,
      perEmailPer15Min: e.LIMIT_LOGINS_PER_EMAIL_PER_15_MIN,
    },
    logLevel: e.LOG_LEVEL,
  };
}
