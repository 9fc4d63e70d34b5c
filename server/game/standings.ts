import type { Answer } from '../../shared/client-events.js';
import type { Question } from '../../shared/quiz.js';
import { NEEDS_HELP_BELOW, type GameAnalysis, type PlayerAnalysis, type QuestionAnalysis } from '../../shared/report.js';
import type { GameOver, Standing } from '../../shared/server-events.js';
import { answerText } from './judge.js';
import type { AnswerRecord, PlayerRecord } from './records.js';

export interface ScoreEntry {
  playerId: string;
  nickname: string;
  score: number;
}

export interface Ranked extends ScoreEntry {
  rank: number;
}

/** Sorts once and gives tied scores the same rank (1, 2, 2, 4), so ranks cost O(N log N) per question. */
export function rankAll(entries: readonly ScoreEntry[]): Ranked[] {
  const sorted = [...entries].sort((a, b) => b.score - a.score || a.nickname.localeCompare(b.nickname));
  let rank = 0;
  return sorted.map((entry, i) => {
    if (i === 0 || entry.score !== sorted[i - 1]!.score) rank = i + 1;
    return { ...entry, rank };
  });
}

/** The player directly above a rank (the last one with a strictly higher score), for "N points behind X". */
export function playerAbove(ranked: readonly Ranked[], rank: number): Ranked | undefined {
  return rank > 1 ? ranked[rank - 2] : undefined;
}

export function toStanding(entry: Ranked, previousRanks?: ReadonlyMap<string, number>): Standing {
  const standing: Standing = { playerId: entry.playerId, nickname: entry.nickname, score: entry.score, rank: entry.rank };
  const previous = previousRanks?.get(entry.playerId);
  if (previous !== undefined) standing.previousRank = previous;
  return standing;
}

/** Ranks before the given answers counted: the scores less this question's points. */
export function previousRanks(entries: readonly ScoreEntry[], answers: readonly AnswerRecord[]): Map<string, number> {
  const gained = new Map(answers.map((a) => [a.playerId, a.points]));
  const before = entries.map((e) => ({ ...e, score: e.score - (gained.get(e.playerId) ?? 0) }));
  return new Map(rankAll(before).map((r) => [r.playerId, r.rank]));
}

/** Players per option for choice questions; [right, wrong] for typed ones. */
export function distribution(question: Question, answers: readonly AnswerRecord[]): number[] {
  if (question.type === 'typed') {
    const right = answers.filter((a) => a.correct).length;
    return [right, answers.length - right];
  }
  const counts = question.options.map(() => 0);
  for (const { answer } of answers) {
    for (const choice of Array.isArray(answer) ? answer : [answer]) {
      if (typeof choice === 'number' && choice < counts.length) counts[choice]! += 1;
    }
  }
  return counts;
}

export type QuestionAnswers = ReadonlyMap<string, AnswerRecord>;

/** A player's study list: every question they missed or got wrong, with the module's explanation. */
export function missedQuestions(questions: readonly Question[], perQuestion: readonly QuestionAnswers[], playerId: string) {
  return questions.flatMap((question, index) => {
    if (perQuestion[index]?.get(playerId)?.correct) return [];
    return [{ index, text: question.text, answer: answerText(question), explanation: question.explanation, section: question.section }];
  });
}

/** A player's answer in words: the option texts chosen, or what they typed. */
function givenText(question: Question, answer: Answer): string {
  if (typeof answer === 'string') return answer.trim();
  return (Array.isArray(answer) ? answer : [answer]).map((i) => question.options[i] ?? '?').join(' + ');
}

const HARDEST_COUNT = 3;

/** The questions fewest players got right (slowest first among equals); a question everyone got right is never hard. */
function hardestQuestions(questions: readonly QuestionAnalysis[]): number[] {
  return questions
    .filter((q) => q.shareCorrect < 1)
    .sort((a, b) => a.shareCorrect - b.shareCorrect || (b.averageResponseMs ?? 0) - (a.averageResponseMs ?? 0))
    .slice(0, HARDEST_COUNT)
    .map((q) => q.index);
}

/** Everything a finished game tells a teacher: per question, per player, the hardest questions and who may need help. */
export function gameReport(
  questions: readonly Question[],
  perQuestion: readonly QuestionAnswers[],
  players: readonly PlayerRecord[],
  ranked: readonly Ranked[],
): GameAnalysis {
  const active = players.filter((p) => !p.kicked).length;
  const analysed = questions.map((question, index): QuestionAnalysis => {
    const answers = [...(perQuestion[index]?.values() ?? [])];
    const correct = answers.filter((a) => a.correct).length;
    const total = answers.reduce((sum, a) => sum + a.responseMs, 0);
    return {
      index,
      text: question.text,
      answered: answers.length,
      correct,
      shareCorrect: active === 0 ? 0 : correct / active,
      averageResponseMs: answers.length === 0 ? null : Math.round(total / answers.length),
      type: question.type,
      options: question.options,
      answer: answerText(question),
      rightOptions: question.correct,
      distribution: distribution(question, answers),
    };
  });
  const people = ranked.map((r): PlayerAnalysis => {
    const mine = perQuestion.map((answers) => answers.get(r.playerId));
    const correct = mine.filter((a) => a?.correct).length;
    return {
      nickname: r.nickname,
      score: r.score,
      rank: r.rank,
      correct,
      answered: mine.filter((a) => a !== undefined).length,
      accuracy: questions.length === 0 ? 0 : correct / questions.length,
      answers: mine.map((a, i) =>
        a ? { given: givenText(questions[i]!, a.answer), correct: a.correct, points: a.points, responseMs: a.responseMs } : null,
      ),
    };
  });
  return {
    questions: analysed,
    players: people,
    hardest: hardestQuestions(analysed),
    needsHelp: people.filter((p) => p.accuracy < NEEDS_HELP_BELOW).map((p) => p.nickname),
  };
}

/** The part of the analysis game:over carries to the host's screen: small whatever the room's size. */
export function hostReport(analysis: GameAnalysis): NonNullable<GameOver['report']> {
  return {
    questions: analysis.questions.map(({ index, text, answered, correct, shareCorrect, averageResponseMs }) => ({
      index,
      text,
      answered,
      correct,
      shareCorrect,
      averageResponseMs,
    })),
    players: analysis.players.map(({ nickname, score, rank, correct, answered }) => ({ nickname, score, rank, correct, answered })),
  };
}
