import type { Question } from '../../shared/quiz.js';
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

export function gameReport(
  questions: readonly Question[],
  perQuestion: readonly QuestionAnswers[],
  players: readonly PlayerRecord[],
  ranked: readonly Ranked[],
): NonNullable<GameOver['report']> {
  const active = players.filter((p) => !p.kicked).length;
  return {
    questions: questions.map((question, index) => {
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
      };
    }),
    players: ranked.map((r) => {
      const mine = perQuestion.map((answers) => answers.get(r.playerId)).filter((a) => a !== undefined);
      return { nickname: r.nickname, score: r.score, rank: r.rank, correct: mine.filter((a) => a.correct).length, answered: mine.length };
    }),
  };
}
