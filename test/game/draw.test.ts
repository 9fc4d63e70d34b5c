import { describe, expect, it } from 'vitest';
import { drawQuestions, shuffleOptions } from '../../server/game/draw.js';
import { isCorrect } from '../../server/game/judge.js';
import { FIXTURE_QUIZ } from '../support/fixture-quiz.js';

/** A small deterministic generator, so a shuffle is repeatable in a test. */
function seeded(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('drawing a room questions', () => {
  it('a shuffled option order never changes which answer is right', () => {
    for (let seed = 1; seed < 50; seed++) {
      for (const q of FIXTURE_QUIZ.questions) {
        const shuffled = shuffleOptions(q, seeded(seed));
        expect(shuffled.options.slice().sort()).toEqual(q.options.slice().sort());
        expect(shuffled.correct.map((i) => shuffled.options[i]).sort()).toEqual(q.correct.map((i) => q.options[i]).sort());
      }
    }
    const multi = FIXTURE_QUIZ.questions[1]!;
    const shuffled = shuffleOptions(multi, seeded(7));
    expect(isCorrect(shuffled, shuffled.correct)).toBe(true);
  });

  it('keeps true/false in its order', () => {
    const tf = FIXTURE_QUIZ.questions[2]!;
    expect(shuffleOptions(tf, seeded(3)).options).toEqual(['True', 'False']);
  });

  it('applies the count, the question shuffle and the time-limit override', () => {
    const drawn = drawQuestions(FIXTURE_QUIZ, { questionCount: 3, shuffleQuestions: true, shuffleOptions: false, timeLimitSec: 7 }, seeded(11));
    expect(drawn).toHaveLength(3);
    expect(new Set(drawn.map((q) => q.id)).size).toBe(3);
    expect(drawn.every((q) => q.timeLimitSec === 7)).toBe(true);
    const unshuffled = drawQuestions(FIXTURE_QUIZ, { shuffleQuestions: false, shuffleOptions: false }, seeded(1));
    expect(unshuffled.map((q) => q.id)).toEqual(FIXTURE_QUIZ.questions.map((q) => q.id));
  });
});
