import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { allowed, sharedLimiter, type LimiterRedis } from '../net/rate-limits.js';

export interface LoginLimitSettings {
  /** Sign-ins and sign-ups one IP may attempt per 15 minutes (a school behind one address has many teachers). */
  perIpPer15Min: number;
  /**
   * Failed sign-ins for one email from one address per 15 minutes: password guessing from there stops here.
   * Counted per (email, address) so that nobody elsewhere can lock the owner out by failing on purpose.
   */
  perEmailPer15Min: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimitSettings = { perIpPer15Min: 100, perEmailPer15Min: 10 };

const WINDOW_SEC = 15 * 60;

/** Failures for one email from every address together only slow its sign-ins down: this much per failure past the per-address allowance… */
export const SLOWDOWN_STEP_MS = 250;
/** …up to this, so the owner always gets in within a few seconds. */
export const SLOWDOWN_MAX_MS = 3000;

/**
 * Login rate limits with rate-limiter-flexible, like server/net/rate-limits.ts: in Redis when the server
 * has one (every process counts the same attempts), with an in-memory fallback while Redis is away.
 */
export class LoginLimits {
  private readonly perIp: RateLimiterAbstract;
  private readonly failuresPerPair: RateLimiterAbstract;
  /** Only counts (it never refuses): its allowance is far beyond anything a window can hold. */
  private readonly failuresPerEmail: RateLimiterAbstract;

  constructor(private readonly settings: LoginLimitSettings, redis?: LimiterRedis) {
    this.perIp = sharedLimiter('login-ip', settings.perIpPer15Min, WINDOW_SEC, redis);
    this.failuresPerPair = sharedLimiter('login-fail-pair', settings.perEmailPer15Min, WINDOW_SEC, redis);
    this.failuresPerEmail = sharedLimiter('login-fail-email', Number.MAX_SAFE_INTEGER, WINDOW_SEC, redis);
  }

  /** Spends one attempt from the IP's allowance (sign-ups and sign-ins); false once it is used up. */
  attempt(ip: string): Promise<boolean> {
    return allowed(this.perIp.consume(ip));
  }

  /** Whether this address may still try this email: false after its allowance of failures. */
  async mayTrySignIn(ip: string, email: string): Promise<boolean> {
    const failures = await this.failuresPerPair.get(pair(ip, email)).catch(() => null);
    return (failures?.consumedPoints ?? 0) < this.settings.perEmailPer15Min;
  }

  /** How long a sign-in for this email waits: nothing until more failures than one address may make, then growing. */
  async slowdownMs(email: string): Promise<number> {
    const failures = (await this.failuresPerEmail.get(email).catch(() => null))?.consumedPoints ?? 0;
    return Math.min(SLOWDOWN_MAX_MS, Math.max(0, failures - this.settings.perEmailPer15Min) * SLOWDOWN_STEP_MS);
  }

  async failed(ip: string, email: string): Promise<void> {
    await Promise.all([this.failuresPerPair.penalty(pair(ip, email), 1), this.failuresPerEmail.penalty(email, 1)].map((p) => p.catch(() => null)));
  }

  /** A right password clears this address's count, so a teacher's typos do not add up over the week. */
  async succeeded(ip: string, email: string): Promise<void> {
    await this.failuresPerPair.delete(pair(ip, email)).catch(() => false);
  }
}

function pair(ip: string, email: string): string {
  return `${email}|${ip}`;
}
