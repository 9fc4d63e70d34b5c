import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { allowed, sharedLimiter, type LimiterRedis } from '../net/rate-limits.js';

export interface LoginLimitSettings {
  /** Sign-ins and sign-ups one IP may attempt per 15 minutes (a school behind one address has many teachers). */
  perIpPer15Min: number;
  /** Sign-ins one email may attempt per 15 minutes: password guessing on one account stops here. */
  perEmailPer15Min: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimitSettings = { perIpPer15Min: 100, perEmailPer15Min: 10 };

const WINDOW_SEC = 15 * 60;

/**
 * Login rate limits with rate-limiter-flexible, like server/net/rate-limits.ts: in Redis when the server
 * has one (every process counts the same attempts), with an in-memory fallback while Redis is away.
 */
export class LoginLimits {
  private readonly perIp: RateLimiterAbstract;
  private readonly perEmail: RateLimiterAbstract;

  constructor(settings: LoginLimitSettings, redis?: LimiterRedis) {
    this.perIp = sharedLimiter('login-ip', settings.perIpPer15Min, WINDOW_SEC, redis);
    this.perEmail = sharedLimiter('login-email', settings.perEmailPer15Min, WINDOW_SEC, redis);
  }

  /** Spends one attempt from the IP's allowance and, for a sign-in, the email's; false once either is used up. */
  async attempt(ip: string, email?: string): Promise<boolean> {
    const ipAllowed = await allowed(this.perIp.consume(ip));
    const emailAllowed = email === undefined || (await allowed(this.perEmail.consume(email)));
    return ipAllowed && emailAllowed;
  }

  /** A right password clears the email's count, so a teacher's typos do not add up over the week. */
  async succeeded(email: string): Promise<void> {
    await this.perEmail.delete(email).catch(() => false);
  }
}
