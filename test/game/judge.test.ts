import { describe, expect, it } from 'vitest';
import { answerText, fitsQuestion, isCorrect, normaliseTyped } from '../../server/game/judge.js';
import { FIXTURE_QUIZ } from '../support/fixture-quiz.js';

const [single, multi, truefalse, typed] = FIXTURE_QUIZ.questions as [never, never, never, never];

describe('judging answers', () => {
  it('single and true/false: the one correct index', () => {
    expect(isCorrect(single, 1)).toBe(true);
    expect(isCorrect(single, 0)).toBe(false);
    expect(isCorrect(truefalse, 1)).toBe(true);
    expect(isCorrect(truefalse, 0)).toBe(false);
  });

  it('multi: exactly the correct set, in any order', () => {
    expect(isCorrect(multi, [1, 0])).toBe(true);
    expect(isCorrect(multi, [0])).toBe(false);
    expect(isCorrect(multi, [0, 1, 2])).toBe(false);
  });

  it('typed: trimmed, case-folded, spaces collapsed, any accepted spelling', () => {
    expect(normaliseTyped('  Global   Interpreter\tLOCK ')).toBe('global interpreter lock');
    expect(isCorrect(typed, ' gil ')).toBe(true);
    expect(isCorrect(typed, 'global  interpreter lock')).toBe(true);
    expect(isCorrect(typed, 'GPU')).toBe(false);
    expect(isCorrect(typed, 'G I L')).toBe(false);
  });

  it('refuses answers of the wrong shape or out of range', () => {
    expect(fitsQuestion(single, 3)).toBe(true);
    expect(fitsQuestion(truefalse, 2)).toBe(false);
    expect(fitsQuestion(single, [1])).toBe(false);
    expect(fitsQuestion(multi, [1, 1])).toBe(false);
    expect(fitsQuestion(typed, 1)).toBe(false);
    expect(fitsQuestion(typed, '   ')).toBe(false);
  });

  it('words the right answer for the study list', () => {
    expect(answerText(multi)).toBe('DataFrame + n-dimensional array');
    expect(answerText(typed)).toBe('GIL');
  });
});
