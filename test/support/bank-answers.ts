import type { Answer } from '../../shared/client-events.js';
import type { Question } from '../../shared/quiz.js';
import { createCatalog } from '../../server/quiz/catalog.js';

/** The questions a room of `quizId` plays when not shuffled, and the right answer to each. */
export function bankQuestions(quizId: string, count: number): { questions: Question[]; answers: Answer[] } {
  const quiz = createCatalog().get(quizId);
  if (!quiz) throw new Error(`no quiz ${quizId}`);
  const questions = quiz.questions.slice(0, count);
  const answers = questions.map((q): Answer => (q.type === 'typed' ? q.accepted[0]! : q.type === 'multi' ? q.correct : q.correct[0]!));
  return { questions, answers };
}
