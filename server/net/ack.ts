import { z } from 'zod';
import { fail, GameError, type AckFail } from '../../shared/errors.js';
import type { Logger } from '../logger.js';

/** ioredis' messages when Redis is away or paused: the caller should hear `unavailable`, not `internal`. */
const OUTAGE = /Connection is closed|Command timed out|Stream isn't writeable|enableOfflineQueue|ECONNREFUSED|ECONNRESET|MaxRetriesPerRequest|LOADING|BUSY/;

export function isStoreOutage(err: unknown): boolean {
  return err instanceof Error && OUTAGE.test(`${err.name} ${err.message}`);
}

/** Turns anything thrown by a handler into a failed ack; unexpected errors are logged, never sent in detail. */
export function toFailure(err: unknown, logger: Logger, context: Record<string, unknown>): AckFail {
  if (err instanceof GameError) return fail(err.code, err.message);
  if (isStoreOutage(err)) {
    logger.warn({ ...context, err: (err as Error).message }, 'store unavailable');
    return fail('unavailable');
  }
  logger.error({ ...context, err }, 'handler failed');
  return fail('internal');
}

/** A short, readable account of why a payload was refused: the first issue with its path. */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid payload.';
  const path = issue.path.length > 0 ? issue.path.join('.') : 'payload';
  return `${path}: ${issue.message}`.slice(0, 200);
}
