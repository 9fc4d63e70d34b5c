import { randomBytes } from 'node:crypto';
import { request } from 'node:http';

/**
 * A teacher's account for a bench host, when the server wants one: a Redis-backed server refuses
 * host:create without a signed-in session (a memory one runs in open mode). Each host signs up from its
 * own loopback address, as teachers do from their own schools, so the per-IP sign-up limit is not in play.
 */

interface Reply {
  status: number;
  body: unknown;
  cookies: string[];
}

function call(url: string, method: 'GET' | 'POST', path: string, localAddress: string, body?: unknown): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(path, url),
      { method, localAddress, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let parsed: unknown = null;
          try {
            parsed = JSON.parse(text);
          } catch {
            // Not JSON (an older server's 404 page): the status says enough.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, cookies: res.headers['set-cookie'] ?? [] });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The Cookie header a host socket needs, or undefined when the server hosts games without accounts. */
export async function hostCookie(url: string, localAddress: string): Promise<string | undefined> {
  const me = await call(url, 'GET', '/api/account/me', localAddress);
  if (me.status !== 200 || (me.body as { openMode?: boolean } | null)?.openMode !== false) return undefined;
  const credentials = { email: `bench-${randomBytes(6).toString('hex')}@example.org`, password: randomBytes(12).toString('hex') };
  const signUp = await call(url, 'POST', '/api/account/signup', localAddress, credentials);
  if (signUp.status !== 201 || signUp.cookies.length === 0) throw new Error(`host sign-up refused: ${signUp.status} ${JSON.stringify(signUp.body)}`);
  return signUp.cookies.map((c) => c.split(';')[0]).join('; ');
}
