import type { Quiz } from '../../shared/quiz.js';
import type { QuizCatalog } from './catalog.js';
import type { QuizLibrary } from './library.js';

export interface ResolvedQuiz {
  quiz: Quiz;
  /** The host quiz's version; absent for a built-in. */
  version?: number;
}

/** How a room finds its quiz: by id, for the host creating it (undefined when nobody is signed in). */
export type QuizResolver = (quizId: string, ownerId: string | undefined) => Promise<ResolvedQuiz | null>;

/** Built-ins first, so every host plays the same module quizzes; then the signed-in host's own library. */
export function quizResolver(catalog: QuizCatalog, library?: QuizLibrary): QuizResolver {
  return async (quizId, ownerId) => {
    const builtIn = catalog.get(quizId);
    if (builtIn) return { quiz: builtIn };
    if (!library || !ownerId) return null;
    const entry = await library.get(ownerId, quizId);
    return entry ? { quiz: entry.quiz, version: entry.version } : null;
  };
}
