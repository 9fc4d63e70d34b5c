import { describe, expect, it } from 'vitest';
import { answerText, fitsQuestion, isCorrect } from '../../server/game/judge.js';
import { foldTyped, matchesAccepted, withinOneEdit } from '../../server/game/typed-answer.js';
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
    expect(foldTyped('  Global   Interpreter\tLOCK ')).toBe('global interpreter lock');
    expect(isCorrect(typed, ' gil ')).toBe(true);
    expect(isCorrect(typed, 'global  interpreter lock')).toBe(true);
    expect(isCorrect(typed, 'GPU')).toBe(false);
    expect(isCorrect(typed, 'G I L')).toBe(false);
  });

  it('typed: a leading article, wrapping quotes and trailing punctuation do not matter', () => {
    expect(isCorrect(typed, 'the GIL')).toBe(true);
    expect(isCorrect(typed, 'The Global Interpreter Lock.')).toBe(true);
    expect(isCorrect(typed, '"GIL"!')).toBe(true);
    expect(isCorrect(typed, 'a GIL?')).toBe(true);
    expect(matchesAccepted('an event loop', ['event loop'])).toBe(true);
    expect(matchesAccepted('`venv`', ['venv'])).toBe(true);
    expect(matchesAccepted('theGIL', ['GIL'])).toBe(false);
  });

  it('typed: a leading possessive qualifier may be dropped by the player, not by the key', () => {
    expect(isCorrect(typed, "Python's GIL")).toBe(true);
    expect(isCorrect(typed, 'Python\u2019s global interpreter lock')).toBe(true);
    expect(matchesAccepted("Pandas' DataFrame", ['DataFrame'])).toBe(true);
    expect(matchesAccepted("Pydantic's BaseModel", ['Pydantic BaseModel'])).toBe(true);
    expect(matchesAccepted('law', ["Amdahl's law"])).toBe(false);
    expect(isCorrect(typed, 'Python GIL')).toBe(false);
  });

  it('typed: hyphens read as a space or as nothing', () => {
    expect(matchesAccepted('lock-file', ['lockfile'])).toBe(true);
    expect(matchesAccepted('lock\u2013file', ['lock file'])).toBe(true);
    expect(matchesAccepted('held-out test set', ['held out test set'])).toBe(true);
    expect(matchesAccepted('F score', ['F-score'])).toBe(true);
    expect(matchesAccepted('lock file', ['lockfile'])).toBe(false);
  });

  it('typed: simple plurals and -ise/-ize spellings meet', () => {
    expect(matchesAccepted('DataFrames', ['DataFrame'])).toBe(true);
    expect(matchesAccepted('feature', ['features'])).toBe(true);
    expect(matchesAccepted('dependencies', ['dependency'])).toBe(true);
    expect(matchesAccepted('processes', ['process'])).toBe(true);
    expect(matchesAccepted('vectorize', ['vectorise'])).toBe(true);
    expect(matchesAccepted('Vectorized operations', ['vectorised operation'])).toBe(true);
    expect(matchesAccepted('vectorization', ['vectorisation'])).toBe(true);
    expect(matchesAccepted('class', ['clas'])).toBe(false);
    expect(matchesAccepted('vectorised', ['vectorise'])).toBe(false);
  });

  it('typed: typos stay wrong unless the question opts in, and then only one letter in a long answer', () => {
    expect(matchesAccepted('multiprocesing', ['multiprocessing'])).toBe(false);
    expect(matchesAccepted('multiprocesing', ['multiprocessing'], true)).toBe(true);
    expect(matchesAccepted('multiprocessingg', ['multiprocessing'], true)).toBe(true);
    expect(matchesAccepted('multiprocezsing', ['multiprocessing'], true)).toBe(true);
    expect(matchesAccepted('multiprocesssingg', ['multiprocessing'], true)).toBe(false);
    expect(matchesAccepted('mutliprocessing', ['multiprocessing'], true)).toBe(false);
    expect(matchesAccepted('GOL', ['GIL'], true)).toBe(false);
    expect(matchesAccepted('vnev', ['venv'], true)).toBe(false);
    expect(withinOneEdit('abc', 'abc')).toBe(true);
    expect(withinOneEdit('abcd', 'abd')).toBe(true);
    expect(withinOneEdit('abcd', 'abdc')).toBe(false);
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
