import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Account, Credentials } from '../../shared/account.js';
import { GameError } from '../../shared/errors.js';
import { hashToken } from '../security/tokens.js';
import type { AccountStore } from './account-store.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import type { LoginLimits } from './login-limits.js';
import { decoyHash, hashPassword, verifyPassword } from './password.js';

/** A session lasts a school term's worth of weeks unless the host signs out. */
export const SESSION_TTL_SEC = 30 * 24 * 3600;

export interface SignedIn {
  account: Account;
  /** Goes into the cookie only; the store keeps its hash. */
  sessionId: string;
}

/** Thrown for an email that already has an account, so the sign-up form can say so next to the field. */
export class EmailTakenError extends GameError {
  constructor() {
    super('bad_request', 'An account with this email already exists; sign in instead.');
  }
}

/** Sign-up, sign-in and sessions. Inputs arrive already parsed by the shared zod schemas. */
export class Accounts {
  constructor(
    private readonly store: AccountStore,
    private readonly limits: LoginLimits,
    private readonly now: () => number = Date.now,
  ) {}

  async signUp({ email, password }: Credentials, ip: string): Promise<SignedIn> {
    if (!(await this.limits.attempt(ip))) throw new GameError('rate_limited', 'Too many attempts from here; wait a few minutes.');
    const id = randomBytes(12).toString('hex');
    const created = await this.store.createAccount({ id, email, passwordHash: await hashPassword(password), createdAt: this.now() });
    if (!created) throw new EmailTakenError();
    return this.openSession({ id, email });
  }

  async signIn({ email, password }: Credentials, ip: string): Promise<SignedIn> {
    if (!(await this.limits.attempt(ip)) || !(await this.limits.mayTrySignIn(ip, email))) {
      throw new GameError('rate_limited', 'Too many sign-in attempts; wait a few minutes.');
    }
    const wait = await this.limits.slowdownMs(email);
    if (wait > 0) await delay(wait);
    const account = await this.store.accountByEmail(email);
    const matches = await verifyPassword(password, account?.passwordHash ?? (await decoyHash()));
    if (!account || !matches) {
      await this.limits.failed(ip, email);
      throw new GameError('forbidden', 'Wrong email or password.');
    }
    await this.limits.succeeded(ip, email);
    return this.openSession({ id: account.id, email: account.email });
  }

  async signOut(sessionId: string): Promise<void> {
    await this.store.deleteSession(hashToken(sessionId));
  }

  /** The account behind a session id, or null for an unknown, expired or signed-out one. */
  async account(sessionId: string | undefined): Promise<Account | null> {
    if (!sessionId || !/^[0-9a-f]{32}$/.test(sessionId)) return null;
    const session = await this.store.getSession(hashToken(sessionId));
    return session ? { id: session.accountId, email: session.email } : null;
  }

  /** The same, from a raw Cookie header: what Express requests and Socket.IO handshakes carry. */
  fromCookie(header: string | undefined): Promise<Account | null> {
    return this.account(readCookie(header, SESSION_COOKIE));
  }

  private async openSession(account: Account): Promise<SignedIn> {
    const sessionId = randomBytes(16).toString('hex');
    await this.store.createSession(hashToken(sessionId), { accountId: account.id, email: account.email }, SESSION_TTL_SEC);
    return { account, sessionId };
  }
}
