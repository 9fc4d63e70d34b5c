import { createHash, randomBytes } from 'node:crypto';
import { readCookie } from './cookies.js';

/**
 * In open mode a host needs no account, yet a game's report (students' names, answers) must go to whoever
 * hosted it, not to every visitor: the dashboard's browser gets this random id in an HttpOnly cookie, the
 * Socket.IO handshake carries it to host:create, and the report is kept under an owner derived from it.
 */
export const HOST_COOKIE = 'qr_host';

/** A school year: reports are kept REPORT_TTL_DAYS (90 by default), and browsers cap cookies at 400 days. */
const HOST_COOKIE_MAX_AGE_SEC = 365 * 24 * 3600;

const ID = /^[0-9a-f]{32}$/;

export function newAnonymousHostId(): string {
  return randomBytes(16).toString('hex');
}

export function anonymousHostCookie(id: string, secure: boolean): string {
  return [`${HOST_COOKIE}=${id}`, 'Path=/', `Max-Age=${HOST_COOKIE_MAX_AGE_SEC}`, 'HttpOnly', 'SameSite=Lax', ...(secure ? ['Secure'] : [])].join('; ');
}

/**
 * The report owner for the browser whose Cookie header this is, or null without a well-formed id. Stores
 * see only a hash of the id (as with sessions), so a store's keys do not hand anyone the cookie.
 */
export function anonymousOwner(cookieHeader: string | undefined): string | null {
  const id = readCookie(cookieHeader, HOST_COOKIE);
  if (!id || !ID.test(id)) return null;
  return `anon-${createHash('sha256').update(id).digest('hex').slice(0, 32)}`;
}
