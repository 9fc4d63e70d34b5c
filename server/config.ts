import { z } from 'zod';

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
  FINISHED_TTL_SEC: z.coerce.number().int().min(60).default(24 * 3600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  redisUrl: string | undefined;
  redisPrefix: string;
  corsOrigin: string | undefined;
  hostKey: string | undefined;
  finishedTtlSec: number;
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
    finishedTtlSec: e.FINISHED_TTL_SEC,
    logLevel: e.LOG_LEVEL,
  };
}
