/**
 * Whether a browser request comes from the site's own pages (or the configured CORS_ORIGIN): the one rule for
 * the Socket.IO handshake (WebSockets are not covered by CORS) and state-changing HTTP requests (CSRF).
 * Clients that send no Origin (scripts, tests) are not browsers and pass; callers decide what "absent" means.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, configured: string | undefined): boolean {
  if (!origin) return true;
  if (configured && origin === configured) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
