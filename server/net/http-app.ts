import express, { type ErrorRequestHandler } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../../shared/errors.js';
import type { HostStores } from '../accounts/host-stores.js';
import type { Logger } from '../logger.js';
import type { QuizCatalog } from '../quiz/catalog.js';
import { quizRoutes } from '../quiz/quiz-routes.js';
import type { RoomStore } from '../store/room-store.js';
import { accountRoutes } from './account-routes.js';
import { holdsHostKey, requireHost } from './host-auth.js';
import { myQuizRoutes } from './my-quiz-routes.js';
import { reportRoutes } from './report-routes.js';
import { sameOrigin } from './same-origin.js';

export interface HttpAppOptions {
  store: RoomStore;
  catalog: QuizCatalog;
  logger: Logger;
  clientDir: string;
  hostKey: string | undefined;
  hosts: HostStores;
  openMode: boolean;
  /** Behind a reverse proxy: take the client address and HTTPS from X-Forwarded-For and X-Forwarded-Proto. */
  trustProxy: boolean;
  /** CORS_ORIGIN: another site allowed to call the API, besides the pages' own origin. */
  corsOrigin: string | undefined;
  now: () => number;
}

/** HTTP: health probes, the quiz API and the built client, behind helmet's strict headers. */
export function createHttpApp(options: HttpAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
    }),
  );
  const { accounts, library, reports } = options.hosts;
  const { catalog, logger, openMode } = options;
  app.use(sameOrigin(options.corsOrigin));
  // Quiz routes carry whole quizzes and parse their own bodies (up to 256 KB); everything else stays small.
  app.use('/api/quizzes', quizRoutes(catalog, { requireHost: requireHost({ hostKey: options.hostKey, openMode, accounts }), holdsHostKey: holdsHostKey(options.hostKey) }));
  app.use('/api/my/quizzes', myQuizRoutes({ accounts, library, catalog, holdsHostKey: holdsHostKey(options.hostKey), logger, now: options.now }));
  app.use(express.json({ limit: '16kb' }));
  app.use('/api/account', accountRoutes(accounts, { openMode, logger }));
  app.use('/api/my/reports', reportRoutes({ accounts, reports, openMode, holdsHostKey: holdsHostKey(options.hostKey), logger }));

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await options.store.ping();
      res.json({ ok: true, store: options.store.kind });
    } catch {
      res.status(503).json({ ok: false, store: options.store.kind, error: { code: 'unavailable', message: 'Store unreachable.' } });
    }
  });

  app.use('/api', (_req, res) => {
    res.status(404).json(fail('not_found', 'No such API route.'));
  });

  const page = (file: string): express.RequestHandler => (_req, res, next) => {
    const path = join(options.clientDir, file);
    if (!existsSync(path)) return next();
    res.sendFile(path);
  };
  app.get('/', page('index.html'));
  app.get('/host', page('host.html'));
  app.use(express.static(options.clientDir, { index: false, maxAge: '1h' }));
  app.use((_req, res) => {
    res.status(404).json(fail('not_found', 'Not found. Build the client with `npm run build` if pages are missing.'));
  });

  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const status = typeof err?.status === 'number' ? err.status : 500;
    if (status >= 500) options.logger.error({ err }, 'http error');
    res.status(status).json(status === 413 ? fail('bad_request', 'Body too large.') : fail(status < 500 ? 'bad_request' : 'internal', status < 500 ? 'Malformed request body.' : 'Unexpected error.'));
  };
  app.use(onError);
  return app;
}
