import express from 'express';
import type { IssueDetail } from '../../shared/api.js';
import type { HostQuizSummary } from '../../shared/library.js';
import { quizImportSchema } from '../../shared/library.js';
import { quizSchema, type Quiz } from '../../shared/quiz.js';
import type { Accounts } from '../accounts/accounts.js';
import type { Logger } from '../logger.js';
import type { QuizCatalog } from '../quiz/catalog.js';
import { exportFilename } from '../quiz/export-filename.js';
import { QuizImportError, type ImportIssue } from '../quiz/import-error.js';
import { newQuizId, type LibraryEntry, type QuizLibrary, type SaveOutcome } from '../quiz/library.js';
import { exportQuizCsv, importQuizCsv } from '../quiz/quiz-csv.js';
import { exportQuizJson, importQuizJson } from '../quiz/quiz-json.js';
import { apiErrors, HttpError, notFound, parseBody } from './api-errors.js';
import { requireAccount, signedInAccount } from './host-auth.js';

const BODY_LIMIT = '256kb';
const TITLE_MAX = 100;

export interface MyQuizRouteOptions {
  accounts: Accounts;
  library: QuizLibrary;
  catalog: QuizCatalog;
  /** Whether a request carries the HOST_KEY, which copying a built-in needs. */
  holdsHostKey: (req: express.Request) => boolean;
  logger: Logger;
  now: () => number;
}

function summary(entry: LibraryEntry): HostQuizSummary {
  const { quiz, version, updatedAt } = entry;
  return { id: quiz.id, title: quiz.title, description: quiz.description, section: null, questionCount: quiz.questions.length, version, updatedAt };
}

/** The id is the server's (from the path, or new): whatever id a body or a file carries is replaced. */
function withId(body: unknown, id: string): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, id } : body;
}

/** An import issue as a path the dashboard can print: JSON rows are questions, CSV rows are spreadsheet rows. */
function importDetail(format: 'json' | 'csv', issue: ImportIssue): IssueDetail {
  const field = issue.field.split('.');
  if (issue.row === null) return { path: field, message: issue.message };
  return { path: format === 'json' ? ['questions', issue.row - 1, ...field] : ['row', issue.row, issue.field], message: issue.message };
}

/**
 * Mounted at /api/my/quizzes: a signed-in host's own quizzes. Every id is looked up in that host's library
 * only, so another host's quiz is `not_found`. Quizzes are validated with the shared quizSchema, as in the editor.
 */
export function myQuizRoutes(options: MyQuizRouteOptions): express.Router {
  const { library, catalog } = options;
  const router = express.Router();
  // Only a signed-in host's body is worth parsing.
  router.use(requireAccount(options.accounts));
  router.use(express.json({ limit: BODY_LIMIT }));
  router.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  const owner = (res: express.Response) => signedInAccount(res).id;

  const create = async (res: express.Response, quiz: Quiz) => {
    const outcome = await library.save(owner(res), quiz, 'create', options.now());
    const entry = savedEntry(outcome, quiz, options.now());
    res.status(201).json({ ok: true, quiz: summary(entry) });
  };

  const find = async (res: express.Response, id: string): Promise<LibraryEntry> => {
    const entry = await library.get(owner(res), id);
    if (!entry) throw notFound('quiz');
    return entry;
  };

  router.get('/', async (_req, res) => {
    const entries = await library.list(owner(res));
    res.json({ ok: true, quizzes: entries.sort((a, b) => b.updatedAt - a.updatedAt).map(summary) });
  });

  router.post('/', async (req, res) => {
    await create(res, parseBody(quizSchema, withId(req.body, newQuizId())));
  });

  router.post('/import', async (req, res) => {
    const { format, content, title } = parseBody(quizImportSchema, req.body, 'The import request is malformed.');
    const id = newQuizId();
    let quiz: Quiz;
    try {
      quiz = format === 'json' ? importQuizJson(content, { id, title }) : importQuizCsv(content, { id, title: title ?? 'Imported quiz' });
    } catch (err) {
      if (!(err instanceof QuizImportError)) throw err;
      throw new HttpError('bad_request', err.message, { details: err.issues.map((issue) => importDetail(format, issue)) });
    }
    await create(res, quiz);
  });

  // A host's own quizzes are theirs to copy; a copy of a built-in (or shared import) hands over its answer key,
  // which only the HOST_KEY holder gets, as anyone can sign up for an account.
  router.post('/:id/duplicate', async (req, res) => {
    const id = String(req.params.id);
    const own = await library.get(owner(res), id);
    const shared = own ? undefined : catalog.get(id);
    if (shared && !options.holdsHostKey(req)) {
      throw new HttpError('forbidden', 'A copy of a built-in quiz holds its answers, so it needs the host key (HOST_KEY).');
    }
    const source = own?.quiz ?? shared ?? (await find(res, id)).quiz;
    await create(res, { ...structuredClone(source), id: newQuizId(), title: `Copy of ${source.title}`.slice(0, TITLE_MAX) });
  });

  router.get('/:id/export.json', async (req, res) => {
    const { quiz } = await find(res, String(req.params.id));
    res.attachment(exportFilename(quiz.title, 'json')).send(exportQuizJson(quiz));
  });

  router.get('/:id/export.csv', async (req, res) => {
    const { quiz } = await find(res, String(req.params.id));
    res.attachment(exportFilename(quiz.title, 'csv')).send(exportQuizCsv(quiz));
  });

  router.get('/:id', async (req, res) => {
    const entry = await find(res, String(req.params.id));
    res.json({ ok: true, quiz: entry.quiz, version: entry.version, updatedAt: entry.updatedAt });
  });

  router.put('/:id', async (req, res) => {
    const quiz = parseBody(quizSchema, withId(req.body, String(req.params.id)));
    const outcome = await library.save(owner(res), quiz, 'update', options.now());
    res.json({ ok: true, quiz: summary(savedEntry(outcome, quiz, options.now())) });
  });

  router.delete('/:id', async (req, res) => {
    if (!(await library.remove(owner(res), String(req.params.id)))) throw notFound('quiz');
    res.json({ ok: true });
  });

  router.use(apiErrors(options.logger));
  return router;
}

function savedEntry(outcome: SaveOutcome, quiz: Quiz, now: number): LibraryEntry {
  if (outcome.saved) return { quiz, version: outcome.version, updatedAt: now };
  if (outcome.reason === 'missing') throw notFound('quiz');
  if (outcome.reason === 'full') throw new HttpError('bad_request', 'Your library is full; delete a quiz first.');
  throw new HttpError('internal', 'A new quiz id was already in use; try again.');
}
