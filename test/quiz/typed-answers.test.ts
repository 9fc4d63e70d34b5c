import { describe, expect, it } from 'vitest';
import { isCorrect } from '../../server/game/judge.js';
import { loadBank } from '../../server/quiz/bank.js';

const typed = loadBank().filter((q) => q.type === 'typed');

/** What students naturally type for each typed question (issue 25 lists most of these), and near misses that must stay wrong. */
const VARIANTS: Record<string, { right: string[]; wrong: string[] }> = {
  'm16-s1-08': { right: ['Readability.', 'readable', 'Readable code', 'readabilty'], wrong: ['speed', 'ecosystem'] },
  'm16-s2-02': { right: ['VENV', 'python -m venv', 'python3 -m venv', '`venv`'], wrong: ['conda', 'vnev', 'virtualenv'] },
  'm16-s2-08': { right: ['a lockfile', 'lock-file', 'Lock file', 'lockfiles', 'the lock file.'], wrong: ['lokfile', 'requirements'] },
  'm16-s2-12': { right: ['Dependency hell', 'dependency-hell', '"dependency hell"', 'dependancy hell'], wrong: ['hell', 'dependency conflicts'] },
  'm16-s3-02': { right: ['DataFrames', 'a DataFrame', 'data-frame', 'pandas DataFrame', "Pandas' DataFrame", 'dataframe.', 'DataFame'], wrong: ['array', 'table', 'data'] },
  'm16-s3-10': { right: ['vectorized', 'vectorisation', 'vectorization', 'Vectorize.', 'vectorise!', 'use vectorized operations'], wrong: ['loop', 'vectorse', 'parallelise'] },
  'm16-s4-02': { right: ['pydantic', 'Pydantic.', 'pydantc', "Pydantic's BaseModel"], wrong: ['FastAPI', 'BaseModel', 'pdantc'] },
  'm16-s4-09': { right: ['async def', 'Async def.', 'async def predict', 'async def predict(q: Query):'], wrong: ['def', 'async', 'await'] },
  'm16-s5-02': { right: ['the GIL', "Python's GIL", 'Python\u2019s GIL', 'global interpreter lock', 'The Global Interpreter Lock.', 'Global Interpreter Lok'], wrong: ['GPU', 'GOL', 'G I L', 'event loop'] },
  'm16-s6-07': { right: ['module', 'modules', 'Python modules', 'a module', 'proper Python modules'], wrong: ['production', 'notebook', 'modle'] },
  'm16-s7-08': { right: ['features', 'Feature', 'the features', 'input features'], wrong: ['labels', 'data', 'featurs'] },
  'm16-s7-09': { right: ['labels', 'the label', 'Label.', 'target', 'the target'], wrong: ['features', 'spam', 'lable'] },
  'm16-s7-13': { right: ['F1', 'F1 score', 'F1-score', 'F-score', 'f score', 'the F1 score'], wrong: ['accuracy', 'F2', 'recall'] },
  'm16-s9-06': { right: ['test set', 'the test set', 'held-out test set', 'the held out test set', 'test data', 'the untouched test set', 'Test'], wrong: ['validation set', 'training set', 'tset set'] },
};

describe('typed questions of the bank accept what students naturally type', () => {
  it('lists natural variants for every typed question, and no question that is not typed', () => {
    expect(Object.keys(VARIANTS).sort()).toEqual(typed.map((q) => q.id).sort());
  });

  it.each(typed.map((q) => [q.id, q] as const))('%s accepts its variants and refuses near misses', (id, question) => {
    const { right, wrong } = VARIANTS[id]!;
    for (const answer of right) expect(isCorrect(question, answer), `${id} should accept "${answer}"`).toBe(true);
    for (const answer of wrong) expect(isCorrect(question, answer), `${id} should refuse "${answer}"`).toBe(false);
  });

  it.each(typed.map((q) => [q.id, q] as const))('%s accepts each of its spellings however it is cased, spaced, articled or punctuated', (id, question) => {
    for (const spelling of question.accepted) {
      for (const answer of [spelling.toUpperCase(), `the ${spelling}.`, `  ${spelling.replace(/ /g, '   ')}  `, `"${spelling}"`, `${spelling}?`]) {
        expect(isCorrect(question, answer), `${id} should accept "${answer}"`).toBe(true);
      }
    }
  });
});
