import type { RequestHandler, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { Account } from '../../shared/account.js';
import { fail } from '../../shared/errors.js';
import type { Accounts } from '../accounts/accounts.js';
import { signInRequired } from './api-errors.js';

export interface HostAuth {
  hostKey: string | undefined;
  /** Games may be hosted without an account (see OPEN_MODE). */
  openMode: boolean;
  accounts: Accounts;
}

/**
 * Guards host-only HTTP routes (quiz previews hold the answers). A signed-in host always passes, and so
 * does the HOST_KEY as a bearer token; with no HOST_KEY, open mode lets everyone through, for a single classroom.
 */
export function requireHost(auth: HostAuth): RequestHandler {
  const expected = auth.hostKey ? Buffer.from(auth.hostKey) : undefined;
  return async (req, res, next) => {
    if (!expected && auth.openMode) return next();
    if (expected) {
      const given = Buffer.from(req.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '');
      if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    }
    if (await auth.accounts.fromCookie(req.get('cookie'))) return next();
    res.status(403).json(fail('forbidden', expected ? 'Host key or sign-in required.' : 'Sign in first.'));
  };
}

/** Routes behind this see the signed-in account in `signedInAccount(res)`; without a session they answer 401. */
export function requireAccount(accounts: Accounts): RequestHandler {
  return async (req, res, next) => {
    const account = await accounts.fromCookie(req.get('cookie'));
    if (!account) throw signInRequired();
    res.locals.account = account;
    next();
  };
}

export function signedInAccount(res: Response): Account {
  return res.locals.account as Account;
}
