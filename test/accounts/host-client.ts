import type { Account } from '../../shared/account.js';
import type { ApiError } from '../../shared/api.js';
import type { Config } from '../../server/config.js';
import { connectClient, type TestSocket } from '../support/clients.js';
import { startTestServer, type StoreKind, type TestServer } from '../support/server.js';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: ({ ok: true } & T) | { ok: false; error: ApiError };
  setCookie: string[];
}

/** A host's browser as far as the API sees it: real fetch, and a cookie jar (the session, the anonymous-host id). */
export class HostClient {
  private readonly jar = new Map<string, string>();

  constructor(readonly url: string) {}

  /** The Cookie header this browser sends; setting it replaces the whole jar. */
  get cookie(): string | undefined {
    return this.jar.size === 0 ? undefined : [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  set cookie(header: string | undefined) {
    this.jar.clear();
    for (const pair of header?.split(';') ?? []) this.keep(pair.trim());
  }

  private keep(pair: string) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return;
    const value = pair.slice(eq + 1);
    if (value === '') this.jar.delete(pair.slice(0, eq));
    else this.jar.set(pair.slice(0, eq), value);
  }

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.getSetCookie();
    for (const line of setCookie) this.keep(line.split(';')[0]!);
    const text = await res.text();
    return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : ({ ok: true, text } as never), setCookie };
  }

  async text(path: string): Promise<{ status: number; text: string; disposition: string | null }> {
    const res = await fetch(`${this.url}${path}`, { headers: this.cookie ? { cookie: this.cookie } : {} });
    return { status: res.status, text: await res.text(), disposition: res.headers.get('content-disposition') };
  }

  async signUp(email: string, password = 'correct horse battery'): Promise<Account> {
    const reply = await this.call<{ account: Account }>('POST', '/api/account/signup', { email, password });
    if (!reply.body.ok) throw new Error(`sign-up failed: ${reply.body.error.message}`);
    return reply.body.account;
  }

  /** A socket whose handshake carries this client's cookie, as the dashboard's socket does after signing in. */
  async socket(): Promise<TestSocket> {
    return connectClient(this.url, this.cookie ? { cookie: this.cookie } : undefined);
  }
}

/** Asserts a failed reply and returns its error, for one-line checks of code and details. */
export function failure(reply: Reply<unknown>): ApiError {
  if (reply.body.ok) throw new Error(`expected a failure, got ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.error;
}

export function success<T>(reply: Reply<T>): { ok: true } & T {
  if (!reply.body.ok) throw new Error(`expected success, got ${reply.status} ${JSON.stringify(reply.body.error)}`);
  return reply.body;
}

/** The HOST_KEY of test servers that set one, and the header that presents it. */
export const TEST_HOST_KEY = 'test-host-key-0123456789';
export const withHostKey = { authorization: `Bearer ${TEST_HOST_KEY}` };

let counter = 0;
/** A new address on every call, so accounts made by tests sharing a store never collide. */
export const freshEmail = (name = 'host') => `${name}.${Date.now().toString(36)}.${counter++}@school.example`;

/** A server that wants accounts, and two signed-up hosts, Ada and Grace, who must not see each other's things. */
export async function twoHostServer(kind: StoreKind, config: Partial<Config> = {}): Promise<{ server: TestServer; ada: HostClient; grace: HostClient }> {
  const server = await startTestServer(kind, { config: { openMode: false, ...config } });
  const ada = new HostClient(server.url);
  const grace = new HostClient(server.url);
  await ada.signUp(freshEmail('ada'));
  await grace.signUp(freshEmail('grace'));
  return { server, ada, grace };
}
