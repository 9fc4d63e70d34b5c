import type { Redis } from 'ioredis';
import { BoundedMap } from '../bounded-map.js';
import { SingleFlight } from '../single-flight.js';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface LimitSettings {
  /** Client events one socket may send per second (answers, syncs, host moves). */
  eventsPerSocketPerSec: number;
  /** Rooms one IP may create per 10 minutes. */
  roomsPerIpPer10Min: number;
  /** Failed joins (unknown PIN, bad token) one IP may make per minute: PIN guessing stops here. */
  failedJoinsPerIpPerMin: number;
}

export type LimiterRedis = { client: Redis; prefix: string };

/** A limiter every process shares through Redis when there is one, falling back to memory while Redis is away. */
export function sharedLimiter(name: string, points: number, duration: number, redis?: LimiterRedis): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ points, duration });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis.client,
    keyPrefix: `${redis.prefix}limit:${name}`,
    points,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
}

/**
 * How long an IP found with failed joins to spare is let through without asking the store again. A class
 * behind one NAT joins by the hundred within seconds; a failure on this process ends it at once, and
 * failures on other processes count here within this time.
 */
const CLEARED_FOR_MS = 1000;

export const DEFAULT_LIMITS: LimitSettings = { eventsPerSocketPerSec: 20, roomsPerIpPer10Min: 60, failedJoinsPerIpPerMin: 30 };

/**
 * Rate limits with rate-limiter-flexible. Per-socket limits live in memory (a socket lives on one process);
 * per-IP limits live in Redis when there is one, so every process counts the same attempts, with an
 * in-memory fallback while Redis is away.
 */
export class RateLimits {
  private readonly events: RateLimiterMemory;
  private readonly rooms: RateLimiterAbstract;
  private readonly failedJoins: RateLimiterAbstract;
  private readonly cleared = new BoundedMap<string, number>(10_000);
  /** Lookups in flight: a class behind one NAT joining at once shares one read instead of sending hundreds. */
  private readonly checking = new SingleFlight<string, boolean>();

  constructor(settings: LimitSettings, redis?: LimiterRedis) {
    this.events = new RateLimiterMemory({ points: settings.eventsPerSocketPerSec, duration: 1 });
    this.rooms = sharedLimiter('rooms', settings.roomsPerIpPer10Min, 600, redis);
    this.failedJoins = sharedLimiter('joins', settings.failedJoinsPerIpPerMin, 60, redis);
  }

  event(socketId: string): Promise<boolean> {
    return allowed(this.events.consume(socketId));
  }

  createRoom(ip: string): Promise<boolean> {
    return allowed(this.rooms.consume(ip));
  }

  /** Whether this IP still has failed joins left, without spending one. */
  async mayTryJoin(ip: string): Promise<boolean> {
    if ((this.cleared.get(ip) ?? 0) > Date.now()) return true;
    return this.checking.run(ip, async () => {
      const may = await this.failedJoins.get(ip).then(
        (res) => !res || res.remainingPoints > 0,
        () => true,
      );
      if (may) this.cleared.set(ip, Date.now() + CLEARED_FOR_MS);
      return may;
    });
  }

  failedJoin(ip: string): Promise<boolean> {
    this.cleared.delete(ip);
    this.checking.forget(ip);
    return allowed(this.failedJoins.consume(ip));
  }

  forgetSocket(socketId: string): void {
    void this.events.delete(socketId);
  }
}

/** Whether a consume() went through; a store error (not a refusal) is rethrown. */
export async function allowed(consumption: Promise<RateLimiterRes>): Promise<boolean> {
  try {
    await consumption;
    return true;
  } catch (err) {
    if (err instanceof RateLimiterRes) return false;
    throw err;
  }
}
