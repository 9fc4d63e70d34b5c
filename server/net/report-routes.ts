import express from 'express';
import type { Accounts } from '../accounts/accounts.js';
import type { Logger } from '../logger.js';
import { OPEN_BUCKET, type ReportStore } from '../reports/report-store.js';
import { apiErrors, notFound, signInRequired } from './api-errors.js';

const REPORT_ID = /^[a-z0-9]{1,16}-\d{6}$/;

/**
 * Mounted at /api/my/reports: the reports of a signed-in host's games, or in open mode, for a visitor who is
 * not signed in, those of the games created without an account. Another owner's report is `not_found`.
 */
export function reportRoutes(options: { accounts: Accounts; reports: ReportStore; openMode: boolean; logger: Logger }): express.Router {
  const router = express.Router();
  router.use(async (req, res, next) => {
    const account = await options.accounts.fromCookie(req.get('cookie'));
    if (!account && !options.openMode) throw signInRequired();
    res.locals.owner = account?.id ?? OPEN_BUCKET;
    res.set('Cache-Control', 'no-store');
    next();
  });

  router.get('/', async (_req, res) => {
    res.json({ ok: true, reports: await options.reports.list(res.locals.owner as string) });
  });

  router.get('/:id', async (req, res) => {
    const id = String(req.params.id);
    const report = REPORT_ID.test(id) ? await options.reports.get(res.locals.owner as string, id) : null;
    if (!report) throw notFound('report');
    res.json({ ok: true, report });
  });

  router.use(apiErrors(options.logger));
  return router;
}
