import type { RoomOptions } from '../../shared/client-events.js';

/** Answers faster than this earn the full 1000, so a fast thumb isn't beaten by network jitter. */
export const INSTANT_MS = 500;
export const MAX_POINTS = 1000;
export const STREAK_STEP = 100;
export const STREAK_BONUS_CAP = 500;

export type PointsMode = RoomOptions['pointsMode'];

const MULTIPLIER: Record<PointsMode, number> = { standard: 1, double: 2, none: 0 };

/** Kahoot!'s documented rule: 1000 for an instant answer, falling linearly to 500 at the deadline. */
export function basePoints(responseMs: number, timeLimitMs: number): number {
  if (responseMs < INSTANT_MS) return MAX_POINTS;
  const fraction = Math.min(responseMs, timeLimitMs) / timeLimitMs;
  return Math.round(MAX_POINTS * (1 - fraction / 2));
}

/** From the second correct answer in a row: 100 × (streak − 1), at most 500. */
export function streakBonus(streak: number): number {
  return streak < 2 ? 0 : Math.min(STREAK_BONUS_CAP, STREAK_STEP * (streak - 1));
}

export interface Scored {
  points: number;
  /** The streak after this answer: practice rooms keep streaks even though points stay 0. */
  streak: number;
}

/** Streaks longer than this earn no more bonus than this one. */
export const LONGEST_BONUS_STREAK = STREAK_BONUS_CAP / STREAK_STEP + 1;

/**
 * A correct answer's points by the streak it makes: entry i is for a streak of i + 1, and the last entry
 * holds for every longer streak. The store picks the entry, because only it knows the streak at the
 * moment the answer counts; handing it the whole ladder keeps the rule here and the answer one round trip.
 */
export function pointsByStreak(responseMs: number, timeLimitMs: number, mode: PointsMode): number[] {
  const base = basePoints(responseMs, timeLimitMs);
  return Array.from({ length: LONGEST_BONUS_STREAK }, (_, i) => (base + streakBonus(i + 1)) * MULTIPLIER[mode]);
}

/** What an answer scores once the streak before it is known. */
export function scoreFromLadder(correct: boolean, ladder: readonly number[], streakBefore: number): Scored {
  if (!correct) return { points: 0, streak: 0 };
  const streak = streakBefore + 1;
  return { points: ladder[Math.min(streak, ladder.length) - 1] ?? 0, streak };
}

export function scoreAnswer(input: {
  correct: boolean;
  responseMs: number;
  timeLimitMs: number;
  streakBefore: number;
  mode: PointsMode;
}): Scored {
  return scoreFromLadder(input.correct, pointsByStreak(input.responseMs, input.timeLimitMs, input.mode), input.streakBefore);
}
