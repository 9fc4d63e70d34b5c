import { QuizImportError } from '../../server/quiz/import-error.js';

/** Runs an import that must be refused and returns the refusal, so a test can read its rows and fields. */
export function refusal(run: () => unknown): QuizImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof QuizImportError) return error;
    throw error;
  }
  throw new Error('the import was accepted');
}
