import { describe, expect, it } from 'vitest';
import { GameError } from '../../shared/errors.js';
import { closeQuestion, endGame, nextPhase, nextTimer, onClock, reopenAt, startGame, waitsOnHost } from '../../server/game/phases.js';
import type { RoomRecord } from '../../server/game/records.js';
import { closeAt } from '../../server/game/timing.js';
import { FIXTURE_QUIZ } from '../support/fixture-quiz.js';

const questions = FIXTURE_QUIZ.questions;
const lobby = (autoAdvanceSec = 0): RoomRecord => ({
  pin: '123456',
  hostTokenHash: 'x',
  settings: { quizId: 'fixture', title: 'F', pointsMode: 'standard', autoAdvanceSec, maxPlayers: 10, nicknameMode: 'typed' },
  total: questions.length,
  phase: 'lobby',
  questionIndex: -1,
  openedAt: 0,
  deadline: 0,
  advanceAt: 0,
  locked: false,
  createdAt: 0,
});

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as GameError).code;
  }
  return 'no error';
};

describe('the phase machine', () => {
  it('walks lobby → question → reveal → leaderboard → … → podium → ended', () => {
    let room = startGame(lobby(), questions, 3, 1_000);
    expect(room).toMatchObject({ phase: 'question', questionIndex: 0, openedAt: 1_000, deadline: 21_000 });
    const seen: string[] = [room.phase];
    while (room.phase !== 'ended') {
      room = nextPhase(room, questions, 2_000);
      seen.push(`${room.phase}${room.phase === 'question' ? room.questionIndex : ''}`);
    }
    expect(seen).toEqual([
      'question', 'reveal', 'leaderboard', 'question1', 'reveal', 'leaderboard', 'question2', 'reveal', 'leaderboard',
      'question3', 'reveal', 'leaderboard', 'podium', 'ended',
    ]);
  });

  it('refuses to start twice or with nobody in the room', () => {
    expect(code(() => startGame(lobby(), questions, 0, 0))).toBe('no_players');
    const started = startGame(lobby(), questions, 1, 0);
    expect(code(() => startGame(started, questions, 1, 0))).toBe('wrong_phase');
    expect(code(() => nextPhase(lobby(), questions, 0))).toBe('wrong_phase');
    expect(code(() => nextPhase(endGame(started, 'ended_by_host'), questions, 0))).toBe('wrong_phase');
    expect(code(() => closeQuestion(lobby(), 0))).toBe('wrong_phase');
  });

  it('ends early only between the first question and the podium, and keeps why the room closed', () => {
    const open = startGame(lobby(), questions, 1, 0);
    const podium = { ...open, phase: 'podium' as const, questionIndex: questions.length - 1 };
    expect(endGame(lobby(), 'ended_by_host')).toMatchObject({ phase: 'ended', endedEarly: false, closedAs: 'ended_by_host' });
    expect(endGame(open, 'host_left')).toMatchObject({ endedEarly: true, closedAs: 'host_left' });
    expect(endGame(nextPhase(closeQuestion(open, 1), questions, 2), 'ended_by_host').endedEarly).toBe(true);
    expect(nextPhase(podium, questions, 0)).toMatchObject({ phase: 'ended', endedEarly: false, closedAs: 'finished' });
    expect(onClock(lobby(), questions, 0)).toMatchObject({ phase: 'ended', closedAs: 'lobby_idle' });
  });

  it('waits on the host in the lobby, at the podium, and at a reveal or leaderboard that does not move by itself', () => {
    const open = startGame(lobby(), questions, 1, 0);
    expect(waitsOnHost(lobby())).toBe(true);
    expect(waitsOnHost(open)).toBe(false);
    expect(waitsOnHost(closeQuestion(open, 1))).toBe(true);
    expect(waitsOnHost(closeQuestion(startGame(lobby(5), questions, 1, 0), 1))).toBe(false);
    expect(waitsOnHost({ ...open, phase: 'podium' })).toBe(true);
  });

  it('arms the clock at the question close and, with auto-advance, after reveal and leaderboard', () => {
    const open = startGame(lobby(5), questions, 1, 1_000);
    expect(nextTimer(open, closeAt, 60_000)).toBe(21_250);
    const reveal = closeQuestion(open, 22_000);
    expect(nextTimer(reveal, closeAt, 60_000)).toBe(27_000);
    expect(nextTimer(closeQuestion(startGame(lobby(0), questions, 1, 0), 0), closeAt, 60_000)).toBeNull();
    expect(nextTimer(nextPhase(nextPhase(nextPhase(open, questions, 0), questions, 0), questions, 0), closeAt, 60_000)).toBe(
      closeAt(30_000),
    );
  });

  it('closes a lobby nobody started once it has idled too long', () => {
    expect(nextTimer(lobby(), closeAt, 60_000)).toBe(60_000);
    expect(onClock(lobby(), questions, 60_000).phase).toBe('ended');
    expect(onClock(startGame(lobby(), questions, 1, 0), questions, 20_500).phase).toBe('reveal');
  });

  it('reopens a question at a later moment with the same time limit', () => {
    const open = startGame(lobby(), questions, 1, 1_000);
    const later = reopenAt(open, 1_040);
    expect(later).toEqual({ ...open, openedAt: 1_040, deadline: open.deadline + 40 });
  });
});
