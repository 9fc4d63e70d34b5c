import type { Answer } from '../../shared/client-events.js';
import type { Question } from '../../shared/quiz.js';
import { matchesAccepted } from './typed-answer.js';

/** Whether an answer has the shape its question needs (an index for single, a list for multi, text for typed). */
export function fitsQuestion(question: Question, answer: Answer): boolean {
  switch (question.type) {
    case 'single':
    case 'truefalse':
      return typeof answer === 'number' && answer < question.options.length;
    case 'multi':
      return Array.isArray(answer) && answer.every((i) => i < question.options.length) && new Set(answer).size === answer.length;
    case 'typed':
      return typeof answer === 'string' && answer.trim().length > 0;
  }
}

export function isCorrect(question: Question, answer: Answer): boolean {
  switch (question.type) {
    case 'single':
    case 'truefalse':
      return answer === question.correct[0];
    case 'multi': {
      if (!Array.isArray(answer) || answer.length !== question.correct.length) return false;
      return answer.every((i) => question.correct.includes(i));
    }
    case 'typed':
      return typeof answer === 'string' && matchesAccepted(answer, question.accepted, question.acceptOneTypo);
  }
}

/** The right answer in words, for the study list. */
export function answerText(question: Question): string {
  if (question.type === 'typed') return question.accepted[0] ?? '';
  return question.correct.map((i) => question.options[i]).join(' + ');
}
