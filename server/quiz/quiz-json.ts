import type { z } from 'zod';
import { quizSchema, type Quiz } from '../../shared/quiz.js';
import { QuizImportError, type ImportIssue } from './import-error.js';

export interface QuizOverrides {
  id?: string | undefined;
  title?: string | undefined;
}

/** Our own format: the quiz exactly as `quizSchema` outputs it, so export → import → export is stable. */
export function exportQuizJson(quiz: Quiz): string {
  return `${JSON.stringify(quiz, null, 2)}\n`;
}

/** Parses and validates a JSON quiz; `overrides` let the importer rename it. Throws QuizImportError. */
export function importQuizJson(content: string, overrides: QuizOverrides = {}): Quiz {
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch (error) {
    throw new QuizImportError([{ row: null, field: '(file)', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const document = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
  const result = quizSchema.safeParse({ ...document, ...definedOnly(overrides) });
  if (!result.success) throw new QuizImportError(result.error.issues.map(toIssue));
  return result.data;
}

function definedOnly(overrides: QuizOverrides): QuizOverrides {
  return Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
}

function toIssue(issue: z.core.$ZodIssue): ImportIssue {
  const [head, index, ...rest] = issue.path;
  if (head === 'questions' && typeof index === 'number') {
    return { row: index + 1, field: rest.map(String).join('.') || '(question)', message: issue.message };
  }
  return { row: null, field: issue.path.map(String).join('.') || '(quiz)', message: issue.message };
}
