import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../server/quiz/catalog.js';
import { refusal } from '../support/import-refusal.js';
import { exportQuizCsv, importQuizCsv } from '../../server/quiz/quiz-csv.js';

const whole = createCatalog().get('module-16')!;
const meta = { id: 'class-quiz', title: 'Class quiz' };
const KAHOOT_HEADER = 'Question,Answer 1,Answer 2,Answer 3,Answer 4,Time limit (sec),Correct answer(s)';

describe('quiz CSV export and import', () => {
  it('round-trips the whole bank: CSV → quiz → CSV is byte-identical and keeps every field but ids', () => {
    const csv = exportQuizCsv(whole);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${KAHOOT_HEADER},Type,Accepted,Explanation,Section,Difficulty,One typo`);
    const quiz = importQuizCsv(csv, { id: whole.id, title: whole.title });
    expect(quiz.questions.some((q) => q.acceptOneTypo)).toBe(true);
    expect(exportQuizCsv(quiz)).toBe(csv);
    const withoutIds = (q: typeof whole) => q.questions.map(({ id: _id, ...rest }) => rest);
    expect(withoutIds(quiz)).toEqual(withoutIds(whole));
    expect(quiz.questions.map((q) => q.id).slice(0, 2)).toEqual(['q001', 'q002']);
  });

  it('keeps quotes, commas and line breaks inside cells', () => {
    const csv = [
      KAHOOT_HEADER,
      '"Which is ""vectorised"", fast,\nand native?",NumPy ops,"Python loops, row by row",,,20,1',
    ].join('\r\n');
    const [question] = importQuizCsv(csv, meta).questions;
    expect(question!.text).toBe('Which is "vectorised", fast,\nand native?');
    expect(question!.options).toEqual(['NumPy ops', 'Python loops, row by row']);
    const again = importQuizCsv(exportQuizCsv(importQuizCsv(csv, meta)), meta);
    expect(again.questions[0]!.text).toBe(question!.text);
  });

  it('reads a Kahoot-style sheet without our columns, inferring types and defaults', () => {
    const csv = [
      'Question - max 120 characters,Answer 1 - max 75 characters,Answer 2 - max 75 characters,Answer 3,Answer 4,Time limit (sec) – 5 to 120,Correct answer(s) - choose at least one',
      'What does async help with?,CPU-bound work,I/O-bound waits,Vectorising,,30,2',
      'Which tools pair environments and resolution?,Poetry,venv,uv,,,"1,3"',
      'Async speeds up CPU-bound work.,True,False,,,10,2',
      ',,,,,,',
      'Pick the lockfile purpose,,Reproducibility,,Speed,20,2',
    ].join('\n');
    const quiz = importQuizCsv(csv, meta);
    expect(quiz.questions.map((q) => q.type)).toEqual(['single', 'multi', 'truefalse', 'single']);
    const [single, multi, truefalse, gapped] = quiz.questions;
    expect(single).toMatchObject({ correct: [1], timeLimitSec: 30, difficulty: 2, section: { number: 1, title: 'Class quiz' } });
    expect(single!.explanation).toBe('The correct answer is: I/O-bound waits.');
    expect(multi).toMatchObject({ correct: [0, 2], timeLimitSec: 20 });
    expect(multi!.explanation).toBe('The correct answer is: Poetry; uv.');
    expect(truefalse).toMatchObject({ options: ['True', 'False'], correct: [1] });
    expect(gapped).toMatchObject({ options: ['Reproducibility', 'Speed'], correct: [0] });
  });

  it('reads typed questions and numbered sections from our columns', () => {
    const csv = [
      `${KAHOOT_HEADER},Type,Accepted,Explanation,Section,Difficulty`,
      'What lock stops parallel threads?,,,,,25,,,GIL | Global Interpreter Lock,,5: Async Python basics,3',
      'Name the built-in environment tool.,,,,,,,typed,venv,,2,',
    ].join('\n');
    const [gil, venv] = importQuizCsv(csv, meta).questions;
    expect(gil).toMatchObject({
      type: 'typed',
      accepted: ['GIL', 'Global Interpreter Lock'],
      section: { number: 5, title: 'Async Python basics' },
      difficulty: 3,
      explanation: 'The correct answer is: GIL.',
    });
    expect(venv).toMatchObject({ type: 'typed', section: { number: 2, title: 'Section 2' } });
  });

  it('reads the One typo column: yes opts a typed question in, blank leaves it out, a choice question refuses it', () => {
    const csv = [
      `${KAHOOT_HEADER},Type,Accepted,Explanation,Section,Difficulty,One typo`,
      'Which lock?,,,,,,,typed,Global Interpreter Lock,,,,yes',
      'Which tool?,,,,,,,typed,venv,,,,',
    ].join('\n');
    const [lock, tool] = importQuizCsv(csv, meta).questions;
    expect(lock!.acceptOneTypo).toBe(true);
    expect(tool).not.toHaveProperty('acceptOneTypo');
    expect(exportQuizCsv(importQuizCsv(csv, meta)).trim().split('\r\n').map((line) => line.split(',').at(-1))).toEqual(['One typo', 'yes', '']);
    const choice = `${KAHOOT_HEADER},Type,Accepted,Explanation,Section,Difficulty,One typo\nWhich?,Yes,No,,,20,1,,,,,,yes`;
    expect(refusal(() => importQuizCsv(choice, meta)).issues).toEqual([
      { row: 2, field: 'One typo', message: 'only typed questions tolerate a typo' },
    ]);
  });

  it('refuses bad rows with their spreadsheet row and column, importing nothing', () => {
    const csv = [
      `${KAHOOT_HEADER},Type,Accepted,Explanation,Section,Difficulty`,
      'A fine question?,Yes,No,,,20,1,,,,,',
      '"A question\nspanning lines",Yes,No,,,twenty,1,,,,,',
      'Which answer?,Yes,No,,,20,3,,,,,',
      `${'x'.repeat(121)},Yes,No,,,20,1,,,,,`,
      'Too long answer?,Yes,' + 'y'.repeat(76) + ',,,20,1,,,,,',
      'Odd type?,Yes,No,,,20,1,essay,,,,',
      'Too hard?,Yes,No,,,20,1,,,,,9',
    ].join('\n');
    const { issues, message } = refusal(() => importQuizCsv(csv, meta));
    expect(issues).toEqual([
      { row: 3, field: 'Time limit (sec)', message: '"twenty" is not a whole number' },
      { row: 4, field: 'Correct answer(s)', message: 'answer 3 is empty' },
      { row: 5, field: 'Question', message: expect.any(String) },
      { row: 6, field: 'Answer 2', message: expect.any(String) },
      { row: 7, field: 'Type', message: 'must be one of single, multi, truefalse, typed' },
      { row: 8, field: 'Difficulty', message: expect.any(String) },
    ]);
    expect(message).toContain('row 3 field Time limit (sec)');
  });

  it('refuses a file without a Question column, without questions, or with broken quoting', () => {
    expect(refusal(() => importQuizCsv('Prompt,Answer 1\nx,y', meta)).issues).toEqual([
      { row: 1, field: 'Question', message: 'the header row has no Question column' },
    ]);
    expect(refusal(() => importQuizCsv(`${KAHOOT_HEADER}\n,,,,,,\n`, meta)).issues[0]).toMatchObject({ row: null, field: 'Question' });
    expect(refusal(() => importQuizCsv(`${KAHOOT_HEADER}\nFine?,Yes,No,,,20,1\n"Open quote,Yes,No,,,20,1\n`, meta)).issues[0]).toMatchObject({
      row: 3,
      field: '(file)',
    });
  });

  it('refuses a bad quiz id', () => {
    expect(refusal(() => importQuizCsv(`${KAHOOT_HEADER}\nFine?,Yes,No,,,20,1`, { id: 'Not An Id', title: 'x' })).issues).toEqual([
      expect.objectContaining({ row: null, field: 'id' }),
    ]);
  });
});
