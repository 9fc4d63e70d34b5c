import type { Redis } from 'ioredis';
import { BoundedMap } from '../bounded-map.js';
import { SingleFlight } from '../single-flight.js';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface LimitSettings {
  /** Client events one socket may send per second (answers, syncs, host moves). */
  eventsPerSocketPerSec: number;
  /** Rooms one IP may create per 10 minutes. */
  roomsPerIpPer10Min: number;
  /**
   * Failed joins (unknown PIN, bad token, wrong 2-step shapes) one IP may make in any 10 minutes before it is
   * held to one per `failedJoinEverySec`: a class's mistypes fit in it, and a PIN walk stays slow.
   */
  failedJoinBurst: number;
  /** Past the burst, one more failed join per this many seconds: the longest a right PIN waits behind mistypes. */
  failedJoinEverySec: number;
  /** Players one IP may seat in one room: far above a class behind one NAT, far below a room filled with ghosts. */
  seatsPerIpPerRoom?: number;
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

export const DEFAULT_LIMITS = {
  eventsPerSocketPerSec: 20,
  roomsPerIpPer10Min: 60,
  failedJoinBurst: 10,
  failedJoinEverySec: 6,
  seatsPerIpPerRoom: 200,
} satisfies Required<LimitSettings>;

/** The burst's window: 10 per 10 minutes is 60 an hour beside the steady 600 (one every 6 s). */
const FAILED_JOIN_BURST_SEC = 600;
/** How long an address's seats in a room are counted: longer than a room lives. */
const SEATS_WINDOW_SEC = 24 * 3600;

/**
 * Rate limits with rate-limiter-flexible. Per-socket limits live in memory (a socket lives on one process);
 * per-IP limits live in Redis when there is one, so every process counts the same attempts, with an
 * in-memory fallback while Redis is away.
 */
export class RateLimits {
  private readonly events: RateLimiterMemory;
  private readonly rooms: RateLimiterAbstract;
  /** Failed joins: a burst allowance first, then a steady one point per window. */
  private readonly failedBurst: RateLimiterAbstract;
  private readonly failedSteady: RateLimiterAbstract;
  private readonly seats: RateLimiterAbstract;
  private readonly cleared = new BoundedMap<string, number>(10_000);
  /** Lookups in flight: a class behind one NAT joining at once shares one read instead of sending hundreds. */
  private readonly checking = new SingleFlight<string, boolean>();

  constructor(settings: LimitSettings, redis?: LimiterRedis) {
    this.events = new RateLimiterMemory({ points: settings.eventsPerSocketPerSec, duration: 1 });
    this.rooms = sharedLimiter('rooms', settings.roomsPerIpPer10Min, 600, redis);
    this.failedBurst = sharedLimiter('joins-burst', settings.failedJoinBurst, FAILED_JOIN_BURST_SEC, redis);
    this.failedSteady = sharedLimiter('joins-steady', 1, settings.failedJoinEverySec, redis);
    this.seats = sharedLimiter('seats', settings.seatsPerIpPerRoom ?? DEFAULT_LIMITS.seatsPerIpPerRoom, SEATS_WINDOW_SEC, redis);
  }

  event(socketId: string): Promise<boolean> {
    return allowed(this.events.consume(socketId));
  }

  createRoom(ip: string): Promise<boolean> {
    return allowed(this.rooms.consume(ip));
  }

  /** Whether this IP still has failed joins left, in its burst or in the steady allowance, without spending one. */
  async mayTryJoin(ip: string): Promise<boolean> {
    if ((this.cleared.get(ip) ?? 0) > Date.now()) return true;
    return this.checking.run(ip, async () => {
      const spare = (limiter: RateLimiterAbstract) =>
        limiter.get(ip).then(
          (res) => !res || res.remainingPoints > 0,
          () => true,
        );
      const [burst, steady] = await Promise.all([spare(this.failedBurst), spare(this.failedSteady)]);
      const may = burst || steady;
      if (may) this.cleared.set(ip, Date.now() + CLEARED_FOR_MS);
      return may;
    });
  }

  failedJoin(ip: string): Promise<boolean> {
    this.cleared.delete(ip);
    this.checking.forget(ip);
    return allowed(this.failedBurst.consume(ip)).then((counted) => counted || allowed(this.failedSteady.consume(ip)));
  }

  /** One more seat for this address in this room, if it has any left. */
  takeSeat(ip: string, pin: string): Promise<boolean> {
    return allowed(this.seats.consume(`${ip}|${pin}`));
  }

  /** A seat taken for a join that failed is given back. */
  async returnSeat(ip: string, pin: string): Promise<void> {
    await this.seats.reward(`${ip}|${pin}`).catch(() => {});
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
