import type { RequestHandler } from 'express';
import { fail } from '../../shared/errors.js';
import { originAllowed } from './origin.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where the request says it comes from: its Origin, else its Referer's origin ('null' if that is no URL), else nothing. */
function claimedOrigin(origin: string | undefined, referer: string | undefined): string | undefined {
  if (origin !== undefined || referer === undefined) return origin;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

/**
 * CSRF defence as OWASP describes it ("verifying origin with standard headers"): a POST, PUT or DELETE whose
 * Origin, or failing that Referer, is another site's is refused with 403 `forbidden`, whatever cookie it
 * carries. A request with neither header passes: browsers send Origin on every cross-site state-changing
 * request, so only non-browser clients (curl, scripts) omit both, and they hold no victim's cookie to abuse.
 * `Origin: null` (sandboxed frames, file: pages) is refused.
 */
export function sameOrigin(corsOrigin: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (originAllowed(claimedOrigin(req.get('origin'), req.get('referer')), req.get('host'), corsOrigin)) return next();
    res.status(403).json(fail('forbidden', 'This request came from another site; it must come from the quizroom pages.'));
  };
}
