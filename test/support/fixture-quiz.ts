import type { Quiz } from '../../shared/quiz.js';
import { quizSchema } from '../../shared/quiz.js';
import { createCatalog } from '../../server/quiz/catalog.js';

const s = (number: number, title: string) => ({ number, title });

/** A small quiz from the module with one question of each type, so tests know every answer. */
export const FIXTURE_QUIZ: Quiz = quizSchema.parse({
  id: 'fixture',
  title: 'Fixture quiz',
  questions: [
    {
      id: 'fx-1',
      section: s(5, 'Async Python basics'),
      type: 'single',
      text: 'What does async help with?',
      options: ['CPU-bound work', 'I/O-bound work', 'Both equally', 'Neither'],
      correct: [1],
      explanation: 'Async gives concurrency while waiting on I/O, not parallel computation.',
      difficulty: 1,
      timeLimitSec: 20,
    },
    {
      id: 'fx-2',
      section: s(3, 'NumPy & Pandas essentials'),
      type: 'multi',
      text: 'Which are NumPy or Pandas structures?',
      options: ['DataFrame', 'n-dimensional array', 'Event loop', 'Lockfile'],
      correct: [0, 1],
      explanation: 'NumPy gives the n-dimensional array; Pandas builds the DataFrame on it.',
      difficulty: 2,
      timeLimitSec: 30,
    },
    {
      id: 'fx-3',
      section: s(6, 'Jupyter workflow'),
      type: 'truefalse',
      text: 'Notebooks are a good home for production code.',
      options: ['True', 'False'],
      correct: [1],
      explanation: 'Hidden state and poor diffs make notebooks exploration tools, not production tools.',
      difficulty: 1,
      timeLimitSec: 15,
    },
    {
      id: 'fx-4',
      section: s(5, 'Async Python basics'),
      type: 'typed',
      text: 'Which lock stops Python threads running bytecode in parallel? (3 letters)',
      options: [],
      correct: [],
      accepted: ['GIL', 'Global Interpreter Lock'],
      explanation: "The GIL prevents true multi-threaded parallelism of Python bytecode.",
      difficulty: 2,
      timeLimitSec: 30,
    },
  ],
});

/** Correct answers to the fixture, by index. */
export const FIXTURE_ANSWERS = [1, [0, 1], 1, '  global   interpreter LOCK '] as const;
export const FIXTURE_WRONG = [0, [0], 0, 'GPU'] as const;

export function fixtureCatalog() {
  const catalog = createCatalog();
  catalog.add(FIXTURE_QUIZ);
  return catalog;
}
