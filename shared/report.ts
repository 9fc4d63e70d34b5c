import { z } from 'zod';
import { questionTypeSchema } from './quiz.js';
import { playerReportSchema, questionReportSchema } from './server-events.js';

/** Below this share of right answers a player is listed as one who may need help. */
export const NEEDS_HELP_BELOW = 0.5;

export const questionAnalysisSchema = questionReportSchema.extend({
  type: questionTypeSchema,
  options: z.array(z.string()),
  /** The right answer in words. */
  answer: z.string(),
  /** Indexes of the right options; empty for typed questions. */
  rightOptions: z.array(z.number().int()),
  /** Choice questions: players per option. Typed: [right, wrong]. */
  distribution: z.array(z.number().int()),
});
export type QuestionAnalysis = z.infer<typeof questionAnalysisSchema>;

export const givenAnswerSchema = z.object({
  given: z.string(),
  correct: z.boolean(),
  points: z.number().int(),
  responseMs: z.number().int(),
});

export const playerAnalysisSchema = playerReportSchema.extend({
  /** Right answers over all questions: a missed question counts as wrong. */
  accuracy: z.number(),
  /** One per question, null where the player gave no answer. */
  answers: z.array(givenAnswerSchema.nullable()),
});
export type PlayerAnalysis = z.infer<typeof playerAnalysisSchema>;

/** Everything a finished game tells a teacher; game:over carries the smaller part of it. */
export const gameAnalysisSchema = z.object({
  questions: z.array(questionAnalysisSchema),
  players: z.array(playerAnalysisSchema),
  /** Indexes of the questions fewest players got right, hardest first. */
  hardest: z.array(z.number().int()),
  /** Nicknames of the players whose accuracy is below NEEDS_HELP_BELOW. */
  needsHelp: z.array(z.string()),
});
export type GameAnalysis = z.infer<typeof gameAnalysisSchema>;

const reportMeta = {
  id: z.string(),
  pin: z.string(),
  quizId: z.string(),
  quizTitle: z.string(),
  /** The host quiz's version when the game was created; null for a built-in quiz. */
  quizVersion: z.number().int().nullable(),
  startedAt: z.number(),
  finishedAt: z.number(),
  /** The game closed before its podium (the host ended it, or left): the report holds only the questions played. */
  endedEarly: z.boolean().default(false),
};

export const savedReportSchema = gameAnalysisSchema.extend(reportMeta);
export type SavedReport = z.infer<typeof savedReportSchema>;

export const reportSummarySchema = z.object({
  ...reportMeta,
  playerCount: z.number().int(),
  questionCount: z.number().int(),
  /** Mean of the players' accuracy; null when nobody played. */
  averageAccuracy: z.number().nullable(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;
