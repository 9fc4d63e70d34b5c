import type { Request, RequestHandler, Response } from 'express';
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

/** Whether a request carries the HOST_KEY as a bearer token (compared in constant time); always false without one. */
export function holdsHostKey(hostKey: string | undefined): (req: Request) => boolean {
  const expected = hostKey ? Buffer.from(hostKey) : undefined;
  return (req) => {
    if (!expected) return false;
    const given = Buffer.from(req.get('authorization')?.replace(/^Bearer\s+/i, '') ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
}

/**
 * Guards the shared catalog's host routes (previews, imports). A signed-in host always passes, and so does the
 * HOST_KEY as a bearer token; with no HOST_KEY, open mode lets everyone through, for a single classroom.
 * Passing here never hands over answer keys: see `holdsHostKey`.
 */
export function requireHost(auth: HostAuth): RequestHandler {
  const keyHolder = holdsHostKey(auth.hostKey);
  return async (req, res, next) => {
    if (!auth.hostKey && auth.openMode) return next();
    if (keyHolder(req)) return next();
    if (await auth.accounts.fromCookie(req.get('cookie'))) return next();
    res.status(403).json(fail('forbidden', auth.hostKey ? 'Host key or sign-in required.' : 'Sign in first.'));
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
