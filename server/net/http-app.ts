import compression from 'compression';
import express, { type ErrorRequestHandler } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { fail } from '../../shared/errors.js';
import type { HostStores } from '../accounts/host-stores.js';
import type { Logger } from '../logger.js';
import type { QuizCatalog } from '../quiz/catalog.js';
import { quizRoutes } from '../quiz/quiz-routes.js';
import type { RoomStore } from '../store/room-store.js';
import { accountRoutes } from './account-routes.js';
import type { TrustFn } from './client-address.js';
import { holdsHostKey, requireHost } from './host-auth.js';
import { joinBase, type JoinLinkSettings } from './join-link.js';
import { myQuizRoutes } from './my-quiz-routes.js';
import { reportRoutes } from './report-routes.js';
import { sameOrigin } from './same-origin.js';
import { securityHeaders } from './security-headers.js';

export interface HttpAppOptions {
  store: RoomStore;
  catalog: QuizCatalog;
  logger: Logger;
  clientDir: string;
  hostKey: string | undefined;
  hosts: HostStores;
  openMode: boolean;
  /** Which proxies' X-Forwarded-For and X-Forwarded-Proto to believe (see client-address.ts). */
  trustProxy: TrustFn;
  /** CORS_ORIGIN: another site allowed to call the API, besides the pages' own origin. */
  corsOrigin: string | undefined;
  joinLink: JoinLinkSettings;
  now: () => number;
}

/** Hashed file names change with their content, so a phone may keep them for good; pages must be checked each time. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** HTTP: health probes, the quiz API and the built client, behind helmet's strict headers. */
export function createHttpApp(options: HttpAppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy);
  app.use(securityHeaders());
  // API answers (quiz exports, reports) are JSON that compresses well; the pages and assets are compressed at build.
  app.use('/api', compression());
  const { accounts, library, reports } = options.hosts;
  const { catalog, logger, openMode } = options;
  app.use(sameOrigin(options.corsOrigin));
  // Quiz routes carry whole quizzes and parse their own bodies (up to 256 KB); everything else stays small.
  app.use('/api/quizzes', quizRoutes(catalog, { requireHost: requireHost({ hostKey: options.hostKey, openMode, accounts }), holdsHostKey: holdsHostKey(options.hostKey) }));
  app.use('/api/my/quizzes', myQuizRoutes({ accounts, library, catalog, holdsHostKey: holdsHostKey(options.hostKey), logger, now: options.now }));
  app.use(express.json({ limit: '16kb' }));
  app.use('/api/account', accountRoutes(accounts, { openMode, logger }));
  app.use('/api/my/reports', reportRoutes({ accounts, reports, openMode, holdsHostKey: holdsHostKey(options.hostKey), logger }));

  app.get('/api/join-link', (req, res) => {
    res.json({ ok: true, ...joinBase(options.joinLink, { protocol: req.protocol, host: req.host }) });
  });

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

  // Brotli and gzip files written beside each asset by the build, chosen by Accept-Encoding: no work per request.
  const assets = expressStaticGzip(options.clientDir, {
    enableBrotli: true,
    orderPreference: ['br', 'gz'],
    index: false,
    serveStatic: {
      setHeaders: (res, path) => res.setHeader('Cache-Control', path.includes('/assets/') ? IMMUTABLE : 'no-cache'),
    },
  });
  const page = (file: string): express.RequestHandler => (req, res, next) => {
    req.url = `/${file}`;
    assets(req, res, next);
  };
  app.get('/', page('index.html'));
  app.get('/host', page('host.html'));
  app.get('/favicon.ico', (_req, res) => res.redirect(301, '/favicon.svg'));
  app.use(assets);
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
