import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../shared/client-events.js';
import type { Question } from '../../shared/quiz.js';
import type { ReportSummary, SavedReport } from '../../shared/report.js';
import type { QuestionOpen } from '../../shared/server-events.js';
import { must, next, type TestSocket } from '../support/clients.js';
import { FIXTURE_QUIZ } from '../support/fixture-quiz.js';
import { answer, seatPlayers, UNSHUFFLED } from '../support/game.js';
import { STORE_KINDS, startTestServer, type TestServer } from '../support/server.js';
import { freshEmail, HostClient, success } from '../accounts/host-client.js';

/** The server's random source, seeded, so the shuffles here are the same on every run. */
function seeded(seed: number): () => number {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const quizQuestion = (text: string): Question => FIXTURE_QUIZ.questions.find((q) => q.text === text)!;
const rightTexts = (q: Question) => q.correct.map((i) => q.options[i]!);
/** The right answer in words, as a sorted list so a multi answer compares whatever its order. */
const inWords = (q: Question) => (q.type === 'typed' ? [q.accepted[0]!] : rightTexts(q).sort());

/** An answer to the question as the phone shows it, found by the options' texts, never by their position in the quiz. */
function reply(shown: QuestionOpen, right: boolean): Answer {
  const q = quizQuestion(shown.text);
  if (q.type === 'typed') return right ? q.accepted[0]! : 'GPU';
  const correct = rightTexts(q).map((t) => shown.options.indexOf(t)).sort();
  if (right) return q.type === 'multi' ? correct : correct[0]!;
  const wrong = shown.options.findIndex((_, i) => !correct.includes(i));
  return q.type === 'multi' ? [wrong] : wrong;
}

describe.each(STORE_KINDS)('shuffled rooms on the %s store', (kind) => {
  let server: TestServer;
  let teacher: HostClient;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer(kind, { config: { openMode: false }, random: seeded(7) });
    teacher = new HostClient(server.url);
    await teacher.signUp(freshEmail('shuffle'));
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await server?.stop();
  });

  /** Plays the whole quiz: the first player answers everything right, the second everything wrong. */
  async function play(options: Record<string, unknown>) {
    const host = await teacher.socket();
    sockets.push(host);
    const { pin } = await must(host, 'host:create', { quizId: 'fixture', ...options });
    const [right, wrong] = await seatPlayers(server.url, pin, 2);
    sockets.push(right!.socket, wrong!.socket);
    const shown: QuestionOpen[] = [];
    const judged: boolean[][] = [];
    for (let index = 0; index < FIXTURE_QUIZ.questions.length; index++) {
      const opened = next(right!.socket, 'question:open', (q) => q.index === index);
      await must(host, index === 0 ? 'host:start' : 'host:next', {});
      const question = await opened;
      shown.push(question);
      const reveal = next(host, 'question:reveal');
      const results = [right, wrong].map((p) => next(p!.socket, 'player:result'));
      await answer(right!.socket, index, reply(question, true));
      await answer(wrong!.socket, index, reply(question, false));
      const revealed = await reveal;
      // The reveal's right options are the quiz's, wherever the shuffle put them.
      const asked = quizQuestion(question.text);
      expect(revealed.correct.map((i) => revealed.options[i]).sort()).toEqual(asked.type === 'typed' ? [] : inWords(asked));
      judged.push((await Promise.all(results)).map((r) => r.correct));
      await must(host, 'host:next', {});
    }
    const over = next(host, 'game:over');
    await must(host, 'host:next', {});
    await over;
    const summaries = success(await teacher.call<{ reports: ReportSummary[] }>('GET', '/api/my/reports')).reports;
    const id = summaries.find((r) => r.pin === pin)!.id;
    const { report } = success(await teacher.call<{ report: SavedReport }>('GET', `/api/my/reports/${id}`));
    return { shown, judged, report };
  }

  it('shuffles questions and options unless told not to, and judges, reveals and reports in the quiz\'s own terms', async () => {
    const { shown, judged, report } = await play({});
    const quizTexts = FIXTURE_QUIZ.questions.map((q) => q.text);
    expect([...shown.map((q) => q.text)].sort()).toEqual([...quizTexts].sort());
    expect(shown.map((q) => q.text)).not.toEqual(quizTexts);
    const single = shown.find((q) => q.type === 'single')!;
    expect(single.options).not.toEqual(quizQuestion(single.text).options);

    expect(judged).toEqual(shown.map(() => [true, false]));
    for (const q of report.questions) {
      expect(q.answer.split(' + ').sort()).toEqual(inWords(quizQuestion(q.text)));
      expect(q.rightOptions.map((i) => q.options[i]).sort()).toEqual(quizQuestion(q.text).type === 'typed' ? [] : inWords(quizQuestion(q.text)));
      expect(q.correct).toBe(1);
    }
    // Each player's answers read as the options they chose, in words.
    const given = (name: string) => report.players.find((p) => p.nickname === name)!.answers.map((a) => a!.given.split(' + ').sort());
    expect(given('Player 01')).toEqual(report.questions.map((q) => inWords(quizQuestion(q.text))));
    given('Player 02').forEach((words, i) => expect(words).not.toEqual(inWords(quizQuestion(report.questions[i]!.text))));
  });

  it('keeps the quiz\'s own order when the host turns shuffling off', async () => {
    const { shown, judged } = await play(UNSHUFFLED);
    expect(shown.map((q) => q.text)).toEqual(FIXTURE_QUIZ.questions.map((q) => q.text));
    expect(shown.map((q) => q.options)).toEqual(FIXTURE_QUIZ.questions.map((q) => q.options));
    expect(judged).toEqual(shown.map(() => [true, false]));
  });
});
