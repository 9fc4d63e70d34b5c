import type { Question, Quiz } from '../../shared/quiz.js';

/** A question as a preview shows it to someone who may not have the answer key: what a player sees, and its settings. */
export type QuestionPreview = Omit<Question, 'correct' | 'accepted' | 'explanation'>;
export type QuizPreview = Omit<Quiz, 'questions'> & { questions: QuestionPreview[] };

export function previewOf(quiz: Quiz): QuizPreview {
  return { ...quiz, questions: quiz.questions.map(({ correct: _correct, accepted: _accepted, explanation: _explanation, ...shown }) => shown) };
}
