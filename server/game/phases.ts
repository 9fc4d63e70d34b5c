import { GameError } from '../../shared/errors.js';
import type { Question } from '../../shared/quiz.js';
import type { CloseReason } from '../../shared/server-events.js';
import type { RoomRecord } from './records.js';

/**
 * The phase machine: lobby → question → reveal → leaderboard → question … → podium → ended.
 * Pure functions of (room, now); the caller persists the result with a compare-and-set.
 */

export function openQuestion(room: RoomRecord, index: number, question: Question, now: number): RoomRecord {
  return {
    ...room,
    phase: 'question',
    questionIndex: index,
    openedAt: now,
    deadline: now + question.timeLimitSec * 1000,
    advanceAt: 0,
  };
}

/** The same open question, opening at `now` instead: its time limit is kept. */
export function reopenAt(room: RoomRecord, now: number): RoomRecord {
  return { ...room, openedAt: now, deadline: now + (room.deadline - room.openedAt) };
}

function advanceAt(room: RoomRecord, now: number): number {
  return room.settings.autoAdvanceSec > 0 ? now + room.settings.autoAdvanceSec * 1000 : 0;
}

export function startGame(room: RoomRecord, questions: readonly Question[], playerCount: number, now: number): RoomRecord {
  if (room.phase !== 'lobby') throw new GameError('wrong_phase', 'The game has already started.');
  if (playerCount === 0) throw new GameError('no_players');
  return openQuestion(room, 0, questions[0]!, now);
}

export function closeQuestion(room: RoomRecord, now: number): RoomRecord {
  if (room.phase !== 'question') throw new GameError('wrong_phase', 'No question is open.');
  return { ...room, phase: 'reveal', advanceAt: advanceAt(room, now) };
}

/** What `host:next` (or auto-advance) does from each phase. */
export function nextPhase(room: RoomRecord, questions: readonly Question[], now: number): RoomRecord {
  switch (room.phase) {
    case 'question':
      return closeQuestion(room, now);
    case 'reveal':
      return { ...room, phase: 'leaderboard', advanceAt: advanceAt(room, now) };
    case 'leaderboard': {
      const next = room.questionIndex + 1;
      if (next < questions.length) return openQuestion(room, next, questions[next]!, now);
      return { ...room, phase: 'podium', advanceAt: 0 };
    }
    case 'podium':
      return endGame(room, 'finished');
    case 'lobby':
      throw new GameError('wrong_phase', 'Start the game first.');
    case 'ended':
      throw new GameError('wrong_phase', 'The game is over.');
  }
}

/** Closes the room for the given reason; a game stopped between its first question and its podium ended early. */
export function endGame(room: RoomRecord, closedAs: CloseReason): RoomRecord {
  const early = room.phase === 'question' || room.phase === 'reveal' || room.phase === 'leaderboard';
  return { ...room, phase: 'ended', advanceAt: 0, closedAs, endedEarly: early };
}

/** Whether the room waits on its host to move on: an open question closes, and an auto-advancing room moves, by itself. */
export function waitsOnHost(room: RoomRecord): boolean {
  if (room.phase === 'lobby' || room.phase === 'podium') return true;
  return (room.phase === 'reveal' || room.phase === 'leaderboard') && room.advanceAt === 0;
}

/** The moment the room's clock must act next, if any: a question's close, an auto-advance, or an idle lobby's expiry. */
export function nextTimer(room: RoomRecord, closeAt: (deadline: number) => number, lobbyTtlMs: number): number | null {
  if (room.phase === 'lobby') return room.createdAt + lobbyTtlMs;
  if (room.phase === 'question') return closeAt(room.deadline);
  if ((room.phase === 'reveal' || room.phase === 'leaderboard') && room.advanceAt > 0) return room.advanceAt;
  return null;
}

/** What the room's clock does when it fires: an idle lobby closes, anything else moves on. */
export function onClock(room: RoomRecord, questions: readonly Question[], now: number): RoomRecord {
  return room.phase === 'lobby' ? endGame(room, 'lobby_idle') : nextPhase(room, questions, now);
}
