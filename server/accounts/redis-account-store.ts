import type { Redis } from 'ioredis';
import type { AccountRecord, AccountStore, SessionRecord } from './account-store.js';

/**
 * Accounts in Redis, under the prefix: `account:<email>` holds the account (created with SET NX, so an
 * email has one account however many sign-ups race); `session:<hash>` the session, expiring with it.
 */
export class RedisAccountStore implements AccountStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private accountKey(email: string): string {
    return `${this.prefix}account:${email}`;
  }

  private sessionKey(sessionHash: string): string {
    return `${this.prefix}session:${sessionHash}`;
  }

  async createAccount(account: AccountRecord): Promise<boolean> {
    return (await this.redis.set(this.accountKey(account.email), JSON.stringify(account), 'NX')) === 'OK';
  }

  async accountByEmail(email: string): Promise<AccountRecord | null> {
    const raw = await this.redis.get(this.accountKey(email));
    return raw ? (JSON.parse(raw) as AccountRecord) : null;
  }

  async createSession(sessionHash: string, session: SessionRecord, ttlSec: number): Promise<void> {
    await this.redis.set(this.sessionKey(sessionHash), JSON.stringify(session), 'EX', ttlSec);
  }

  async getSession(sessionHash: string): Promise<SessionRecord | null> {
    const raw = await this.redis.get(this.sessionKey(sessionHash));
    return raw ? (JSON.parse(raw) as SessionRecord) : null;
  }

  async deleteSession(sessionHash: string): Promise<void> {
    await this.redis.del(this.sessionKey(sessionHash));
  }
}
