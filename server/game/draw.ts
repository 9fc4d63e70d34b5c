import type { RoomOptions } from '../../shared/client-events.js';
import type { Question, Quiz } from '../../shared/quiz.js';

export type Random = () => number;

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Reorders a question's options and remaps its correct indexes, so a shuffle never changes which answer is right. */
export function shuffleOptions(question: Question, random: Random): Question {
  if (question.type === 'typed' || question.type === 'truefalse') return question;
  const order = shuffled(question.options.map((_, i) => i), random);
  return {
    ...question,
    options: order.map((i) => question.options[i]!),
    correct: question.correct.map((c) => order.indexOf(c)).sort((a, b) => a - b),
  };
}

/** The questions a room will play, in order, with the host's count, shuffles and time limit applied. */
export function drawQuestions(
  quiz: Quiz,
  options: Pick<RoomOptions, 'questionCount' | 'shuffleQuestions' | 'shuffleOptions' | 'timeLimitSec'>,
  random: Random,
): Question[] {
  const ordered = options.shuffleQuestions ? shuffled(quiz.questions, random) : [...quiz.questions];
  const picked = ordered.slice(0, options.questionCount ?? ordered.length);
  return picked.map((q) => {
    const timed = options.timeLimitSec ? { ...q, timeLimitSec: options.timeLimitSec } : q;
    return options.shuffleOptions ? shuffleOptions(timed, random) : timed;
  });
}
