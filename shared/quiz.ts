import { z } from 'zod';

export const QUESTION_TYPES = ['single', 'multi', 'truefalse', 'typed'] as const;
export const questionTypeSchema = z.enum(QUESTION_TYPES);
export type QuestionType = z.infer<typeof questionTypeSchema>;

/** Limits chosen so a question fits a projector and an option fits a phone button. */
export const LIMITS = {
  textMax: 120,
  optionMax: 75,
  explanationMax: 400,
  acceptedMax: 60,
  timeLimitMinSec: 5,
  timeLimitMaxSec: 120,
} as const;

export const sectionSchema = z.object({
  number: z.number().int().min(1).max(9),
  title: z.string().min(1).max(80),
});
export type Section = z.infer<typeof sectionSchema>;

const optionText = z.string().trim().min(1).max(LIMITS.optionMax);

/**
 * A question as stored in a quiz, with its answer. Never sent to a player before the reveal;
 * `correct` holds option indexes, `accepted` the spellings a typed answer may match; `acceptOneTypo` lets a
 * typed question also take one wrong, missing or extra letter in a long answer (absent means no).
 */
export const questionSchema = z
  .object({
    id: z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash or underscore'),
    section: sectionSchema,
    type: questionTypeSchema,
    text: z.string().trim().min(1).max(LIMITS.textMax),
    options: z.array(optionText).max(4),
    correct: z.array(z.number().int().min(0).max(3)).max(4),
    accepted: z.array(z.string().trim().min(1).max(LIMITS.acceptedMax)).max(10).default([]),
    acceptOneTypo: z.boolean().optional(),
    explanation: z.string().trim().min(1).max(LIMITS.explanationMax),
    difficulty: z.number().int().min(1).max(3),
    timeLimitSec: z.number().int().min(LIMITS.timeLimitMinSec).max(LIMITS.timeLimitMaxSec),
  })
  .superRefine((q, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (q.type === 'typed') {
      if (q.options.length !== 0) issue('options', 'a typed question has no options');
      if (q.correct.length !== 0) issue('correct', 'a typed question lists accepted answers, not correct options');
      if (q.accepted.length === 0) issue('accepted', 'a typed question needs at least one accepted answer');
      return;
    }
    if (q.acceptOneTypo !== undefined) issue('acceptOneTypo', 'only typed questions tolerate a typo');
    if (q.accepted.length !== 0) issue('accepted', 'only typed questions have accepted answers');
    if (q.type === 'truefalse' && q.options.length !== 2) issue('options', 'a true/false question has exactly two options');
    if (q.options.length < 2) issue('options', 'needs 2 to 4 options');
    const folded = q.options.map((o) => o.toLowerCase());
    if (new Set(folded).size !== folded.length) issue('options', 'options must differ');
    if (q.correct.some((i) => i >= q.options.length)) issue('correct', 'a correct index points past the options');
    if (new Set(q.correct).size !== q.correct.length) issue('correct', 'a correct index is repeated');
    if (q.type === 'multi' ? q.correct.length < 1 : q.correct.length !== 1) {
      issue('correct', q.type === 'multi' ? 'needs at least one correct option' : 'needs exactly one correct option');
    }
  });
export type Question = z.infer<typeof questionSchema>;
export type QuestionInput = z.input<typeof questionSchema>;

export const quizSchema = z
  .object({
    id: z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9._-]*$/),
    title: z.string().trim().min(1).max(100),
    description: z.string().trim().max(300).default(''),
    questions: z.array(questionSchema).min(1).max(200),
  })
  .superRefine((quiz, ctx) => {
    const seen = new Set<string>();
    quiz.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate id ${q.id}` });
      seen.add(q.id);
    });
  });
export type Quiz = z.infer<typeof quizSchema>;
export type QuizInput = z.input<typeof quizSchema>;

/** What the quiz list shows: enough to choose, nothing to cheat with. */
export const quizSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  section: sectionSchema.nullable(),
  questionCount: z.number().int(),
});
export type QuizSummary = z.infer<typeof quizSummarySchema>;
