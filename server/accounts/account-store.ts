/** A host account as stored. The password is only ever kept as its scrypt hash. */
export interface AccountRecord {
  id: string;
  email: string;
  passwordHash: string;
  createdAt: number;
}

/** Who a session belongs to; stored with the session so a request needs one read. */
export interface SessionRecord {
  accountId: string;
  email: string;
}

/** Accounts by email and sessions by the hash of their id (a leaked store dump holds no usable cookie). */
export interface AccountStore {
  /** Atomic: false when the email already has an account. */
  createAccount(account: AccountRecord): Promise<boolean>;
  accountByEmail(email: string): Promise<AccountRecord | null>;
  createSession(sessionHash: string, session: SessionRecord, ttlSec: number): Promise<void>;
  getSession(sessionHash: string): Promise<SessionRecord | null>;
  deleteSession(sessionHash: string): Promise<void>;
}

/** The embedded default, beside the memory room store: one process, gone on restart. */
export class MemoryAccountStore implements AccountStore {
  private readonly accounts = new Map<string, AccountRecord>();
  private readonly sessions = new Map<string, { session: SessionRecord; expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async createAccount(account: AccountRecord): Promise<boolean> {
    if (this.accounts.has(account.email)) return false;
    this.accounts.set(account.email, { ...account });
    return true;
  }

  async accountByEmail(email: string): Promise<AccountRecord | null> {
    const account = this.accounts.get(email);
    return account ? { ...account } : null;
  }

  async createSession(sessionHash: string, session: SessionRecord, ttlSec: number): Promise<void> {
    this.sessions.set(sessionHash, { session: { ...session }, expiresAt: this.now() + ttlSec * 1000 });
  }

  async getSession(sessionHash: string): Promise<SessionRecord | null> {
    const kept = this.sessions.get(sessionHash);
    if (!kept) return null;
    if (kept.expiresAt > this.now()) return { ...kept.session };
    this.sessions.delete(sessionHash);
    return null;
  }

  async deleteSession(sessionHash: string): Promise<void> {
    this.sessions.delete(sessionHash);
  }
}
