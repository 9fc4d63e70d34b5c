import type { Question } from '../../shared/quiz.js';
import type { PlayerResult, QuestionOpen, Reveal } from '../../shared/server-events.js';
import type { AnswerRecord, RoomRecord } from './records.js';
import { distribution, playerAbove, type Ranked } from './standings.js';

/**
 * What players see of an open question: built field by field so the answer can never ride along, nor how many
 * options of a multi question are right (that count is part of the answer).
 */
export function questionOpenView(room: RoomRecord, question: Question): QuestionOpen {
  return {
    index: room.questionIndex,
    total: room.total,
    type: question.type,
    text: question.text,
    options: [...question.options],
    openedAt: room.openedAt,
    deadline: room.deadline,
    timeLimitMs: room.deadline - room.openedAt,
  };
}

export function revealView(index: number, question: Question, answers: readonly AnswerRecord[]): Reveal {
  return {
    index,
    type: question.type,
    text: question.text,
    options: [...question.options],
    correct: [...question.correct],
    accepted: [...question.accepted],
    distribution: distribution(question, answers),
    answered: answers.length,
    explanation: question.explanation,
    section: question.section,
  };
}

/** One player's result, from the ranks computed once for the whole room. */
export function playerResultView(index: number, me: Ranked, ranked: readonly Ranked[], answer: AnswerRecord | undefined): PlayerResult {
  const result: PlayerResult = {
    index,
    answered: answer !== undefined,
    correct: answer?.correct ?? false,
    points: answer?.points ?? 0,
    score: me.score,
    rank: me.rank,
    streak: answer?.streak ?? 0,
  };
  const above = playerAbove(ranked, me.rank);
  if (above) {
    result.behindBy = above.score - me.score;
    result.behindNickname = above.nickname;
  }
  return result;
}
