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
  /** Failures an IP had to spare when last read, trusted for CLEARED_FOR_MS while there were some. */
  private readonly spare = new BoundedMap<string, { failures: number; until: number }>(10_000);
  /** Lookups in flight: a class behind one NAT joining at once shares one read instead of sending hundreds. */
  private readonly checking = new SingleFlight<string, number>();
  /** Join attempts running per IP on this process, and those waiting for one of them to end. */
  private readonly attempts = new Map<string, { running: number; waiting: (() => void)[] }>();
  private readonly burstPoints: number;
  /** Failures counted by this process so far, so a read that raced one is not trusted. */
  private failuresCounted = 0;

  constructor(settings: LimitSettings, redis?: LimiterRedis) {
    this.events = new RateLimiterMemory({ points: settings.eventsPerSocketPerSec, duration: 1 });
    this.rooms = sharedLimiter('rooms', settings.roomsPerIpPer10Min, 600, redis);
    this.burstPoints = settings.failedJoinBurst;
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

  /**
   * Lets a join attempt from this IP start, with the function that ends it, or refuses it (null) when the IP has no
   * failures to spare. A guess may turn out a failure, so no more guesses run at once than the failures left: sent
   * together they cannot all slip through before the first is counted; the others wait for a running one to end.
   * An attempt that cannot be a guess (`guess` false: a join to a room known here) does not wait.
   */
  async admitJoin(ip: string, guess = true): Promise<(() => void) | null> {
    for (;;) {
      const spare = await this.spareFailures(ip);
      if (spare === 0) return null;
      if (!guess) return () => {};
      let slot = this.attempts.get(ip);
      if (!slot) this.attempts.set(ip, (slot = { running: 0, waiting: [] }));
      if (slot.running < spare) {
        slot.running++;
        return () => this.endAttempt(ip, slot);
      }
      await new Promise<void>((resolve) => slot.waiting.push(resolve));
    }
  }

  private endAttempt(ip: string, slot: { running: number; waiting: (() => void)[] }): void {
    slot.running--;
    // Every waiter looks again: the one that ended may have spent the last failure, and then none may start.
    for (const wake of slot.waiting.splice(0)) wake();
    if (slot.running === 0 && this.attempts.get(ip) === slot) this.attempts.delete(ip);
  }

  /** Failed joins this IP has left, in its burst and in the steady allowance, without spending one. */
  private async spareFailures(ip: string): Promise<number> {
    const known = this.spare.get(ip);
    if (known && known.until > Date.now()) return known.failures;
    return this.checking.run(ip, async () => {
      const left = (limiter: RateLimiterAbstract, points: number) =>
        limiter.get(ip).then(
          (res) => (res ? Math.max(0, res.remainingPoints) : points),
          () => points,
        );
      for (;;) {
        const counted = this.failuresCounted;
        const [burst, steady] = await Promise.all([left(this.failedBurst, this.burstPoints), left(this.failedSteady, 1)]);
        // A failure counted while the read was out may not be in it: read again rather than let one more guess in.
        if (counted !== this.failuresCounted) continue;
        const failures = burst + steady;
        if (failures > 0) this.spare.set(ip, { failures, until: Date.now() + CLEARED_FOR_MS });
        return failures;
      }
    });
  }

  async failedJoin(ip: string): Promise<boolean> {
    this.spare.delete(ip);
    this.checking.forget(ip);
    try {
      return await allowed(this.failedBurst.consume(ip)).then((counted) => counted || allowed(this.failedSteady.consume(ip)));
    } finally {
      // Reads that raced the count start again, and one that landed meanwhile is not kept.
      this.failuresCounted++;
      this.spare.delete(ip);
    }
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
