import express from 'express';
import { z } from 'zod';
import { fail, GameError } from '../../shared/errors.js';
import type { Quiz } from '../../shared/quiz.js';
import type { QuizCatalog } from './catalog.js';
import { exportFilename } from './export-filename.js';
import { QuizImportError, type ImportIssue } from './import-error.js';
import { importQuizCsv, exportQuizCsv } from './quiz-csv.js';
import { importQuizJson, exportQuizJson } from './quiz-json.js';

const BODY_LIMIT = '256kb';
const DEFAULT_TITLE = 'Imported quiz';

const importBodySchema = z.object({
  format: z.enum(['json', 'csv']),
  id: z.string().optional(),
  title: z.string().optional(),
  content: z.string().min(1),
});

/** Mounted at /api/quizzes. The list is public (it holds no answers); everything else needs a host. */
export function quizRoutes(catalog: QuizCatalog, requireHost: express.RequestHandler): express.Router {
  const router = express.Router();
  router.use(express.json({ limit: BODY_LIMIT }));

  router.get('/', (_req, res) => {
    res.json({ quizzes: catalog.list() });
  });

  router.post('/import', requireHost, (req, res) => {
    const body = importBodySchema.safeParse(req.body);
    if (!body.success) {
      const details = body.error.issues.map((i) => ({ row: null, field: i.path.join('.') || '(body)', message: i.message }));
      return badRequest(res, 'The import request is malformed.', details);
    }
    const { format, id, title, content } = body.data;
    try {
      const quiz =
        format === 'json'
          ? importQuizJson(content, { id, title })
          : importQuizCsv(content, { id: id ?? slug(title ?? DEFAULT_TITLE), title: title ?? DEFAULT_TITLE });
      catalog.add(quiz);
      const summary = catalog.list().find((q) => q.id === quiz.id);
      return res.json({ ok: true, quiz: summary });
    } catch (error) {
      if (error instanceof QuizImportError) return badRequest(res, error.message, error.issues);
      if (error instanceof GameError) return badRequest(res, error.message, [{ row: null, field: 'id', message: error.message }]);
      throw error;
    }
  });

  const withQuiz =
    (send: (quiz: Quiz, res: express.Response) => void): express.RequestHandler =>
    (req, res) => {
      const id = String(req.params.id);
      const quiz = catalog.get(id);
      if (quiz) send(quiz, res);
      else res.status(404).json(fail('not_found', `No quiz with id ${id}.`));
    };
  router.get('/:id/export.json', requireHost, withQuiz((quiz, res) => res.attachment(exportFilename(quiz.title, 'json')).send(exportQuizJson(quiz))));
  router.get('/:id/export.csv', requireHost, withQuiz((quiz, res) => res.attachment(exportFilename(quiz.title, 'csv')).send(exportQuizCsv(quiz))));
  router.get('/:id', requireHost, withQuiz((quiz, res) => res.json({ ok: true, quiz })));

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
