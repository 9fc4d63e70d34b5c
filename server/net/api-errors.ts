import type { ErrorRequestHandler } from 'express';
import type { z } from 'zod';
import { issueDetails, plainMessages, type IssueDetail } from '../../shared/api.js';
import { GameError, type ErrorCode } from '../../shared/errors.js';
import type { Logger } from '../logger.js';
import { isStoreOutage } from './ack.js';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  not_found: 404,
  forbidden: 403,
  room_locked: 409,
  room_full: 409,
  nickname_taken: 409,
  nickname_refused: 400,
  wrong_phase: 409,
  no_players: 409,
  already_answered: 409,
  too_late: 409,
  already_joined: 409,
  sequence_required: 403,
  sequence_wrong: 403,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** A GameError with what HTTP adds: a status other than the code's usual one, and the fields at fault. */
export class HttpError extends GameError {
  readonly status: number;
  readonly details: IssueDetail[] | undefined;

  constructor(code: ErrorCode, message: string, options: { status?: number; details?: IssueDetail[] } = {}) {
    super(code, message);
    this.status = options.status ?? STATUS[code];
    this.details = options.details;
  }
}

/** The request needs a signed-in host: 401, so the dashboard knows to show the sign-in form. */
export function signInRequired(): HttpError {
  return new HttpError('forbidden', 'Sign in first.', { status: 401 });
}

export function notFound(what: string): HttpError {
  return new HttpError('not_found', `No ${what} with that id.`);
}

/** Parses a body with its shared schema; a refusal lists every issue with its path, for the form to place. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, message = 'Some fields need fixing.'): z.output<S> {
  const parsed = schema.safeParse(body, { error: plainMessages });
  if (!parsed.success) throw new HttpError('bad_request', message, { details: issueDetails(parsed.error.issues) });
  return parsed.data;
}

/** Answers every API failure as `{ ok: false, error: { code, message, details? } }`; unexpected ones are logged, never detailed. */
export function apiErrors(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    if (err instanceof GameError) {
      const status = err instanceof HttpError ? err.status : STATUS[err.code];
      const details = err instanceof HttpError ? err.details : undefined;
      return res.status(status).json({ ok: false, error: { code: err.code, message: err.message, ...(details ? { details } : {}) } });
    }
    if (isStoreOutage(err)) {
      logger.warn({ err: (err as Error).message }, 'store unavailable');
      return res.status(503).json({ ok: false, error: { code: 'unavailable', message: 'The store is unreachable for the moment; try again.' } });
    }
    // Body-parser errors (bad JSON, too large) carry a `type` and a 4xx status.
    if (typeof err?.type === 'string' && typeof err.status === 'number' && err.status < 500) {
      return res.status(err.status).json({ ok: false, error: { code: 'bad_request', message: err.status === 413 ? 'Body too large.' : 'Malformed request body.' } });
    }
    logger.error({ err }, 'api error');
    res.status(500).json({ ok: false, error: { code: 'internal', message: 'Unexpected error.' } });
  };
}
