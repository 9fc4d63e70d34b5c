import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../server/quiz/catalog.js';
import { refusal } from '../support/import-refusal.js';
import { exportQuizJson, importQuizJson } from '../../server/quiz/quiz-json.js';

const whole = createCatalog().get('module-16')!;

describe('quiz JSON', () => {
  it('round-trips JSON → quiz → JSON byte for byte', () => {
    const json = exportQuizJson(whole);
    const quiz = importQuizJson(json);
    expect(quiz).toEqual(whole);
    expect(exportQuizJson(quiz)).toBe(json);
  });

  it('lets the importer rename the quiz and fills defaults', () => {
    const { description: _dropped, ...bare } = whole;
    const quiz = importQuizJson(JSON.stringify(bare), { id: 'renamed', title: 'Renamed' });
    expect(quiz.id).toBe('renamed');
    expect(quiz.title).toBe('Renamed');
    expect(quiz.description).toBe('');
  });

  it("keeps a typed question's one-typo opt-in and refuses it on a choice question", () => {
    const quiz = structuredClone(whole);
    const typed = quiz.questions.findIndex((q) => q.type === 'typed' && !q.acceptOneTypo);
    quiz.questions[typed]!.acceptOneTypo = true;
    expect(importQuizJson(exportQuizJson(quiz)).questions[typed]!.acceptOneTypo).toBe(true);
    const single = quiz.questions.findIndex((q) => q.type === 'single');
    quiz.questions[single]!.acceptOneTypo = true;
    expect(refusal(() => importQuizJson(JSON.stringify(quiz))).issues).toEqual([
      { row: single + 1, field: 'acceptOneTypo', message: 'only typed questions tolerate a typo' },
    ]);
  });

  it('refuses text that is not JSON', () => {
    expect(refusal(() => importQuizJson('{ nope')).issues).toEqual([
      { row: null, field: '(file)', message: expect.stringContaining('not valid JSON') },
    ]);
  });

  it('names the question number and field of each problem', () => {
    const quiz = structuredClone(whole);
    quiz.questions[2]!.options[0] = '';
    quiz.questions[4]!.difficulty = 7;
    const { issues } = refusal(() => importQuizJson(JSON.stringify({ ...quiz, id: 'Bad Id' })));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: null, field: 'id' }),
        expect.objectContaining({ row: 3, field: 'options.0' }),
        expect.objectContaining({ row: 5, field: 'difficulty' }),
      ]),
    );
  });
});
