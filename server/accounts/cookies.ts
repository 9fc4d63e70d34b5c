/** The session cookie's name; the value is the 128-bit session id in hex. */
export const SESSION_COOKIE = 'qr_session';

/** Reads one cookie from a Cookie header (as sent to Express or in a Socket.IO handshake). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * HttpOnly keeps the id from page scripts; SameSite=Lax keeps it off cross-site POSTs while a link to /host
 * still arrives signed in (same-site sibling origins are stopped by server/net/same-origin.ts); Secure whenever
 * the page came over HTTPS.
 */
export function sessionCookie(sessionId: string, maxAgeSec: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${sessionId}`, 'Path=/', `Max-Age=${maxAgeSec}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}
