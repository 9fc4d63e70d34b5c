import express from 'express';
import { z } from 'zod';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { fail } from '../../shared/errors.js';
import type { Quiz } from '../../shared/quiz.js';
import { allowed } from '../net/rate-limits.js';
import { IMPORTED_MAX, type QuizCatalog } from './catalog.js';
import { exportFilename } from './export-filename.js';
import { QuizImportError, type ImportIssue } from './import-error.js';
import { importQuizCsv, exportQuizCsv } from './quiz-csv.js';
import { importQuizJson, exportQuizJson } from './quiz-json.js';
import { previewOf } from './quiz-preview.js';

const BODY_LIMIT = '256kb';
const DEFAULT_TITLE = 'Imported quiz';

const importBodySchema = z.object({
  format: z.enum(['json', 'csv']),
  id: z.string().optional(),
  title: z.string().optional(),
  content: z.string().min(1),
});

export interface QuizRouteAccess {
  /** Who may preview and import at all (open mode: everyone; otherwise a signed-in host or the HOST_KEY). */
  requireHost: express.RequestHandler;
  /** Who gets answer keys: the HOST_KEY holder only, as anyone can sign up for an account. */
  holdsHostKey: (req: express.Request) => boolean;
}

/** Imports one address may make per hour: a teacher's afternoon of trial and error, not a flood. */
export const IMPORTS_PER_ADDRESS_PER_HOUR = 10;

/**
 * Mounted at /api/quizzes. The list is public (it holds no answers); previews show the questions, with their
 * answers only to the HOST_KEY holder; exports carry the answers, so only the HOST_KEY holder gets them.
 * Imports are kept beside the built-ins, under an id nobody else has, and are capped per address and in all.
 */
export function quizRoutes(catalog: QuizCatalog, access: QuizRouteAccess): express.Router {
  const router = express.Router();
  const { requireHost, holdsHostKey } = access;
  // A process keeps imports in memory, so counting them per process is what bounds its memory.
  const importsPerAddress = new RateLimiterMemory({ points: IMPORTS_PER_ADDRESS_PER_HOUR, duration: 3600 });
  router.use(express.json({ limit: BODY_LIMIT }));

  router.get('/', (_req, res) => {
    res.json({ quizzes: catalog.list() });
  });

  router.post('/import', requireHost, async (req, res) => {
    const body = importBodySchema.safeParse(req.body);
    if (!body.success) {
      const details = body.error.issues.map((i) => ({ row: null, field: i.path.join('.') || '(body)', message: i.message }));
      return badRequest(res, 'The import request is malformed.', details);
    }
    const { format, id, title, content } = body.data;
    let quiz: Quiz;
    try {
      quiz =
        format === 'json'
          ? importQuizJson(content, { id, title })
          : importQuizCsv(content, { id: id ?? slug(title ?? DEFAULT_TITLE), title: title ?? DEFAULT_TITLE });
    } catch (error) {
      if (error instanceof QuizImportError) return badRequest(res, error.message, error.issues);
      throw error;
    }
    if (!(await allowed(importsPerAddress.consume(req.ip ?? '')))) {
      return res.status(429).json(fail('rate_limited', `At most ${IMPORTS_PER_ADDRESS_PER_HOUR} imports per hour from one address; try again later, or sign in and import into your own quizzes.`));
    }
    const keptAs = catalog.add(quiz);
    if (keptAs === null) {
      return res.status(409).json(fail('bad_request', `The server already keeps ${IMPORTED_MAX} imported quizzes, its limit; sign in and import into your own quizzes instead.`));
    }
    return res.json({ ok: true, quiz: catalog.list().find((q) => q.id === keptAs) });
  });

  const needsKey: express.RequestHandler = (req, res, next) => {
    if (holdsHostKey(req)) return next();
    res.status(403).json(fail('forbidden', 'An export carries the answers, so it needs the host key (HOST_KEY). Your own quizzes export from your quiz list.'));
  };

  const withQuiz =
    (send: (quiz: Quiz, res: express.Response, req: express.Request) => void): express.RequestHandler =>
    (req, res) => {
      const id = String(req.params.id);
      const quiz = catalog.get(id);
      if (quiz) send(quiz, res, req);
      else res.status(404).json(fail('not_found', `No quiz with id ${id}.`));
    };
  router.get('/:id/export.json', needsKey, withQuiz((quiz, res) => res.attachment(exportFilename(quiz.title, 'json')).send(exportQuizJson(quiz))));
  router.get('/:id/export.csv', needsKey, withQuiz((quiz, res) => res.attachment(exportFilename(quiz.title, 'csv')).send(exportQuizCsv(quiz))));
  router.get(
    '/:id',
    requireHost,
    withQuiz((quiz, res, req) => {
      const answers = holdsHostKey(req);
      res.json({ ok: true, answers, quiz: answers ? quiz : previewOf(quiz) });
    }),
  );

  // Body-parser errors (bad JSON, too large) carry a `type` and a 4xx status; answer them in our shape.
  const bodyErrors: express.ErrorRequestHandler = (error, _req, res, next) => {
    const fromBodyParser = typeof error?.type === 'string' && typeof error.status === 'number' && error.status < 500;
    if (!fromBodyParser) return next(error);
    res.status(error.status).json(fail('bad_request', error.message));
  };
  router.use(bodyErrors);

  return router;
}

function badRequest(res: express.Response, message: string, details: ImportIssue[]) {
  return res.status(400).json({ ok: false, error: { ...fail('bad_request', message).error, details } });
}

/** Turns a title into an id the quiz schema accepts. */
function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64) || 'imported-quiz'
  );
}
