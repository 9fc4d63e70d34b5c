import type { RequestHandler } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { fail } from '../../shared/errors.js';

/**
 * Guards host-only HTTP routes (quiz previews hold the answers). With no HOST_KEY the server runs in
 * open mode for a single classroom; with one, the dashboard sends it as a bearer token.
 */
export function requireHost(hostKey: string | undefined): RequestHandler {
  if (!hostKey) return (_req, _res, next) => next();
  const expected = Buffer.from(hostKey);
  return (req, res, next) => {
    const given = Buffer.from(req.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    res.status(403).json(fail('forbidden', 'Host key required.'));
  };
}
