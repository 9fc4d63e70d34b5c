import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell, toCsv, unescapeFormula } from '../../shared/csv.js';
import type { HostQuizSummary } from '../../shared/library.js';
import type { Quiz } from '../../shared/quiz.js';
import { HostClient, success, twoHostServer } from '../accounts/host-client.js';
import { FIXTURE_QUIZ } from '../support/fixture-quiz.js';
import { STORE_KINDS, type TestServer } from '../support/server.js';

const FORMULAS = ['=1+1', '@SUM(A1)', '+cmd', '-2+3', "'=already quoted"];

/** The fixture with spreadsheet formulas as its first question's text and options. */
const formulaQuiz: Quiz = {
  ...FIXTURE_QUIZ,
  questions: [{ ...FIXTURE_QUIZ.questions[0]!, text: FORMULAS[0]!, options: FORMULAS.slice(1) }, ...FIXTURE_QUIZ.questions.slice(1)],
};

describe('the shared CSV writer', () => {
  it('turns every formula-looking text cell into text, and quiz import can undo exactly that', () => {
    expect(FORMULAS.map(csvCell)).toEqual(["'=1+1", "'@SUM(A1)", "'+cmd", "'-2+3", "''=already quoted"]);
    expect(FORMULAS.map((f) => unescapeFormula(csvCell(f)))).toEqual(FORMULAS);
    expect(csvCell(-3)).toBe('-3');
    expect(toCsv([['=a,b', 'say "hi"'], [null, 1]])).toBe(`"'=a,b","say ""hi"""\r\n,1\r\n`);
  });
});

describe.each(STORE_KINDS)('quiz CSV exports through the server on the %s store', (kind) => {
  let server: TestServer;
  let ada: HostClient;
  beforeAll(async () => {
    ({ server, ada } = await twoHostServer(kind));
  });
  afterAll(async () => server?.stop());

  it('writes no cell a spreadsheet would run, and reads its own export back unchanged', async () => {
    const imported = success(await ada.call<{ quiz: HostQuizSummary }>('POST', '/api/my/quizzes/import', { format: 'json', content: JSON.stringify(formulaQuiz) })).quiz;
    const csv = await ada.text(`/api/my/quizzes/${imported.id}/export.csv`);
    expect(csv.status).toBe(200);
    const row = csv.text.split('\r\n')[1]!;
    expect(row.startsWith("'=1+1,'@SUM(A1),'+cmd,'-2+3,''=already quoted,")).toBe(true);
    // No cell of the whole file starts a formula.
    const cells = csv.text.split('\r\n').flatMap((line) => line.split(','));
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);

    const back = success(await ada.call<{ quiz: HostQuizSummary }>('POST', '/api/my/quizzes/import', { format: 'csv', title: 'Back', content: csv.text })).quiz;
    const again = success(await ada.call<{ quiz: Quiz }>('GET', `/api/my/quizzes/${back.id}`)).quiz;
    expect(again.questions[0]).toMatchObject({ text: FORMULAS[0], options: FORMULAS.slice(1) });
  });
});
