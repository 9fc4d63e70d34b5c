import { z } from 'zod';
import { errorCodeSchema } from './errors.js';

/** Where a body was wrong and why: a zod issue's path and message, so a form can show it next to its field. */
export const issueDetailSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type IssueDetail = z.infer<typeof issueDetailSchema>;

/** The error half of every HTTP API answer: `{ ok: false, error }`. */
export const apiErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.array(issueDetailSchema).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export function issueDetails(issues: readonly z.core.$ZodIssue[]): IssueDetail[] {
  return issues.map((issue) => ({
    path: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
    message: issue.message,
  }));
}

/**
 * Plain wording for zod's generic issues (a schema's own messages still win), so the server's refusals
 * and the editor's checks read the same and a teacher sees "required" rather than "Too small: expected string…".
 */
export const plainMessages: z.core.$ZodErrorMap = (issue) => {
  const unit = issue.origin === 'string' ? ' characters' : '';
  if (issue.code === 'too_small') {
    if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'required';
    if (issue.origin === 'array' && Number(issue.minimum) === 1) return 'add at least one';
    return `at least ${String(issue.minimum)}${unit}`;
  }
  if (issue.code === 'too_big') return `at most ${String(issue.maximum)}${unit}`;
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'enter a number';
  return undefined;
};

/** `GET /api/join-link`: the address phones join at, or why there is none (the big screen says so instead). */
export const joinBaseSchema = z.union([
  z.object({ base: z.string().url(), source: z.enum(['public_url', 'page', 'lan']) }),
  z.object({ base: z.null(), reason: z.string() }),
]);
export type JoinBase = z.infer<typeof joinBaseSchema>;
