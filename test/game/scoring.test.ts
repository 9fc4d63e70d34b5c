import { describe, expect, it } from 'vitest';
import { basePoints, pointsByStreak, scoreAnswer, scoreFromLadder, streakBonus } from '../../server/game/scoring.js';

describe('scoring', () => {
  it('gives 1000 for an instant answer and any answer within 0.5 s', () => {
    expect(basePoints(0, 20_000)).toBe(1000);
    expect(basePoints(499, 20_000)).toBe(1000);
  });

  it('falls linearly to 500 at the deadline and never below', () => {
    expect(basePoints(10_000, 20_000)).toBe(750);
    expect(basePoints(20_000, 20_000)).toBe(500);
    expect(basePoints(25_000, 20_000)).toBe(500);
    expect(basePoints(1_000, 20_000)).toBe(975);
  });

  it('adds 100 per answer in a row from the second, capped at 500', () => {
    expect([1, 2, 3, 6, 7, 20].map(streakBonus)).toEqual([0, 100, 200, 500, 500, 500]);
  });

  it('resets the streak and gives nothing for a wrong answer', () => {
    expect(scoreAnswer({ correct: false, responseMs: 0, timeLimitMs: 20_000, streakBefore: 4, mode: 'standard' })).toEqual({ points: 0, streak: 0 });
  });

  it('counts the streak bonus on the answer that extends the streak', () => {
    expect(scoreAnswer({ correct: true, responseMs: 0, timeLimitMs: 20_000, streakBefore: 0, mode: 'standard' })).toEqual({ points: 1000, streak: 1 });
    expect(scoreAnswer({ correct: true, responseMs: 0, timeLimitMs: 20_000, streakBefore: 2, mode: 'standard' })).toEqual({ points: 1200, streak: 3 });
  });

  it('doubles in double mode and keeps streaks at zero points in practice mode', () => {
    expect(scoreAnswer({ correct: true, responseMs: 10_000, timeLimitMs: 20_000, streakBefore: 1, mode: 'double' }).points).toBe(1700);
    expect(scoreAnswer({ correct: true, responseMs: 0, timeLimitMs: 20_000, streakBefore: 3, mode: 'none' })).toEqual({ points: 0, streak: 4 });
  });

  it('hands the store a ladder by streak whose last step holds for longer streaks', () => {
    const ladder = pointsByStreak(1_000, 20_000, 'standard');
    expect(ladder).toEqual([975, 1075, 1175, 1275, 1375, 1475]);
    expect(scoreFromLadder(true, ladder, 0)).toEqual({ points: 975, streak: 1 });
    expect(scoreFromLadder(true, ladder, 5)).toEqual({ points: 1475, streak: 6 });
    expect(scoreFromLadder(true, ladder, 40)).toEqual({ points: 1475, streak: 41 });
    expect(scoreFromLadder(false, ladder, 40)).toEqual({ points: 0, streak: 0 });
  });
});
