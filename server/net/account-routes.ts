import express from 'express';
import { signInSchema, signUpSchema } from '../../shared/account.js';
import { GameError } from '../../shared/errors.js';
import { Accounts, EmailTakenError, SESSION_TTL_SEC, type SignedIn } from '../accounts/accounts.js';
import { anonymousHostCookie, anonymousOwner, newAnonymousHostId } from '../accounts/anonymous-host.js';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from '../accounts/cookies.js';
import type { Logger } from '../logger.js';
import { apiErrors, HttpError, parseBody } from './api-errors.js';

/** Mounted at /api/account: sign-up, sign-in, sign-out and who is signed in. Bodies are parsed by the app's JSON parser. */
export function accountRoutes(accounts: Accounts, options: { openMode: boolean; logger: Logger }): express.Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  // `req.secure` follows X-Forwarded-Proto when the app trusts its proxy (TRUST_PROXY).
  const openSession = (req: express.Request, res: express.Response, status: number, signedIn: SignedIn) => {
    res.status(status).set('Set-Cookie', sessionCookie(signedIn.sessionId, SESSION_TTL_SEC, req.secure)).json({ ok: true, account: signedIn.account });
  };

  router.post('/signup', async (req, res) => {
    const credentials = parseBody(signUpSchema, req.body);
    try {
      openSession(req, res, 201, await accounts.signUp(credentials, req.ip ?? ''));
    } catch (err) {
      if (!(err instanceof EmailTakenError)) throw err;
      throw new HttpError('bad_request', err.message, { status: 409, details: [{ path: ['email'], message: err.message }] });
    }
  });

  router.post('/signin', async (req, res) => {
    const credentials = parseBody(signInSchema, req.body);
    try {
      openSession(req, res, 200, await accounts.signIn(credentials, req.ip ?? ''));
    } catch (err) {
      if (!(err instanceof GameError && err.code === 'forbidden')) throw err;
      throw new HttpError('forbidden', err.message, { status: 401 });
    }
  });

  router.post('/signout', async (req, res) => {
    const sessionId = readCookie(req.get('cookie'), SESSION_COOKIE);
    if (sessionId) await accounts.signOut(sessionId);
    res.set('Set-Cookie', clearedSessionCookie(req.secure)).json({ ok: true });
  });

  // In open mode a browser without an account gets its anonymous-host id here, the dashboard's first call; the
  // reply says so, and the dashboard reconnects its socket so host:create carries it.
  router.get('/me', async (req, res) => {
    const account = await accounts.fromCookie(req.get('cookie'));
    const cookieIssued = options.openMode && !account && anonymousOwner(req.get('cookie')) === null;
    if (cookieIssued) res.set('Set-Cookie', anonymousHostCookie(newAnonymousHostId(), req.secure));
    res.json({ ok: true, account, openMode: options.openMode, ...(cookieIssued ? { cookieIssued } : {}) });
  });

  router.use(apiErrors(options.logger));
  return router;
}
