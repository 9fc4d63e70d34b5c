import { z } from 'zod';
import { quizSummarySchema } from './quiz.js';

/** A quiz in a host's own library: the summary plus its version, bumped on every save. */
export const hostQuizSummarySchema = quizSummarySchema.extend({
  version: z.number().int(),
  updatedAt: z.number(),
});
export type HostQuizSummary = z.infer<typeof hostQuizSummarySchema>;

export const QUIZ_FORMATS = ['json', 'csv'] as const;

/** A file given to the dashboard's import: CSV has no title of its own, so the file name gives one. */
export const quizImportSchema = z.object({
  format: z.enum(QUIZ_FORMATS),
  content: z.string().min(1, 'the file is empty').max(200_000, 'the file is too large'),
  title: z.string().trim().min(1).max(100).optional(),
});
