import express from 'express';
import type { Accounts } from '../accounts/accounts.js';
import { anonymousOwner } from '../accounts/anonymous-host.js';
import type { Logger } from '../logger.js';
import { OPEN_BUCKET, type ReportStore } from '../reports/report-store.js';
import { apiErrors, notFound, signInRequired } from './api-errors.js';

const REPORT_ID = /^[a-z0-9]{1,16}-\d{6}$/;

/**
 * Mounted at /api/my/reports: the reports of a signed-in host's games or, in open mode, of the games this
 * browser hosted without an account (its anonymous-host cookie); games hosted by a client without that
 * cookie (a script) are kept under OPEN_BUCKET, which only the HOST_KEY holder reads. Another owner's report
 * is `not_found`; nobody else's reports are ever listed to a visitor.
 */
export function reportRoutes(options: { accounts: Accounts; reports: ReportStore; openMode: boolean; holdsHostKey: (req: express.Request) => boolean; logger: Logger }): express.Router {
  const router = express.Router();
  router.use(async (req, res, next) => {
    const account = await options.accounts.fromCookie(req.get('cookie'));
    if (!account && !options.openMode) throw signInRequired();
    res.locals.owner = account?.id ?? anonymousOwner(req.get('cookie')) ?? (options.holdsHostKey(req) ? OPEN_BUCKET : null);
    res.set('Cache-Control', 'no-store');
    next();
  });

  const owner = (res: express.Response) => res.locals.owner as string | null;

  router.get('/', async (_req, res) => {
    const owned = owner(res);
    res.json({ ok: true, reports: owned === null ? [] : await options.reports.list(owned) });
  });

  router.get('/:id', async (req, res) => {
    const id = String(req.params.id);
    const owned = owner(res);
    const report = owned !== null && REPORT_ID.test(id) ? await options.reports.get(owned, id) : null;
    if (!report) throw notFound('report');
    res.json({ ok: true, report });
  });

  router.use(apiErrors(options.logger));
  return router;
}
